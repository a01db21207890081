import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi, v2Stage, V2_THROTTLED, wsApi } from "./v2-builders";

const RULE = "apigwv2-websocket-execution-logging";

describe(RULE, () => {
    it("passes the compliant baseline: WebSocket stages logging ERROR or INFO, HTTP stages not judged", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                v2Stage("error", wsApi("ws"));
                v2Stage("info", wsApi("ws-info"), { defaultRouteSettings: { ...V2_THROTTLED, loggingLevel: "INFO" } });
                v2Stage("http", httpApi("http"), { defaultRouteSettings: { ...V2_THROTTLED, loggingLevel: undefined } });
            }),
        );
    });

    it("flags every WebSocket stage with logging OFF or unset", async () => {
        const found = await ruleFindings(RULE, () => {
            v2Stage("off", wsApi("ws"), { defaultRouteSettings: { ...V2_THROTTLED, loggingLevel: "OFF" } });
            v2Stage("unset", wsApi("ws-unset"), { defaultRouteSettings: { ...V2_THROTTLED, loggingLevel: undefined } });
        });
        assertFindings(found, RULE, "advisory", [
            {
                resource: "off",
                message: [/Stage "off" of WebSocket Api "ws" leaves execution logging OFF;/, /defaultRouteSettings\.loggingLevel to INFO or ERROR/],
            },
            { resource: "unset", message: [/OFF \(defaultRouteSettings\.loggingLevel is not set\)/] },
        ]);
    });

    it("a protocol or logging level built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            v2Stage("protocol", wsApi("ws", { protocolType: afterDeployment("WEBSOCKET") }), {
                defaultRouteSettings: { ...V2_THROTTLED, loggingLevel: "OFF" },
            });
            v2Stage("level", wsApi("ws-level"), { defaultRouteSettings: { ...V2_THROTTLED, loggingLevel: afterDeployment("OFF") } });
        });
        assertFindings(found.preview, RULE, "advisory", [
            {
                resource: "protocol",
                message: [/Api "ws"\.protocolType is unknown;/, /it must be known to decide whether Stage "protocol" needs execution logging\./],
            },
            { resource: "level", message: [/Stage "level"\.defaultRouteSettings\.loggingLevel is unknown;/, /it must be INFO or ERROR\./] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "protocol", message: [/Stage "protocol" of WebSocket Api "ws" leaves execution logging OFF;/] },
            { resource: "level", message: [/Stage "level" of WebSocket Api "ws-level" leaves execution logging OFF;/] },
        ]);
    });
});
