/**
 * The application-team example, run against the real dev and prod stacks'
 * outputs fed through a mocked StackReference: the contract of
 * stacks/outputs.ts is what the consumer actually reads. The team's route goes
 * live on the team's own stage with the team's own `pulumi up`, and nothing the
 * team creates is something the platform stack owns.
 */
import * as assert from "assert";
import { consumerProgram } from "../stacks/consumer/program";
import { names, Plan, runProgram, runStack } from "./harness";

const TEAM_CONFIG = {
    "aws:region": "us-east-1",
    "orders-app-team:platformStack": "acme/secure-api-platform/dev",
    "orders-app-team:pathPart": "shipments",
    "orders-app-team:scopes": JSON.stringify(["https://api.dev.example.com/orders.read"]),
    "orders-app-team:logRetentionInDays": "14",
};

async function teamPlan(platform: Plan, config: Record<string, string> = TEAM_CONFIG): Promise<Plan> {
    const outputs = Object.fromEntries(Object.entries(platform.outputs).map(([k, o]) => [k, o.value]));
    return runProgram(consumerProgram, {
        project: "orders-app-team",
        stack: "dev",
        config,
        stackOutputs: { [config["orders-app-team:platformStack"]]: outputs },
    });
}

const T = {
    resource: "aws:apigateway/resource:Resource",
    method: "aws:apigateway/method:Method",
    deployment: "aws:apigateway/deployment:Deployment",
    stage: "aws:apigateway/stage:Stage",
    settings: "aws:apigateway/methodSettings:MethodSettings",
    association: "aws:wafv2/webAclAssociation:WebAclAssociation",
    mapping: "aws:apigateway/basePathMapping:BasePathMapping",
};

