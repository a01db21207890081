import * as assert from "assert";
import { WAF } from "../../../policy-pack/baseline";
import { wafManagedRulesAndRateLimit, wafManagedRulesConfig } from "../../../policy-pack/rules/wafv2/waf-managed-rules-and-rate-limit";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, MANAGED_GROUPS, managedRule, rateRule, WafRule, wafRules, webAcl } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "waf-managed-rules-and-rate-limit";
const program = (rules: WafRule[]) => () => {
    webAcl("acl", rules);
};
const withoutGroup = (group: string) => wafRules().filter((r) => r.name !== group);
const missing = (acl: string, groups: string) =>
    exactly(
        `WebAcl "${acl}" does not block with ${groups} (missing from rules, or in count mode). ` +
            "Add each as a managedRuleGroupStatement (vendorName AWS) with overrideAction { none: {} }.",
    );
const noRate = (acl: string) =>
    exactly(
        `WebAcl "${acl}" has no blocking rate-based rule (rules has no rateBasedStatement with action block), so a single IP can flood the API. ` +
            "Add a rateBasedStatement (aggregateKeyType IP) with action { block: {} }.",
    );
const exceeds = (acl: string, limit: number, max = 10000) =>
    exactly(
        `WebAcl "${acl}" rate limit ${limit} (statement.rateBasedStatement.limit) exceeds the allowed ${max} requests per 5 minutes. Lower it to at most ${max}.`,
    );
const ALL_GROUPS = "AWSManagedRulesAmazonIpReputationList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesSQLiRuleSet";
const unknownAt = (path: string, must: string) => exactly(`cannot be verified at preview: ${path} is unknown; it must ${must}.`);

