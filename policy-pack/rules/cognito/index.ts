/** Cognito rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { cognitoAdvancedSecurity } from "./cognito-advanced-security";
import { cognitoAppClientSecure } from "./cognito-app-client-secure";
import { cognitoIdentityProviderHttps } from "./cognito-identity-provider-https";
import { cognitoMfa } from "./cognito-mfa";
import { cognitoPasswordPolicy } from "./cognito-password-policy";

export const cognitoRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    cognitoPasswordPolicy,
    cognitoMfa,
    cognitoAdvancedSecurity,
    cognitoAppClientSecure,
    cognitoIdentityProviderHttps,
];
