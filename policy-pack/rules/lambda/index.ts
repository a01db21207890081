/** Lambda rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { lambdaEnvPlaintextSecrets } from "./lambda-env-plaintext-secrets";
import { lambdaPermissionScoped } from "./lambda-permission-scoped";
import { lambdaRuntimeSupported } from "./lambda-runtime-supported";

export const lambdaRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [lambdaPermissionScoped, lambdaRuntimeSupported, lambdaEnvPlaintextSecrets];
