/**
 * HTTP API route table checks (components/apigatewayv2/v2-routes.ts) through HttpApi, with the exact
 * messages written out: path segments and greedy {param+}, methods, waivers (10 trimmed characters),
 * scopes, route throttles, integration kinds, Lambda ARNs, https:// URIs, timeouts (50-29000 ms) and
 * private integrations (VPC link names, target ARN, TLS host name); and the edges that are accepted.
 * WebSocket routes likewise: route keys, duplicates, Lambda-only integrations, route throttles.
 */
import * as assert from "assert";
import { HttpApi, HttpApiArgs, HttpRouteArgs, WebSocketApi, WebSocketRouteArgs } from "../../../components";
import { assertRejectsBeforeCreating, Plan, runProgram } from "../../harness";
import { BACKEND_ARN, httpApiArgs, webSocketApiArgs } from "./support";

const ROUTE = "aws:apigatewayv2/route:Route";
const INTEGRATION = "aws:apigatewayv2/integration:Integration";
const LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/inv/1/2";
const LINK = { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] };
const PRIVATE = { kind: "private", vpcLink: "internal", targetArn: LISTENER, serverNameToVerify: "inv.internal.example.com" } as const;

/** One IAM route GET /a to https://a.example.com, with the given fields replaced. */
function route(overrides: Partial<Record<keyof HttpRouteArgs, unknown>> = {}): HttpRouteArgs {
    return { path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://a.example.com" }, ...overrides } as HttpRouteArgs;
}

/** A private route over the `internal` VPC link, with the given integration fields replaced. */
function privateRoute(integration: Record<string, unknown>): HttpRouteArgs {
    return route({ integration: { ...PRIVATE, ...integration } });
}

function accepts(routes: HttpRouteArgs[], overrides: Partial<HttpApiArgs> = {}): Promise<Plan> {
    return runProgram(() => {
        new HttpApi("ok", httpApiArgs({ ...overrides, routes }));
    });
}

const bad: [string, HttpRouteArgs[] | undefined, string, Partial<HttpApiArgs>?][] = [
    ["no route list", undefined, "HttpApi: routes must list at least one route"],
    ["an empty route list", [], "HttpApi: routes must list at least one route"],
    [
        "a path that is not a string",
        [route({ path: 42 })],
        'HttpApi: routes[0].path must start with "/" and have segments of letters, digits, . _ - or {param}/{param+} (got 42)',
    ],
    [
        "a path without the leading /",
        [route({ path: "orders" })],
        'HttpApi: routes[0].path must start with "/" and have segments of letters, digits, . _ - or {param}/{param+} (got "orders")',
    ],
    [
        "a path with one bad segment after a good one",
        [route({ path: "/orders/a b" })],
        'HttpApi: routes[0].path must start with "/" and have segments of letters, digits, . _ - or {param}/{param+} (got "/orders/a b")',
    ],
    [
        "a segment with text after a {param}",
        [route({ path: "/{id}x" })],
        'HttpApi: routes[0].path must start with "/" and have segments of letters, digits, . _ - or {param}/{param+} (got "/{id}x")',
    ],
    [
        "a segment with text before a {param}",
        [route({ path: "/x{id}" })],
        'HttpApi: routes[0].path must start with "/" and have segments of letters, digits, . _ - or {param}/{param+} (got "/x{id}")',
    ],
    [
        "a greedy {param+} in the middle of three segments",
        [route({ path: "/orders/{rest+}/items" })],
        'HttpApi: routes[0].path "/orders/{rest+}/items" has segments below a greedy {param+}, which API Gateway does not allow',
    ],
    ["the method FETCH", [route({ method: "FETCH" })], 'HttpApi: routes[0].method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, ANY (got "FETCH")'],
    [
        "a 9-character waiver",
        [route({ auth: "none", waiver: "123456789" })],
        'HttpApi: routes[0].waiver is required with auth "none": say why anyone may call GET /a (at least 10 characters) (got "123456789")',
    ],
    [
        "a waiver that is 10 characters only with its blanks",
        [route({ auth: "none", waiver: "   abc    " })],
        'HttpApi: routes[0].waiver is required with auth "none": say why anyone may call GET /a (at least 10 characters) (got "   abc    ")',
    ],
    [
        "a waiver on an IAM route",
        [route({ waiver: "uptime probes call it" })],
        'HttpApi: routes[0].waiver only applies to auth "none" (the route\'s auth is "iam")',
    ],
    [
        "a route throttle with rate 0",
        [route({ throttle: { rateLimit: 0, burstLimit: 1 } })],
        "HttpApi: routes[0].throttle.rateLimit must be a number above 0 and at most 10000 (got 0)",
    ],
    ["no integration", [route({ integration: undefined })], "HttpApi: routes[0].integration.kind must be one of http, lambda, private (got undefined)"],
    [
        "the integration kind mock",
        [route({ integration: { kind: "mock" } })],
        'HttpApi: routes[0].integration.kind must be one of http, lambda, private (got "mock")',
    ],
    [
        "a lambda integration without a function ARN",
        [route({ integration: { kind: "lambda" } })],
        "HttpApi: routes[0].integration.functionArn is required for a lambda integration",
    ],
    [
        "a lambda integration with an empty function ARN",
        [route({ integration: { kind: "lambda", functionArn: "" } })],
        "HttpApi: routes[0].integration.functionArn is required for a lambda integration",
    ],
    [
        "an https:// URL that is not at the start of the uri",
        [route({ integration: { kind: "http", uri: "see https://a.example.com" } })],
        'HttpApi: routes[0].integration.uri must be an https:// URL; plaintext http:// is refused (got "see https://a.example.com")',
    ],
    [
        "a timeout of 49 ms (one below the minimum)",
        [route({ integration: { kind: "http", uri: "https://a.example.com", timeoutMs: 49 } })],
        "HttpApi: routes[0].integration.timeoutMs must be an integer from 50 to 29000 (got 49)",
    ],
    [
        "a timeout of 29001 ms (one above the maximum)",
        [route({ integration: { kind: "http", uri: "https://a.example.com", timeoutMs: 29001 } })],
        "HttpApi: routes[0].integration.timeoutMs must be an integer from 50 to 29000 (got 29001)",
    ],
    [
        "a timeout that is not an integer",
        [route({ integration: { kind: "http", uri: "https://a.example.com", timeoutMs: 100.5 } })],
        "HttpApi: routes[0].integration.timeoutMs must be an integer from 50 to 29000 (got 100.5)",
    ],
    [
        "a VPC link name the API does not have (two links listed)",
        [privateRoute({ vpcLink: "other" })],
        'HttpApi: routes[0].integration.vpcLink must name a VPC link of the API (vpcLinks: internal, edge) (got "other")',
        { vpcLinks: { internal: LINK, edge: LINK } },
    ],
    [
        "a private integration without a target ARN",
        [privateRoute({ targetArn: undefined })],
        "HttpApi: routes[0].integration.targetArn is required (an ALB/NLB listener ARN or a Cloud Map service ARN)",
        { vpcLinks: { internal: LINK } },
    ],
    [
        "a private integration with an empty target ARN",
        [privateRoute({ targetArn: "" })],
        "HttpApi: routes[0].integration.targetArn is required (an ALB/NLB listener ARN or a Cloud Map service ARN)",
        { vpcLinks: { internal: LINK } },
    ],
    [
        "a private integration without a TLS host name",
        [privateRoute({ serverNameToVerify: undefined })],
        "HttpApi: routes[0].integration.serverNameToVerify must be the host name on the backend's certificate, e.g. orders.internal.example.com (got undefined)",
        { vpcLinks: { internal: LINK } },
    ],
    [
        "a TLS host name with a blank inside",
        [privateRoute({ serverNameToVerify: "inv host.example.com" })],
        'HttpApi: routes[0].integration.serverNameToVerify must be the host name on the backend\'s certificate, e.g. orders.internal.example.com (got "inv host.example.com")',
        { vpcLinks: { internal: LINK } },
    ],
    [
        "a TLS host name of 254 characters",
        [privateRoute({ serverNameToVerify: "a".repeat(254) })],
        `HttpApi: routes[0].integration.serverNameToVerify must be the host name on the backend's certificate, e.g. orders.internal.example.com (got "${"a".repeat(254)}")`,
        { vpcLinks: { internal: LINK } },
    ],
];

describe("HttpApi route table (exact messages and accepted edges)", () => {
    for (const [what, routes, message, overrides] of bad) {
        it(`rejects ${what} before creating anything`, async () => {
            const error = await assertRejectsBeforeCreating(() => new HttpApi("bad", httpApiArgs({ ...overrides, routes: routes as HttpRouteArgs[] })));
            assert.strictEqual(error.message, message);
        });
    }

    it("accepts a greedy {param+} as the only segment", async () => {
        const plan = await accepts([route({ path: "/{proxy+}", method: "ANY" })]);
        assert.strictEqual(plan.props(ROUTE).routeKey, "ANY /{proxy+}");
    });

    it("accepts a waiver of exactly 10 characters on a public route", async () => {
        const plan = await accepts([route({ auth: "none", waiver: "1234567890" })]);
        assert.deepStrictEqual([plan.props(ROUTE).routeKey, plan.props(ROUTE).authorizationType], ["GET /a", "NONE"]);
    });

    it("accepts an empty scope list on an IAM route (no scopes are sent)", async () => {
        const plan = await accepts([route({ scopes: [] })]);
        assert.deepStrictEqual([plan.props(ROUTE).authorizationType, plan.props(ROUTE).authorizationScopes], ["AWS_IAM", undefined]);
    });

    it("accepts the minimum timeout of 50 ms", async () => {
        const plan = await accepts([route({ integration: { kind: "http", uri: "https://a.example.com", timeoutMs: 50 } })]);
        assert.strictEqual(plan.props(INTEGRATION).timeoutMilliseconds, 50);
    });

    it("accepts the maximum timeout of 29000 ms", async () => {
        const plan = await accepts([route({ integration: { kind: "http", uri: "https://a.example.com", timeoutMs: 29000 } })]);
        assert.strictEqual(plan.props(INTEGRATION).timeoutMilliseconds, 29000);
    });

    it("accepts a TLS host name of 253 characters", async () => {
        const plan = await accepts([privateRoute({ serverNameToVerify: "a".repeat(253) })], { vpcLinks: { internal: LINK } });
        assert.deepStrictEqual(plan.props(INTEGRATION).tlsConfig, { serverNameToVerify: "a".repeat(253) });
    });

    it("accepts a route throttle at the baseline limits and sends it as route settings", async () => {
        const plan = await accepts([
            route({ throttle: { rateLimit: 10000, burstLimit: 5000 } }),
            route({ path: "/b", integration: { kind: "lambda", functionArn: BACKEND_ARN } }),
        ]);
        assert.deepStrictEqual(plan.props("aws:apigatewayv2/stage:Stage").routeSettings, [
            { routeKey: "GET /a", throttlingRateLimit: 10000, throttlingBurstLimit: 5000, detailedMetricsEnabled: true },
        ]);
    });
});

const CONNECT: WebSocketRouteArgs = { routeKey: "$connect", integration: { kind: "lambda", functionArn: BACKEND_ARN } };

const badWs: [string, WebSocketRouteArgs[] | undefined, string][] = [
    ["no route list", undefined, "WebSocketApi: routes must list at least one route"],
    ["an empty route list", [], "WebSocketApi: routes must list at least one route"],
    [
        "a route key that is a number",
        [CONNECT, { ...CONNECT, routeKey: 42 as unknown as string }],
        "WebSocketApi: routes[1].routeKey must be $connect, $disconnect, $default or 1-128 letters, digits, _ . : - (got 42)",
    ],
    ["a second $connect route", [CONNECT, CONNECT], "WebSocketApi: routes[1] duplicates route $connect"],
    [
        "a route without an integration",
        [{ routeKey: "$connect" } as WebSocketRouteArgs],
        "WebSocketApi: routes[0].integration.kind must be lambda (got undefined)",
    ],
    [
        "an http integration",
        [{ routeKey: "$connect", integration: { kind: "http", uri: "https://a.example.com" } } as unknown as WebSocketRouteArgs],
        'WebSocketApi: routes[0].integration.kind must be lambda (got "http")',
    ],
    [
        "a lambda integration without a function ARN",
        [{ routeKey: "$connect", integration: { kind: "lambda" } } as WebSocketRouteArgs],
        "WebSocketApi: routes[0].integration.functionArn is required for a lambda integration",
    ],
    [
        "a route throttle with burst 0",
        [{ ...CONNECT, throttle: { rateLimit: 1, burstLimit: 0 } }],
        "WebSocketApi: routes[0].throttle.burstLimit must be an integer from 1 to 5000 (got 0)",
    ],
];

describe("WebSocketApi routes (exact messages)", () => {
    for (const [what, routes, message] of badWs) {
        it(`rejects ${what} before creating anything`, async () => {
            const error = await assertRejectsBeforeCreating(() => new WebSocketApi("bad", webSocketApiArgs({ routes: routes as WebSocketRouteArgs[] })));
            assert.strictEqual(error.message, message);
        });
    }

    it("accepts a route throttle at the baseline limits and sends it as route settings", async () => {
        const plan = await runProgram(() => {
            new WebSocketApi("ok", webSocketApiArgs({ routes: [{ ...CONNECT, throttle: { rateLimit: 10000, burstLimit: 5000 } }] }));
        });
        assert.deepStrictEqual(
            (plan.props("aws:apigatewayv2/stage:Stage").routeSettings as { routeKey: string; throttlingRateLimit: number; throttlingBurstLimit: number }[]).map(
                (r) => [r.routeKey, r.throttlingRateLimit, r.throttlingBurstLimit],
            ),
            [["$connect", 10000, 5000]],
        );
    });
});
