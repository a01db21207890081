/**
 * Pins, with literal expectations, the pure argument checks of canary settings
 * (`canaryPhase`: traffic bounds, stage variable names and values, boolean
 * flags) and of usage plans (`validateUsagePlans`: tier and client names,
 * throttles, reader role ARNs): exact messages and the limits' boundaries.
 */
import * as assert from "assert";
import { canaryPhase, CanarySettings, UsagePlansSettings, validateUsagePlans } from "../../../components";
import { thrown } from "../../harness";

const phase = (canary: Partial<CanarySettings>) => canaryPhase("RestApi", "canary", { percentTraffic: 10, ...canary });
const phaseError = (canary: Partial<CanarySettings>) => thrown(() => phase(canary)).message;

describe("canaryPhase: literal limits", () => {
    it("accepts percentTraffic at both ends of 0-100", () => {
        assert.strictEqual(phase({ percentTraffic: 0 }), "testing");
        assert.strictEqual(phase({ percentTraffic: 100 }), "testing");
    });

    it("rejects percentTraffic just outside 0-100", () => {
        assert.strictEqual(phaseError({ percentTraffic: -1 }), "RestApi: canary.percentTraffic must be a number from 0 to 100 (got -1)");
        assert.strictEqual(phaseError({ percentTraffic: 100.5 }), "RestApi: canary.percentTraffic must be a number from 0 to 100 (got 100.5)");
    });

    it("rejects a NaN, an infinite or a string percentTraffic", () => {
        assert.strictEqual(phaseError({ percentTraffic: NaN }), "RestApi: canary.percentTraffic must be a number from 0 to 100 (got null)");
        assert.strictEqual(phaseError({ percentTraffic: Infinity }), "RestApi: canary.percentTraffic must be a number from 0 to 100 (got null)");
        assert.strictEqual(
            phaseError({ percentTraffic: "10" as unknown as number }),
            'RestApi: canary.percentTraffic must be a number from 0 to 100 (got "10")',
        );
    });

    it("accepts stage variable names of letters, digits and _ up to 64 characters", () => {
        assert.strictEqual(phase({ stageVariableOverrides: { backend_V2: "v2", ["a".repeat(64)]: "x" } }), "testing");
    });

    it("rejects a stage variable name with a dash, whether at the start or the end", () => {
        const message = (name: string) => `RestApi: canary.stageVariableOverrides has a name API Gateway refuses: ${JSON.stringify(name)} (letters, digits, _)`;
        assert.strictEqual(phaseError({ stageVariableOverrides: { "bad-name": "x" } }), message("bad-name"));
        assert.strictEqual(phaseError({ stageVariableOverrides: { "name-": "x" } }), message("name-"));
        assert.strictEqual(phaseError({ stageVariableOverrides: { "-name": "x" } }), message("-name"));
    });

    it("rejects a stage variable name of 65 characters", () => {
        const name = "a".repeat(65);
        assert.strictEqual(
            phaseError({ stageVariableOverrides: { [name]: "x" } }),
            `RestApi: canary.stageVariableOverrides has a name API Gateway refuses: "${name}" (letters, digits, _)`,
        );
    });

    it("accepts stage variable values of 1 and 512 allowed characters", () => {
        assert.strictEqual(phase({ stageVariableOverrides: { one: "a", all: "aZ09-._~:/?#&=,", long: "b".repeat(512) } }), "testing");
    });

    it("rejects a stage variable value of 513 characters, an empty one, and one with a space at either end", () => {
        const message = (value: string) =>
            `RestApi: canary.stageVariableOverrides.backend must be 1-512 letters, digits or -._~:/?#&=, (got ${JSON.stringify(value)})`;
        for (const value of ["c".repeat(513), "", " v2", "v2 "]) {
            assert.strictEqual(phaseError({ stageVariableOverrides: { backend: value } }), message(value));
        }
    });

    it("rejects a stage variable value that is a number, even one made of digits", () => {
        assert.strictEqual(
            phaseError({ stageVariableOverrides: { backend: 5 as unknown as string } }),
            "RestApi: canary.stageVariableOverrides.backend must be 1-512 letters, digits or -._~:/?#&=, (got 5)",
        );
    });

    it("rejects useStageCache, promote or rollback that are not booleans, naming the flag", () => {
        for (const flag of ["useStageCache", "promote", "rollback"] as const) {
            assert.strictEqual(phaseError({ [flag]: "yes" }), `RestApi: canary.${flag} must be true or false (got "yes")`);
        }
        assert.strictEqual(phase({ useStageCache: true }), "testing");
    });
});

