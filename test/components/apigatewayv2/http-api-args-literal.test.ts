/**
 * Literal messages of what HttpApi and HttpApiRoute refuse before creating anything (environment, names,
 * autoDeploy, logging, JWT issuer, VPC links, authorizers, the platform's stage settings), and the
 * identity sources API Gateway v2 accepts for HTTP ($request.*, $context.*, $stageVariables.*) and
 * WebSocket (route.request.*, context.*, stageVariables.*) Lambda authorizers.
 */
import * as assert from "assert";
import { HttpApi, HttpApiArgs, HttpApiRoute, HttpApiRouteArgs, SharedHttpApi, validateV2LambdaAuthorizer } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { BACKEND_ARN, FUNCTION_ARN, httpApiArgs, ISSUER, KMS_ARN } from "./support";

const LINK = "aws:apigatewayv2/vpcLink:VpcLink";

function shared(overrides: Partial<SharedHttpApi> = {}): SharedHttpApi {
    return {
        environment: "dev",
        apiId: "http123",
        executionArn: "arn:aws:execute-api:us-east-1:123456789012:http123",
        authorizerIds: { jwt: "jwt123" },
        kmsKeyArn: KMS_ARN,
        stageSettings: { throttle: { rateLimit: 10, burstLimit: 20 }, logRetentionInDays: 14 },
        ...overrides,
    };
}

function routeArgs(api: Partial<SharedHttpApi> = {}, overrides: Partial<HttpApiRouteArgs> = {}): HttpApiRouteArgs {
    return {
        api: shared(api),
        stageName: "team",
        routes: [{ path: "/team", method: "GET", auth: "jwt", scopes: ["s"], integration: { kind: "lambda", functionArn: BACKEND_ARN } }],
        ...overrides,
    };
}

const iamOnly: HttpApiArgs["routes"] = [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://a.example.com/" } }];
const jwtRoute: HttpApiArgs["routes"] = [{ path: "/a", method: "GET", auth: "jwt", integration: { kind: "http", uri: "https://a.example.com/" } }];
const lambdaRoute: HttpApiArgs["routes"] = [{ path: "/a", method: "GET", auth: "lambda", integration: { kind: "http", uri: "https://a.example.com/" } }];
const link = { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] };

function thrownMessage(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        return (e as Error).message;
    }
    return "(nothing thrown)";
}

async function rejects(program: () => unknown, message: string): Promise<void> {
    const error = await assertRejectsBeforeCreating(program);
    assert.strictEqual(error.message, message);
}

