import * as assert from "assert";
import { accessLogFormat, PublicApi, RestApi, RouteArgs } from "../../../components";
import { assertRejectsBeforeCreating, Plan, runProgram } from "../../harness";
import { BACKEND_ARN, FUNCTION_ARN, KMS_ARN, ORDER_BY_ID, restApiArgs } from "../fixtures";

const T = {
    api: "aws:apigateway/restApi:RestApi",
    stage: "aws:apigateway/stage:Stage",
    method: "aws:apigateway/method:Method",
    settings: "aws:apigateway/methodSettings:MethodSettings",
    integration: "aws:apigateway/integration:Integration",
    integrationResponse: "aws:apigateway/integrationResponse:IntegrationResponse",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    validator: "aws:apigateway/requestValidator:RequestValidator",
    model: "aws:apigateway/model:Model",
    response: "aws:apigateway/response:Response",
    authorizer: "aws:apigateway/authorizer:Authorizer",
    permission: "aws:lambda/permission:Permission",
    deployment: "aws:apigateway/deployment:Deployment",
};

const ROUTES: RouteArgs[] = [
    { path: "/health", method: "GET", auth: "none", integration: { kind: "mock", responseBody: { ok: true } } },
    {
        path: "/orders",
        method: "GET",
        auth: "cognito",
        scopes: ["orders.read"],
        apiKeyRequired: true,
        integration: { kind: "http", uri: "https://backend.example.com/orders" },
    },
    {
        path: "/orders",
        method: "POST",
        auth: "lambda",
        requestSchema: { type: "object", required: ["sku"] },
        throttle: { rateLimit: 5, burstLimit: 10 },
        integration: { kind: "lambda", functionArn: BACKEND_ARN },
    },
    ORDER_BY_ID,
];

