/** HttpApi: what it registers by default, each option, what it refuses before creating anything, and that the pack finds nothing on it. */
import * as assert from "assert";
import { HttpApi, HttpApiArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { BACKEND_ARN, FUNCTION_ARN, httpApiArgs, idOf, ISSUER, KMS_ARN, packFindingsEverywhere } from "./support";

const API = "aws:apigatewayv2/api:Api";
const STAGE = "aws:apigatewayv2/stage:Stage";
const ROUTE = "aws:apigatewayv2/route:Route";
const INTEGRATION = "aws:apigatewayv2/integration:Integration";
const AUTHORIZER = "aws:apigatewayv2/authorizer:Authorizer";
const PERMISSION = "aws:lambda/permission:Permission";
const EXEC = "arn:aws:execute-api:us-east-1:123456789012:";

describe("HttpApi", () => {
    it("defaults: an explicit deployed stage, JWT and IAM routes, scoped Lambda permission, JSON access logs, throttling, detailed metrics", async () => {
        const plan = await runProgram(() => ({ dims: new HttpApi("orders", httpApiArgs()).metricDimensions }));
        const api = plan.props(API);
        assert.deepStrictEqual([api.name, api.protocolType, api.disableExecuteApiEndpoint, api.corsConfiguration], ["orders-http", "HTTP", false, undefined]);
        const authorizer = plan.props(AUTHORIZER);
        assert.deepStrictEqual(
            [authorizer.authorizerType, authorizer.identitySources, authorizer.jwtConfiguration],
            ["JWT", ["$request.header.Authorization"], { issuer: ISSUER, audiences: ["client-web"] }],
        );
        const routes = Object.fromEntries(plan.ofType(ROUTE).map((r) => [r.props.routeKey, [r.props.authorizationType, r.props.authorizationScopes]]));
        assert.deepStrictEqual(routes, { "GET /orders": ["JWT", ["orders.read"]], "GET /reports": ["AWS_IAM", undefined] });
        const integrations = plan
            .ofType(INTEGRATION)
            .map((i) => [
                i.props.integrationType,
                i.props.integrationMethod,
                i.props.integrationUri,
                i.props.payloadFormatVersion,
                i.props.connectionType,
                i.props.timeoutMilliseconds,
            ]);
        assert.deepStrictEqual(integrations.sort(), [
            ["AWS_PROXY", "POST", BACKEND_ARN, "2.0", undefined, undefined],
            ["HTTP_PROXY", "GET", "https://reports.example.com/reports", "1.0", "INTERNET", 29000],
        ]);
        const permission = plan.props(PERMISSION);
        assert.deepStrictEqual(
            [permission.principal, permission.function, permission.sourceArn],
            ["apigateway.amazonaws.com", BACKEND_ARN, `${EXEC}${idOf(plan, API)}/*/GET/orders`],
        );
        assert.strictEqual(plan.ofType("aws:apigatewayv2/deployment:Deployment").length, 1);
        const stage = plan.props(STAGE);
        assert.deepStrictEqual(
            [stage.name, stage.autoDeploy, stage.defaultRouteSettings, stage.routeSettings],
            ["dev", false, { throttlingRateLimit: 50, throttlingBurstLimit: 100, detailedMetricsEnabled: true }, []],
        );
        const logs = stage.accessLogSettings as { format: string; destinationArn: string };
        const format = JSON.parse(logs.format.replace(/\$context\.[A-Za-z.]+/g, "0")) as Record<string, unknown>;
        assert.ok(
            ["requestId", "ip", "status", "routeKey", "principalId"].every((k) => k in format),
            logs.format,
        );
        assert.match(logs.format, /"requestId":"\$context\.requestId"/);
        assert.match(logs.format, /"ip":"\$context\.identity\.sourceIp"/);
        assert.match(logs.format, /"status":"\$context\.status"/);
        const group = plan.props("aws:cloudwatch/logGroup:LogGroup");
        assert.deepStrictEqual([group.name, group.retentionInDays, group.kmsKeyId], ["/aws/apigateway/orders-http/dev/access", 30, KMS_ARN]);
        assert.deepStrictEqual(plan.outputs.dims.value, { ApiId: idOf(plan, API), Stage: "dev" });
    });

    it("the pack finds nothing on it (offline and through the real analyzer, preview and update)", async () => {
        const all: Partial<HttpApiArgs> = {
            // The pack's default log-group-retention minimum is 90 days.
            logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN },
            authorizers: {
                jwt: { issuer: ISSUER, audiences: ["client-web"] },
                lambda: { functionArn: FUNCTION_ARN, identitySources: ["$request.header.X-Partner-Token"], resultTtlSeconds: 60 },
            },
            cors: { allowedOrigins: ["https://app.example.com"] },
            vpcLinks: { internal: { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] } },
            routes: [
                ...httpApiArgs().routes,
                {
                    path: "/partners/{id}",
                    method: "POST",
                    auth: "lambda",
                    throttle: { rateLimit: 5, burstLimit: 10 },
                    integration: { kind: "lambda", functionArn: BACKEND_ARN },
                },
                {
                    path: "/inventory/{proxy+}",
                    method: "ANY",
                    auth: "jwt",
                    integration: {
                        kind: "private",
                        vpcLink: "internal",
                        targetArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/inv/1/2",
                        serverNameToVerify: "inventory.internal.example.com",
                    },
                },
            ],
        };
        assert.deepStrictEqual(await packFindingsEverywhere(() => new HttpApi("orders", httpApiArgs(all))), []);
    });

    it("options: Lambda REQUEST authorizer (payload 2.0, simple responses, TTL, identity sources) with a permission scoped to it", async () => {
        const plan = await runProgram(() => {
            new HttpApi(
                "orders",
                httpApiArgs({
                    authorizers: {
                        lambda: { functionArn: FUNCTION_ARN, identitySources: ["$request.header.X-Token", "$request.querystring.k"], resultTtlSeconds: 120 },
                    },
                    routes: [{ path: "/p", method: "POST", auth: "lambda", integration: { kind: "http", uri: "https://p.example.com/" } }],
                }),
            );
        });
        const a = plan.props(AUTHORIZER);
        assert.deepStrictEqual(
            [a.authorizerType, a.authorizerPayloadFormatVersion, a.enableSimpleResponses, a.authorizerResultTtlInSeconds, a.identitySources],
            ["REQUEST", "2.0", true, 120, ["$request.header.X-Token", "$request.querystring.k"]],
        );
        assert.strictEqual(a.authorizerUri, `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN}/invocations`);
        const permission = plan.props(PERMISSION);
        assert.strictEqual(permission.sourceArn, `${EXEC}${idOf(plan, API)}/authorizers/${idOf(plan, AUTHORIZER)}`);
        assert.deepStrictEqual([plan.props(ROUTE).authorizationType, plan.props(ROUTE).authorizerId], ["CUSTOM", idOf(plan, AUTHORIZER)]);
    });

    it("options: CORS from the origin list, private integration over a VPC link with tlsConfig, per-route throttle, disabled default endpoint, autoDeploy $default", async () => {
        const plan = await runProgram(() => {
            new HttpApi(
                "orders",
                httpApiArgs({
                    stageName: "$default",
                    autoDeploy: true,
                    disableExecuteApiEndpoint: true,
                    cors: { allowedOrigins: ["https://app.example.com"], maxAgeSeconds: 300 },
                    vpcLinks: { internal: { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] } },
                    routes: [
                        {
                            path: "/inventory",
                            method: "PUT",
                            auth: "iam",
                            throttle: { rateLimit: 5, burstLimit: 10 },
                            integration: {
                                kind: "private",
                                vpcLink: "internal",
                                targetArn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1",
                                serverNameToVerify: "inv.internal.example.com",
                                timeoutMs: 5000,
                            },
                        },
                    ],
                }),
            );
        });
        const api = plan.props(API);
        assert.strictEqual(api.disableExecuteApiEndpoint, true);
        assert.deepStrictEqual(api.corsConfiguration, {
            allowOrigins: ["https://app.example.com"],
            allowMethods: ["OPTIONS", "PUT"],
            allowHeaders: ["Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token"],
            maxAge: 300,
            allowCredentials: false,
        });
        const link = plan.props("aws:apigatewayv2/vpcLink:VpcLink");
        assert.deepStrictEqual([link.name, link.subnetIds, link.securityGroupIds], ["orders-http-internal", ["subnet-0abc"], ["sg-0abc"]]);
        const i = plan.props(INTEGRATION);
        assert.deepStrictEqual(
            [i.connectionType, i.connectionId, i.tlsConfig, i.integrationUri, i.timeoutMilliseconds],
            [
                "VPC_LINK",
                idOf(plan, "aws:apigatewayv2/vpcLink:VpcLink"),
                { serverNameToVerify: "inv.internal.example.com" },
                "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1",
                5000,
            ],
        );
        const stage = plan.props(STAGE);
        assert.deepStrictEqual([stage.name, stage.autoDeploy, stage.deploymentId], ["$default", true, undefined]);
        assert.deepStrictEqual(stage.routeSettings, [
            { routeKey: "PUT /inventory", throttlingRateLimit: 5, throttlingBurstLimit: 10, detailedMetricsEnabled: true },
        ]);
        assert.strictEqual(plan.ofType("aws:apigatewayv2/deployment:Deployment").length, 0);
        assert.strictEqual(plan.props("aws:cloudwatch/logGroup:LogGroup").name, "/aws/apigateway/orders-http/default/access");
    });

    it("a waived public route is NONE and its resource name is exposed for the policy allow-list", async () => {
        let names: string[] = [];
        const plan = await runProgram(() => {
            names = new HttpApi(
                "orders",
                httpApiArgs({
                    routes: [
                        {
                            path: "/health",
                            method: "GET",
                            auth: "none",
                            waiver: "uptime probes call it without credentials",
                            integration: { kind: "http", uri: "https://h.example.com/" },
                        },
                    ],
                }),
            ).anonymousRouteNames;
        });
        assert.strictEqual(plan.props(ROUTE).authorizationType, "NONE");
        assert.deepStrictEqual(names, ["orders-get-health"]);
    });

    const bad: [string, Partial<HttpApiArgs>, RegExp][] = [
        [
            "an http:// integration",
            { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "http://a.example.com" } }] },
            /routes\[0\]\.integration\.uri must be an https:\/\/ URL; plaintext http:\/\/ is refused/,
        ],
        [
            "auth none without a waiver",
            { routes: [{ path: "/a", method: "GET", auth: "none", integration: { kind: "lambda", functionArn: BACKEND_ARN } }] },
            /routes\[0\]\.waiver is required with auth "none"/,
        ],
        [
            "a lambda route without a Lambda authorizer",
            { routes: [{ path: "/a", method: "GET", auth: "lambda", integration: { kind: "lambda", functionArn: BACKEND_ARN } }] },
            /routes\[0\]\.auth is "lambda" but the API has no lambda authorizer/,
        ],
        [
            "the REST auth kind cognito",
            { routes: [{ path: "/a", method: "GET", auth: "cognito" as "jwt", integration: { kind: "lambda", functionArn: BACKEND_ARN } }] },
            /routes\[0\]\.auth must be one of jwt, lambda, iam, none \(got "cognito"\)/,
        ],
        [
            "scopes on an IAM route",
            { routes: [{ path: "/a", method: "GET", auth: "iam", scopes: ["x"], integration: { kind: "lambda", functionArn: BACKEND_ARN } }] },
            /routes\[0\]\.scopes are only valid with auth "jwt"/,
        ],
        [
            "a private integration naming no VPC link",
            {
                routes: [
                    {
                        path: "/a",
                        method: "GET",
                        auth: "iam",
                        integration: { kind: "private", vpcLink: "x", targetArn: "arn:x", serverNameToVerify: "a.example.com" },
                    },
                ],
            },
            /routes\[0\]\.integration\.vpcLink must name a VPC link of the API \(vpcLinks: none\)/,
        ],
        [
            "an authorizer TTL above 3600",
            { authorizers: { lambda: { functionArn: FUNCTION_ARN, resultTtlSeconds: 3601 } } },
            /authorizers\.lambda\.resultTtlSeconds must be an integer from 0 to 3600 \(got 3601\)/,
        ],
        [
            "no identity sources",
            { authorizers: { lambda: { functionArn: FUNCTION_ARN, identitySources: [] } } },
            /authorizers\.lambda\.identitySources must list at least one source/,
        ],
        [
            "a REST-style identity source",
            { authorizers: { lambda: { functionArn: FUNCTION_ARN, identitySources: ["method.request.header.X"] } } },
            /authorizers\.lambda\.identitySources\[0\] must be \$request\.header/,
        ],
        [
            "an http JWT issuer",
            { authorizers: { jwt: { issuer: "http://issuer.example.com", audiences: ["a"] } } },
            /authorizers\.jwt\.issuer must be an https:\/\/ URL/,
        ],
        ["no JWT audience", { authorizers: { jwt: { issuer: ISSUER, audiences: [] } } }, /authorizers\.jwt\.audiences must list at least one app client id/],
        [
            "a wildcard origin in dev without allowWildcard",
            { cors: { allowedOrigins: ["*"] } },
            /cors\.allowedOrigins\[0\] is "\*", which needs cors\.allowWildcard: true/,
        ],
        ["a throttle above the baseline", { throttle: { rateLimit: 20000, burstLimit: 1 } }, /throttle\.rateLimit must be a number above 0 and at most 10000/],
        ["a retention dev refuses", { logging: { retentionInDays: 7, kmsKeyArn: KMS_ARN } }, /logging\.retentionInDays must be one of 14/],
        ["a bad stage name", { stageName: "my stage" }, /stageName must be 1-128 letters, digits, _ or -, or \$default/],
        [
            "a timeout above 29000",
            { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://a.example.com", timeoutMs: 30001 } }] },
            /routes\[0\]\.integration\.timeoutMs must be an integer from 50 to 29000/,
        ],
        ["a duplicate route", { routes: [httpApiArgs().routes[1], httpApiArgs().routes[1]] }, /routes\[1\] duplicates route GET \/reports/],
    ];
    for (const [what, args, message] of bad) {
        it(`rejects ${what} before creating anything`, () => assertRejectsBeforeCreating(() => new HttpApi("bad", httpApiArgs(args)), /^HttpApi: /, message));
    }
});