describe("HttpApi and HttpApiRoute arguments (literal)", () => {
    const httpBad: [string, Partial<HttpApiArgs>, string][] = [
        ["an unknown environment", { environment: "qa" as "dev" }, 'HttpApi: environment must be one of dev, prod (got "qa")'],
        ["an API name with a slash", { apiName: "orders/http" }, 'HttpApi: apiName must be 1-128 letters, digits, spaces, _ or - (got "orders/http")'],
        ["a non-boolean autoDeploy", { autoDeploy: "yes" as unknown as boolean }, 'HttpApi: autoDeploy must be true or false (got "yes")'],
        ["no logging", { logging: undefined as unknown as HttpApiArgs["logging"] }, "HttpApi: logging is required (retentionInDays and kmsKeyArn)"],
        [
            "logging without a KMS key",
            { logging: { retentionInDays: 30 } as HttpApiArgs["logging"] },
            "HttpApi: logging.kmsKeyArn is required: access logs hold caller IPs and identities",
        ],
        [
            "logging with an empty KMS key",
            { logging: { retentionInDays: 30, kmsKeyArn: "" } },
            "HttpApi: logging.kmsKeyArn is required: access logs hold caller IPs and identities",
        ],
        [
            "a JWT issuer with text before https://",
            { authorizers: { jwt: { issuer: `see ${ISSUER}`, audiences: ["a"] } } },
            `HttpApi: authorizers.jwt.issuer must be an https:// URL (got "see ${ISSUER}")`,
        ],
        [
            "a jwt route without a JWT authorizer",
            { authorizers: undefined, routes: jwtRoute },
            'HttpApi: routes[0].auth is "jwt" but the API has no jwt authorizer configured (authorizers.jwt)',
        ],
        [
            "a Lambda authorizer without a function ARN",
            { authorizers: { lambda: {} as { functionArn: string } } },
            "HttpApi: authorizers.lambda.functionArn is required (the authorizer function's ARN)",
        ],
        [
            "a Lambda authorizer with an empty function ARN",
            { authorizers: { lambda: { functionArn: "" } } },
            "HttpApi: authorizers.lambda.functionArn is required (the authorizer function's ARN)",
        ],
        [
            "an upper-case VPC link key",
            { vpcLinks: { Internal: link } },
            'HttpApi: vpcLinks key must be a lower-case name of letters, digits and - (got "Internal")',
        ],
        [
            "a VPC link key of 65 characters",
            { vpcLinks: { ["a".repeat(65)]: link } },
            `HttpApi: vpcLinks key must be a lower-case name of letters, digits and - (got "${"a".repeat(65)}")`,
        ],
        [
            "a VPC link with no subnets",
            { vpcLinks: { internal: { ...link, subnetIds: [] } } },
            "HttpApi: vpcLinks.internal.subnetIds must list at least one subnet",
        ],
        [
            "a VPC link without subnetIds",
            { vpcLinks: { internal: { securityGroupIds: ["sg-0abc"] } as typeof link } },
            "HttpApi: vpcLinks.internal.subnetIds must list at least one subnet",
        ],
        [
            "a VPC link with no security groups",
            { vpcLinks: { internal: { ...link, securityGroupIds: [] } } },
            "HttpApi: vpcLinks.internal.securityGroupIds must list at least one security group",
        ],
        [
            "a VPC link without securityGroupIds",
            { vpcLinks: { internal: { subnetIds: ["subnet-0abc"] } as typeof link } },
            "HttpApi: vpcLinks.internal.securityGroupIds must list at least one security group",
        ],
    ];
    for (const [what, args, message] of httpBad) {
        it(`HttpApi refuses ${what}`, () => rejects(() => new HttpApi("bad", httpApiArgs(args)), message));
    }

    it("HttpApi accepts a VPC link key of 64 characters and an IAM-only API without authorizers", async () => {
        const key = "a".repeat(64);
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ authorizers: undefined, routes: iamOnly, vpcLinks: { [key]: link } })));
        assert.strictEqual(plan.props(LINK).name, `orders-http-${key}`);
    });

    const routeBad: [string, () => HttpApiRouteArgs, string][] = [
        ["no api", () => routeArgs({}, { api: undefined as unknown as SharedHttpApi }), "HttpApiRoute: api is required (the platform's stack outputs)"],
        ["an unknown environment", () => routeArgs({ environment: "qa" as "dev" }), 'HttpApiRoute: api.environment must be one of dev, prod (got "qa")'],
        [
            "a jwt route when the platform has no JWT authorizer",
            () => routeArgs({ authorizerIds: {} }),
            'HttpApiRoute: routes[0].auth is "jwt" but the API has no jwt authorizer configured (authorizers.jwt)',
        ],
        [
            "no stage settings",
            () => routeArgs({ stageSettings: undefined as unknown as SharedHttpApi["stageSettings"] }),
            "HttpApiRoute: api.stageSettings is required (the platform exports them as stageSettings)",
        ],
        [
            "a stage throttle above the baseline",
            () => routeArgs({ stageSettings: { throttle: { rateLimit: 20000, burstLimit: 20 }, logRetentionInDays: 14 } }),
            "HttpApiRoute: api.stageSettings.throttle.rateLimit must be a number above 0 and at most 10000 (got 20000)",
        ],
        [
            "a retention dev refuses",
            () => routeArgs({ stageSettings: { throttle: { rateLimit: 10, burstLimit: 20 }, logRetentionInDays: 7 } }),
            "HttpApiRoute: api.stageSettings.logRetentionInDays must be one of 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days in dev (got 7)",
        ],
    ];
    for (const [what, args, message] of routeBad) {
        it(`HttpApiRoute refuses ${what}`, () => rejects(() => new HttpApiRoute("bad", args()), message));
    }

    it("HttpApiRoute accepts a jwt route when the platform exports a JWT authorizer id", async () => {
        const plan = await runProgram(() => new HttpApiRoute("team", routeArgs({ authorizerIds: { jwt: "jwt123" } })));
        assert.strictEqual(plan.props("aws:apigatewayv2/route:Route").authorizerId, "jwt123");
    });

    it("HttpApiRoute accepts a lambda route when the platform exports a Lambda authorizer id", async () => {
        const plan = await runProgram(() => new HttpApiRoute("team", routeArgs({ authorizerIds: { lambda: "lam123" } }, { routes: lambdaRoute })));
        assert.strictEqual(plan.props("aws:apigatewayv2/route:Route").authorizerId, "lam123");
    });

    it("HTTP Lambda authorizers accept $request header/querystring, $context and $stageVariables sources", () => {
        const sources = ["$request.header.Authorization", "$request.querystring.token", "$context.identity.sourceIp", "$stageVariables.partnerKey"];
        assert.deepStrictEqual(validateV2LambdaAuthorizer("C", "a", { functionArn: FUNCTION_ARN, identitySources: sources }, "HTTP"), {
            identitySources: sources,
            ttl: 300,
        });
    });

    const httpSources: [string, string][] = [
        ["text before the $", "x$request.header.Authorization"],
        ["a - in a stage variable name", "$stageVariables.partner-key"],
        ["a - in a context variable", "$context.request-id"],
    ];
    for (const [what, source] of httpSources) {
        it(`HTTP Lambda authorizers refuse a source with ${what}`, () => {
            assert.strictEqual(
                thrownMessage(() => validateV2LambdaAuthorizer("C", "a", { functionArn: FUNCTION_ARN, identitySources: [source] }, "HTTP")),
                `C: a.identitySources[0] must be $request.header|querystring.NAME, $context.NAME or $stageVariables.NAME (got "${source}")`,
            );
        });
    }

    it("WebSocket Lambda authorizers accept route.request header/querystring, context and stageVariables sources", () => {
        const sources = ["route.request.header.Auth", "route.request.querystring.token", "context.identity.sourceIp", "stageVariables.partnerKey"];
        assert.deepStrictEqual(validateV2LambdaAuthorizer("C", "a", { functionArn: FUNCTION_ARN, identitySources: sources }, "WEBSOCKET"), {
            identitySources: sources,
        });
    });

    const wsSources: [string, string][] = [
        ["the HTTP $ prefix", "$context.requestId"],
        ["a - in a stage variable name", "stageVariables.partner-key"],
        ["a - in a context variable", "context.request-id"],
    ];
    for (const [what, source] of wsSources) {
        it(`WebSocket Lambda authorizers refuse a source with ${what}`, () => {
            assert.strictEqual(
                thrownMessage(() => validateV2LambdaAuthorizer("C", "a", { functionArn: FUNCTION_ARN, identitySources: [source] }, "WEBSOCKET")),
                `C: a.identitySources[0] must be route.request.header|querystring.NAME, context.NAME or stageVariables.NAME (got "${source}")`,
            );
        });
    }
});
