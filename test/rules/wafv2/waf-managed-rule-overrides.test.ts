import * as assert from "assert";
import { WAF } from "../../../policy-pack/baseline";
import { wafManagedRuleOverrides, wafManagedRuleOverridesConfig } from "../../../policy-pack/rules/wafv2/waf-managed-rule-overrides";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, managedRule, MANAGED_GROUPS, rateRule, WafRule, webAcl } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "waf-managed-rule-overrides";
const BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";
const COMMON = "AWSManagedRulesCommonRuleSet";

/** A required group whose named rules are overridden to `action`. */
function overridden(group: string, priority: number, action: "count" | "allow" | "block" | "captcha", ...rules: string[]): WafRule {
    const base = managedRule(group, priority);
    return {
        ...base,
        statement: {
            managedRuleGroupStatement: { vendorName: "AWS", name: group, ruleActionOverrides: rules.map((name) => ({ name, actionToUse: { [action]: {} } })) },
        },
    };
}
const acl =
    (...groups: WafRule[]) =>
    () => {
        const names = new Set(groups.map((g) => g.name));
        webAcl("acl", [rateRule(2000), ...groups, ...MANAGED_GROUPS.filter((g) => !names.has(g)).map((g, i) => managedRule(g, 10 + i))]);
    };

describe(RULE, () => {
    it("pins the default groups to the baseline and no allowed overrides", () => {
        assert.deepStrictEqual(wafManagedRuleOverridesConfig.defaults.requiredRuleGroups, [...WAF.requiredManagedRuleGroups]);
        assert.deepStrictEqual(wafManagedRuleOverrides.configSchema?.properties.requiredRuleGroups.default, MANAGED_GROUPS);
        assert.deepStrictEqual(wafManagedRuleOverrides.configSchema?.properties.allowedOverrides.default, []);
    });

    it("passes the compliant baseline, and overrides that still block or challenge", async () => {
        assertNoFindings(await ruleFindings(RULE, acl()));
        assertNoFindings(
            await ruleFindings(
                RULE,
                acl(overridden(COMMON, 1, "block", "SizeRestrictions_BODY"), overridden(BAD_INPUTS, 2, "captcha", "Host_localhost_HEADER")),
            ),
        );
    });

    it("reports Log4JRCE overridden to count in KnownBadInputs (Checkov CKV_AWS_192's case)", async () => {
        assertFindings(await ruleFindings(RULE, acl(overridden(BAD_INPUTS, 1, "count", "Log4JRCE_HEADER", "Log4JRCE_BODY"))), RULE, "mandatory", [
            {
                resource: "acl",
                message: [
                    /disables Log4JRCE_HEADER \(ruleActionOverrides count\) and Log4JRCE_BODY \(ruleActionOverrides count\) in the required group AWSManagedRulesKnownBadInputsRuleSet/,
                ],
            },
        ]);
    });

    it("reports a rule overridden to allow", async () => {
        assertFindings(await ruleFindings(RULE, acl(overridden(COMMON, 1, "allow", "CrossSiteScripting_BODY"))), RULE, "mandatory", [
            { resource: "acl", message: [/CrossSiteScripting_BODY \(ruleActionOverrides allow\)/, /AWSManagedRulesCommonRuleSet/, /allowedOverrides/] },
        ]);
    });

    it("reports legacy ExcludedRules given in ruleJson", async () => {
        const json = JSON.stringify([
            {
                Name: "bad-inputs-json",
                Priority: 20,
                OverrideAction: { None: {} },
                Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: BAD_INPUTS, ExcludedRules: [{ Name: "Log4JRCE" }] } },
                VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: "j" },
            },
        ]);
        assertFindings(
            await ruleFindings(RULE, () => {
                webAcl("acl", undefined, { ruleJson: json });
            }),
            RULE,
            "mandatory",
            [{ resource: "acl", message: [/Log4JRCE \(excludedRules\) in the required group AWSManagedRulesKnownBadInputsRuleSet/] }],
        );
    });

    it("does not judge groups that are not required", async () => {
        assertNoFindings(await ruleFindings(RULE, acl(overridden("AWSManagedRulesAnonymousIpList", 30, "count", "HostingProviderIPList"))));
    });

    it("accepts a (group, rule) allowed in config, and only that one", async () => {
        const config = {
            config: { [RULE]: { allowedOverrides: [{ group: COMMON, rule: "SizeRestrictions_BODY", reason: "uploads of 10 MB are expected" }] } },
        };
        assertNoFindings(await ruleFindings(RULE, acl(overridden(COMMON, 1, "count", "SizeRestrictions_BODY")), config));
        assertFindings(
            await ruleFindings(RULE, acl(overridden(COMMON, 1, "count", "SizeRestrictions_BODY", "NoUserAgent_HEADER")), config),
            RULE,
            "mandatory",
            [{ resource: "acl", message: [/disables NoUserAgent_HEADER \(ruleActionOverrides count\) in the required group/] }],
        );
    });

    it("reports each offending group of a web ACL, and every web ACL", async () => {
        const found = await ruleFindings(RULE, () => {
            webAcl("a", [
                rateRule(2000),
                overridden(COMMON, 1, "count", "GenericRFI_BODY"),
                overridden(BAD_INPUTS, 2, "count", "Log4JRCE"),
                ...MANAGED_GROUPS.filter((g) => g !== COMMON && g !== BAD_INPUTS).map((g, i) => managedRule(g, 5 + i)),
            ]);
            webAcl("b", [rateRule(2000), overridden(BAD_INPUTS, 1, "allow", "JavaDeserializationRCE_BODY")]);
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a", message: [/GenericRFI_BODY/, /AWSManagedRulesCommonRuleSet/] },
            { resource: "a", message: [/Log4JRCE \(ruleActionOverrides count\)/] },
            { resource: "b", message: [/JavaDeserializationRCE_BODY \(ruleActionOverrides allow\)/] },
        ]);
    });

    it("ruleJson or a managed group statement built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const excluded = JSON.stringify([
            {
                Name: "bad-inputs-json",
                Priority: 20,
                OverrideAction: { None: {} },
                Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: BAD_INPUTS, ExcludedRules: [{ Name: "Log4JRCE" }] } },
            },
        ]);
        const found = await ruleFindingsByMode(RULE, () => {
            const count = [{ name: "Log4JRCE_HEADER", actionToUse: { count: {} } }];
            const base = managedRule(BAD_INPUTS, 1);
            webAcl("json", [rateRule(2000)], { ruleJson: afterDeployment(excluded) });
            webAcl("whole", undefined, { rules: [rateRule(2000), afterDeployment(overridden(BAD_INPUTS, 1, "count", "Log4JRCE_BODY"))] });
            const uri = [{ name: "Log4JRCE_URI", actionToUse: { count: {} } }];
            webAcl("statement", [
                rateRule(2000),
                { ...base, statement: afterDeployment({ managedRuleGroupStatement: { vendorName: "AWS", name: BAD_INPUTS, ruleActionOverrides: uri } }) },
            ]);
            webAcl("name", [
                rateRule(2000),
                { ...base, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: afterDeployment(BAD_INPUTS), ruleActionOverrides: count } } },
            ]);
            webAcl("overrides", [
                rateRule(2000),
                { ...base, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: BAD_INPUTS, ruleActionOverrides: afterDeployment(count) } } },
            ]);
        });
        const keep =
            /it must keep every rule of AWSManagedRulesAmazonIpReputationList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesSQLiRuleSet in force\./;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "json", message: [/WebAcl "json"\.ruleJson is unknown;/, keep] },
            { resource: "whole", message: [/WebAcl "whole"\.rules\[1\] is unknown;/, keep] },
            { resource: "statement", message: [/WebAcl "statement"\.rules\[1\]\.statement is unknown;/, keep] },
            { resource: "name", message: [/WebAcl "name"\.rules\[1\]\.statement\.managedRuleGroupStatement\.name is unknown;/, keep] },
            { resource: "overrides", message: [/WebAcl "overrides"\.rules\[1\]\.statement\.managedRuleGroupStatement\.ruleActionOverrides is unknown;/, keep] },
        ]);
        const inBadInputs = /in the required group AWSManagedRulesKnownBadInputsRuleSet/;
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "json", message: [/disables Log4JRCE \(excludedRules\)/, inBadInputs] },
            { resource: "whole", message: [/disables Log4JRCE_BODY \(ruleActionOverrides count\)/, inBadInputs] },
            { resource: "statement", message: [/disables Log4JRCE_URI \(ruleActionOverrides count\)/, inBadInputs] },
            { resource: "name", message: [/disables Log4JRCE_HEADER \(ruleActionOverrides count\)/, inBadInputs] },
            { resource: "overrides", message: [/disables Log4JRCE_HEADER \(ruleActionOverrides count\)/, inBadInputs] },
        ]);
    });
});
