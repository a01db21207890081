import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCESS_LOG_FORMAT, afterDeployment, LOG_GROUP_ARN, logGroup } from "../builders";
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

    it("access log settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const partial = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp" });
        const found = await ruleFindingsByMode(RULE, () => {
            const api = httpApi("http");
            v2Stage("format", api, { accessLogSettings: { destinationArn: LOG_GROUP_ARN, format: afterDeployment(partial) } });
            v2Stage("block", api, { accessLogSettings: afterDeployment({ destinationArn: LOG_GROUP_ARN, format: partial }) });
            // An unknown destination is a destination: with a complete format the stage passes whatever it becomes.
            v2Stage("destination", api, { accessLogSettings: { destinationArn: afterDeployment(LOG_GROUP_ARN), format: ACCESS_LOG_FORMAT } });
        });
        const must = /is unknown; it must contain \$context\.requestId, \$context\.identity\.sourceIp and \$context\.status\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "format", message: [/^cannot be verified at preview: Stage "format"\.accessLogSettings\.format is unknown;/, must] },
            { resource: "block", message: [/^cannot be verified at preview: Stage "block"\.accessLogSettings is unknown;/, must] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "format", message: [/Stage "format" access log format \(accessLogSettings\.format\) lacks \$context\.status;/] },
            { resource: "block", message: [/Stage "block" access log format \(accessLogSettings\.format\) lacks \$context\.status;/] },
        ]);
    });
});