describe(RULE, () => {
    it("pins the defaults to the baseline: the four managed groups and a 10000 limit", () => {
        assert.deepStrictEqual(wafManagedRulesConfig.defaults.requiredRuleGroups, [...WAF.requiredManagedRuleGroups]);
        assert.deepStrictEqual(wafManagedRulesAndRateLimit.configSchema?.properties.requiredRuleGroups.default, MANAGED_GROUPS);
        assert.strictEqual(wafManagedRulesConfig.defaults.maxRateLimit, WAF.maxRateLimit);
        assert.strictEqual(wafManagedRulesAndRateLimit.configSchema?.properties.maxRateLimit.default, 10000);
    });

    it("passes the compliant baseline: every group blocking and a blocking rate rule", async () => {
        assertNoFindings(await ruleFindings(RULE, program(wafRules())));
    });

    it("passes exactly at the maximum rate limit (10000)", async () => {
        assertNoFindings(await ruleFindings(RULE, program(wafRules(10000))));
    });

    it("rejects a rate limit of 10001, one above the maximum", async () => {
        assertFindings(await ruleFindings(RULE, program(wafRules(10001))), RULE, "mandatory", [{ resource: "acl", message: [exceeds("acl", 10001)] }]);
    });

    it("passes with one blocking rate rule within the maximum beside a looser one", async () => {
        assertNoFindings(await ruleFindings(RULE, program([...wafRules(20000), rateRule(2000, 9)])));
    });

    for (const group of MANAGED_GROUPS) {
        it(`rejects an ACL without ${group}, naming only it`, async () => {
            assertFindings(await ruleFindings(RULE, program(withoutGroup(group))), RULE, "mandatory", [{ resource: "acl", message: [missing("acl", group)] }]);
        });
    }

    it("a group in count mode does not block", async () => {
        const rules = wafRules().map((r) => (r.name === "AWSManagedRulesSQLiRuleSet" ? managedRule(r.name, r.priority as number, true) : r));
        assertFindings(await ruleFindings(RULE, program(rules)), RULE, "mandatory", [
            { resource: "acl", message: [missing("acl", "AWSManagedRulesSQLiRuleSet")] },
        ]);
    });

    it("rejects an ACL without a blocking rate rule (none, or counting)", async () => {
        const groups = MANAGED_GROUPS.map((g, i) => managedRule(g, i + 1));
        assertFindings(
            await ruleFindings(RULE, () => {
                webAcl("none", groups);
                webAcl("counting", [rateRule(100, 0, true), ...groups]);
            }),
            RULE,
            "mandatory",
            [
                { resource: "none", message: [noRate("none")] },
                { resource: "counting", message: [noRate("counting")] },
            ],
        );
    });

    it("rejects a weak ACL with one finding per problem", async () => {
        assertFindings(
            await ruleFindings(RULE, program([managedRule("AWSManagedRulesCommonRuleSet", 1), managedRule("AWSManagedRulesSQLiRuleSet", 2, true)])),
            RULE,
            "mandatory",
            [
                {
                    resource: "acl",
                    message: [missing("acl", "AWSManagedRulesAmazonIpReputationList, AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesSQLiRuleSet")],
                },
                { resource: "acl", message: [noRate("acl")] },
            ],
        );
    });

    it("reads rules given as ruleJson (PascalCase)", async () => {
        const json = JSON.stringify([
            { Name: "rate", Priority: 0, Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 100, AggregateKeyType: "IP" } } },
            ...MANAGED_GROUPS.map((g, i) => ({
                Name: g,
                Priority: i + 1,
                OverrideAction: { None: {} },
                Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: g } },
            })),
        ]);
        assertNoFindings(
            await ruleFindings(RULE, () => {
                webAcl("acl", [], { rules: undefined, ruleJson: json });
            }),
        );
    });

    it("the config changes the verdict: a lower maximum, and another required group", async () => {
        assertFindings(await ruleFindings(RULE, program(wafRules(2000)), { config: { [RULE]: { maxRateLimit: 1999 } } }), RULE, "mandatory", [
            { resource: "acl", message: [exceeds("acl", 2000, 1999)] },
        ]);
        assertFindings(
            await ruleFindings(RULE, program(wafRules()), {
                config: { [RULE]: { requiredRuleGroups: [...MANAGED_GROUPS, "AWSManagedRulesAnonymousIpList"] } },
            }),
            RULE,
            "mandatory",
            [{ resource: "acl", message: [missing("acl", "AWSManagedRulesAnonymousIpList")] }],
        );
    });

    it("rejects a config whose requiredRuleGroups has an empty or a repeated entry", async () => {
        for (const requiredRuleGroups of [[""], [...MANAGED_GROUPS, MANAGED_GROUPS[0]]]) {
            await assert.rejects(
                ruleFindings(RULE, program(wafRules()), { config: { [RULE]: { requiredRuleGroups } } }),
                /requiredRuleGroups/,
                JSON.stringify(requiredRuleGroups),
            );
        }
    });

    it("rejects every weak ACL", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                webAcl("a", wafRules(20000));
                webAcl("b", wafRules(20000));
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [exceeds("a", 20000)] },
                { resource: "b", message: [exceeds("b", 20000)] },
            ],
        );
    });

    it("rules or ruleJson built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            webAcl("whole", undefined, { rules: afterDeployment(wafRules(20000)) });
            webAcl("json", [], { ruleJson: afterDeployment("[]") });
        });
        const must = `block with ${ALL_GROUPS} and a rate-based rule of at most 10000`;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "whole", message: [unknownAt('WebAcl "whole".rules', must)] },
            { resource: "json", message: [unknownAt('WebAcl "json".ruleJson', must)] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "whole", message: [exceeds("whole", 20000)] },
            { resource: "json", message: [missing("json", ALL_GROUPS)] },
            { resource: "json", message: [noRate("json")] },
        ]);
    });

    it("a rule whose group, action or limit is built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const [rate, ...groups] = wafRules();
            const sqli = groups[3];
            const later = { ...sqli, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: afterDeployment("AWSManagedRulesAnonymousIpList") } } };
            webAcl("group", [rate, ...groups.slice(0, 3), later]);
            webAcl("action", [{ ...rate, action: afterDeployment({ count: {} }) }, ...groups]);
            webAcl("limit", [
                rateRule(20000),
                ...groups,
                { ...rateRule(100, 9), statement: { rateBasedStatement: { limit: afterDeployment(30000), aggregateKeyType: "IP" } } },
            ]);
        });
        const rateMust = "give the web ACL a blocking rate-based rule of at most 10000";
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "group",
                message: [
                    unknownAt('WebAcl "group".rules[4].statement.managedRuleGroupStatement.name', "let the web ACL block with AWSManagedRulesSQLiRuleSet"),
                ],
            },
            { resource: "action", message: [unknownAt('WebAcl "action".rules[0].action', rateMust)] },
            { resource: "limit", message: [unknownAt('WebAcl "limit".rules[5].statement.rateBasedStatement.limit', rateMust)] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "group", message: [missing("group", "AWSManagedRulesSQLiRuleSet")] },
            { resource: "action", message: [noRate("action")] },
            { resource: "limit", message: [exceeds("limit", 20000)] },
        ]);
    });
});
