import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, methodSettings, restApi, Settings, stage, THROTTLED } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-method-settings-throttling";
const program =
    (settings: Settings, methodPath = "*/*") =>
    () => {
        const api = restApi("api");
        methodSettings("settings", api, stage("s", api), settings, methodPath);
    };

describe(RULE, () => {
    it("passes the compliant baseline: positive limits, no data trace", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 10, throttlingBurstLimit: 20, dataTraceEnabled: false })));
    });

    it("passes at the smallest positive limits (1)", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 1, throttlingBurstLimit: 1 })));
    });

    it("rejects a zero rate limit, naming only it", async () => {
        assertFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 0, throttlingBurstLimit: 1 })), RULE, "mandatory", [
            {
                resource: "settings",
                message: [/leaves throttling unlimited: settings\.throttlingRateLimit is 0\. Set settings\.throttlingRateLimit to a positive limit/],
            },
        ]);
    });

    it("rejects a zero burst limit, naming only it", async () => {
        assertFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 1, throttlingBurstLimit: 0 })), RULE, "mandatory", [
            { resource: "settings", message: [/settings\.throttlingBurstLimit is 0\. Set settings\.throttlingBurstLimit to/] },
        ]);
    });

    it("rejects per-method settings without throttling too", async () => {
        assertFindings(await ruleFindings(RULE, program({ metricsEnabled: true }, "orders/GET")), RULE, "mandatory", [
            {
                resource: "settings",
                message: [/\(orders\/GET\) leaves throttling unlimited/, /throttlingRateLimit is not set and settings\.throttlingBurstLimit is not set/],
            },
        ]);
    });

    it("rejects unlimited (-1) throttling and data trace, as two findings", async () => {
        assertFindings(await ruleFindings(RULE, program({ throttlingRateLimit: -1, throttlingBurstLimit: -1, dataTraceEnabled: true })), RULE, "mandatory", [
            { resource: "settings", message: [/throttlingRateLimit is -1 and settings\.throttlingBurstLimit is -1/] },
            { resource: "settings", message: [/enables settings\.dataTraceEnabled/, /dataTraceEnabled: false/] },
        ]);
    });

    it("rejects every method settings resource that logs bodies", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                const s = stage("s", api);
                methodSettings("a", api, s, { throttlingRateLimit: 1, throttlingBurstLimit: 1, dataTraceEnabled: true });
                methodSettings("b", api, s, { throttlingRateLimit: 1, throttlingBurstLimit: 1, dataTraceEnabled: true }, "orders/GET");
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/dataTraceEnabled/] },
                { resource: "b", message: [/dataTraceEnabled/] },
            ],
        );
    });

    it("limits, data trace or the whole settings block built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const s = stage("s", api);
            const settings = (name: string, value: aws.apigateway.MethodSettingsArgs["settings"]) =>
                new aws.apigateway.MethodSettings(name, { restApi: api.id, stageName: s.stageName, methodPath: "*/*", settings: value });
            settings("rate", { ...THROTTLED, throttlingRateLimit: afterDeployment(0) });
            settings("burst", { ...THROTTLED, throttlingBurstLimit: afterDeployment(-1) });
            settings("trace", { ...THROTTLED, dataTraceEnabled: afterDeployment(true) });
            settings("whole", afterDeployment({ ...THROTTLED, throttlingRateLimit: 0, dataTraceEnabled: true }));
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "rate",
                message: [/cannot be verified at preview: MethodSettings "rate"\.settings\.throttlingRateLimit is unknown; it must be a positive limit\./],
            },
            { resource: "burst", message: [/MethodSettings "burst"\.settings\.throttlingBurstLimit is unknown; it must be a positive limit\./] },
            {
                resource: "trace",
                message: [
                    /MethodSettings "trace"\.settings\.dataTraceEnabled is unknown; it must be false \(full request and response bodies must not be logged\)\./,
                ],
            },
            {
                resource: "whole",
                message: [
                    /MethodSettings "whole"\.settings is unknown; it must set throttlingRateLimit and throttlingBurstLimit to positive limits, and dataTraceEnabled to false\./,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "rate", message: [/MethodSettings "rate" \(\*\/\*\) leaves throttling unlimited: settings\.throttlingRateLimit is 0\./] },
            { resource: "burst", message: [/leaves throttling unlimited: settings\.throttlingBurstLimit is -1\./] },
            { resource: "trace", message: [/MethodSettings "trace" \(\*\/\*\) enables settings\.dataTraceEnabled/] },
            { resource: "whole", message: [/MethodSettings "whole" \(\*\/\*\) leaves throttling unlimited: settings\.throttlingRateLimit is 0\./] },
            { resource: "whole", message: [/MethodSettings "whole" \(\*\/\*\) enables settings\.dataTraceEnabled/] },
        ]);
    });
});
