import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, methodSettings, restApi, stage, THROTTLED } from "../builders";
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

    it("limits, methodPath, the settings block or the link to the stage built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const settings = (
                name: string,
                s: aws.apigateway.Stage,
                value: aws.apigateway.MethodSettingsArgs["settings"],
                methodPath: pulumi.Input<string> = "*/*",
            ) => new aws.apigateway.MethodSettings(name, { restApi: api.id, stageName: s.stageName, methodPath, settings: value });
            settings("rate-settings", stage("rate", api), { ...THROTTLED, throttlingRateLimit: afterDeployment(0) });
            settings("whole-settings", stage("whole", api), afterDeployment({ ...THROTTLED, throttlingBurstLimit: 0 }));
            settings("path-settings", stage("path", api), THROTTLED, afterDeployment("orders/GET"));
            // Decided whatever the unknowns become: a known zero limit, and other settings that throttle the stage.
            settings("mixed-settings", stage("mixed", api), { ...THROTTLED, throttlingRateLimit: 0, throttlingBurstLimit: afterDeployment(20) });
            const safe = stage("safe", api);
            settings("safe-settings", safe, THROTTLED);
            settings("safe-unknown", safe, { ...THROTTLED, throttlingRateLimit: afterDeployment(0) });
            // Settings whose stageName is built from no stage: at update they turn out to throttle the stage (so no definite finding at preview).
            const other = restApi("other");
            stage("later", other);
            new aws.apigateway.MethodSettings("later-settings", {
                restApi: other.id,
                stageName: afterDeployment("later"),
                methodPath: "*/*",
                settings: THROTTLED,
            });
            // The same from the other side: a stage whose stageName is built from no stage.
            const third = restApi("third");
            stage("named", third, { stageName: afterDeployment("named") });
            new aws.apigateway.MethodSettings("named-settings", {
                restApi: third.id,
                stageName: "named",
                methodPath: "*/*",
                settings: { ...THROTTLED, throttlingRateLimit: 0 },
            });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "rate",
                message: [
                    /cannot be verified at preview: MethodSettings "rate-settings"\.settings\.throttlingRateLimit is unknown; it must be positive, so that Stage "rate" is throttled\./,
                ],
            },
            {
                resource: "whole",
                message: [
                    /MethodSettings "whole-settings"\.settings is unknown; it must set positive throttlingRateLimit and throttlingBurstLimit, so that Stage "whole" is throttled\./,
                ],
            },
            {
                resource: "path",
                message: [
                    /MethodSettings "path-settings"\.methodPath is unknown; it must be "\*\/\*" with positive throttling limits, or Stage "path" needs other stage-wide method settings\./,
                ],
            },
            {
                resource: "mixed",
                message: [/Stage "mixed" has stage-wide method settings \(MethodSettings "mixed-settings"\) without positive throttling limits/],
            },
            {
                resource: "later",
                message: [
                    /MethodSettings "later-settings"\.stageName is unknown; it must be the stageName of Stage "later" \(with methodPath "\*\/\*" and positive throttling limits\), or Stage "later" needs other stage-wide method settings\./,
                ],
            },
            {
                resource: "named",
                message: [/Stage "named"\.stageName is unknown; it must be the stageName of MethodSettings "named-settings" \(with methodPath "\*\/\*"/],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            {
                resource: "named",
                message: [/Stage "named" has stage-wide method settings \(MethodSettings "named-settings"\) without positive throttling limits/],
            },
            {
                resource: "rate",
                message: [/Stage "rate" has stage-wide method settings \(MethodSettings "rate-settings"\) without positive throttling limits/],
            },
            {
                resource: "whole",
                message: [/Stage "whole" has stage-wide method settings \(MethodSettings "whole-settings"\) without positive throttling limits/],
            },
            { resource: "path", message: [/Stage "path" has no stage-wide throttling/] },
            {
                resource: "mixed",
                message: [/Stage "mixed" has stage-wide method settings \(MethodSettings "mixed-settings"\) without positive throttling limits/],
            },
        ]);
    });
});
