/**
 * summarizeWafRules and isFullyKnown, literally: the exact summaries of plain and snapshot rules. Pinned:
 * no extra rule when `ruleJson` is absent, "(unnamed)" for a rule without a name, the path "name" for an
 * unknown name, and every decisive value under an unknown statement or rule reported by its path.
 */
import * as assert from "assert";
import { UNKNOWN } from "../../../policy-pack/rules/lib/known";
import { isFullyKnown, summarizeWafRules } from "../../../policy-pack/rules/lib/waf-rules";

describe("summarizeWafRules (literal)", () => {
    it("summarises the rules input and ruleJson, and nothing more when ruleJson is absent", () => {
        const rules = [{ name: "rate", action: { block: {} }, statement: { rateBasedStatement: { limit: 1000 } } }];
        assert.deepStrictEqual(summarizeWafRules(rules), [{ name: "rate", managedRuleGroup: undefined, rateLimit: 1000, countOnly: false }]);
        assert.deepStrictEqual(summarizeWafRules([], undefined), []);
        assert.deepStrictEqual(summarizeWafRules(undefined, 42), []);
        assert.deepStrictEqual(
            summarizeWafRules(
                [],
                JSON.stringify([
                    { Name: "common", OverrideAction: { Count: {} }, Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesCommonRuleSet" } } },
                ]),
            ),
            [{ name: "common", managedRuleGroup: "AWSManagedRulesCommonRuleSet", rateLimit: undefined, countOnly: true }],
        );
    });

    it("names a rule without a name (unnamed)", () => {
        assert.deepStrictEqual(summarizeWafRules([{ action: { count: {} } }]), [
            { name: "(unnamed)", managedRuleGroup: undefined, rateLimit: undefined, countOnly: true },
        ]);
    });

    it("reports an unknown name by the path name", () => {
        const [summary] = summarizeWafRules([{ name: UNKNOWN, action: { block: {} } }]);
        assert.deepStrictEqual(summary, { name: "(unnamed)", managedRuleGroup: undefined, rateLimit: undefined, countOnly: false, unknown: ["name"] });
        assert.strictEqual(isFullyKnown(summary), false);
    });

    it("reports the values under an unknown statement, and every value of an unknown rule", () => {
        assert.deepStrictEqual(summarizeWafRules([{ name: "s", statement: UNKNOWN, action: { block: {} } }]), [
            {
                name: "s",
                managedRuleGroup: undefined,
                rateLimit: undefined,
                countOnly: false,
                unknown: ["statement.managedRuleGroupStatement.name", "statement.rateBasedStatement.limit"],
            },
        ]);
        assert.deepStrictEqual(summarizeWafRules([UNKNOWN]), [
            {
                name: "(unnamed)",
                managedRuleGroup: undefined,
                rateLimit: undefined,
                countOnly: false,
                unknown: ["name", "statement.managedRuleGroupStatement.name", "statement.rateBasedStatement.limit", "overrideAction", "action"],
            },
        ]);
    });

    it("isFullyKnown: true for a summary without unknown values", () => {
        assert.strictEqual(isFullyKnown({ name: "a", countOnly: false }), true);
        assert.strictEqual(isFullyKnown({ name: "a", countOnly: false, unknown: ["action"] }), false);
    });
});
