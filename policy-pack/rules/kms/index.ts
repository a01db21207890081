/** KMS key rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { kmsKeyDeletionWindow } from "./kms-key-deletion-window";
import { kmsKeyPolicySecure } from "./kms-key-policy-secure";
import { kmsKeyRotation } from "./kms-key-rotation";

export const kmsRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [kmsKeyRotation, kmsKeyPolicySecure, kmsKeyDeletionWindow];
