import * as assert from "assert";
import { accessLogFormat, OpenApiRestApi, WebAcl } from "../../../components";
import { Plan, runProgram } from "../../harness";
import { FUNCTION_ARN, KMS_ARN } from "../fixtures";
import { openApiArgs, ORDERS_V2, POOL, swagger, T } from "./openapi-fixtures";

type Doc = Record<string, Record<string, unknown>>;
const bodyOf = (plan: Plan): Doc => JSON.parse(plan.props(T.api).body as string) as Doc;
const op = (doc: Doc, p: string, verb: string) => (doc.paths[p] as Doc)[verb] as Record<string, unknown>;

describe("OpenApiRestApi", () => {
    let plan: Plan;
    before(async () => {
        plan = await runProgram(() => new OpenApiRestApi("orders", openApiArgs()));
    });

    describe("secure defaults", () => {
        it("creates the API from the document (overwrite mode, warnings fail) with the route-built API's inputs", () => {
            const api = plan.props(T.api);
            assert.strictEqual(api.putRestApiMode, "overwrite");
            assert.strictEqual(api.failOnWarnings, true);
            assert.deepStrictEqual(api.endpointConfiguration, { types: "REGIONAL" });
            assert.strictEqual(api.securityPolicy, "TLS_1_2");
            assert.strictEqual(api.apiKeySource, "HEADER");
            assert.strictEqual(api.disableExecuteApiEndpoint, false);
            assert.strictEqual(plan.ofType(T.method).length + plan.ofType(T.authorizer).length, 0, "nothing beside the body (overwrite would delete it)");
        });

        it("injects the Cognito, Lambda (cache 60 s, invocation role) and SigV4 schemes the document names", () => {
            const schemes = bodyOf(plan).securityDefinitions as Record<string, Record<string, unknown>>;
            assert.deepStrictEqual(schemes.cognito, {
                type: "apiKey",
                name: "Authorization",
                in: "header",
                "x-amazon-apigateway-authtype": "cognito_user_pools",
                "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: [POOL] },
            });
            assert.deepStrictEqual(schemes.lambda["x-amazon-apigateway-authorizer"], {
                type: "token",
                authorizerUri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations`,
                authorizerCredentials: "arn:aws:iam::123456789012:role/orders-authorizer",
                identitySource: "method.request.header.Authorization",
                authorizerResultTtlInSeconds: 60,
            });
            assert.strictEqual(schemes.sigv4["x-amazon-apigateway-authtype"], "awsSigv4");
            assert.strictEqual(plan.props(T.role).name, "orders-authorizer");
        });

        it("validates bodies and parameters by default", () => {
            const doc = bodyOf(plan);
            assert.deepStrictEqual(doc["x-amazon-apigateway-request-validators"], {
                "platform-body-and-parameters": { validateRequestBody: true, validateRequestParameters: true },
            });
            assert.strictEqual(doc["x-amazon-apigateway-request-validator"], "platform-body-and-parameters");
        });

        it("answers CORS from the platform's origins: 4XX/5XX gateway responses and a MOCK OPTIONS preflight per path", () => {
            const doc = bodyOf(plan);
            const gateway = doc["x-amazon-apigateway-gateway-responses"] as Record<string, { responseParameters: Record<string, string> }>;
            assert.deepStrictEqual(Object.keys(gateway), ["DEFAULT_4XX", "DEFAULT_5XX"]);
            assert.strictEqual(gateway.DEFAULT_4XX.responseParameters["gatewayresponse.header.Access-Control-Allow-Origin"], "'https://app.example.com'");
            const preflight = op(doc, "/orders", "options");
            assert.deepStrictEqual(preflight.security, []);
            const integration = preflight["x-amazon-apigateway-integration"] as Record<string, Record<string, Record<string, unknown>>> & { type: string };
            assert.strictEqual(integration.type, "mock");
            assert.deepStrictEqual(integration.responses.default.responseParameters, {
                "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
                "method.response.header.Vary": "'Origin'",
                "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'",
                "method.response.header.Access-Control-Allow-Headers": "'Content-Type,Authorization,X-Api-Key,X-Amz-Date,X-Amz-Security-Token'",
                "method.response.header.Access-Control-Max-Age": "'600'",
            });
            assert.ok(op(doc, "/reports", "options"), "every path has a preflight");
        });

        it("publishes the stage like a route-built REST API: JSON access logs, X-Ray, throttling, no data traces", () => {
            const stage = plan.props(T.stage);
            assert.strictEqual(stage.xrayTracingEnabled, true);
            assert.strictEqual((stage.accessLogSettings as { format: string }).format, accessLogFormat());
            assert.deepStrictEqual(plan.props(T.settings).settings, {
                loggingLevel: "ERROR",
                metricsEnabled: true,
                dataTraceEnabled: false,
                throttlingRateLimit: 100,
                throttlingBurstLimit: 200,
            });
        });

        it("redeploys when the document changes, not otherwise", async () => {
            const trigger = async (document: Record<string, unknown>) =>
                (await runProgram(() => new OpenApiRestApi("orders", openApiArgs({ document: { document } })))).props(T.deployment).triggers;
            const same = await trigger(swagger());
            assert.deepStrictEqual(same, plan.props(T.deployment).triggers);
            const changed = swagger();
            ((changed.paths as Doc)["/orders"].get as Record<string, Record<string, unknown>>)["x-amazon-apigateway-integration"].uri =
                "https://v2.example.com/orders";
            assert.notDeepStrictEqual(await trigger(changed), same);
        });

        it("passes the policy pack with zero findings when put behind the platform's WAF", async () => {
            for (const mode of ["update", "preview"] as const) {
                const secured = await runProgram(
                    () => {
                        const api = new OpenApiRestApi(
                            "orders",
                            openApiArgs({
                                document: { file: ORDERS_V2 },
                                authorizers: { lambda: { functionArn: FUNCTION_ARN, type: "TOKEN" } },
                                logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN },
                            }),
                        );
                        new WebAcl("waf", { endpoints: [api], logRetentionInDays: 90, kmsKeyArn: KMS_ARN, environment: "dev" });
                    },
                    { mode },
                );
                const found = await secured.violations();
                assert.deepStrictEqual(
                    found.map((v) => `${v.enforcementLevel} ${v.policyName}: ${v.message}`),
                    [],
                    mode,
                );
            }
        });
    });

    describe("options", () => {
        it("reads a YAML file, injects only the schemes it names (no Cognito pool needed), and lists its operations", async () => {
            const fromFile = await runProgram(
                () =>
                    new OpenApiRestApi(
                        "v2",
                        openApiArgs({ document: { file: ORDERS_V2 }, authorizers: { lambda: { functionArn: FUNCTION_ARN, type: "TOKEN" } } }),
                    ),
            );
            const doc = bodyOf(fromFile);
            assert.deepStrictEqual(Object.keys((doc.components as Doc).securitySchemes).sort(), ["lambda", "sigv4"]);
            assert.deepStrictEqual(Object.keys(doc.paths), ["/v2/orders", "/v2/orders/{orderId}"]);
        });

        it("makes a waived public operation explicitly anonymous, and leaves out CORS when none is configured", async () => {
            const p = await runProgram(
                () =>
                    new OpenApiRestApi(
                        "orders",
                        openApiArgs({
                            cors: undefined,
                            publicOperations: [{ resource: "GET /reports", reason: "Uptime probes read the public report index" }],
                        }),
                    ),
            );
            const doc = bodyOf(p);
            assert.deepStrictEqual(op(doc, "/reports", "get").security, []);
            assert.strictEqual(op(doc, "/orders", "options"), undefined);
            assert.strictEqual(doc["x-amazon-apigateway-gateway-responses"], undefined);
        });

        it("takes INFO execution logs, a REQUEST authorizer and a PRIVATE endpoint with its policy", async () => {
            const policy = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: "*",
                        Action: "execute-api:Invoke",
                        Resource: "execute-api:/*",
                        Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
                    },
                ],
            });
            const p = await runProgram(
                () =>
                    new OpenApiRestApi(
                        "orders",
                        openApiArgs({
                            endpointType: "PRIVATE",
                            vpcEndpointIds: ["vpce-1"],
                            policy,
                            logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN, executionLevel: "INFO" },
                            authorizers: {
                                cognito: { userPoolArns: [POOL] },
                                lambda: { functionArn: FUNCTION_ARN, type: "REQUEST", identitySources: ["method.request.header.X-Token"] },
                            },
                        }),
                    ),
            );
            assert.deepStrictEqual(p.props(T.api).endpointConfiguration, { types: "PRIVATE", vpcEndpointIds: ["vpce-1"] });
            assert.strictEqual(p.props(T.api).policy, policy);
            assert.strictEqual((p.props(T.settings).settings as Record<string, unknown>).loggingLevel, "INFO");
            const lambda = ((bodyOf(p).securityDefinitions as Doc).lambda as Record<string, Record<string, unknown>>)["x-amazon-apigateway-authorizer"];
            assert.strictEqual(lambda.type, "request");
            assert.strictEqual(lambda.identitySource, "method.request.header.X-Token");
        });
    });
});
