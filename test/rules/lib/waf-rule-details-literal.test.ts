/**
 * The WAFv2 rule details, literally: only an `AWS` vendor's managed group is named; excluded and
 * overridden rules without a name are "(unnamed)"; a rules JSON that is not JSON gives no rules; the JSON
 * spelling `CloudWatchMetricsEnabled` enables metrics like the Pulumi one.
 */
import * as assert from "assert";
import { disabledRules, managedGroupOf, metricsEnabled, rulesFromJson } from "../../../policy-pack/rules/lib/waf-rule-details";

const managed = (statement: Record<string, unknown>) => ({ name: "m", statement: { managedRuleGroupStatement: statement } });

describe("waf-rule-details (literal)", () => {
    it("managedGroupOf: names the group of the AWS vendor only", () => {
        assert.strictEqual(managedGroupOf(managed({ vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" })), "AWSManagedRulesCommonRuleSet");
        assert.strictEqual(managedGroupOf(managed({ vendorName: "F5", name: "OWASP_Core" })), undefined);
        assert.strictEqual(
            managedGroupOf({ Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesSQLiRuleSet" } } }),
            "AWSManagedRulesSQLiRuleSet",
        );
    });

    it("disabledRules: names an excluded or overridden rule without a name (unnamed)", () => {
        const rule = managed({
            vendorName: "AWS",
            name: "AWSManagedRulesCommonRuleSet",
            excludedRules: [{ name: "SizeRestrictions_BODY" }, {}],
            ruleActionOverrides: [
                { actionToUse: { count: {} } },
                { name: "NoUserAgent_HEADER", actionToUse: { block: {} } },
                { name: "GenericRFI_BODY", actionToUse: { Allow: {} } },
            ],
        });
        assert.deepStrictEqual(disabledRules(rule, ["count", "allow"]), [
            { rule: "SizeRestrictions_BODY", how: "excludedRules" },
            { rule: "(unnamed)", how: "excludedRules" },
            { rule: "(unnamed)", how: "ruleActionOverrides count" },
            { rule: "GenericRFI_BODY", how: "ruleActionOverrides allow" },
        ]);
    });

    it("rulesFromJson: the rules of a JSON list; none for absent, blank or malformed JSON", () => {
        assert.deepStrictEqual(rulesFromJson('[{"Name":"a"}]'), [{ Name: "a" }]);
        assert.deepStrictEqual(rulesFromJson('{"Name":"a"}'), [{ Name: "a" }]);
        assert.deepStrictEqual(rulesFromJson("[{not json"), []);
        assert.deepStrictEqual(rulesFromJson("  "), []);
        assert.deepStrictEqual(rulesFromJson(undefined), []);
    });

    it("metricsEnabled: either spelling set to true enables metrics", () => {
        assert.strictEqual(metricsEnabled({ cloudwatchMetricsEnabled: true }), true);
        assert.strictEqual(metricsEnabled({ CloudWatchMetricsEnabled: true }), true);
        assert.strictEqual(metricsEnabled({ CloudWatchMetricsEnabled: "true" }), false);
        assert.strictEqual(metricsEnabled(undefined), false);
    });
});
