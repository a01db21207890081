/** Required AWS managed rule groups must not have rules excluded or overridden to count/allow, unless allowed in config with a reason. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { WAF, WAF_DISABLING_RULE_ACTIONS } from "../../baseline";
import { isUnknown, knownDeep, snapshot, unknownPaths } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";
import { asArray } from "../lib/values";
import { disabledRules, field, managedGroupOf, rulesFromJson } from "../lib/waf-rule-details";

/** A rule of a managed group that may be excluded or counted, and why. */
export interface AllowedOverride {
    /** Managed rule group name, e.g. `AWSManagedRulesCommonRuleSet`. */
    group: string;
    /** Rule name inside the group, e.g. `SizeRestrictions_BODY`. */
    rule: string;
    /** Why the rule is disabled (a reviewed false positive). */
    reason: string;
}

/** Config of `waf-managed-rule-overrides`. */
export interface WafManagedRuleOverridesConfig {
    /** AWS managed rule groups whose rules must all stay in force (the groups `waf-managed-rules-and-rate-limit` requires). */
    requiredRuleGroups: string[];
    /** (group, rule) pairs that may be excluded or overridden, each with a reason. */
    allowedOverrides: AllowedOverride[];
}

export const wafManagedRuleOverridesConfig = ruleConfig<WafManagedRuleOverridesConfig>({
    requiredRuleGroups: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [...WAF.requiredManagedRuleGroups],
        description: "AWS managed rule groups whose rules must all stay in force.",
    },
    allowedOverrides: {
        type: "array",
        items: {
            type: "object",
            properties: { group: { type: "string", minLength: 1 }, rule: { type: "string", minLength: 1 }, reason: { type: "string", minLength: 1 } },
            required: ["group", "rule", "reason"],
            additionalProperties: false,
        },
        default: [],
        description: "(group, rule) pairs that may be excluded or overridden to count/allow, each with a reason.",
    },
});

const DISABLING: readonly string[] = WAF_DISABLING_RULE_ACTIONS;
const DECISIVE = ["name", "vendorName", "excludedRules", "ruleActionOverrides"];

/** Paths of the unknown values that decide this rule: which managed group it is and what it disables (not, e.g., an IP set ARN of a scope-down). */
function decisiveUnknowns(rule: unknown): string[] {
    const statement = field(rule, "statement");
    const group = field(statement, "managedRuleGroupStatement");
    if (isUnknown(rule) || isUnknown(statement) || isUnknown(group)) {
        return [isUnknown(rule) ? "" : isUnknown(statement) ? "statement" : "statement.managedRuleGroupStatement"];
    }
    return DECISIVE.flatMap((k) => unknownPaths(field(group, k), `statement.managedRuleGroupStatement.${k}`));
}

export const wafManagedRuleOverrides = resourceRule({
    name: "waf-managed-rule-overrides",
    service: "wafv2",
    description:
        "Required AWS managed rule groups in a web ACL must keep every rule in force: no excludedRules and no ruleActionOverrides to count or allow, except (group, rule) pairs allowed in config with a reason.",
    remediationSteps:
        "Remove the rule from managedRuleGroupStatement.ruleActionOverrides (or excludedRules), or list the (group, rule) with a reason under allowedOverrides in the policy config.",
    severity: "high",
    enforcementLevel: "mandatory",
    // CKV_AWS_192's Log4JRCE-excluded / overridden-to-count cases (the other half is waf-managed-rules-and-rate-limit's).
    controls: { checkov: ["CKV_AWS_192"] },
    config: wafManagedRuleOverridesConfig,
    validateResource: validateResourceOfType(aws.wafv2.WebAcl, (acl, args, report) => {
        const label = describe(args);
        const { requiredRuleGroups, allowedOverrides } = wafManagedRuleOverridesConfig.read(args);
        const ruleJson = knownDeep(() => acl.ruleJson, "ruleJson");
        if (!ruleJson.known) {
            report(unverifiable(label, ruleJson.path, `keep every rule of ${listing(requiredRuleGroups)} in force`));
            return;
        }
        const rules = [...asArray(snapshot(() => acl.rules)), ...rulesFromJson(ruleJson.value)];
        for (const [i, rule] of rules.entries()) {
            const unknown = decisiveUnknowns(rule);
            if (unknown.length > 0) {
                report(unverifiable(label, `rules[${i}]${unknown[0] ? `.${unknown[0]}` : ""}`, `keep every rule of ${listing(requiredRuleGroups)} in force`));
                continue;
            }
            const group = managedGroupOf(rule);
            if (!group || !requiredRuleGroups.includes(group)) {
                continue;
            }
            const disabled = disabledRules(rule, DISABLING).filter((d) => !allowedOverrides.some((a) => a.group === group && a.rule === d.rule));
            if (disabled.length > 0) {
                report(
                    `${label} disables ${listing(disabled.map((d) => `${d.rule} (${d.how})`))} in the required group ${group}, so the attacks those rules stop pass through. ` +
                        "Remove them from managedRuleGroupStatement.ruleActionOverrides / excludedRules, or allow each (group, rule) with a reason in allowedOverrides.",
                );
            }
        }
    }),
});
