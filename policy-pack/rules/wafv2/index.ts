/** WAFv2 rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { wafLogging } from "./waf-logging";
import { wafManagedRulesAndRateLimit } from "./waf-managed-rules-and-rate-limit";

export const wafv2Rules: (ResourceValidationPolicy | StackValidationPolicy)[] = [wafManagedRulesAndRateLimit, wafLogging];
