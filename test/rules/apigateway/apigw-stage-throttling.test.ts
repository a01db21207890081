import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, stage, THROTTLED } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-stage-throttling";

describe(RULE, () => {
    it("passes the compliant baseline: */* method settings with rate and burst", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                methodSettings("settings", api, stage("s", api));
            }),
        );
    });

    it("passes at the smallest positive limits (1)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                methodSettings("settings", api, stage("s", api), { throttlingRateLimit: 1, throttlingBurstLimit: 1 });
            }),
        );
    });

    it("rejects every stage without stage-wide method settings", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            stage("unthrottled", api);
            stage("unthrottled-too", api);
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "unthrottled", message: [/Stage "unthrottled" has no stage-wide throttling/, /methodPath "\*\/\*"/] },
            { resource: "unthrottled-too", message: [/methodPath "\*\/\*"/] },
        ]);
    });

    it("per-method settings do not throttle the stage", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                methodSettings("one-method", api, stage("s", api), THROTTLED, "orders/GET");
            }),
            RULE,
            "mandatory",
            [{ resource: "s", message: [/no stage-wide throttling/] }],
        );
    });

    it("settings of another stage do not count", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                stage("bare", api);
                methodSettings("other-settings", api, stage("other", api));
            }),
            RULE,
            "mandatory",
            [{ resource: "bare", message: [/no stage-wide throttling/] }],
        );
    });

    for (const [limit, settings] of [
        ["rate", { throttlingRateLimit: 0, throttlingBurstLimit: 1 }],
        ["burst", { throttlingRateLimit: 1, throttlingBurstLimit: 0 }],
    ] as const) {
        it(`rejects stage-wide settings with a zero ${limit} limit`, async () => {
            assertFindings(
                await ruleFindings(RULE, () => {
                    const api = restApi("api");
                    methodSettings("zero", api, stage("s", api), settings);
                }),
                RULE,
                "mandatory",
                [
                    {
                        resource: "s",
                        message: [
                            /has stage-wide method settings \(MethodSettings "zero"\) without positive throttling limits/,
                            /settings\.throttlingRateLimit and settings\.throttlingBurstLimit/,
                        ],
                    },
                ],
            );
        });
    }
});
