/**
 * V2Stage and the HTTP integrations, pinned literally: the exact JSON access log format of HTTP and WebSocket
 * stages, execution logging ERROR when a WebSocket stage is given no level, the Lambda permission action, the
 * private integration's type and payload version, and the HTTP deployment trigger (a SHA-256 over the exact
 * snapshotted inputs, recomputed here from literals).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { HttpApi, WebSocketApi } from "../../../components";
import { V2Stage } from "../../../components/apigatewayv2/v2-stage";
import { runProgram } from "../../harness";
import { BACKEND_ARN, httpApiArgs, idOf, KMS_ARN, webSocketApiArgs } from "./support";

const STAGE = "aws:apigatewayv2/stage:Stage";
const INTEGRATION = "aws:apigatewayv2/integration:Integration";

describe("V2Stage access log formats, literally", () => {
    it("an HTTP stage logs request, caller, JWT subject, route, status, latencies and errors as one JSON line", async () => {
        const plan = await runProgram(() => {
            new HttpApi("orders", httpApiArgs());
        });
        const format = (plan.props(STAGE).accessLogSettings as { format: string }).format;
        assert.strictEqual(
            format,
            '{"requestId":"$context.requestId","extendedRequestId":"$context.extendedRequestId","ip":"$context.identity.sourceIp",' +
                '"userAgent":"$context.identity.userAgent","caller":"$context.identity.caller","principalId":"$context.authorizer.principalId",' +
                '"jwtSubject":"$context.authorizer.claims.sub","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod",' +
                '"routeKey":"$context.routeKey","path":"$context.path","status":"$context.status","protocol":"$context.protocol",' +
                '"responseLength":"$context.responseLength","latency":"$context.responseLatency","integrationLatency":"$context.integrationLatency",' +
                '"authorizerError":"$context.authorizer.error","integrationError":"$context.integrationErrorMessage","errorMessage":"$context.error.message"}',
        );
    });

    it("a WebSocket stage logs request, caller, connection id, event type, route, status, latency and errors as one JSON line", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi("chat", webSocketApiArgs());
        });
        const format = (plan.props(STAGE).accessLogSettings as { format: string }).format;
        assert.strictEqual(
            format,
            '{"requestId":"$context.requestId","extendedRequestId":"$context.extendedRequestId","ip":"$context.identity.sourceIp",' +
                '"userAgent":"$context.identity.userAgent","caller":"$context.identity.caller","principalId":"$context.authorizer.principalId",' +
                '"connectionId":"$context.connectionId","eventType":"$context.eventType","routeKey":"$context.routeKey",' +
                '"requestTime":"$context.requestTime","status":"$context.status","integrationLatency":"$context.integrationLatency",' +
                '"authorizerError":"$context.authorizer.error","errorMessage":"$context.error.message"}',
        );
    });
});

describe("V2Stage execution logging", () => {
    it("a WebSocket stage given no execution level logs ERROR, on the default and per-route settings, data trace off", async () => {
        const plan = await runProgram(() => {
            const parent = new pulumi.ComponentResource("test:index:Parent", "p");
            new V2Stage({
                name: "ws",
                parent,
                protocol: "WEBSOCKET",
                apiId: "api-1",
                stageName: "live",
                deploymentId: "dep-1",
                autoDeploy: false,
                accessLogGroupName: "/aws/apigateway/ws/live/access",
                retentionInDays: 30,
                kmsKeyArn: KMS_ARN,
                throttle: { rateLimit: 10, burstLimit: 20 },
                routeThrottles: [{ routeKey: "$connect", rateLimit: 1, burstLimit: 2 }],
                dependsOn: [],
            });
        });
        const stage = plan.props(STAGE);
        assert.deepStrictEqual(stage.defaultRouteSettings, {
            throttlingRateLimit: 10,
            throttlingBurstLimit: 20,
            detailedMetricsEnabled: true,
            loggingLevel: "ERROR",
            dataTraceEnabled: false,
        });
        assert.deepStrictEqual(stage.routeSettings, [
            {
                routeKey: "$connect",
                throttlingRateLimit: 1,
                throttlingBurstLimit: 2,
                detailedMetricsEnabled: true,
                loggingLevel: "ERROR",
                dataTraceEnabled: false,
            },
        ]);
    });
});

describe("HTTP API integrations, literally", () => {
    it("a Lambda route's permission lets API Gateway call lambda:InvokeFunction", async () => {
        const plan = await runProgram(() => {
            new HttpApi("orders", httpApiArgs());
        });
        const permission = plan.props("aws:lambda/permission:Permission", "orders-get-orders-invoke");
        assert.deepStrictEqual(
            [permission.action, permission.function, permission.principal],
            ["lambda:InvokeFunction", BACKEND_ARN, "apigateway.amazonaws.com"],
        );
    });

    it("a private integration is an HTTP_PROXY over the VPC link with payload format 1.0", async () => {
        const plan = await runProgram(() => {
            new HttpApi(
                "orders",
                httpApiArgs({
                    authorizers: undefined,
                    vpcLinks: { internal: { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] } },
                    routes: [
                        {
                            path: "/inventory",
                            method: "GET",
                            auth: "iam",
                            integration: {
                                kind: "private",
                                vpcLink: "internal",
                                targetArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1",
                                serverNameToVerify: "inv.internal.example.com",
                            },
                        },
                    ],
                }),
            );
        });
        const i = plan.props(INTEGRATION);
        assert.deepStrictEqual(
            [i.integrationType, i.integrationMethod, i.connectionType, i.payloadFormatVersion, i.timeoutMilliseconds],
            ["HTTP_PROXY", "GET", "VPC_LINK", "1.0", 29000],
        );
    });

    it("the HTTP deployment trigger is the SHA-256 of the sorted snapshotted API, integration and route inputs", async () => {
        const plan = await runProgram(() => {
            new HttpApi(
                "orders",
                httpApiArgs({
                    authorizers: undefined,
                    routes: [{ path: "/reports", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://reports.example.com/reports" } }],
                }),
            );
        });
        const [api, integration] = [idOf(plan, "aws:apigatewayv2/api:Api"), idOf(plan, INTEGRATION)];
        const snapshot =
            `{"Api orders":{"disableExecuteApiEndpoint":false,"name":"orders-http","protocolType":"HTTP"},` +
            `"Integration orders-get-reports":{"apiId":"${api}","connectionType":"INTERNET","integrationMethod":"GET","integrationType":"HTTP_PROXY",` +
            `"integrationUri":"https://reports.example.com/reports","payloadFormatVersion":"1.0","timeoutMilliseconds":29000},` +
            `"Route orders-get-reports":{"apiId":"${api}","authorizationType":"AWS_IAM","routeKey":"GET /reports","target":"integrations/${integration}"}}`;
        const hash = createHash("sha256").update(snapshot).digest("hex");
        assert.deepStrictEqual(plan.props("aws:apigatewayv2/deployment:Deployment").triggers, { redeployment: hash });
    });
});
