/**
 * WebSocketApi, pinned literally: the exact message of every argument check (waiver length boundary, trim,
 * options of one auth kind given with another, missing logging or KMS key), the waived anonymous route names,
 * an empty route slug, the permission action, the deployment trigger (a SHA-256 over the exact snapshotted
 * inputs, recomputed here from literals), the stage wiring and the connections URL and metric dimensions.
 */
import * as assert from "assert";
import { createHash } from "crypto";
import { WebSocketApi, WebSocketApiArgs } from "../../../components";
import { assertRejectsBeforeCreating, Plan, runProgram } from "../../harness";
import { BACKEND_ARN, idOf, KMS_ARN, transformChildren, webSocketApiArgs } from "./support";

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";
const INTEGRATION = "aws:apigatewayv2/integration:Integration";
const AUTHORIZER = "aws:apigatewayv2/authorizer:Authorizer";
const DEPLOYMENT = "aws:apigatewayv2/deployment:Deployment";
const STAGE = "aws:apigatewayv2/stage:Stage";
const COMPONENT_URN = "urn:pulumi:test::secure-api-platform::pulumi:pulumi:Stack$secure-api:apigatewayv2:WebSocketApi::chat";
const CONNECT_ONLY: Partial<WebSocketApiArgs> = { routes: [{ routeKey: "$connect", integration: { kind: "lambda", functionArn: BACKEND_ARN } }] };
const NONE: Partial<WebSocketApiArgs> = { connectAuth: "none", lambdaAuthorizer: undefined };

/** `type name` of each resource a resource depends on, sorted. */
function dependencyNames(plan: Plan, type: string): string[] {
    return plan
        .one(type)
        .dependencies.map((urn) => plan.resources.find((r) => r.urn === urn))
        .map((r) => `${r?.type} ${r?.name}`)
        .sort();
}

