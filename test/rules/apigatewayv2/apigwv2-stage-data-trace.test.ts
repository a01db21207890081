import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { httpApi, v2Stage, V2_THROTTLED, wsApi } from "./v2-builders";

const RULE = "apigwv2-stage-data-trace";

describe(RULE, () => {
    it("passes the compliant baseline: dataTraceEnabled false or unset", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                v2Stage("ws", wsApi("ws"), { routeSettings: [{ routeKey: "$connect", dataTraceEnabled: false }] });
                v2Stage("http", httpApi("http"), { defaultRouteSettings: { throttlingRateLimit: 1, throttlingBurstLimit: 1 } });
            }),
        );
    });

    it("rejects dataTraceEnabled in defaultRouteSettings, on every stage", async () => {
        const found = await ruleFindings(RULE, () => {
            v2Stage("ws", wsApi("ws"), { defaultRouteSettings: { ...V2_THROTTLED, dataTraceEnabled: true } });
            v2Stage("ws-too", wsApi("ws-too"), { defaultRouteSettings: { ...V2_THROTTLED, dataTraceEnabled: true } });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "ws", message: [/Stage "ws" enables defaultRouteSettings\.dataTraceEnabled/, /Set dataTraceEnabled: false/] },
            { resource: "ws-too", message: [/defaultRouteSettings\.dataTraceEnabled/] },
        ]);
    });

    it("rejects dataTraceEnabled in a route setting", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                v2Stage("ws", wsApi("ws"), { routeSettings: [{ routeKey: "sendmessage", dataTraceEnabled: true }, { routeKey: "$connect" }] });
            }),
            RULE,
            "mandatory",
            [{ resource: "ws", message: [/dataTraceEnabled in routeSettings for route "sendmessage"/] }],
        );
    });

    it("data trace settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            v2Stage("default", wsApi("default"), { defaultRouteSettings: { ...V2_THROTTLED, dataTraceEnabled: afterDeployment(true) } });
            v2Stage("routes", wsApi("routes"), { routeSettings: afterDeployment([{ routeKey: "sendmessage", dataTraceEnabled: true }]) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "default", message: [/Stage "default"\.defaultRouteSettings\.dataTraceEnabled is unknown;/, /it must be false\./] },
            { resource: "routes", message: [/Stage "routes"\.routeSettings is unknown;/, /it must not enable dataTraceEnabled\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "default", message: [/Stage "default" enables defaultRouteSettings\.dataTraceEnabled/] },
            { resource: "routes", message: [/enables dataTraceEnabled in routeSettings for route "sendmessage"/] },
        ]);
    });

    it("names the route setting whose dataTraceEnabled is built from an output, in full, at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            v2Stage("nested", wsApi("nested"), { routeSettings: [{ routeKey: "sendmessage", dataTraceEnabled: afterDeployment(true) }] });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "nested",
                message: [
                    exactly('cannot be verified at preview: Stage "nested".routeSettings.0.dataTraceEnabled is unknown; it must not enable dataTraceEnabled.'),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            {
                resource: "nested",
                message: [
                    exactly(
                        'Stage "nested" enables dataTraceEnabled in routeSettings for route "sendmessage", so payloads, tokens included, reach CloudWatch Logs. Set dataTraceEnabled: false.',
                    ),
                ],
            },
        ]);
    });
});
