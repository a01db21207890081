import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, wafRules, WafRule, webAcl } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "waf-cloudwatch-metrics";
const dark = (rule: WafRule): WafRule => ({
    ...rule,
    visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: true, metricName: String(rule.name) },
});
const darkAcl = { visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: true, metricName: "acl" } };

function ruleGroup(name: string, metrics: pulumi.Input<boolean>, ruleMetrics: boolean, args: Partial<aws.wafv2.RuleGroupArgs> = {}): aws.wafv2.RuleGroup {
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
        ...args,
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

    it("metrics settings or rules JSON built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const darkJson = JSON.stringify([
            {
                Name: "json-rule",
                Priority: 30,
                Action: { Block: {} },
                Statement: { GeoMatchStatement: { CountryCodes: ["KP"] } },
                VisibilityConfig: { CloudWatchMetricsEnabled: false, SampledRequestsEnabled: true, MetricName: "json" },
            },
        ]);
        const found = await ruleFindingsByMode(RULE, () => {
            webAcl("acl-json", wafRules(), { ruleJson: afterDeployment(darkJson) });
            webAcl("acl-own", wafRules(), {
                visibilityConfig: { cloudwatchMetricsEnabled: afterDeployment(false), sampledRequestsEnabled: true, metricName: "acl" },
            });
            const [rate, ...rest] = wafRules();
            webAcl("acl-rule", [
                { ...rate, visibilityConfig: { cloudwatchMetricsEnabled: afterDeployment(false), sampledRequestsEnabled: true, metricName: "r" } },
                ...rest,
            ]);
            ruleGroup("group-json", true, true, { rules: undefined, rulesJson: afterDeployment(darkJson) });
            ruleGroup("group-own", afterDeployment(false), true);
        });
        const everyRule = /it must give every rule cloudwatchMetricsEnabled\./;
        const enable = /it must enable cloudwatchMetricsEnabled\./;
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "acl-json", message: [/WebAcl "acl-json"\.ruleJson is unknown;/, everyRule] },
            { resource: "acl-own", message: [/WebAcl "acl-own"\.visibilityConfig\.cloudwatchMetricsEnabled is unknown;/, enable] },
            { resource: "acl-rule", message: [/WebAcl "acl-rule"\.rules\[0\]\.visibilityConfig\.cloudwatchMetricsEnabled is unknown;/, enable] },
            { resource: "group-json", message: [/RuleGroup "group-json"\.rulesJson is unknown;/, everyRule] },
            { resource: "group-own", message: [/RuleGroup "group-own"\.visibilityConfig\.cloudwatchMetricsEnabled is unknown;/, enable] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "acl-json", message: [/rule json-rule publishes no CloudWatch metrics/, /ruleJson/] },
            { resource: "acl-own", message: [/WebAcl "acl-own" publishes no CloudWatch metrics/] },
            { resource: "acl-rule", message: [/rule rate-0 publishes no CloudWatch metrics/] },
            { resource: "group-json", message: [/rule json-rule publishes no CloudWatch metrics/, /rulesJson/] },
            { resource: "group-own", message: [/RuleGroup "group-own" publishes no CloudWatch metrics/] },
        ]);
    });
});
