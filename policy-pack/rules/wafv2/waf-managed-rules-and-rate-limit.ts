/** Web ACLs must block with the required AWS managed rule groups and a rate limit. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { WAF } from "../../baseline";
import { isUnknown, known, snapshot } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";
import { summarizeWafRules, WafRuleSummary } from "../lib/waf-rules";

/** Config of `waf-managed-rules-and-rate-limit`. */
export interface WafManagedRulesConfig {
    /** AWS managed rule group names every web ACL must block with. */
    requiredRuleGroups: string[];
    /** Largest allowed rate-based limit, requests per 5 minutes per IP. */
    maxRateLimit: number;
}

export const wafManagedRulesConfig = ruleConfig<WafManagedRulesConfig>({
    requiredRuleGroups: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [...WAF.requiredManagedRuleGroups],
        description: "AWS managed rule group names every web ACL must block with.",
    },
    maxRateLimit: {
        type: "integer",
        minimum: WAF.minRateLimit,
        default: WAF.maxRateLimit,
        description: "Largest allowed rate-based limit (requests per 5 minutes per IP).",
    },
});

/** The first rule whose decisive values are unknown, as `rules[i].path`. */
function firstUnknown(rules: readonly WafRuleSummary[]): string | undefined {
    const i = rules.findIndex((r) => r.unknown !== undefined);
    return i < 0 ? undefined : `rules[${i}].${rules[i].unknown?.[0]}`;
}

export const wafManagedRulesAndRateLimit = resourceRule({
    name: "waf-managed-rules-and-rate-limit",
    service: "wafv2",
    description:
        "Web ACLs must block with the AWS managed rule groups for common attacks/XSS, SQLi, known bad inputs and IP reputation, and have a blocking rate-based rule.",
    remediationSteps:
        "Add managedRuleGroupStatement rules for each required group with overrideAction none, and a rateBasedStatement rule with action block and a limit <= maxRateLimit.",
    severity: "high",
    enforcementLevel: "mandatory",
    // CKV_AWS_175 (a web ACL with no rule fails): stricter, four named groups and a rate rule. CKV_AWS_192
    // (KnownBadInputs present, not in count mode, Log4JRCE not excluded): presence and block mode here,
    // exclusions in waf-managed-rule-overrides (checkov tests/terraform/checks/resource/aws/test_WAFACLCVE202144228.py).
    controls: { securityHub: ["WAF.10"], checkov: ["CKV_AWS_175", "CKV_AWS_192"] },
    config: wafManagedRulesConfig,
    validateResource: validateResourceOfType(aws.wafv2.WebAcl, (acl, args, report) => {
        const label = describe(args);
        const { requiredRuleGroups, maxRateLimit } = wafManagedRulesConfig.read(args);
        const rules = snapshot(() => acl.rules);
        const ruleJson = known(() => acl.ruleJson, "ruleJson");
        const must = `block with ${listing(requiredRuleGroups)} and a rate-based rule of at most ${maxRateLimit}`;
        if (isUnknown(rules)) {
            report(unverifiable(label, "rules", must));
            return;
        }
        if (!ruleJson.known) {
            report(unverifiable(label, ruleJson.path, must));
            return;
        }
        const summaries = summarizeWafRules(rules, ruleJson.value);
        const undecided = firstUnknown(summaries);
        const blocking = summaries.filter((r) => r.unknown === undefined && !r.countOnly);
        const missing = requiredRuleGroups.filter((g) => !blocking.some((r) => r.managedRuleGroup === g));
        if (missing.length > 0) {
            report(
                undecided
                    ? unverifiable(label, undecided, `let the web ACL block with ${listing(missing)}`)
                    : `${label} does not block with ${listing(missing)} (missing from rules, or in count mode). ` +
                          "Add each as a managedRuleGroupStatement (vendorName AWS) with overrideAction { none: {} }.",
            );
        }
        const rate = blocking.filter((r) => r.rateLimit !== undefined);
        if (rate.length === 0) {
            report(
                undecided
                    ? unverifiable(label, undecided, `give the web ACL a blocking rate-based rule of at most ${maxRateLimit}`)
                    : `${label} has no blocking rate-based rule (rules has no rateBasedStatement with action block), so a single IP can flood the API. ` +
                          "Add a rateBasedStatement (aggregateKeyType IP) with action { block: {} }.",
            );
        } else if (rate.every((r) => (r.rateLimit ?? 0) > maxRateLimit)) {
            report(
                undecided
                    ? unverifiable(label, undecided, `give the web ACL a blocking rate-based rule of at most ${maxRateLimit}`)
                    : `${label} rate limit ${Math.min(...rate.map((r) => r.rateLimit ?? 0))} (statement.rateBasedStatement.limit) exceeds the allowed ${maxRateLimit} requests per 5 minutes. Lower it to at most ${maxRateLimit}.`,
            );
        }
    }),
});
