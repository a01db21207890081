import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, wafRules, WafRule, webAcl } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "waf-cloudwatch-metrics";
const dark = (rule: WafRule): WafRule => ({
    ...rule,
    visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: true, metricName: String(rule.name) },
});
const darkAcl = { visibilityConfig: { cloudwatchMetricsEnabled: false, sampledRequestsEnabled: true, metricName: "acl" } };
/** The finding on a web ACL or rule group (`label`, e.g. `WebAcl "acl"`) that publishes no metrics itself. */
const selfDark = (label: string) =>
    exactly(
        `${label} publishes no CloudWatch metrics (visibilityConfig.cloudwatchMetricsEnabled is not true), so blocked and allowed traffic is invisible to alarms. ` +
            "Set visibilityConfig.cloudwatchMetricsEnabled: true.",
    );
/** The finding on the rules of `label` that publish no metrics (`rules`: `rule x publishes`, `rules x and y publish`), read from rules or `jsonKey`. */
const rulesDark = (label: string, rules: string, jsonKey: "ruleJson" | "rulesJson" = "ruleJson") =>
    exactly(
        `${label} ${rules} no CloudWatch metrics (rules[].visibilityConfig.cloudwatchMetricsEnabled is not true, in rules or ${jsonKey}), ` +
            "so what each rule blocks cannot be seen or alarmed on. Set visibilityConfig.cloudwatchMetricsEnabled: true on every rule.",
    );
const unknownAt = (path: string, must: string) => exactly(`cannot be verified at preview: ${path} is unknown; it must ${must}.`);

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
            { resource: "acl", message: [selfDark('WebAcl "acl"')] },
        ]);
    });

    it("reports the rules without metrics, by name, once per web ACL", async () => {
        const [rate, first, second, ...rest] = wafRules();
        assertFindings(await ruleFindings(RULE, () => webAcl("acl", [rate, dark(first), dark(second), ...rest])), RULE, "advisory", [
            {
                resource: "acl",
                message: [rulesDark('WebAcl "acl"', "rules AWSManagedRulesAmazonIpReputationList and AWSManagedRulesCommonRuleSet publish")],
            },
        ]);
    });

    it("reads rules given as ruleJson, naming a rule without a Name as (unnamed)", async () => {
        const rule = {
            Priority: 30,
            Action: { Block: {} },
            Statement: { GeoMatchStatement: { CountryCodes: ["KP"] } },
            VisibilityConfig: { CloudWatchMetricsEnabled: false, SampledRequestsEnabled: true, MetricName: "json" },
        };
        const json = JSON.stringify([
            { Name: "json-rule", ...rule },
            { ...rule, Priority: 31 },
        ]);
        assertFindings(await ruleFindings(RULE, () => webAcl("acl", undefined, { ruleJson: json })), RULE, "advisory", [
            { resource: "acl", message: [rulesDark('WebAcl "acl"', "rules json-rule and (unnamed) publish")] },
        ]);
    });

    it("judges rule groups, themselves and their rules", async () => {
        const found = await ruleFindings(RULE, () => {
            ruleGroup("dark-group", false, true);
            ruleGroup("dark-rule", true, false);
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "dark-group", message: [selfDark('RuleGroup "dark-group"')] },
            { resource: "dark-rule", message: [rulesDark('RuleGroup "dark-rule"', "rule block-bad-agent publishes", "rulesJson")] },
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
        const everyRule = "give every rule cloudwatchMetricsEnabled";
        const enable = "enable cloudwatchMetricsEnabled";
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "acl-json", message: [unknownAt('WebAcl "acl-json".ruleJson', everyRule)] },
            { resource: "acl-own", message: [unknownAt('WebAcl "acl-own".visibilityConfig.cloudwatchMetricsEnabled', enable)] },
            { resource: "acl-rule", message: [unknownAt('WebAcl "acl-rule".rules[0].visibilityConfig.cloudwatchMetricsEnabled', enable)] },
            { resource: "group-json", message: [unknownAt('RuleGroup "group-json".rulesJson', everyRule)] },
            { resource: "group-own", message: [unknownAt('RuleGroup "group-own".visibilityConfig.cloudwatchMetricsEnabled', enable)] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "acl-json", message: [rulesDark('WebAcl "acl-json"', "rule json-rule publishes")] },
            { resource: "acl-own", message: [selfDark('WebAcl "acl-own"')] },
            { resource: "acl-rule", message: [rulesDark('WebAcl "acl-rule"', "rule rate-0 publishes")] },
            { resource: "group-json", message: [rulesDark('RuleGroup "group-json"', "rule json-rule publishes", "rulesJson")] },
            { resource: "group-own", message: [selfDark('RuleGroup "group-own"')] },
        ]);
    });
});
