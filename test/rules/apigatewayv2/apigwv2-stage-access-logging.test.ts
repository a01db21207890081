import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { LOG_GROUP_ARN, logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi, v2Stage, wsApi } from "./v2-builders";

const RULE = "apigwv2-stage-access-logging";

const quickCreateTarget = () =>
    new aws.lambda.Function("backend", { role: "arn:aws:iam::123456789012:role/backend", runtime: "nodejs20.x", handler: "index.handler" }).invokeArn;

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

    it("rejects a quick-create HTTP API (target set, known or not): its $default stage has no access logs", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                httpApi("quick", { target: quickCreateTarget(), routeKey: "GET /" });
                httpApi("literal", {
                    target: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations",
                });
            }),
            RULE,
            "mandatory",
            [
                { resource: "quick", message: [/Api "quick" is a quick-create HTTP API \(target is set\)/, /no access logs/, /remove target and routeKey/] },
                { resource: "literal", message: [/Api "literal" is a quick-create HTTP API/] },
            ],
        );
    });
});