const fullApi =
    (overrides = {}) =>
    () => {
        const api = new RestApi(
            "orders",
            restApiArgs({
                routes: ROUTES,
                authorizers: {
                    cognito: { userPoolArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"] },
                    lambda: { functionArn: FUNCTION_ARN, type: "TOKEN" },
                },
                cors: { allowedOrigins: ["https://app.example.com", "https://admin.example.com"] },
                ...overrides,
            }),
        );
        return { iam: api.iamMethodArns, url: api.invokeUrl };
    };

describe("RestApi", () => {
    let plan: Plan;
    before(async () => {
        plan = await runProgram(fullApi());
    });

    describe("secure defaults", () => {
        it("is a REGIONAL API with a TLS 1.2 endpoint policy and API keys read from the header", () => {
            const api = plan.props(T.api);
            assert.deepStrictEqual(api.endpointConfiguration, { types: "REGIONAL" });
            assert.strictEqual(api.securityPolicy, "TLS_1_2");
            assert.strictEqual(api.apiKeySource, "HEADER");
            assert.strictEqual(api.disableExecuteApiEndpoint, false);
        });

        it("logs every request as JSON to a KMS-encrypted group with retention, and traces with X-Ray", () => {
            const stage = plan.props(T.stage);
            assert.strictEqual(stage.xrayTracingEnabled, true);
            const settings = stage.accessLogSettings as { destinationArn: string; format: string };
            assert.strictEqual(settings.format, accessLogFormat());
            for (const field of ["requestId", "ip", "caller", "user", "status", "latency", "authorizerError"]) {
                assert.ok(field in JSON.parse(settings.format.replace(/(:)(\$context\.[a-zA-Z.]+)/g, '$1"$2"')), `access log lacks ${field}`);
            }
            const access = plan.one(T.logGroup, "orders-access-logs").props;
            assert.strictEqual(settings.destinationArn, `arn:aws:logs:us-east-1:123456789012:log-group:${access.name}`);
            assert.strictEqual(access.kmsKeyId, KMS_ARN);
            assert.strictEqual(access.retentionInDays, 30);
        });

        it("pre-creates the execution log group so it is encrypted and expires", () => {
            const execution = plan.one(T.logGroup, "orders-execution-logs").props;
            assert.match(String(execution.name), /^API-Gateway-Execution-Logs_[a-z0-9]+\/dev$/);
            assert.strictEqual(execution.kmsKeyId, KMS_ARN);
            assert.strictEqual(execution.retentionInDays, 30);
        });

        it("throttles the whole stage, logs errors and never logs bodies", () => {
            const settings = plan.props(T.settings, "orders-stage-settings");
            assert.strictEqual(settings.methodPath, "*/*");
            assert.deepStrictEqual(settings.settings, {
                loggingLevel: "ERROR",
                metricsEnabled: true,
                dataTraceEnabled: false,
                throttlingRateLimit: 100,
                throttlingBurstLimit: 200,
            });
        });
    });

    describe("route table", () => {
        it("maps each route's auth kind to the method's authorization and authorizer", () => {
            const byName = (n: string) => plan.props(T.method, n);
            assert.strictEqual(byName("orders-get-health").authorization, "NONE");
            const get = byName("orders-get-orders");
            assert.strictEqual(get.authorization, "COGNITO_USER_POOLS");
            assert.deepStrictEqual(get.authorizationScopes, ["orders.read"]);
            assert.strictEqual(get.apiKeyRequired, true);
            const cognito = plan.ofType(T.authorizer).find((a) => a.props.type === "COGNITO_USER_POOLS")!;
            assert.ok(plan.one(T.method, "orders-get-orders").propertyDependencies.authorizerId.some((u) => u === cognito.urn));
            assert.strictEqual(byName("orders-post-orders").authorization, "CUSTOM");
            assert.strictEqual(byName("orders-get-orders-orderid").authorization, "AWS_IAM");
        });

        it("validates JSON bodies against a model and path parameters with a validator", () => {
            const model = plan.props(T.model);
            assert.deepStrictEqual(JSON.parse(String(model.schema)), { type: "object", required: ["sku"] });
            const post = plan.props(T.method, "orders-post-orders");
            assert.deepStrictEqual(post.requestModels, { "application/json": model.name });
            const validators = plan.ofType(T.validator).map((v) => v.props);
            assert.deepStrictEqual(validators.map((v) => [v.validateRequestBody, v.validateRequestParameters]).sort(), [
                [false, true],
                [true, true],
            ]);
            const byId = plan.props(T.method, "orders-get-orders-orderid");
            assert.deepStrictEqual(byId.requestParameters, { "method.request.path.orderId": true });
            assert.ok(byId.requestValidatorId);
        });

        it("forwards path parameters to HTTP backends and lets API Gateway invoke only its Lambda route", () => {
            const http = plan.props(T.integration, "orders-get-orders-orderid-integration");
            assert.strictEqual(http.type, "HTTP_PROXY");
            assert.deepStrictEqual(http.requestParameters, { "integration.request.path.orderId": "method.request.path.orderId" });
            const lambda = plan.props(T.integration, "orders-post-orders-integration");
            assert.strictEqual(lambda.type, "AWS_PROXY");
            assert.match(String(lambda.uri), /functions\/arn:aws:lambda:.*:function:backend\/invocations$/);
            const permission = plan.props(T.permission);
            assert.match(String(permission.sourceArn), /^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]+\/\*\/POST\/orders$/);
        });

        it("overrides throttling for a route with its own method settings", () => {
            const override = plan.props(T.settings, "orders-settings-post-orders");
            assert.strictEqual(override.methodPath, "~1orders/POST");
            assert.deepStrictEqual(
                [(override.settings as Record<string, number>).throttlingRateLimit, (override.settings as Record<string, number>).throttlingBurstLimit],
                [5, 10],
            );
        });

        it("exports least-privilege method ARNs for the AWS_IAM routes only", () => {
            assert.deepStrictEqual(plan.outputs.iam.value, [`arn:aws:execute-api:us-east-1:123456789012:${plan.props(T.stage).restApi}/dev/GET/orders/*`]);
        });
    });

    describe("CORS", () => {
        it("answers preflights on every path from API Gateway with the allowed origins only", () => {
            const options = plan.ofType(T.method).filter((m) => m.props.httpMethod === "OPTIONS");
            assert.deepStrictEqual(options.map((m) => m.name).sort(), ["orders-options-health", "orders-options-orders", "orders-options-orders-orderid"]);
            const preflight = plan.props(T.integrationResponse, "orders-options-orders-200");
            const headers = preflight.responseParameters as Record<string, string>;
            assert.strictEqual(headers["method.response.header.Access-Control-Allow-Origin"], "'https://app.example.com'");
            assert.strictEqual(headers["method.response.header.Access-Control-Allow-Methods"], "'GET,OPTIONS,POST'");
            assert.match(String((preflight.responseTemplates as Record<string, string>)["application/json"]), /\$origin == "https:\/\/admin\.example\.com"/);
            const all = plan.ofType(T.integrationResponse).concat(plan.ofType(T.response));
            assert.ok(
                all.every((r) => !JSON.stringify(r.props).includes("'*'")),
                "no response allows any origin",
            );
        });

        it("adds CORS headers to 4XX/5XX gateway responses", () => {
            const types = plan
                .ofType(T.response)
                .map((r) => r.props.responseType)
                .sort();
            assert.deepStrictEqual(types, ["DEFAULT_4XX", "DEFAULT_5XX"]);
        });

        it("creates no CORS resources when cors is omitted", async () => {
            const bare = await runProgram(() => {
                new RestApi("bare", restApiArgs());
            });
            assert.strictEqual(bare.ofType(T.method).filter((m) => m.props.httpMethod === "OPTIONS").length, 0);
            assert.strictEqual(bare.ofType(T.response).length, 0);
        });
    });

    describe("options", () => {
        it("sets the execution log level, disables the default endpoint and X-Ray when asked", async () => {
            const p = await runProgram(() => {
                new RestApi(
                    "o",
                    restApiArgs({
                        logging: { retentionInDays: 14, executionLevel: "INFO", kmsKeyArn: KMS_ARN },
                        disableExecuteApiEndpoint: true,
                        xrayTracing: false,
                    }),
                );
            });
            assert.strictEqual((p.props(T.settings).settings as Record<string, unknown>).loggingLevel, "INFO");
            assert.strictEqual(p.props(T.api).disableExecuteApiEndpoint, true);
            assert.strictEqual(p.props(T.stage).xrayTracingEnabled, false);
            // dev's shortest retention is 14 days (ENVIRONMENT_BASELINE.dev); 7 is refused, see "bad arguments".
            assert.ok(p.ofType(T.logGroup).every((g) => g.props.retentionInDays === 14));
        });

        // Redeployment on every snapshotted change: test/components/apigateway/deployment-trigger.test.ts.
    });

    describe("PublicApi", () => {
        it("is a REGIONAL RestApi under its own component", async () => {
            const p = await runProgram(() => {
                new PublicApi("pub", (({ endpointType: _e, ...rest }) => rest)(restApiArgs()));
            });
            assert.deepStrictEqual(p.props(T.api).endpointConfiguration, { types: "REGIONAL" });
            const component = p.one("secure-api:apigateway:PublicApi");
            assert.strictEqual(p.one("secure-api:apigateway:RestApi").parent, component.urn);
        });
        it("rejects bad arguments before creating anything", () =>
            assertRejectsBeforeCreating(
                () => new PublicApi("bad", (({ endpointType: _e, ...rest }) => rest)(restApiArgs({ stageName: "" }))),
                /RestApi: stageName must be 1-128 letters, digits, _ or -/,
            ));
    });
});
