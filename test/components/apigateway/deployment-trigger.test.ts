/**
 * The REST deployment is replaced whenever anything API Gateway snapshots
 * changes, and only then: each input below is changed alone and the trigger
 * compared with the base API's.
 */
import * as assert from "assert";
import { RestApi, RestApiArgs, RouteArgs, snapshotHash, stableJson } from "../../../components";
import { runProgram } from "../../harness";
import { BACKEND_ARN, FUNCTION_ARN, KMS_ARN, restApiArgs } from "../fixtures";

const POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc";
const ROUTES: RouteArgs[] = [
    { path: "/health", method: "GET", auth: "none", integration: { kind: "mock", responseBody: { ok: true } } },
    {
        path: "/orders",
        method: "GET",
        auth: "cognito",
        scopes: ["orders.read"],
        apiKeyRequired: true,
        requiredParameters: ["method.request.querystring.limit"],
        integration: { kind: "http", uri: "https://backend.example.com/orders", timeoutMs: 10000 },
    },
    {
        path: "/orders",
        method: "POST",
        auth: "lambda",
        requestSchema: { type: "object", required: ["sku"] },
        throttle: { rateLimit: 5, burstLimit: 10 },
        integration: { kind: "lambda", functionArn: BACKEND_ARN },
    },
    { path: "/orders/{orderId}", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://backend.example.com/orders/{orderId}" } },
];
const base = (): RestApiArgs =>
    restApiArgs({
        routes: ROUTES,
        authorizers: {
            cognito: { userPoolArns: [POOL] },
            lambda: { functionArn: FUNCTION_ARN, type: "REQUEST", identitySources: ["method.request.header.X-Token"], resultTtlSeconds: 60 },
        },
        cors: { allowedOrigins: ["https://app.example.com", "https://admin.example.com"] },
    });
const withRoute = (i: number, change: Partial<RouteArgs>): Partial<RestApiArgs> => ({ routes: ROUTES.map((r, j) => (j === i ? { ...r, ...change } : r)) });

async function triggerOf(overrides: Partial<RestApiArgs> | ((args: RestApiArgs) => RestApiArgs) = {}): Promise<string> {
    const args = typeof overrides === "function" ? overrides(base()) : { ...base(), ...overrides };
    const plan = await runProgram(() => ({ trigger: new RestApi("orders", args).deploymentTrigger }));
    const trigger = plan.outputs.trigger.value;
    assert.match(String(trigger), /^[0-9a-f]{64}$/);
    assert.strictEqual(
        plan.props("aws:apigateway/deployment:Deployment").triggers &&
            (plan.props("aws:apigateway/deployment:Deployment").triggers as Record<string, string>).redeployment,
        trigger,
    );
    return String(trigger);
}

describe("REST deployment trigger", () => {
    let baseline: string;
    before(async () => {
        baseline = await triggerOf();
    });

    it("is stable: the same API gives the same trigger, whatever the route order", async () => {
        assert.strictEqual(await triggerOf(), baseline);
        assert.strictEqual(await triggerOf({ routes: [...ROUTES].reverse() }), baseline);
    });

    const snapshotted: [string, Partial<RestApiArgs> | ((a: RestApiArgs) => RestApiArgs)][] = [
        ["a resource (new path)", { routes: [...ROUTES, { path: "/invoices", method: "GET", auth: "iam", integration: { kind: "mock", responseBody: {} } }] }],
        ["a resource's path part", withRoute(3, { path: "/orders/{id}", integration: { kind: "http", uri: "https://backend.example.com/orders/{id}" } })],
        ["a method's authorization", withRoute(3, { auth: "none" })],
        ["a method's scopes", withRoute(1, { scopes: ["orders.admin"] })],
        ["a method's API key requirement", withRoute(1, { apiKeyRequired: false })],
        ["a method's required parameters (and its validator)", withRoute(1, { requiredParameters: ["method.request.header.X-Tenant"] })],
        ["a validator appearing", withRoute(0, { requiredParameters: ["method.request.querystring.deep"] })],
        ["a model's schema", withRoute(2, { requestSchema: { type: "object", required: ["sku", "quantity"] } })],
        ["an HTTP integration's URI", withRoute(1, { integration: { kind: "http", uri: "https://backend-v2.example.com/orders", timeoutMs: 10000 } })],
        ["an HTTP integration's timeout", withRoute(1, { integration: { kind: "http", uri: "https://backend.example.com/orders", timeoutMs: 5000 } })],
        ["a Lambda integration's function ARN", withRoute(2, { integration: { kind: "lambda", functionArn: `${BACKEND_ARN}-v2` } })],
        ["a mock response template", withRoute(0, { integration: { kind: "mock", responseBody: { ok: "yes" } } })],
        [
            "the Lambda authorizer's function",
            (a) => ({ ...a, authorizers: { ...a.authorizers, lambda: { ...a.authorizers!.lambda!, functionArn: `${FUNCTION_ARN}-v2` } } }),
        ],
        ["the Lambda authorizer's TTL", (a) => ({ ...a, authorizers: { ...a.authorizers, lambda: { ...a.authorizers!.lambda!, resultTtlSeconds: 0 } } })],
        [
            "the Lambda authorizer's identity sources",
            (a) => ({ ...a, authorizers: { ...a.authorizers, lambda: { ...a.authorizers!.lambda!, identitySources: ["method.request.header.X-Other"] } } }),
        ],
        ["the Cognito authorizer's user pools", (a) => ({ ...a, authorizers: { ...a.authorizers, cognito: { userPoolArns: [POOL, `${POOL}2`] } } })],
        ["the CORS origins (preflights and gateway responses)", { cors: { allowedOrigins: ["https://app.example.com"] } }],
        [
            "the CORS allowed headers (gateway responses)",
            { cors: { allowedOrigins: ["https://app.example.com", "https://admin.example.com"], allowHeaders: ["Content-Type"] } },
        ],
        [
            "the CORS max age (preflight responses only)",
            { cors: { allowedOrigins: ["https://app.example.com", "https://admin.example.com"], maxAgeSeconds: 60 } },
        ],
        ["the API's resource policy", { endpointType: "PRIVATE", vpcEndpointIds: ["vpce-1"], policy: '{"Version":"2012-10-17","Statement":[]}' }],
    ];
    for (const [what, change] of snapshotted) {
        it(`changes with ${what}`, async () => {
            assert.notStrictEqual(await triggerOf(change), baseline);
        });
    }

    it("changes with the resource policy's content alone", async () => {
        const privateArgs = (policy: string) => ({ endpointType: "PRIVATE" as const, vpcEndpointIds: ["vpce-1"], policy });
        assert.notStrictEqual(await triggerOf(privateArgs('{"a":1}')), await triggerOf(privateArgs('{"a":2}')));
    });

    const stageOnly: [string, Partial<RestApiArgs> | ((a: RestApiArgs) => RestApiArgs)][] = [
        ["stage throttling", { throttle: { rateLimit: 1, burstLimit: 2 } }],
        ["a route's throttle override", withRoute(2, { throttle: { rateLimit: 1, burstLimit: 1 } })],
        ["log retention", { logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN } }],
        ["the execution log level", { logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN, executionLevel: "INFO" } }],
        ["the log key", { logging: { retentionInDays: 30, kmsKeyArn: `${KMS_ARN}-2` } }],
        ["X-Ray tracing", { xrayTracing: false }],
        ["tags", { tags: { team: "x" } }],
    ];
    for (const [what, change] of stageOnly) {
        it(`does not change with ${what}`, async () => {
            assert.strictEqual(await triggerOf(change), baseline);
        });
    }

    it("covers every child API Gateway snapshots, so none can be forgotten", async () => {
        let covers: string[] = [];
        const plan = await runProgram(() => {
            covers = new RestApi("orders", base()).snapshotCovers;
        });
        // The stage's client certificate is a stage setting (clientCertificateId), not part of a deployment's snapshot.
        const notSnapshotted = new Set([
            "aws:apigateway/deployment:Deployment",
            "aws:apigateway/stage:Stage",
            "aws:apigateway/methodSettings:MethodSettings",
            "aws:apigateway/clientCertificate:ClientCertificate",
        ]);
        const children = plan.cloudResources.filter((r) => r.type.startsWith("aws:apigateway/") && !notSnapshotted.has(r.type));
        assert.ok(children.length > 20);
        for (const child of children) {
            const kind = child.type.split(":").pop()!;
            assert.ok(covers.includes(`${kind} ${child.name}`), `${kind} ${child.name} is not part of the redeployment trigger`);
        }
        assert.strictEqual(covers.length, children.length);
    });

    it("hashes inputs independently of key order", () => {
        assert.strictEqual(stableJson({ b: 1, a: [{ d: 2, c: undefined }] }), '{"a":[{"d":2}],"b":1}');
        assert.strictEqual(snapshotHash({ x: { a: 1, b: 2 } }), snapshotHash({ x: { b: 2, a: 1 } }));
    });
});
