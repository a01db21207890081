import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { validateResourceOfType } from "@pulumi/policy";
import { evaluatePolicies } from "../../../policy-pack/gate/engine";
import { renderRuleTable } from "../../../policy-pack/rules/lib/catalog";
import { metadataOf, pulumiTypeOf, resourceRule, ruleConfig, stackRule, tagsOf } from "../../../policy-pack/rules/lib/rule";
import { WAIVERS_SCHEMA } from "../../../policy-pack/rules/lib/waivers";
import { runProgram } from "../../harness";

interface ExampleConfig {
    limit: number;
    names: string[];
}

describe("lib/rule: rule definitions, metadata and config", () => {
    const config = ruleConfig<ExampleConfig>({
        limit: { type: "integer", minimum: 1, default: 10, description: "A limit for the example." },
        names: { type: "array", items: { type: "string" }, default: ["a"], description: "Names for the example." },
    });
    const rule = resourceRule({
        name: "example-rule",
        service: "apigateway",
        description: "An example rule, for the tests.",
        remediationSteps: "Do the thing.",
        severity: "low",
        enforcementLevel: "advisory",
        controls: { checkov: ["CKV_AWS_1"], securityHub: ["X.1"] },
        config,
        validateResource: validateResourceOfType(aws.apigateway.Stage, () => undefined),
    });

    it("ruleConfig: the SDK schema, the defaults, and a reader that fills in what the config omits", () => {
        assert.deepStrictEqual(config.defaults, { limit: 10, names: ["a"] });
        assert.deepStrictEqual(config.schema.properties.limit, { type: "integer", minimum: 1, default: 10, description: "A limit for the example." });
        assert.deepStrictEqual(config.read({ getConfig: <T extends object>() => ({ limit: 3 }) as T }), { limit: 3, names: ["a"] });
        assert.deepStrictEqual(config.read({ getConfig: <T extends object>() => ({}) as T }), { limit: 10, names: ["a"] });
    });

    it("resourceRule: an SDK policy with severity, tags and schema, and its metadata", () => {
        assert.strictEqual(rule.severity, "low");
        assert.deepStrictEqual(rule.tags, ["service:apigateway", "securityhub:X.1", "checkov:CKV_AWS_1"]);
        // Its own keys, then `waivers`, which every rule takes.
        assert.deepStrictEqual(rule.configSchema, { ...config.schema, properties: { ...config.schema.properties, waivers: WAIVERS_SCHEMA } });
        const meta = metadataOf(rule);
        assert.deepStrictEqual(
            [meta.kind, meta.resourceTypes, meta.config.map((c) => c.key)],
            ["resource", ["aws:apigateway/stage:Stage"], ["limit", "names"]],
        );
    });

    it("stackRule: resource types from the classes it inspects", () => {
        const stack = stackRule({
            name: "example-stack-rule",
            service: "s3",
            description: "An example stack rule.",
            remediationSteps: "Fix it.",
            severity: "high",
            enforcementLevel: "mandatory",
            controls: {},
            inspects: [aws.s3.Bucket, aws.s3.BucketV2],
            validateStack: () => undefined,
        });
        assert.deepStrictEqual(metadataOf(stack).resourceTypes, ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
        assert.deepStrictEqual(stack.configSchema, { properties: { waivers: WAIVERS_SCHEMA } });
    });

    it("metadataOf refuses a policy not defined here; pulumiTypeOf a class without a type", () => {
        assert.throws(() => metadataOf({ name: "x", description: "y" }), /not defined with resourceRule\/stackRule/);
        assert.throws(() => pulumiTypeOf({}), /no __pulumiType/);
        assert.deepStrictEqual(tagsOf("wafv2", {}), ["service:wafv2"]);
    });

    it("renderRuleTable escapes table and emphasis characters", () => {
        const table = renderRuleTable([{ ...metadataOf(rule), description: "a | b with */*" }]);
        assert.match(
            table,
            /\| `example-rule` \| advisory \| low \| apigateway \/ resource \| a \\\| b with \\\*\/\\\* \| `limit` \(default `10`\), `names` \(default `\["a"\]`\) \| Security Hub: `X\.1`; Checkov: `CKV_AWS_1` \|/,
        );
    });

    it("a finding a rule states twice on one resource is reported once; other messages and resources still are", async () => {
        const common = {
            service: "cloudwatch",
            description: "Reports twice.",
            remediationSteps: "None.",
            severity: "low",
            enforcementLevel: "advisory",
            controls: {},
        } as const;
        const twice = resourceRule({
            ...common,
            name: "twice-rule",
            validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (_group, args, report) => {
                report(`${args.name}: the same gap`);
                report(`${args.name}: the same gap`);
                report(`${args.name}: another gap`);
            }),
        });
        const doubled = stackRule({
            ...common,
            name: "twice-stack-rule",
            inspects: [aws.cloudwatch.LogGroup],
            validateStack: (args, report) => {
                const groups = args.resources.filter((r) => r.isType(aws.cloudwatch.LogGroup));
                for (const r of [...groups, ...groups]) {
                    report("the same gap", r.urn);
                }
            },
        });
        const plan = await runProgram(() => {
            new aws.cloudwatch.LogGroup("a");
            new aws.cloudwatch.LogGroup("b");
        });
        const found = await evaluatePolicies([twice, doubled], plan.resources);
        assert.deepStrictEqual(found.map((v) => `${v.policyName} ${v.resourceName}: ${v.message}`).sort(), [
            "twice-rule a: a: another gap",
            "twice-rule a: a: the same gap",
            "twice-rule b: b: another gap",
            "twice-rule b: b: the same gap",
            "twice-stack-rule a: the same gap",
            "twice-stack-rule b: the same gap",
        ]);
    });
});
