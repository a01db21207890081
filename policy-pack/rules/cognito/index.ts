/** Cognito rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { cognitoAdvancedSecurity } from "./cognito-advanced-security";
import { cognitoMfa } from "./cognito-mfa";
import { cognitoPasswordPolicy } from "./cognito-password-policy";

export const cognitoRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [cognitoPasswordPolicy, cognitoMfa, cognitoAdvancedSecurity];