describe("WebSocketApi argument checks, exact messages", () => {
    const bad: [string, Partial<WebSocketApiArgs>, string][] = [
        ["an unknown environment", { environment: "qa" as "dev" }, 'WebSocketApi: environment must be one of dev, prod (got "qa")'],
        ["an API name with a slash", { apiName: "orders/ws" }, 'WebSocketApi: apiName must be 1-128 letters, digits, spaces, _ or - (got "orders/ws")'],
        ["a stage name with a space", { stageName: "my stage" }, 'WebSocketApi: stageName must be 1-128 letters, digits, _ or - (got "my stage")'],
        [
            "a selection expression with a prefix",
            { routeSelectionExpression: "x$request.body.action" },
            'WebSocketApi: routeSelectionExpression must be a $request.body.FIELD expression such as $request.body.action (got "x$request.body.action")',
        ],
        [
            "a selection expression with a trailing part",
            { routeSelectionExpression: "$request.body.action/x" },
            'WebSocketApi: routeSelectionExpression must be a $request.body.FIELD expression such as $request.body.action (got "$request.body.action/x")',
        ],
        ["an unknown connectAuth", { connectAuth: "basic" as "iam" }, 'WebSocketApi: connectAuth must be one of lambda, iam, none (got "basic")'],
        [
            "a Lambda authorizer with connectAuth iam",
            { connectAuth: "iam" },
            'WebSocketApi: lambdaAuthorizer only applies to connectAuth "lambda" (got connectAuth "iam")',
        ],
        [
            "a waiver of 9 characters",
            { ...NONE, connectWaiver: "123456789" },
            'WebSocketApi: connectWaiver is required with connectAuth "none": say why anyone may connect (at least 10 characters) (got "123456789")',
        ],
        [
            "a waiver of 9 characters padded with spaces",
            { ...NONE, connectWaiver: "   123456789   " },
            'WebSocketApi: connectWaiver is required with connectAuth "none": say why anyone may connect (at least 10 characters) (got "   123456789   ")',
        ],
        [
            "a waiver with connectAuth lambda",
            { connectWaiver: "public chat lobby" },
            'WebSocketApi: connectWaiver only applies to connectAuth "none" (got connectAuth "lambda")',
        ],
        [
            "a waiver with connectAuth iam",
            { connectAuth: "iam", lambdaAuthorizer: undefined, connectWaiver: "public chat lobby" },
            'WebSocketApi: connectWaiver only applies to connectAuth "none" (got connectAuth "iam")',
        ],
        ["no logging", { logging: undefined as unknown as WebSocketApiArgs["logging"] }, "WebSocketApi: logging is required (retentionInDays and kmsKeyArn)"],
        [
            "a retention below the dev minimum of 14 days",
            { logging: { retentionInDays: 7, kmsKeyArn: KMS_ARN } },
            "WebSocketApi: logging.retentionInDays must be one of 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days in dev (got 7)",
        ],
        [
            "no KMS key",
            { logging: { retentionInDays: 30 } as WebSocketApiArgs["logging"] },
            "WebSocketApi: logging.kmsKeyArn is required: access logs hold caller IPs and identities",
        ],
        [
            "an empty KMS key",
            { logging: { retentionInDays: 30, kmsKeyArn: "" } },
            "WebSocketApi: logging.kmsKeyArn is required: access logs hold caller IPs and identities",
        ],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what} before creating anything`, async () => {
            const error = await assertRejectsBeforeCreating(() => new WebSocketApi("bad", webSocketApiArgs(overrides)));
            assert.strictEqual(error.message, message);
        });
    }

    it("accepts connectAuth none with a waiver of exactly 10 characters, and says the API supports no WAF", async () => {
        let ws: WebSocketApi | undefined;
        const plan = await runProgram(() => {
            ws = new WebSocketApi("chat", webSocketApiArgs({ ...NONE, connectWaiver: "1234567890" }));
        });
        assert.strictEqual(plan.ofType(STAGE).length, 1);
        assert.strictEqual(ws?.supportsWaf, false);
    });
});

describe("WebSocketApi resources, literally", () => {
    it("connectAuth none: only $connect is listed as anonymous, with authorization type NONE", async () => {
        let ws: WebSocketApi | undefined;
        const plan = await runProgram(() => {
            ws = new WebSocketApi("chat", webSocketApiArgs({ ...NONE, connectWaiver: "public lobby, no identity" }));
        });
        assert.deepStrictEqual(ws?.anonymousRouteNames, ["chat-connect"]);
        const types = Object.fromEntries(plan.ofType(ROUTE).map((r) => [r.props.routeKey, [r.props.authorizationType, r.props.authorizerId]]));
        assert.deepStrictEqual(types, { $connect: ["NONE", undefined], $disconnect: ["NONE", undefined], sendMessage: ["NONE", undefined] });
    });

    it("connectAuth lambda: no route is anonymous", async () => {
        let ws: WebSocketApi | undefined;
        await runProgram(() => {
            ws = new WebSocketApi("chat", webSocketApiArgs());
        });
        assert.deepStrictEqual(ws?.anonymousRouteNames, []);
    });

    it("names a route whose key slugs to nothing `route`, and lets API Gateway invoke each function (lambda:InvokeFunction)", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi(
                "chat",
                webSocketApiArgs({
                    ...NONE,
                    connectWaiver: "public lobby, no identity",
                    routes: [
                        { routeKey: "$connect", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
                        { routeKey: "_", integration: { kind: "lambda", functionArn: BACKEND_ARN } },
                    ],
                }),
            );
        });
        assert.deepStrictEqual(
            plan.ofType(ROUTE).map((r) => `${r.name} ${r.props.routeKey}`),
            ["chat-connect $connect", "chat-route _"],
        );
        const permissions = plan.ofType("aws:lambda/permission:Permission").map((p) => [p.name, p.props.action, p.props.principal]);
        assert.deepStrictEqual(permissions, [
            ["chat-connect-invoke", "lambda:InvokeFunction", "apigateway.amazonaws.com"],
            ["chat-route-invoke", "lambda:InvokeFunction", "apigateway.amazonaws.com"],
        ]);
    });

    it("the deployment trigger is the SHA-256 of the sorted snapshotted inputs (API, integration, route, authorizer id); the description carries its first 12 hex digits", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi("chat", webSocketApiArgs(CONNECT_ONLY));
        });
        const [api, integration, authorizer] = [idOf(plan, API), idOf(plan, INTEGRATION), idOf(plan, AUTHORIZER)];
        const snapshot =
            `{"Api chat":{"disableExecuteApiEndpoint":false,"name":"orders-ws","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"},` +
            `"Integration chat-connect":{"apiId":"${api}","integrationMethod":"POST","integrationType":"AWS_PROXY","integrationUri":"${BACKEND_ARN}"},` +
            `"Route chat-connect":{"apiId":"${api}","authorizationType":"CUSTOM","authorizerId":"${authorizer}","routeKey":"$connect","target":"integrations/${integration}"},` +
            `"follow connect authorizer":"${authorizer}"}`;
        const hash = createHash("sha256").update(snapshot).digest("hex");
        const deployment = plan.props(DEPLOYMENT);
        assert.deepStrictEqual(deployment, { apiId: api, description: `Routes ${hash.slice(0, 12)}`, triggers: { redeployment: hash } });
    });

    it("the deployment is a child of the API component and waits for the authorizer, permissions, integration and route", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi("chat", webSocketApiArgs(CONNECT_ONLY));
        });
        assert.strictEqual(plan.one(DEPLOYMENT).parent, COMPONENT_URN);
        assert.deepStrictEqual(dependencyNames(plan, DEPLOYMENT), [
            "aws:apigatewayv2/api:Api chat",
            "aws:apigatewayv2/authorizer:Authorizer chat-connect-authorizer",
            "aws:apigatewayv2/integration:Integration chat-connect",
            "aws:apigatewayv2/route:Route chat-connect",
            "aws:lambda/permission:Permission chat-connect-authorizer-invoke",
            "aws:lambda/permission:Permission chat-connect-invoke",
        ]);
    });

    it("the stage serves the deployment (no auto-deploy), waits for the routes, and logs to /aws/apigateway/<api>/<stage>/access", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi("chat", webSocketApiArgs({ ...CONNECT_ONLY, apiName: "chat-ws", stageName: "live" }));
        });
        const stage = plan.props(STAGE);
        assert.deepStrictEqual([stage.autoDeploy, stage.deploymentId, stage.name], [false, idOf(plan, DEPLOYMENT), "live"]);
        assert.strictEqual(plan.props("aws:cloudwatch/logGroup:LogGroup").name, "/aws/apigateway/chat-ws/live/access");
        assert.deepStrictEqual(dependencyNames(plan, STAGE), [
            "aws:apigatewayv2/api:Api chat",
            "aws:apigatewayv2/deployment:Deployment chat-deployment",
            "aws:apigatewayv2/route:Route chat-connect",
            "aws:cloudwatch/logGroup:LogGroup chat-access-logs",
        ]);
        assert.strictEqual(
            plan.props("aws:iam/policy:Policy").description,
            "Post to, read and close connections of the chat-ws WebSocket API (live stage only)",
        );
    });

    it("connectionsUrl is the wss:// endpoint as https:// with the stage; metric dimensions are ApiId and Stage", async () => {
        const plan = await runProgram(() => {
            const ws = new WebSocketApi(
                "chat",
                webSocketApiArgs(CONNECT_ONLY),
                transformChildren(API, (p) => ({ ...p, apiEndpoint: "wss://abc123.execute-api.us-east-1.amazonaws.com" })),
            );
            return { connectionsUrl: ws.connectionsUrl, metricDimensions: ws.metricDimensions };
        });
        assert.strictEqual(plan.outputs.connectionsUrl.value, "https://abc123.execute-api.us-east-1.amazonaws.com/dev");
        assert.deepStrictEqual(plan.outputs.metricDimensions.value, { ApiId: idOf(plan, API), Stage: "dev" });
    });
});
