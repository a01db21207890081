/**
 * ApiRoute (split from route-builder-literal.test.ts): the exact message of each argument refusal of
 * validateApiRouteArgs, which authorizers it counts as available, and what the team's stage gets from the
 * platform (access log group name, per-route throttles only where set, parents, the platform deployment id).
 */
import * as assert from "assert";
import { ApiRoute, ApiRouteArgs, ComponentArgumentError, SharedRestApi, snapshotHash, validateApiRouteArgs } from "../../../components";
import { runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

const shared = (overrides: Partial<SharedRestApi> = {}): SharedRestApi => ({
    environment: "dev",
    restApiId: "api123",
    rootResourceId: "root123",
    executionArn: "arn:aws:execute-api:us-east-1:123456789012:api123",
    kmsKeyArn: KMS_ARN,
    stageSettings: { throttle: { rateLimit: 50, burstLimit: 100 }, executionLevel: "ERROR", xrayTracing: true, logRetentionInDays: 30 },
    ...overrides,
});
const args = (overrides: Partial<ApiRouteArgs> = {}, api: Partial<SharedRestApi> = {}): ApiRouteArgs => ({
    api: shared(api),
    stageName: "team",
    routes: [{ path: "/team/items", method: "GET", auth: "iam", integration: { kind: "mock", responseBody: { ok: true } } }],
    ...overrides,
});

function refusal(a: ApiRouteArgs): string {
    try {
        validateApiRouteArgs(a);
    } catch (error) {
        assert.ok(error instanceof ComponentArgumentError, String(error));
        return error.message;
    }
    return assert.fail("expected validateApiRouteArgs to throw");
}
const LAMBDA_ROUTE: ApiRouteArgs["routes"] = [{ path: "/team/x", method: "GET", auth: "lambda", integration: { kind: "mock", responseBody: {} } }];
const COMPONENT = "secure-api:apigateway:ApiRoute";

describe("ApiRoute: exact refusals and what the team's stage gets", () => {
    describe("validateApiRouteArgs", () => {
        it("refuses missing platform outputs", () => {
            assert.strictEqual(refusal(args({ api: undefined as unknown as SharedRestApi })), "ApiRoute: api is required (the platform's stack outputs)");
        });

        it("refuses an unknown environment under api.environment", () => {
            assert.strictEqual(refusal(args({}, { environment: "qa" as "dev" })), 'ApiRoute: api.environment must be one of dev, prod (got "qa")');
        });

        it("counts iam as available without any platform authorizer", () => {
            assert.deepStrictEqual(validateApiRouteArgs(args()), { cors: undefined });
        });

        it("does not count an authorizer kind whose id is undefined", () => {
            assert.strictEqual(
                refusal(args({ routes: LAMBDA_ROUTE }, { authorizerIds: { lambda: undefined } })),
                'ApiRoute: routes[0].auth is "lambda" but the API has no lambda authorizer configured (available: iam)',
            );
        });

        it("counts an authorizer kind whose id is given", () => {
            assert.doesNotThrow(() => validateApiRouteArgs(args({ routes: LAMBDA_ROUTE }, { authorizerIds: { lambda: "auth-lambda" } })));
        });

        it("refuses missing stage settings", () => {
            assert.strictEqual(
                refusal(args({}, { stageSettings: undefined })),
                "ApiRoute: api.stageSettings is required (the platform exports them as stageSettings)",
            );
        });

        it("refuses an unknown execution log level under api.stageSettings.executionLevel", () => {
            const stageSettings = { ...shared().stageSettings, executionLevel: "DEBUG" as "INFO" };
            assert.strictEqual(refusal(args({}, { stageSettings })), 'ApiRoute: api.stageSettings.executionLevel must be one of INFO, ERROR (got "DEBUG")');
        });

        for (const basePath of ["/v1", "v1/", "team/v1", ""]) {
            it(`refuses the base path ${JSON.stringify(basePath)}`, () => {
                assert.strictEqual(
                    refusal(args({ basePath })),
                    `ApiRoute: basePath must be letters, digits, . _ - without slashes (got ${JSON.stringify(basePath)})`,
                );
            });
        }

        it("accepts a base path of letters, digits, . _ and -", () => {
            assert.doesNotThrow(() => validateApiRouteArgs(args({ basePath: "Team_v1.2-beta" })));
        });
    });

    describe("the team's stage", () => {
        it("names the access log group /aws/apigateway/<api>/<stage>/access", async () => {
            const plan = await runProgram(() => new ApiRoute("team", args()).accessLogGroupName);
            assert.strictEqual(plan.props("aws:cloudwatch/logGroup:LogGroup", "team-access-logs").name, "/aws/apigateway/api123/team/access");
        });

        it("adds method settings only for routes with a throttle override", async () => {
            const routes: ApiRouteArgs["routes"] = [
                { path: "/team/a", method: "GET", auth: "iam", integration: { kind: "mock", responseBody: {} } },
                { path: "/team/b", method: "PUT", auth: "iam", throttle: { rateLimit: 5, burstLimit: 10 }, integration: { kind: "mock", responseBody: {} } },
            ];
            const plan = await runProgram(() => new ApiRoute("team", args({ routes })));
            const settings = plan.ofType("aws:apigateway/methodSettings:MethodSettings").map((s) => [s.name, s.props.methodPath]);
            assert.deepStrictEqual(settings.sort(), [
                ["team-settings-put-team-b", "~1team~1b/PUT"],
                ["team-stage-settings", "*/*"],
            ]);
        });

        it("creates the web ACL association and the base path mapping as children of the ApiRoute", async () => {
            const plan = await runProgram(() => new ApiRoute("team", args({}, { webAclArn: "arn:acl", customDomainName: "api.example.org" })));
            const component = plan.one(COMPONENT).urn;
            assert.strictEqual(plan.one("aws:wafv2/webAclAssociation:WebAclAssociation", "team-waf").parent, component);
            assert.strictEqual(plan.one("aws:apigateway/basePathMapping:BasePathMapping", "team-mapping").parent, component);
        });

        it("redeploys when the platform's deployment id changes", async () => {
            const trigger = async (deploymentId: string) => {
                const plan = await runProgram(() => new ApiRoute("team", args({}, { deploymentId })));
                return (plan.props("aws:apigateway/deployment:Deployment").triggers as Record<string, string>).redeployment;
            };
            assert.notStrictEqual(await trigger("dep-1"), await trigger("dep-2"));
        });

        it("without a platform deployment id, hashes exactly the inputs of the team's snapshotted children", async () => {
            const plan = await runProgram(() => new ApiRoute("team", args()));
            const snapshotted = plan.cloudResources.filter((r) =>
                [
                    "aws:apigateway/resource:Resource",
                    "aws:apigateway/method:Method",
                    "aws:apigateway/integration:Integration",
                    "aws:apigateway/methodResponse:MethodResponse",
                    "aws:apigateway/integrationResponse:IntegrationResponse",
                ].includes(r.type),
            );
            assert.strictEqual(snapshotted.length, 6);
            const entries = Object.fromEntries(snapshotted.map((r) => [`${r.type.split(":").pop()} ${r.name}`, r.props]));
            const deployment = plan.props("aws:apigateway/deployment:Deployment");
            assert.strictEqual((deployment.triggers as Record<string, string>).redeployment, snapshotHash(entries));
        });
    });
});
