/** WAFv2 rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { wafCloudwatchMetrics } from "./waf-cloudwatch-metrics";
import { wafLogging } from "./waf-logging";
import { wafManagedRuleOverrides } from "./waf-managed-rule-overrides";
import { wafManagedRulesAndRateLimit } from "./waf-managed-rules-and-rate-limit";

export const wafv2Rules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    wafManagedRulesAndRateLimit,
    wafLogging,
    wafManagedRuleOverrides,
    wafCloudwatchMetrics,
];
