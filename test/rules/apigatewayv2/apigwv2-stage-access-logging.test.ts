import { ruleFindings } from "../../rule-harness";
import { LOG_GROUP_ARN, logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi, v2Stage, wsApi } from "./v2-builders";

const RULE = "apigwv2-stage-access-logging";

describe(RULE, () => {
    it("passes the compliant baseline: HTTP $default and WebSocket stages with a destination and the three fields", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                v2Stage("$default", httpApi("http"));
                const group = logGroup("access");
                v2Stage("ws", wsApi("ws"), {
                    accessLogSettings: { destinationArn: group.arn, format: "$context.requestId $context.identity.sourceIp $context.status" },
                });
            }),
        );
    });

    it("rejects every stage without access log settings, $default auto-deploy stages included", async () => {
        const found = await ruleFindings(RULE, () => {
            v2Stage("$default", httpApi("http"), { accessLogSettings: undefined });
            v2Stage("ws", wsApi("ws"), { accessLogSettings: undefined });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "$default", message: [/Stage "\$default" writes no access logs/, /accessLogSettings\.destinationArn is not set/] },
            { resource: "ws", message: [/accessLogSettings\.destinationArn/] },
        ]);
    });

    it("rejects a format that lacks a required field, naming only the missing one", async () => {
        const format = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp" });
        assertFindings(
            await ruleFindings(RULE, () => {
                v2Stage("partial", httpApi("http"), { accessLogSettings: { destinationArn: LOG_GROUP_ARN, format } });
            }),
            RULE,
            "mandatory",
            [{ resource: "partial", message: [/accessLogSettings\.format\) lacks \$context\.status;/] }],
        );
    });
});
