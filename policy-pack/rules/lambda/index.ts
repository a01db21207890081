/** Lambda rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { lambdaEnvPlaintextSecrets } from "./lambda-env-plaintext-secrets";

export const lambdaRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    lambdaEnvPlaintextSecrets,
];
