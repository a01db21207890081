/** WebSocketApi: defaults, options, bad input, the pack finds nothing, and each security default turned off through `transforms` is caught by a rule. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import { join } from "path";
import { CustomDomain, WebSocketApi, WebSocketApiArgs } from "../../../components";
import { assertRejectsBeforeCreating, ROOT, runProgram } from "../../harness";
import { ruleFindings } from "../../rule-harness";
import { assertCaught, BACKEND_ARN, FUNCTION_ARN, idOf, KMS_ARN, packFindingsEverywhere, transformChildren, webSocketApiArgs } from "./support";

const API = "aws:apigatewayv2/api:Api";
const STAGE = "aws:apigatewayv2/stage:Stage";
const ROUTE = "aws:apigatewayv2/route:Route";
const AUTHORIZER = "aws:apigatewayv2/authorizer:Authorizer";
const EXEC = "arn:aws:execute-api:us-east-1:123456789012:";

describe("WebSocketApi", () => {
    it("defaults: $connect behind the Lambda REQUEST authorizer, scoped permissions, ERROR execution logs, no data trace, JSON access logs with connection fields", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi("chat", webSocketApiArgs());
        });
        const api = plan.props(API);
        assert.deepStrictEqual(
            [api.name, api.protocolType, api.routeSelectionExpression, api.disableExecuteApiEndpoint],
            ["orders-ws", "WEBSOCKET", "$request.body.action", false],
        );
        const a = plan.props(AUTHORIZER);
        assert.deepStrictEqual(
            [a.authorizerType, a.identitySources, a.authorizerPayloadFormatVersion, a.enableSimpleResponses, a.authorizerResultTtlInSeconds],
            ["REQUEST", ["route.request.querystring.token"], undefined, undefined, undefined],
        );
        const routes = Object.fromEntries(plan.ofType(ROUTE).map((r) => [r.props.routeKey, [r.props.authorizationType, r.props.authorizerId]]));
        assert.deepStrictEqual(routes, {
            $connect: ["CUSTOM", idOf(plan, AUTHORIZER)],
            $disconnect: ["NONE", undefined],
            sendMessage: ["NONE", undefined],
        });
        const id = idOf(plan, API);
        const permissions = plan.ofType("aws:lambda/permission:Permission").map((p) => p.props.sourceArn);
        assert.deepStrictEqual(permissions.sort(), [
            `${EXEC}${id}/*/$connect`,
            `${EXEC}${id}/*/$disconnect`,
            `${EXEC}${id}/*/sendMessage`,
            `${EXEC}${id}/authorizers/${idOf(plan, AUTHORIZER)}`,
        ]);
        assert.ok(
            plan
                .ofType("aws:apigatewayv2/integration:Integration")
                .every((i) => i.props.integrationType === "AWS_PROXY" && i.props.integrationMethod === "POST"),
        );
        const stage = plan.props(STAGE);
        assert.deepStrictEqual(stage.defaultRouteSettings, {
            throttlingRateLimit: 20,
            throttlingBurstLimit: 40,
            detailedMetricsEnabled: true,
            loggingLevel: "ERROR",
            dataTraceEnabled: false,
        });
        const format = (stage.accessLogSettings as { format: string }).format;
        for (const field of [
            '"connectionId":"$context.connectionId"',
            '"eventType":"$context.eventType"',
            '"routeKey":"$context.routeKey"',
            '"requestId":"$context.requestId"',
            '"ip":"$context.identity.sourceIp"',
            '"status":"$context.status"',
        ]) {
            assert.ok(format.includes(field), `${field} in ${format}`);
        }
        const policy = JSON.parse(String(plan.props("aws:iam/policy:Policy").policy)) as { Statement: { Action: string; Resource: string[] }[] };
        assert.deepStrictEqual(policy.Statement, [
            {
                Sid: "ManageConnections",
                Effect: "Allow",
                Action: "execute-api:ManageConnections",
                Resource: [`${EXEC}${id}/dev/POST/@connections/*`, `${EXEC}${id}/dev/GET/@connections/*`, `${EXEC}${id}/dev/DELETE/@connections/*`],
            },
        ]);
    });

    it("options: IAM on $connect, INFO execution logs, a custom selection expression, per-route throttle, disabled default endpoint", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi(
                "chat",
                webSocketApiArgs({
                    connectAuth: "iam",
                    lambdaAuthorizer: undefined,
                    routeSelectionExpression: "$request.body.type",
                    disableExecuteApiEndpoint: true,
                    logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN, executionLevel: "INFO" },
                    routes: [
                        { routeKey: "$connect", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
                        { routeKey: "$default", throttle: { rateLimit: 2, burstLimit: 4 }, integration: { kind: "lambda", functionArn: BACKEND_ARN } },
                    ],
                }),
            );
        });
        assert.deepStrictEqual([plan.props(API).routeSelectionExpression, plan.props(API).disableExecuteApiEndpoint], ["$request.body.type", true]);
        assert.strictEqual(plan.ofType(AUTHORIZER).length, 0);
        assert.strictEqual(plan.ofType(ROUTE).find((r) => r.props.routeKey === "$connect")?.props.authorizationType, "AWS_IAM");
        const stage = plan.props(STAGE);
        assert.strictEqual((stage.defaultRouteSettings as { loggingLevel: string }).loggingLevel, "INFO");
        assert.deepStrictEqual(stage.routeSettings, [
            {
                routeKey: "$default",
                throttlingRateLimit: 2,
                throttlingBurstLimit: 4,
                detailedMetricsEnabled: true,
                loggingLevel: "INFO",
                dataTraceEnabled: false,
            },
        ]);
    });

    it("the pack finds nothing on it (offline and through the real analyzer, preview and update)", async () => {
        const args = webSocketApiArgs({ logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN } });
        assert.deepStrictEqual(await packFindingsEverywhere(() => new WebSocketApi("chat", args)), []);
    });

    it("refuses mTLS on its custom domain (API Gateway has none for WebSocket APIs) before creating the domain", async () => {
        await assertRejectsBeforeCreating(
            () =>
                new CustomDomain("d", {
                    domainName: "ws.example.com",
                    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
                    mtlsCaBundlePem: readFileSync(join(ROOT, "stacks", "certs", "prod-client-ca.pem"), "utf8"),
                    kmsKeyArn: KMS_ARN,
                    endpoint: { kind: "WEBSOCKET", apiId: pulumi.output("ws1"), stageName: pulumi.output("dev") },
                }),
            /CustomDomain: mtlsCaBundlePem is not supported for a WebSocket API/,
        );
    });

    const bad: [string, Partial<WebSocketApiArgs>, RegExp][] = [
        [
            "no $connect route",
            { routes: [{ routeKey: "$default", integration: { kind: "lambda", functionArn: BACKEND_ARN } }] },
            /routes must include a \$connect route/,
        ],
        ["connectAuth none without a waiver", { connectAuth: "none", lambdaAuthorizer: undefined }, /connectWaiver is required with connectAuth "none"/],
        ["connectAuth lambda without an authorizer", { lambdaAuthorizer: undefined }, /lambdaAuthorizer is required with connectAuth "lambda"/],
        [
            "an HTTP API identity source",
            { lambdaAuthorizer: { functionArn: FUNCTION_ARN, identitySources: ["$request.header.Authorization"] } },
            /lambdaAuthorizer\.identitySources\[0\] must be route\.request\.header/,
        ],
        [
            "a result cache TTL",
            { lambdaAuthorizer: { functionArn: FUNCTION_ARN, resultTtlSeconds: 60 } },
            /lambdaAuthorizer\.resultTtlSeconds is not supported for WebSocket APIs/,
        ],
        [
            "a bad route key",
            {
                routes: [
                    { routeKey: "$connect", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
                    { routeKey: "send message", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
                ],
            },
            /routes\[1\]\.routeKey must be \$connect, \$disconnect, \$default or 1-128/,
        ],
        [
            "a selection expression outside the body",
            { routeSelectionExpression: "$request.header.x" },
            /routeSelectionExpression must be a \$request\.body\.FIELD expression/,
        ],
        [
            "execution logging OFF",
            { logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN, executionLevel: "OFF" as "ERROR" } },
            /logging\.executionLevel must be one of INFO, ERROR \(got "OFF"\)/,
        ],
        ["a burst above the baseline", { throttle: { rateLimit: 1, burstLimit: 5001 } }, /throttle\.burstLimit must be an integer from 1 to 5000/],
    ];
    for (const [what, args, message] of bad) {
        it(`rejects ${what} before creating anything`, () =>
            assertRejectsBeforeCreating(() => new WebSocketApi("bad", webSocketApiArgs(args)), /^WebSocketApi: /, message));
    }
});

describe("WebSocketApi security defaults are the pack's rules", () => {
    const build = (opts: pulumi.ComponentResourceOptions) => () => {
        new WebSocketApi("chat", webSocketApiArgs({ logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN } }), opts);
    };
    const cases: [string, string, string, (p: Record<string, unknown>) => Record<string, unknown>, string[], RegExp][] = [
        [
            "$connect authorization",
            "apigwv2-route-authorization",
            ROUTE,
            (p) => (p.routeKey === "$connect" ? { ...p, authorizationType: "NONE", authorizerId: undefined } : p),
            ["chat-connect"],
            /authorizationType/,
        ],
        [
            "data trace off",
            "apigwv2-stage-data-trace",
            STAGE,
            (p) => ({ ...p, defaultRouteSettings: { ...(p.defaultRouteSettings as object), dataTraceEnabled: true } }),
            ["chat-stage"],
            /dataTraceEnabled/,
        ],
        [
            "execution logging",
            "apigwv2-websocket-execution-logging",
            STAGE,
            (p) => ({ ...p, defaultRouteSettings: { ...(p.defaultRouteSettings as object), loggingLevel: "OFF" } }),
            ["chat-stage"],
            /loggingLevel/,
        ],
        ["access logs", "apigwv2-stage-access-logging", STAGE, (p) => ({ ...p, accessLogSettings: undefined }), ["chat-stage"], /accessLogSettings/],
        [
            "default route throttling",
            "apigwv2-stage-throttling",
            STAGE,
            (p) => ({ ...p, defaultRouteSettings: { loggingLevel: "ERROR" } }),
            ["chat-stage"],
            /throttling/,
        ],
        [
            "scoped Lambda permissions",
            "lambda-permission-scoped",
            "aws:lambda/permission:Permission",
            (p) => ({ ...p, sourceArn: undefined }),
            ["chat-connect-invoke", "chat-disconnect-invoke", "chat-sendmessage-invoke", "chat-connect-authorizer-invoke"],
            /sourceArn/,
        ],
        [
            "encrypted access logs",
            "log-group-kms-encryption",
            "aws:cloudwatch/logGroup:LogGroup",
            (p) => ({ ...p, kmsKeyId: undefined }),
            ["chat-access-logs"],
            /kmsKeyId/,
        ],
    ];
    for (const [what, rule, type, change, resources, property] of cases) {
        it(`${what}: turned off, ${rule} catches it`, async () => {
            assertCaught(await ruleFindings(rule, build({})), rule, [], property);
            assertCaught(await ruleFindings(rule, build(transformChildren(type, change))), rule, resources, property);
        });
    }
});
