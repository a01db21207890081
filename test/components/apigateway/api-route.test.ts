/** ApiRoute on its own: what an app team gets from the platform's outputs, and what it refuses before creating anything. */
import * as assert from "assert";
import { ApiRoute, ApiRouteArgs, SharedRestApi } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { BACKEND_ARN, KMS_ARN } from "../fixtures";

const shared = (overrides: Partial<SharedRestApi> = {}): SharedRestApi => ({
    environment: "dev",
    restApiId: "api123",
    rootResourceId: "root123",
    executionArn: "arn:aws:execute-api:us-east-1:123456789012:api123",
    authorizerIds: { cognito: "auth-cognito" },
    kmsKeyArn: KMS_ARN,
    stageSettings: { throttle: { rateLimit: 50, burstLimit: 100 }, executionLevel: "ERROR", xrayTracing: true, logRetentionInDays: 30 },
    ...overrides,
});
const routeArgs = (overrides: Partial<ApiRouteArgs> = {}, api: Partial<SharedRestApi> = {}): ApiRouteArgs => ({
    api: shared(api),
    stageName: "team",
    routes: [
        {
            path: "/team/items",
            method: "POST",
            auth: "cognito",
            scopes: ["items.write"],
            requestSchema: { type: "object" },
            throttle: { rateLimit: 5, burstLimit: 10 },
            integration: { kind: "lambda", functionArn: BACKEND_ARN },
        },
    ],
    ...overrides,
});

describe("ApiRoute", () => {
    it("adds resources, a validated method with the platform's authorizer, and publishes them on the team's stage", async () => {
        const plan = await runProgram(() => {
            new ApiRoute("team", routeArgs());
        });
        const resources = plan.ofType("aws:apigateway/resource:Resource").map((r) => [r.props.pathPart, r.props.parentId === "root123"]);
        assert.deepStrictEqual(resources, [
            ["team", true],
            ["items", false],
        ]);
        const method = plan.props("aws:apigateway/method:Method");
        assert.deepStrictEqual(
            [method.authorization, method.authorizerId, method.authorizationScopes],
            ["COGNITO_USER_POOLS", "auth-cognito", ["items.write"]],
        );
        assert.ok(method.requestValidatorId && method.requestModels);
        const stage = plan.props("aws:apigateway/stage:Stage");
        assert.deepStrictEqual([stage.restApi, stage.stageName, stage.xrayTracingEnabled], ["api123", "team", true]);
        const settings = plan
            .ofType("aws:apigateway/methodSettings:MethodSettings")
            .map((s) => [s.props.methodPath, (s.props.settings as Record<string, number>).throttlingRateLimit]);
        assert.deepStrictEqual(settings.sort(), [
            ["*/*", 50],
            ["~1team~1items/POST", 5],
        ]);
        assert.ok(plan.ofType("aws:cloudwatch/logGroup:LogGroup").every((g) => g.props.kmsKeyId === KMS_ARN && g.props.retentionInDays === 30));
        assert.strictEqual(plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").length, 0);
        assert.strictEqual(plan.ofType("aws:apigateway/response:Response").length, 0, "gateway responses stay the platform's");
    });

    it("associates the platform's web ACL and maps under its domain when the platform has them", async () => {
        const plan = await runProgram(() => ({
            url: new ApiRoute("team", routeArgs({ basePath: "team-v1" }, { webAclArn: "arn:acl", customDomainName: "api.example.org" })).url,
        }));
        assert.strictEqual(plan.props("aws:wafv2/webAclAssociation:WebAclAssociation").webAclArn, "arn:acl");
        const mapping = plan.props("aws:apigateway/basePathMapping:BasePathMapping");
        assert.deepStrictEqual([mapping.domainName, mapping.basePath, mapping.stageName], ["api.example.org", "team-v1", "team"]);
        assert.strictEqual(plan.outputs.url.value, "https://api.example.org/team-v1");
    });

    const bad: [string, Partial<ApiRouteArgs>, Partial<SharedRestApi>, RegExp][] = [
        [
            "a lambda route when the platform has no Lambda authorizer",
            { routes: [{ path: "/x", method: "GET", auth: "lambda", integration: { kind: "mock", responseBody: {} } }] },
            {},
            /routes\[0\]\.auth is "lambda" but the API has no lambda authorizer/,
        ],
        ["a bad stage name", { stageName: "my stage" }, {}, /stageName must be 1-128 letters/],
        [
            "a retention the environment refuses",
            {},
            { stageSettings: { throttle: { rateLimit: 1, burstLimit: 1 }, executionLevel: "ERROR", xrayTracing: true, logRetentionInDays: 7 } },
            /api\.stageSettings\.logRetentionInDays must be one of 14/,
        ],
        [
            "a throttle above the baseline",
            {},
            { stageSettings: { throttle: { rateLimit: 20000, burstLimit: 1 }, executionLevel: "ERROR", xrayTracing: true, logRetentionInDays: 30 } },
            /api\.stageSettings\.throttle\.rateLimit must be a number above 0 and at most 10000/,
        ],
        [
            "a wildcard CORS origin from a prod platform",
            {},
            {
                environment: "prod",
                cors: { allowedOrigins: ["*"] },
                stageSettings: { throttle: { rateLimit: 1, burstLimit: 1 }, executionLevel: "ERROR", xrayTracing: true, logRetentionInDays: 365 },
            },
            /cors\.allowedOrigins\[0\] must not be "\*" in prod/,
        ],
    ];
    for (const [what, args, api, message] of bad) {
        it(`rejects ${what} before creating anything`, () =>
            assertRejectsBeforeCreating(() => new ApiRoute("bad", routeArgs(args, api)), /^ApiRoute/, message));
    }
});
