/** IAM rules (the roles behind the API), in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { iamBackendRoleLeastPrivilege } from "./iam-backend-role-least-privilege";
import { iamCrossAccountRoleTrust } from "./iam-cross-account-role-trust";

export const iamRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [iamBackendRoleLeastPrivilege, iamCrossAccountRoleTrust];
