import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { WAF } from "../../../policy-pack/baseline";
import { wafManagedRuleOverrides, wafManagedRuleOverridesConfig } from "../../../policy-pack/rules/wafv2/waf-managed-rule-overrides";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, managedRule, MANAGED_GROUPS, rateRule, WafRule, webAcl } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "waf-managed-rule-overrides";
const BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";
const COMMON = "AWSManagedRulesCommonRuleSet";
const SQLI = "AWSManagedRulesSQLiRuleSet";
const REASON = "uploads of 10 MB are expected";
type WafRuleGroupStatement = aws.types.input.wafv2.WebAclRuleStatement["managedRuleGroupStatement"];
/** The finding on web ACL `name` that disables `rules` (`X (ruleActionOverrides count)`, listed) in the required `group`. */
const disables = (name: string, rules: string, group: string) =>
    exactly(
        `WebAcl "${name}" disables ${rules} in the required group ${group}, so the attacks those rules stop pass through. ` +
            "Remove them from managedRuleGroupStatement.ruleActionOverrides / excludedRules, or allow each (group, rule) with a reason in allowedOverrides.",
    );

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
                message: [disables("acl", "Log4JRCE_HEADER (ruleActionOverrides count) and Log4JRCE_BODY (ruleActionOverrides count)", BAD_INPUTS)],
            },
        ]);
    });

    it("reports a rule overridden to allow", async () => {
        assertFindings(await ruleFindings(RULE, acl(overridden(COMMON, 1, "allow", "CrossSiteScripting_BODY"))), RULE, "mandatory", [
            { resource: "acl", message: [disables("acl", "CrossSiteScripting_BODY (ruleActionOverrides allow)", COMMON)] },
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
            [{ resource: "acl", message: [disables("acl", "Log4JRCE (excludedRules)", BAD_INPUTS)] }],
        );
    });

    it("does not judge groups that are not required", async () => {
        assertNoFindings(await ruleFindings(RULE, acl(overridden("AWSManagedRulesAnonymousIpList", 30, "count", "HostingProviderIPList"))));
    });

    it("accepts a (group, rule) allowed in config, and only that one", async () => {
        const config = { config: { [RULE]: { allowedOverrides: [{ group: COMMON, rule: "SizeRestrictions_BODY", reason: REASON }] } } };
        assertNoFindings(await ruleFindings(RULE, acl(overridden(COMMON, 1, "count", "SizeRestrictions_BODY")), config));
        assertFindings(
            await ruleFindings(RULE, acl(overridden(COMMON, 1, "count", "SizeRestrictions_BODY", "NoUserAgent_HEADER")), config),
            RULE,
            "mandatory",
            [{ resource: "acl", message: [disables("acl", "NoUserAgent_HEADER (ruleActionOverrides count)", COMMON)] }],
        );
    });

    it("an allowed (group, rule) covers that group only: the same rule name in another required group is reported", async () => {
        const config = { config: { [RULE]: { allowedOverrides: [{ group: COMMON, rule: "SizeRestrictions_BODY", reason: REASON }] } } };
        assertFindings(await ruleFindings(RULE, acl(overridden(SQLI, 1, "count", "SizeRestrictions_BODY")), config), RULE, "mandatory", [
            { resource: "acl", message: [disables("acl", "SizeRestrictions_BODY (ruleActionOverrides count)", SQLI)] },
        ]);
    });

    it("rejects a config with an empty or repeated required group, or an allowed override that is not a complete (group, rule, reason)", async () => {
        const entry = { group: COMMON, rule: "SizeRestrictions_BODY", reason: REASON };
        const bad: [string, Record<string, unknown>][] = [
            ["an empty required group", { requiredRuleGroups: [""] }],
            ["a repeated required group", { requiredRuleGroups: [...MANAGED_GROUPS, COMMON] }],
            ["an override that is not an object", { allowedOverrides: [`${COMMON}/SizeRestrictions_BODY`] }],
            ...(["group", "rule", "reason"] as const).flatMap((key): [string, Record<string, unknown>][] => [
                [`an override without ${key}`, { allowedOverrides: [Object.fromEntries(Object.entries(entry).filter(([k]) => k !== key))] }],
                [`an override with an empty ${key}`, { allowedOverrides: [{ ...entry, [key]: "" }] }],
            ]),
            ["an override with another property", { allowedOverrides: [{ ...entry, expires: "2030-01-01" }] }],
        ];
        for (const [what, config] of bad) {
            await assert.rejects(ruleFindings(RULE, acl(), { config: { [RULE]: config } }), new RegExp(Object.keys(config)[0]), what);
        }
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
            { resource: "a", message: [disables("a", "GenericRFI_BODY (ruleActionOverrides count)", COMMON)] },
            { resource: "a", message: [disables("a", "Log4JRCE (ruleActionOverrides count)", BAD_INPUTS)] },
            { resource: "b", message: [disables("b", "JavaDeserializationRCE_BODY (ruleActionOverrides allow)", BAD_INPUTS)] },
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
            const withStatement = (name: string, managedRuleGroupStatement: WafRuleGroupStatement) =>
                webAcl(name, [rateRule(2000), { ...base, statement: { managedRuleGroupStatement } }]);
            webAcl("json", [rateRule(2000)], { ruleJson: afterDeployment(excluded) });
            webAcl("whole", undefined, { rules: [rateRule(2000), afterDeployment(overridden(BAD_INPUTS, 1, "count", "Log4JRCE_BODY"))] });
            const uri = [{ name: "Log4JRCE_URI", actionToUse: { count: {} } }];
            webAcl("statement", [
                rateRule(2000),
                { ...base, statement: afterDeployment({ managedRuleGroupStatement: { vendorName: "AWS", name: BAD_INPUTS, ruleActionOverrides: uri } }) },
            ]);
            withStatement("group", afterDeployment({ vendorName: "AWS", name: BAD_INPUTS, ruleActionOverrides: count }));
            withStatement("vendor", { vendorName: afterDeployment("AWS"), name: BAD_INPUTS, ruleActionOverrides: count });
            withStatement("name", { vendorName: "AWS", name: afterDeployment(BAD_INPUTS), ruleActionOverrides: count });
            withStatement("overrides", { vendorName: "AWS", name: BAD_INPUTS, ruleActionOverrides: afterDeployment(count) });
        });
        const keep =
            "keep every rule of AWSManagedRulesAmazonIpReputationList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesSQLiRuleSet in force";
        const unknownAt = (acl: string, path: string) => exactly(`cannot be verified at preview: WebAcl "${acl}".${path} is unknown; it must ${keep}.`);
        const group = "rules[1].statement.managedRuleGroupStatement";
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "json", message: [unknownAt("json", "ruleJson")] },
            { resource: "whole", message: [unknownAt("whole", "rules[1]")] },
            { resource: "statement", message: [unknownAt("statement", "rules[1].statement")] },
            { resource: "group", message: [unknownAt("group", group)] },
            { resource: "vendor", message: [unknownAt("vendor", `${group}.vendorName`)] },
            { resource: "name", message: [unknownAt("name", `${group}.name`)] },
            { resource: "overrides", message: [unknownAt("overrides", `${group}.ruleActionOverrides`)] },
        ]);
        const header = (acl: string) => ({ resource: acl, message: [disables(acl, "Log4JRCE_HEADER (ruleActionOverrides count)", BAD_INPUTS)] });
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "json", message: [disables("json", "Log4JRCE (excludedRules)", BAD_INPUTS)] },
            { resource: "whole", message: [disables("whole", "Log4JRCE_BODY (ruleActionOverrides count)", BAD_INPUTS)] },
            { resource: "statement", message: [disables("statement", "Log4JRCE_URI (ruleActionOverrides count)", BAD_INPUTS)] },
            header("group"),
            header("vendor"),
            header("name"),
            header("overrides"),
        ]);
    });
});
