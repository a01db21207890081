/** CloudWatch (Logs) rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { cloudwatchAlarmAction } from "./cloudwatch-alarm-action";
import { logGroupKmsEncryption } from "./log-group-kms-encryption";
import { logGroupRetention } from "./log-group-retention";

export const cloudwatchRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [logGroupRetention, logGroupKmsEncryption, cloudwatchAlarmAction];
