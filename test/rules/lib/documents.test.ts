import * as assert from "assert";
import { snapshot } from "../../../policy-pack/rules/lib/known";
import { privateApiPolicyProblems } from "../../../policy-pack/rules/lib/resource-policy";
import { summarizeWafRules } from "../../../policy-pack/rules/lib/waf-rules";
import { previewProps, U } from "./preview-values";

describe("lib/resource-policy: private API resource policies", () => {
    const allow = (extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*", ...extra });

    it("accepts a wildcard Allow limited by aws:SourceVpce or aws:SourceVpc, or covered by a StringNotEquals Deny", () => {
        assert.deepStrictEqual(privateApiPolicyProblems({ Statement: [allow({ Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } })] }), []);
        assert.deepStrictEqual(privateApiPolicyProblems({ Statement: [allow({ Condition: { StringEquals: { "aws:sourcevpc": "vpc-1" } } })] }), []);
        const deny = {
            Effect: "Deny",
            Principal: { AWS: ["*"] },
            Action: "execute-api:Invoke",
            Resource: "*",
            Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": "vpce-1" } },
        };
        assert.deepStrictEqual(privateApiPolicyProblems(JSON.stringify({ Statement: [allow(), deny] })), []);
    });

    it("names each unlimited wildcard Allow, and rejects no policy, bad JSON or nothing allowed", () => {
        assert.deepStrictEqual(privateApiPolicyProblems({ Statement: [allow({ Sid: "open" }), allow({ Principal: { AWS: "*" } })] }), [
            'statement "open" allows principal "*" without an aws:SourceVpce or aws:SourceVpc condition',
            'statement "(no Sid)" allows principal "*" without an aws:SourceVpce or aws:SourceVpc condition',
        ]);
        assert.match(privateApiPolicyProblems(undefined)[0], /missing or is not valid JSON/);
        assert.match(privateApiPolicyProblems("{")[0], /missing or is not valid JSON/);
        assert.match(privateApiPolicyProblems({ Statement: [{ Effect: "Deny", Principal: "*" }] })[0], /allows nothing/);
        assert.deepStrictEqual(privateApiPolicyProblems({ Statement: [allow({ Principal: { AWS: "arn:aws:iam::1:root" } })] }), []);
    });
});

describe("lib/waf-rules: web ACL rule summaries", () => {
    it("summarises managed groups, rate limits and count mode, from rules and ruleJson", () => {
        assert.deepStrictEqual(
            summarizeWafRules(
                [
                    { name: "g", overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { name: "AWSManagedRulesSQLiRuleSet" } } },
                    { name: "r", action: { count: {} }, statement: { rateBasedStatement: { limit: 100 } } },
                ],
                JSON.stringify([{ Name: "j", Statement: { RateBasedStatement: { Limit: 5 } }, Action: { Block: {} } }]),
            ),
            [
                { name: "g", managedRuleGroup: "AWSManagedRulesSQLiRuleSet", rateLimit: undefined, countOnly: false },
                { name: "r", managedRuleGroup: undefined, rateLimit: 100, countOnly: true },
                { name: "j", managedRuleGroup: undefined, rateLimit: 5, countOnly: false },
            ],
        );
        assert.deepStrictEqual(summarizeWafRules(undefined, "not json"), []);
    });

    it("reports which decisive values are unknown in a preview snapshot, and ignores unknowns elsewhere", () => {
        const props = previewProps({
            rules: [
                { name: "ips", action: { block: {} }, statement: { ipSetReferenceStatement: { arn: U } } },
                { name: "g", overrideAction: U, statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet" } } },
                { name: "r", action: { block: {} }, statement: { rateBasedStatement: { limit: U } } },
            ],
        });
        const [ips, group, rate] = summarizeWafRules(snapshot(() => props.rules));
        assert.strictEqual(ips.unknown, undefined);
        assert.deepStrictEqual(group.unknown, ["overrideAction"]);
        assert.deepStrictEqual(rate.unknown, ["statement.rateBasedStatement.limit"]);
    });
});
