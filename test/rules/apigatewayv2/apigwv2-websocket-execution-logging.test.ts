import { ruleFindings } from "../../rule-harness";
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
});
