/** Cognito rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { cognitoAdvancedSecurity } from "./cognito-advanced-security";
import { cognitoAppClientIdentityProviders } from "./cognito-app-client-identity-providers";
import { cognitoAppClientSecure } from "./cognito-app-client-secure";
import { cognitoIdentityPoolUnauthenticated } from "./cognito-identity-pool-unauthenticated";
import { cognitoIdentityProviderHttps } from "./cognito-identity-provider-https";
import { cognitoMfa } from "./cognito-mfa";
import { cognitoPasswordPolicy } from "./cognito-password-policy";
import { cognitoUserPoolDeletionProtection } from "./cognito-user-pool-deletion-protection";
import { cognitoUserPoolSelfSignUp } from "./cognito-user-pool-self-sign-up";

export const cognitoRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    cognitoPasswordPolicy,
    cognitoMfa,
    cognitoAdvancedSecurity,
    cognitoAppClientSecure,
    cognitoIdentityProviderHttps,
    cognitoUserPoolSelfSignUp,
    cognitoUserPoolDeletionProtection,
    cognitoIdentityPoolUnauthenticated,
    cognitoAppClientIdentityProviders,
];
