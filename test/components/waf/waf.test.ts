import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { MANAGED_RULE_GROUPS, WebAcl, WebAclArgs } from "../../../components";
import { summarizeWafRules } from "../../../policy-pack/rules/lib/waf-rules";
import { assertRejectsBeforeCreating, names, runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

const STAGE_ARN = "arn:aws:apigateway:us-east-1::/restapis/abc/stages/dev";
/** The part of an ApiEndpoint a web ACL reads. */
const stage = (stageArn: string) => ({ stageArn: pulumi.output(stageArn), supportsWaf: true });
const wafArgs = (overrides: Partial<WebAclArgs> = {}): WebAclArgs => ({
    endpoints: [stage(STAGE_ARN)],
    logRetentionInDays: 30,
    kmsKeyArn: KMS_ARN,
    ...overrides,
});

describe("WebAcl", () => {
    it("blocks with a per-IP rate rule and the AWS managed groups, in a fixed order", async () => {
        const plan = await runProgram(() => {
            new WebAcl("edge", wafArgs());
        });
        const acl = plan.props("aws:wafv2/webAcl:WebAcl");
        assert.strictEqual(acl.scope, "REGIONAL");
        assert.deepStrictEqual(acl.defaultAction, { allow: {} });
        const rules = summarizeWafRules(acl.rules);
        assert.deepStrictEqual(
            rules.map((r) => r.managedRuleGroup ?? r.name),
            ["rate-limit-per-ip", ...MANAGED_RULE_GROUPS],
        );
        assert.ok(
            rules.every((r) => !r.countOnly),
            "nothing only counts",
        );
        assert.strictEqual(rules[0].rateLimit, 2000);
        const priorities = (acl.rules as { priority: number }[]).map((r) => r.priority);
        assert.strictEqual(new Set(priorities).size, priorities.length, "priorities are unique");
        assert.deepStrictEqual(
            names(await plan.violations()).filter((n) => n.startsWith("waf")),
            [],
        );
    });

    it("logs to an encrypted aws-waf-logs-* group with credentials redacted", async () => {
        const plan = await runProgram(() => {
            new WebAcl("edge", wafArgs());
        });
        const group = plan.props("aws:cloudwatch/logGroup:LogGroup");
        assert.strictEqual(group.name, "aws-waf-logs-edge");
        assert.strictEqual(group.kmsKeyId, KMS_ARN);
        const logging = plan.props("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
        assert.deepStrictEqual(logging.logDestinationConfigs, [`arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-edge`]);
        assert.deepStrictEqual(
            (logging.redactedFields as { singleHeader: { name: string } }[]).map((f) => f.singleHeader.name),
            ["authorization", "x-api-key", "cookie"],
        );
    });

    it("associates the ACL with every given stage", async () => {
        const second = "arn:aws:apigateway:us-east-1::/restapis/def/stages/prod";
        const plan = await runProgram(() => {
            new WebAcl("edge", wafArgs({ endpoints: [stage(STAGE_ARN), stage(second)] }));
        });
        assert.deepStrictEqual(
            plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").map((a) => a.props.resourceArn),
            [STAGE_ARN, second],
        );
    });

    it("blocks denied IPs first and, with an allow list, everything not on it", async () => {
        const plan = await runProgram(() => {
            new WebAcl("edge", wafArgs({ blockedIpCidrs: ["198.51.100.0/24"], allowedIpCidrs: ["203.0.113.0/24"], rateLimit: 500 }));
        });
        const sets = plan.ofType("aws:wafv2/ipSet:IpSet").map((s) => s.props.addresses);
        assert.deepStrictEqual(sets.sort(), [["198.51.100.0/24"], ["203.0.113.0/24"]]);
        const rules = plan.props("aws:wafv2/webAcl:WebAcl").rules as { name: string; statement: Record<string, unknown> }[];
        assert.deepStrictEqual(
            rules.slice(0, 3).map((r) => r.name),
            ["block-denied-ips", "block-not-allowed-ips", "rate-limit-per-ip"],
        );
        assert.ok("notStatement" in rules[1].statement);
        assert.strictEqual(summarizeWafRules(rules)[2].rateLimit, 500);
    });

    it("can switch single managed rules to count, which the pack accepts only when the policy config allows the rule with a reason", async () => {
        const plan = await runProgram(() => {
            new WebAcl("edge", wafArgs({ countOnlyManagedRules: ["SizeRestrictions_BODY"] }));
        });
        const common = (
            plan.props("aws:wafv2/webAcl:WebAcl").rules as { name: string; statement: { managedRuleGroupStatement: { ruleActionOverrides?: unknown[] } } }[]
        ).find((r) => r.name === "AWSManagedRulesCommonRuleSet")!;
        assert.deepStrictEqual(common.statement.managedRuleGroupStatement.ruleActionOverrides, [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]);
        const found = (await plan.violations()).filter((v) => v.policyName.startsWith("waf"));
        assert.deepStrictEqual(
            found.map((v) => v.policyName),
            ["waf-managed-rule-overrides"],
        );
        assert.match(found[0].message, /disables SizeRestrictions_BODY \(ruleActionOverrides count\) in the required group AWSManagedRulesCommonRuleSet/);
        const allowed = {
            "waf-managed-rule-overrides": {
                allowedOverrides: [{ group: "AWSManagedRulesCommonRuleSet", rule: "SizeRestrictions_BODY", reason: "large uploads" }],
            },
        };
        assert.deepStrictEqual(
            names(await plan.violations({ config: allowed })).filter((n) => n.startsWith("waf")),
            [],
        );
    });

    const bad: [string, Partial<WebAclArgs>, RegExp][] = [
        ["a rate limit below 10", { rateLimit: 5 }, /rateLimit must be an integer from 10 to 10000 \(got 5\)/],
        ["a rate limit above what the WAF rule accepts", { rateLimit: 50000 }, /rateLimit must be an integer from 10 to 10000 \(got 50000\)/],
        [
            "an allow list covering all of IPv4 in two halves",
            { allowedIpCidrs: ["0.0.0.0/1", "128.0.0.0/1"] },
            /allowedIpCidrs must not contain 0\.0\.0\.0\/0 or open .*together cover every IPv4 address/,
        ],
        ["a /0 spelled differently", { blockedIpCidrs: ["10.0.0.1/0"] }, /blockedIpCidrs\[0\] must be an IPv4 CIDR.*host bits set/],
        ["an allow list of the whole internet", { allowedIpCidrs: ["0.0.0.0/0"] }, /allowedIpCidrs must not contain 0\.0\.0\.0\/0/],
        ["no stages", { endpoints: [] }, /endpoints must list at least one stage ARN/],
        ["a bad log retention", { logRetentionInDays: 2 }, /logRetentionInDays must be one of/],
        ["a malformed rule name", { countOnlyManagedRules: ["Size Restrictions"] }, /countOnlyManagedRules\[0\] must be a managed rule name/],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what} before creating anything`, () => assertRejectsBeforeCreating(() => new WebAcl("bad", wafArgs(overrides)), /^WebAcl/, message));
    }
    it("writes exactly these IP sets, rules and children for an allow list, a deny list and a count-only rule (literal expectations)", async () => {
        const plan = await runProgram(() => {
            new WebAcl(
                "edge",
                wafArgs({ allowedIpCidrs: ["203.0.113.0/24"], blockedIpCidrs: ["198.51.100.7/32"], countOnlyManagedRules: ["SizeRestrictions_BODY"] }),
            );
        });
        const sets = plan.ofType("aws:wafv2/ipSet:IpSet").map((r) => [r.name, r.props.scope, r.props.ipAddressVersion, r.props.addresses]);
        assert.deepStrictEqual(sets, [
            ["edge-denied", "REGIONAL", "IPV4", ["198.51.100.7/32"]],
            ["edge-allowed", "REGIONAL", "IPV4", ["203.0.113.0/24"]],
        ]);
        const [denySet, allowSet] = plan.ofType("aws:wafv2/ipSet:IpSet").map((r) => r.outputs?.arn);
        const seen = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
        const managed = (name: string, priority: number, metric: string, overrides?: unknown[]) => ({
            name,
            priority,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name, ...(overrides ? { ruleActionOverrides: overrides } : {}) } },
            visibilityConfig: seen(metric),
        });
        const acl = plan.props("aws:wafv2/webAcl:WebAcl");
        assert.strictEqual(acl.description, "Protects edge");
        assert.deepStrictEqual(acl.visibilityConfig, seen("edge"));
        assert.deepStrictEqual(acl.rules, [
            {
                name: "block-denied-ips",
                priority: 0,
                action: { block: {} },
                statement: { ipSetReferenceStatement: { arn: denySet } },
                visibilityConfig: seen("edge-denied-ips"),
            },
            {
                name: "block-not-allowed-ips",
                priority: 1,
                action: { block: {} },
                statement: { notStatement: { statement: { ipSetReferenceStatement: { arn: allowSet } } } },
                visibilityConfig: seen("edge-not-allowed-ips"),
            },
            {
                name: "rate-limit-per-ip",
                priority: 10,
                action: { block: {} },
                statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
                visibilityConfig: seen("edge-rate-limit"),
            },
            managed("AWSManagedRulesAmazonIpReputationList", 20, "edge-awsmanagedrulesamazonipreputationlist"),
            managed("AWSManagedRulesCommonRuleSet", 30, "edge-awsmanagedrulescommonruleset", [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]),
            managed("AWSManagedRulesKnownBadInputsRuleSet", 40, "edge-awsmanagedrulesknownbadinputsruleset"),
            managed("AWSManagedRulesSQLiRuleSet", 50, "edge-awsmanagedrulessqliruleset"),
        ]);
        const component = plan.one("secure-api:waf:WebAcl").urn;
        assert.deepStrictEqual(
            plan
                .childrenOf(component)
                .map((r) => r.name)
                .sort(),
            ["edge", "edge-allowed", "edge-denied", "edge-logging", "edge-logs", "edge-stage-0"],
        );
        // Without count-only rules no managed group carries overrides (not even an empty list).
        const plain = await runProgram(() => {
            new WebAcl("edge", wafArgs());
        });
        const groups = (plain.props("aws:wafv2/webAcl:WebAcl").rules as { statement: { managedRuleGroupStatement?: Record<string, unknown> } }[]).flatMap(
            (r) => (r.statement.managedRuleGroupStatement ? [r.statement.managedRuleGroupStatement] : []),
        );
        assert.deepStrictEqual(
            groups.filter((g) => "ruleActionOverrides" in g),
            [],
        );
    });

    it("names the endpoint WAF cannot be associated with", async () => {
        const error = await assertRejectsBeforeCreating(
            () => new WebAcl("edge", wafArgs({ endpoints: [stage(STAGE_ARN), { ...stage(STAGE_ARN), supportsWaf: false }] })),
        );
        assert.strictEqual(error.message, "WebAcl: endpoints[1] is an API kind WAF cannot be associated with");
    });
});
