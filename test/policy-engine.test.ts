/** The offline policy engine: config resolution and enforcement levels, as `--policy-pack-config` defines them. */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { evaluatePolicies, PolicyConfigError, resolvePolicyConfig } from "../policy-pack/gate/engine";
import { policies } from "../policy-pack/rules";
import { logGroupRetention } from "../policy-pack/rules/cloudwatch/log-group-retention";
import { runProgram } from "./harness";

describe("policy engine", () => {
    it("applies schema defaults, then the config file, and lets a string set the level", () => {
        assert.deepStrictEqual(resolvePolicyConfig(logGroupRetention), { level: "mandatory", config: { minRetentionDays: 90, waivers: [] } });
        assert.deepStrictEqual(resolvePolicyConfig(logGroupRetention, { "log-group-retention": { minRetentionDays: 14 } }), {
            level: "mandatory",
            config: { minRetentionDays: 14, waivers: [] },
        });
        assert.strictEqual(resolvePolicyConfig(logGroupRetention, { "log-group-retention": "advisory" }).level, "advisory");
        assert.strictEqual(resolvePolicyConfig(logGroupRetention, { all: "disabled" }).level, "disabled");
    });

    it("rejects config that does not fit a rule's schema, naming the rule and key", () => {
        assert.throws(
            () => resolvePolicyConfig(logGroupRetention, { "log-group-retention": { minRetention: 14 } }),
            /log-group-retention: unknown config key "minRetention"; allowed: minRetentionDays/,
        );
        assert.throws(
            () => resolvePolicyConfig(logGroupRetention, { "log-group-retention": { minRetentionDays: "14" } }),
            /minRetentionDays: expected integer/,
        );
        assert.throws(
            () => resolvePolicyConfig(logGroupRetention, { "log-group-retention": "strict" as "advisory" }),
            /enforcementLevel must be one of advisory, mandatory, remediate, disabled/,
        );
    });

    it("waives, downgrades and configures rules over real resources", async () => {
        const plan = await runProgram(() => {
            new aws.cloudwatch.LogGroup("short", { retentionInDays: 14, kmsKeyId: "arn:aws:kms:us-east-1:1:key/x" });
        });
        const run = (config?: Parameters<typeof evaluatePolicies>[2]) =>
            evaluatePolicies(policies, plan.resources, config).then((vs) => vs.map((v) => `${v.policyName}:${v.enforcementLevel}`));
        assert.deepStrictEqual(await run(), ["log-group-retention:mandatory"]);
        assert.deepStrictEqual(await run({ config: { "log-group-retention": { minRetentionDays: 14 } } }), []);
        assert.deepStrictEqual(await run({ config: { "log-group-retention": "advisory" } }), ["log-group-retention:advisory"]);
        assert.deepStrictEqual(await run({ config: { "log-group-retention": "disabled" } }), []);
        await assert.rejects(
            run({ config: { "no-such-rule": "disabled" } }),
            (err: Error) => err instanceof PolicyConfigError && /unknown policy "no-such-rule"/.test(err.message),
        );
    });

    it("rule names are unique and stable-looking", () => {
        const all = policies.map((p) => p.name);
        assert.strictEqual(new Set(all).size, all.length);
        assert.ok(
            all.every((n) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(n)),
            "kebab-case names",
        );
    });
});
