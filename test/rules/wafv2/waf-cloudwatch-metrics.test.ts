import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { wafRules, WafRule, webAcl } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "waf-cloudwatch-metrics";
const dark = (rule: WafRule): WafRule => ({
    ...rule,
    visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: true, metricName: String(rule.name) },
});
const darkAcl = { visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: true, metricName: "acl" } };

function ruleGroup(name: string, metrics: boolean, ruleMetrics: boolean): aws.wafv2.RuleGroup {
    return new aws.wafv2.RuleGroup(name, {
        scope: "REGIONAL",
        capacity: 10,
        visibilityConfig: { cloudwatchMetricsEnabled: metrics, sampledRequestsEnabled: true, metricName: name },
        rules: [
            {
                name: "block-bad-agent",
                priority: 1,
                action: { block: {} },
                statement: {
                    byteMatchStatement: {
                        searchString: "badbot",
                        fieldToMatch: { singleHeader: { name: "user-agent" } },
                        positionalConstraint: "CONTAINS",
                        textTransformations: [{ priority: 0, type: "LOWERCASE" }],
                    },
                },
                visibilityConfig: { cloudwatchMetricsEnabled: ruleMetrics, sampledRequestsEnabled: true, metricName: "bad-agent" },
            },
        ],
    });
}

describe(RULE, () => {
    it("passes the compliant baseline: the web ACL and every rule publish metrics", async () => {
        assertNoFindings(await ruleFindings(RULE, () => webAcl("acl")));
        assertNoFindings(await ruleFindings(RULE, () => ruleGroup("group", true, true)));
    });

    it("reports (advisory) a web ACL without metrics", async () => {
        assertFindings(await ruleFindings(RULE, () => webAcl("acl", wafRules(), darkAcl)), RULE, "advisory", [
            { resource: "acl", message: [/WebAcl "acl" publishes no CloudWatch metrics \(visibilityConfig\.cloudwatchMetricsEnabled is not true\)/] },
        ]);
    });

    it("reports the rules without metrics, by name, once per web ACL", async () => {
        const [rate, first, second, ...rest] = wafRules();
        assertFindings(await ruleFindings(RULE, () => webAcl("acl", [rate, dark(first), dark(second), ...rest])), RULE, "advisory", [
            { resource: "acl", message: [/rules AWSManagedRulesAmazonIpReputationList and AWSManagedRulesCommonRuleSet publish no CloudWatch metrics/] },
        ]);
    });

    it("reads rules given as ruleJson", async () => {
        const json = JSON.stringify([
            {
                Name: "json-rule",
                Priority: 30,
                Action: { Block: {} },
                Statement: { GeoMatchStatement: { CountryCodes: ["KP"] } },
                VisibilityConfig: { CloudWatchMetricsEnabled: false, SampledRequestsEnabled: true, MetricName: "json" },
            },
        ]);
        assertFindings(await ruleFindings(RULE, () => webAcl("acl", undefined, { ruleJson: json })), RULE, "advisory", [
            { resource: "acl", message: [/rule json-rule publishes no CloudWatch metrics/, /ruleJson/] },
        ]);
    });

    it("judges rule groups, themselves and their rules", async () => {
        const found = await ruleFindings(RULE, () => {
            ruleGroup("dark-group", false, true);
            ruleGroup("dark-rule", true, false);
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "dark-group", message: [/RuleGroup "dark-group" publishes no CloudWatch metrics/] },
            { resource: "dark-rule", message: [/rule block-bad-agent publishes no CloudWatch metrics/, /rulesJson/] },
        ]);
    });
});
