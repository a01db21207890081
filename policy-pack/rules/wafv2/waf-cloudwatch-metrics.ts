/** Web ACLs and rule groups should publish CloudWatch metrics for themselves and every rule. */
import * as aws from "@pulumi/aws";
import { ReportViolation, validateResourceOfType } from "@pulumi/policy";
import { knownDeep, snapshot, unknownPaths } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";
import { asArray, asString } from "../lib/values";
import { field, metricsEnabled, rulesFromJson } from "../lib/waf-rule-details";

/** Judges a web ACL or rule group: its own visibilityConfig, and each rule's (from `rules` and the JSON form). */
function judge(label: string, visibility: unknown, rules: unknown, json: unknown, jsonKey: string, report: ReportViolation): void {
    const all = [...asArray(rules), ...rulesFromJson(json)];
    const unknown = [
        ...unknownPaths(visibility, "visibilityConfig"),
        ...all.flatMap((r, i) => unknownPaths(field(r, "visibilityConfig"), `rules[${i}].visibilityConfig`)),
    ];
    if (unknown.length > 0) {
        report(unverifiable(label, unknown[0], "enable cloudwatchMetricsEnabled"));
        return;
    }
    if (!metricsEnabled(visibility)) {
        report(
            `${label} publishes no CloudWatch metrics (visibilityConfig.cloudwatchMetricsEnabled is not true), so blocked and allowed traffic is invisible to alarms. ` +
                "Set visibilityConfig.cloudwatchMetricsEnabled: true.",
        );
    }
    const dark = all.filter((r) => !metricsEnabled(field(r, "visibilityConfig"))).map((r) => asString(field(r, "name")) ?? "(unnamed)");
    if (dark.length > 0) {
        report(
            `${label} rule${dark.length === 1 ? "" : "s"} ${listing(dark)} publish${dark.length === 1 ? "es" : ""} no CloudWatch metrics (rules[].visibilityConfig.cloudwatchMetricsEnabled is not true, in rules or ${jsonKey}), ` +
                "so what each rule blocks cannot be seen or alarmed on. Set visibilityConfig.cloudwatchMetricsEnabled: true on every rule.",
        );
    }
}

export const wafCloudwatchMetrics = resourceRule({
    name: "waf-cloudwatch-metrics",
    service: "wafv2",
    description: "WAFv2 web ACLs and rule groups should enable CloudWatch metrics (visibilityConfig.cloudwatchMetricsEnabled) on themselves and on every rule.",
    remediationSteps: "Set visibilityConfig.cloudwatchMetricsEnabled: true on the web ACL or rule group and on each of its rules.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: { securityHub: ["WAF.12"] },
    validateResource: [
        validateResourceOfType(aws.wafv2.WebAcl, (acl, args, report) => {
            const json = knownDeep(() => acl.ruleJson, "ruleJson");
            if (!json.known) {
                report(unverifiable(describe(args), json.path, "give every rule cloudwatchMetricsEnabled"));
                return;
            }
            judge(
                describe(args),
                snapshot(() => acl.visibilityConfig),
                snapshot(() => acl.rules),
                json.value,
                "ruleJson",
                report,
            );
        }),
        validateResourceOfType(aws.wafv2.RuleGroup, (group, args, report) => {
            const json = knownDeep(() => group.rulesJson, "rulesJson");
            if (!json.known) {
                report(unverifiable(describe(args), json.path, "give every rule cloudwatchMetricsEnabled"));
                return;
            }
            judge(
                describe(args),
                snapshot(() => group.visibilityConfig),
                snapshot(() => group.rules),
                json.value,
                "rulesJson",
                report,
            );
        }),
    ],
});