describe("consumer example (app team)", () => {
    let platform: Plan;
    let plan: Plan;
    before(async () => {
        platform = await runStack("dev");
        plan = await teamPlan(platform);
    });

    it("reads the platform through a StackReference", () => {
        const reference = plan.one("pulumi:pulumi:StackReference");
        assert.strictEqual(reference.name, "acme/secure-api-platform/dev");
    });

    it("attaches its route under the shared API's root with the platform's Cognito authorizer", () => {
        const resource = plan.props(T.resource);
        assert.strictEqual(resource.restApi, platform.outputs.restApiId.value);
        assert.strictEqual(resource.parentId, platform.outputs.rootResourceId.value);
        const method = plan.props(T.method, "shipments-get-shipments");
        assert.strictEqual(method.authorization, "COGNITO_USER_POOLS");
        assert.strictEqual(method.authorizerId, platform.outputs.cognitoAuthorizerId.value);
        assert.deepStrictEqual(method.authorizationScopes, ["https://api.dev.example.com/orders.read"]);
    });

    it("answers CORS preflights like the platform's routes", () => {
        const options = plan.props(T.method, "shipments-options-shipments");
        assert.deepStrictEqual([options.httpMethod, options.authorization], ["OPTIONS", "NONE"]);
        const headers = plan.props("aws:apigateway/integrationResponse:IntegrationResponse", "shipments-options-shipments-200").responseParameters as Record<
            string,
            string
        >;
        assert.strictEqual(headers["method.response.header.Access-Control-Allow-Origin"], "'https://app.dev.example.com'");
    });

    it("lets API Gateway invoke its function for that route only, and logs with the platform key", () => {
        const permission = plan.props("aws:lambda/permission:Permission");
        assert.strictEqual(permission.sourceArn, `${platform.outputs.executionArn.value}/*/GET/shipments`);
        for (const group of plan.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            assert.strictEqual(group.props.kmsKeyId, platform.outputs.kmsKeyArn.value, group.name);
        }
    });

    it("makes the route reachable on the team's own stage, with no platform change", () => {
        const deployment = plan.one(T.deployment);
        assert.strictEqual(deployment.props.restApi, platform.outputs.restApiId.value);
        const method = plan.one(T.method, "shipments-get-shipments");
        const integration = plan.one("aws:apigateway/integration:Integration", "shipments-get-shipments-integration");
        assert.ok(deployment.dependencies.includes(method.urn) && deployment.dependencies.includes(integration.urn), "deployed after the route exists");
        const stage = plan.one(T.stage);
        assert.strictEqual(stage.props.stageName, "shipments");
        assert.ok(stage.propertyDependencies.deployment.includes(deployment.urn));
        assert.notStrictEqual(stage.props.stageName, platform.outputs.stageName.value);
        assert.strictEqual(plan.outputs.routeUrl.value, `https://${platform.outputs.restApiId.value}.execute-api.us-east-1.amazonaws.com/shipments/shipments`);
    });

    it("copies the platform stage's throttling, logging and tracing, and sits behind the platform's WAF", () => {
        const stage = plan.props(T.stage);
        assert.strictEqual(stage.xrayTracingEnabled, true);
        const settings = plan.props(T.settings).settings as Record<string, unknown>;
        const platformSettings = platform.props(T.settings, "orders-dev-stage-settings").settings as Record<string, unknown>;
        assert.deepStrictEqual(settings, platformSettings);
        assert.ok(plan.ofType("aws:cloudwatch/logGroup:LogGroup").every((g) => g.props.retentionInDays === 14));
        const association = plan.one(T.association);
        assert.strictEqual(association.props.webAclArn, platform.outputs.wafWebAclArn.value);
        assert.ok(association.propertyDependencies.resourceArn.includes(plan.one(T.stage).urn));
        assert.strictEqual(plan.ofType(T.mapping).length, 0, "dev has no custom domain");
    });

    it("redeploys when the platform deploys, so its stage also serves the platform's latest routes", async () => {
        const outputs = Object.fromEntries(Object.entries(platform.outputs).map(([k, o]) => [k, o.value]));
        const moved = await runProgram(consumerProgram, {
            project: "orders-app-team",
            stack: "dev",
            config: TEAM_CONFIG,
            stackOutputs: { "acme/secure-api-platform/dev": { ...outputs, deploymentId: "redeployed" } },
        });
        const trigger = (p: Plan) => (p.props(T.deployment).triggers as Record<string, string>).redeployment;
        assert.notStrictEqual(trigger(moved), trigger(plan));
    });

    it("owns nothing the platform owns: no platform stage, API-wide response, authorizer, path or account setting", () => {
        const platformStages = platform.ofType(T.stage).map((s) => s.props.stageName);
        assert.ok(plan.ofType(T.stage).every((s) => !platformStages.includes(s.props.stageName)));
        assert.ok(plan.ofType(T.settings).every((s) => s.props.stageName === "shipments"));
        for (const type of [
            "aws:apigateway/restApi:RestApi",
            "aws:apigateway/response:Response",
            "aws:apigateway/authorizer:Authorizer",
            "aws:apigateway/account:Account",
            "aws:apigateway/domainName:DomainName",
            "aws:wafv2/webAcl:WebAcl",
        ]) {
            assert.strictEqual(plan.ofType(type).length, 0, `the team creates no ${type}`);
        }
        const platformPaths = platform
            .ofType(T.resource)
            .filter((r) => r.props.parentId === platform.outputs.rootResourceId.value)
            .map((r) => r.props.pathPart);
        assert.ok(plan.ofType(T.resource).every((r) => !platformPaths.includes(r.props.pathPart)));
        const teamNames = new Set(plan.cloudResources.map((r) => `${r.type} ${r.name}`));
        assert.deepStrictEqual(
            platform.cloudResources.filter((r) => teamNames.has(`${r.type} ${r.name}`)).map((r) => r.name),
            [],
        );
    });

    it("the platform's plan does not change with the team's route", async () => {
        const again = await runStack("dev");
        const shape = (p: Plan) => p.cloudResources.map((r) => `${r.type} ${r.name} ${JSON.stringify(r.props)}`).sort();
        assert.deepStrictEqual(shape(again), shape(platform));
    });

    it("under prod's custom domain, maps its stage there (prod disables the execute-api endpoint)", async () => {
        const prod = await runStack("prod");
        const config = {
            ...TEAM_CONFIG,
            "orders-app-team:platformStack": "acme/secure-api-platform/prod",
            "orders-app-team:logRetentionInDays": "365",
            "orders-app-team:scopes": JSON.stringify(["https://api.example.com/orders.read"]),
        };
        const team = await teamPlan(prod, config);
        const mapping = team.props(T.mapping);
        assert.deepStrictEqual(
            [mapping.domainName, mapping.restApi, mapping.stageName, mapping.basePath],
            ["api.example.com", prod.outputs.restApiId.value, "shipments", "shipments"],
        );
        assert.strictEqual(team.outputs.routeUrl.value, "https://api.example.com/shipments/shipments");
        assert.ok(team.ofType("aws:cloudwatch/logGroup:LogGroup").every((g) => g.props.retentionInDays === 365 || g.name === "shipments-fn"));
        assert.deepStrictEqual(
            names((await team.violations({ config: { "log-group-retention": { minRetentionDays: 365 } } })).filter((v) => v.enforcementLevel === "mandatory")),
            [],
        );
    });

    it("names the team's config key when its value is refused", async () => {
        const error = await teamPlan(platform, { ...TEAM_CONFIG, "orders-app-team:stageName": "no spaces" }).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.match(String(error), /orders-app-team:stageName: must be 1-128 letters, digits, _ or - \(got "no spaces"\) \(ApiRoute\)/);
    });

    it("passes the policy pack", async () => {
        assert.deepStrictEqual(
            names((await plan.violations({ config: { "log-group-retention": { minRetentionDays: 14 } } })).filter((v) => v.enforcementLevel === "mandatory")),
            [],
        );
    });

    it("attaches the same function to the platform's HTTP API (httpApi), behind its JWT authorizer, on its own stage, and passes the pack", async () => {
        const team = await teamPlan(platform, { ...TEAM_CONFIG, "orders-app-team:httpApi": "orders-http-dev" });
        const shared = (platform.outputs.httpApis.value as Record<string, Record<string, string>>)["orders-http-dev"];
        const route = team.props("aws:apigatewayv2/route:Route");
        assert.deepStrictEqual(
            [route.apiId, route.routeKey, route.authorizationType, route.authorizerId, route.authorizationScopes],
            [shared.apiId, "GET /shipments", "JWT", shared.jwtAuthorizerId, ["https://api.dev.example.com/orders.read"]],
        );
        const stage = team.props("aws:apigatewayv2/stage:Stage");
        assert.deepStrictEqual([stage.apiId, stage.name, stage.autoDeploy], [shared.apiId, "shipments", true]);
        const permissions = team.ofType("aws:lambda/permission:Permission").map((p) => p.props.sourceArn);
        assert.ok(permissions.includes(`${shared.executionArn}/*/GET/shipments`), permissions.join(", "));
        assert.strictEqual(team.ofType("aws:apigatewayv2/authorizer:Authorizer").length, 0, "the authorizer stays the platform's");
        assert.strictEqual(
            team.outputs.httpRouteUrl.value,
            `${String(stage.name) && (team.one("aws:apigatewayv2/stage:Stage").outputs?.invokeUrl as string)}/shipments`,
        );
        assert.deepStrictEqual(
            names((await team.violations({ config: { "log-group-retention": { minRetentionDays: 14 } } })).filter((v) => v.enforcementLevel === "mandatory")),
            [],
        );
    });

    it("names orders-app-team:httpApi when the platform has no such HTTP API", async () => {
        const error = await teamPlan(platform, { ...TEAM_CONFIG, "orders-app-team:httpApi": "nope" }).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.match(
            String(error),
            /orders-app-team:httpApi: the platform stack acme\/secure-api-platform\/dev has no HTTP API "nope" \(it has: orders-http-dev\)/,
        );
    });
});
