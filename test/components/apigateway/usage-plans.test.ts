import * as assert from "assert";
import { UsagePlans, UsagePlansArgs } from "../../../components";
import { assertRejectsBeforeCreating, names, runProgram } from "../../harness";

const planArgs = (overrides: Partial<UsagePlansArgs> = {}): UsagePlansArgs => ({
    restApiId: "api123",
    stageName: "prod",
    tiers: {
        free: { rateLimit: 5, burstLimit: 10, quotaLimit: 1000, quotaPeriod: "DAY" },
        premium: { rateLimit: 200, burstLimit: 400, quotaLimit: 1_000_000, quotaPeriod: "MONTH" },
    },
    clients: [
        { name: "acme", tier: "premium" },
        { name: "trial", tier: "free" },
    ],
    ...overrides,
});

describe("UsagePlans", () => {
    it("creates one plan per tier with throttling and quota on the stage", async () => {
        const plan = await runProgram(() => {
            new UsagePlans("plans", planArgs());
        });
        const plans = Object.fromEntries(plan.ofType("aws:apigateway/usagePlan:UsagePlan").map((p) => [p.name, p.props]));
        assert.deepStrictEqual(Object.keys(plans).sort(), ["plans-free", "plans-premium"]);
        assert.deepStrictEqual(plans["plans-free"].throttleSettings, { rateLimit: 5, burstLimit: 10 });
        assert.deepStrictEqual(plans["plans-premium"].quotaSettings, { limit: 1_000_000, period: "MONTH" });
        assert.deepStrictEqual(
            (plans["plans-free"].apiStages as { apiId: string; stage: string }[]).map((s) => [s.apiId, s.stage]),
            [["api123", "prod"]],
        );
        assert.deepStrictEqual(
            names(await plan.violations()).filter((n) => n.includes("usage-plan") || n.includes("api-key")),
            [],
        );
    });

    it("gives each client a key attached to its tier's plan, and exposes key values only as a secret", async () => {
        const plan = await runProgram(() => {
            const plans = new UsagePlans("plans", planArgs());
            return { values: plans.apiKeyValues, ids: plans.apiKeyIds, plans: plans.usagePlanIds };
        });
        const planKeys = plan.ofType("aws:apigateway/usagePlanKey:UsagePlanKey");
        const keyUrn = (client: string) => plan.one("aws:apigateway/apiKey:ApiKey", `plans-${client}-g1`).urn;
        const planUrn = (tier: string) => plan.one("aws:apigateway/usagePlan:UsagePlan", `plans-${tier}`).urn;
        for (const [client, tier] of [
            ["acme", "premium"],
            ["trial", "free"],
        ]) {
            const link = planKeys.find((k) => k.propertyDependencies.keyId.includes(keyUrn(client)))!;
            assert.ok(link.propertyDependencies.usagePlanId.includes(planUrn(tier)), `${client} is on ${tier}`);
        }
        assert.strictEqual(plan.outputs.values.secret, true);
        assert.deepStrictEqual(Object.keys(plan.outputs.values.value as object), ["acme", "trial"]);
        assert.strictEqual(plan.outputs.ids.secret, false);
        assert.deepStrictEqual(Object.keys(plan.outputs.plans.value as object), ["free", "premium"]);
    });

    it("applies per-method throttles inside each tier, never above the tier's limits", async () => {
        const plan = await runProgram(() => {
            new UsagePlans("plans", planArgs({ methodThrottles: [{ path: "/orders", method: "POST", rateLimit: 20, burstLimit: 40 }] }));
        });
        const throttles = (name: string) => (plan.props("aws:apigateway/usagePlan:UsagePlan", name).apiStages as { throttles: unknown[] }[])[0].throttles;
        assert.deepStrictEqual(throttles("plans-premium"), [{ path: "/orders/POST", rateLimit: 20, burstLimit: 40 }]);
        assert.deepStrictEqual(throttles("plans-free"), [{ path: "/orders/POST", rateLimit: 5, burstLimit: 10 }]);
    });

    const bad: [string, Partial<UsagePlansArgs>, RegExp][] = [
        ["a client on an unknown tier", { clients: [{ name: "x", tier: "gold" }] }, /clients\[0\]\.tier must be one of free, premium \(got "gold"\)/],
        [
            "an unknown quota period",
            { tiers: { free: { rateLimit: 1, burstLimit: 1, quotaLimit: 1, quotaPeriod: "YEAR" as "DAY" } } },
            /tiers\.free\.quotaPeriod must be one of DAY, WEEK, MONTH/,
        ],
        [
            "a zero quota",
            { tiers: { free: { rateLimit: 1, burstLimit: 1, quotaLimit: 0, quotaPeriod: "DAY" } } },
            /tiers\.free\.quotaLimit must be an integer from 1/,
        ],
        ["no tiers", { tiers: {} }, /tiers must define at least one tier/],
        [
            "duplicate clients",
            {
                clients: [
                    { name: "a", tier: "free" },
                    { name: "a", tier: "free" },
                ],
            },
            /clients\[1\]\.name duplicates client "a"/,
        ],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what} before creating anything`, () =>
            assertRejectsBeforeCreating(() => new UsagePlans("bad", planArgs(overrides)), /^UsagePlans/, message));
    }
});