const settings = (overrides: Partial<UsagePlansSettings> = {}): UsagePlansSettings => ({
    tiers: { free: { rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: "DAY" } },
    clients: [{ name: "acme", tier: "free" }],
    ...overrides,
});
const tier = { rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: "DAY" as const };
const planError = (overrides: Partial<UsagePlansSettings>) => thrown(() => validateUsagePlans(settings(overrides))).message;

describe("validateUsagePlans: literal limits", () => {
    it("accepts tier names of lower-case letters, digits and - up to 64 characters, and returns them", () => {
        const long = "t".repeat(64);
        assert.deepStrictEqual(validateUsagePlans(settings({ tiers: { "gold-2": tier, [long]: tier }, clients: [] })), ["gold-2", long]);
    });

    it("rejects an upper-case tier name, one ending in _ and one of 65 characters", () => {
        for (const name of ["Gold", "gold_", "t".repeat(65)]) {
            assert.strictEqual(
                planError({ tiers: { [name]: tier }, clients: [] }),
                `UsagePlans: tiers.${name} must be a lower-case name (letters, digits, -) (got ${JSON.stringify(name)})`,
            );
        }
    });

    it("names the tier when its throttle is out of bounds", () => {
        assert.strictEqual(
            planError({ tiers: { free: { ...tier, rateLimit: 0 } } }),
            "UsagePlans: tiers.free.rateLimit must be a number above 0 and at most 10000 (got 0)",
        );
    });

    it("accepts settings without a client list", () => {
        const { clients: _clients, ...rest } = settings();
        assert.deepStrictEqual(validateUsagePlans(rest as UsagePlansSettings), ["free"]);
    });

    it("accepts client names of letters, digits, _ and - up to 64 characters", () => {
        const long = "C".repeat(64);
        const clients = [
            { name: "Acme_Corp-2", tier: "free" },
            { name: long, tier: "free" },
        ];
        assert.deepStrictEqual(validateUsagePlans(settings({ clients })), ["free"]);
    });

    it("rejects a client name with a space at either end or of 65 characters", () => {
        for (const name of [" acme", "acme ", "C".repeat(65)]) {
            assert.strictEqual(
                planError({ clients: [{ name, tier: "free" }] }),
                `UsagePlans: clients[0].name must be letters, digits, _ or - (got ${JSON.stringify(name)})`,
            );
        }
    });

    it("accepts reader roles in the aws, aws-cn and aws-us-gov partitions", () => {
        const clients = ["aws", "aws-cn", "aws-us-gov"].map((partition, i) => ({
            name: `c${i}`,
            tier: "free",
            secret: { readerRoleArn: `arn:${partition}:iam::123456789012:role/team/reader` },
        }));
        assert.deepStrictEqual(validateUsagePlans(settings({ clients })), ["free"]);
    });

    it("rejects a reader role ARN with text before or after it", () => {
        for (const readerRoleArn of ["xarn:aws:iam::123456789012:role/reader", "arn:aws:iam::123456789012:role/reader team"]) {
            assert.strictEqual(
                planError({ clients: [{ name: "acme", tier: "free", secret: { readerRoleArn } }] }),
                `UsagePlans: clients[0].secret.readerRoleArn must be an IAM role ARN (got ${JSON.stringify(readerRoleArn)})`,
            );
        }
    });

    it("checks each per-method throttle, naming its index", () => {
        const methodThrottles = [
            { path: "/orders", method: "GET" as const, rateLimit: 1, burstLimit: 1 },
            { path: "/orders", method: "POST" as const, rateLimit: 0, burstLimit: 1 },
        ];
        assert.strictEqual(planError({ methodThrottles }), "UsagePlans: methodThrottles[1].rateLimit must be a number above 0 and at most 10000 (got 0)");
    });
});
