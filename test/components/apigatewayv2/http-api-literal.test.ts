/**
 * Literal values of what HttpApi and HttpApiRoute create: supportsWaf, CORS methods of ANY routes, the
 * 128-character VPC link name, each route's authorizer, scopes and target, the anonymous route names,
 * the IAM route ARNs, the deployment (description, trigger over exactly the snapshotted inputs, what it
 * waits for), and the team stage of HttpApiRoute (auto-deployed, route throttles, log group, ordering).
 */
import * as assert from "assert";
import { HttpApi, HttpApiArgs, HttpApiRoute, HttpApiRouteArgs, snapshotHash } from "../../../components";
import { Plan, runProgram } from "../../harness";
import { BACKEND_ARN, FUNCTION_ARN, httpApiArgs, idOf, ISSUER, KMS_ARN } from "./support";

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";
const INTEGRATION = "aws:apigatewayv2/integration:Integration";
const AUTHORIZER = "aws:apigatewayv2/authorizer:Authorizer";
const DEPLOYMENT = "aws:apigatewayv2/deployment:Deployment";
const STAGE = "aws:apigatewayv2/stage:Stage";
const PERMISSION = "aws:lambda/permission:Permission";
const EXEC = "arn:aws:execute-api:us-east-1:123456789012:";

const mixed: HttpApiArgs["routes"] = [
    { path: "/orders", method: "GET", auth: "jwt", scopes: [], integration: { kind: "lambda", functionArn: BACKEND_ARN } },
    { path: "/reports/{id}", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://reports.example.com/" } },
    { path: "/partners", method: "POST", auth: "lambda", integration: { kind: "http", uri: "https://partners.example.com/" } },
    { path: "/health", method: "GET", auth: "none", waiver: "uptime probes call it anonymously", integration: { kind: "http", uri: "https://h.example.com/" } },
    { path: "/admin", method: "DELETE", auth: "iam", integration: { kind: "http", uri: "https://admin.example.com/" } },
];
const authorizers: HttpApiArgs["authorizers"] = {
    jwt: { issuer: ISSUER, audiences: ["client-web"] },
    lambda: { functionArn: FUNCTION_ARN, identitySources: ["$request.header.X-Token"] },
};

/** Route inputs by route key. */
function routesByKey(plan: Plan): Record<string, Record<string, unknown>> {
    return Object.fromEntries(plan.ofType(ROUTE).map((r) => [String(r.props.routeKey), r.props]));
}

function integrationIdOf(plan: Plan, name: string): string {
    return String(plan.one(INTEGRATION, name).outputs?.id);
}

describe("HttpApi (literal)", () => {
    it("does not support WAF (AWS WAF cannot be associated with HTTP APIs)", async () => {
        let supportsWaf: boolean | undefined;
        await runProgram(() => {
            supportsWaf = new HttpApi("orders", httpApiArgs()).supportsWaf;
        });
        assert.strictEqual(supportsWaf, false);
    });

    it("lists every concrete method and OPTIONS for an ANY route in CORS allowMethods, never ANY", async () => {
        const routes: HttpApiArgs["routes"] = [
            { path: "/inventory/{proxy+}", method: "ANY", auth: "iam", integration: { kind: "http", uri: "https://i.example.com/" } },
        ];
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ routes, cors: { allowedOrigins: ["https://app.example.com"] } })));
        const cors = plan.props(API).corsConfiguration as { allowMethods: string[] };
        assert.deepStrictEqual(cors.allowMethods, ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
    });

    it("cuts the VPC link name to 128 characters (the AWS limit)", async () => {
        const apiName = "a".repeat(100);
        const plan = await runProgram(
            () =>
                new HttpApi("orders", httpApiArgs({ apiName, vpcLinks: { ["b".repeat(40)]: { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] } } })),
        );
        assert.strictEqual(plan.props("aws:apigatewayv2/vpcLink:VpcLink").name, `${"a".repeat(100)}-${"b".repeat(27)}`);
    });

    it("gives jwt and lambda routes their authorizer, no scopes for an empty list, and targets each route's integration", async () => {
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed })));
        const jwt = String(plan.one(AUTHORIZER, "orders-jwt").outputs?.id);
        const lambda = String(plan.one(AUTHORIZER, "orders-lambda-authorizer").outputs?.id);
        const routes = routesByKey(plan);
        const summary = Object.fromEntries(Object.entries(routes).map(([k, r]) => [k, [r.authorizationType, r.authorizerId, r.authorizationScopes, r.target]]));
        assert.deepStrictEqual(summary, {
            "GET /orders": ["JWT", jwt, undefined, `integrations/${integrationIdOf(plan, "orders-get-orders")}`],
            "GET /reports/{id}": ["AWS_IAM", undefined, undefined, `integrations/${integrationIdOf(plan, "orders-get-reports-id")}`],
            "POST /partners": ["CUSTOM", lambda, undefined, `integrations/${integrationIdOf(plan, "orders-post-partners")}`],
            "GET /health": ["NONE", undefined, undefined, `integrations/${integrationIdOf(plan, "orders-get-health")}`],
            "DELETE /admin": ["AWS_IAM", undefined, undefined, `integrations/${integrationIdOf(plan, "orders-delete-admin")}`],
        });
    });

    it("exposes only the auth none routes as anonymous route names", async () => {
        let names: string[] = [];
        await runProgram(() => {
            names = new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed })).anonymousRouteNames;
        });
        assert.deepStrictEqual(names, ["orders-get-health"]);
    });

    it("exposes the invoke ARNs of the AWS_IAM routes only, on the stage, path parameters as *", async () => {
        const plan = await runProgram(() => ({ arns: new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed })).iamRouteArns }));
        const id = idOf(plan, API);
        assert.deepStrictEqual(plan.outputs.arns.value, [`${EXEC}${id}/dev/GET/reports/*`, `${EXEC}${id}/dev/DELETE/admin`]);
    });

    it("deploys with a trigger over exactly the Api, Authorizer, Integration and Route inputs and the Lambda authorizer id", async () => {
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed })));
        const kinds: Record<string, string> = { [API]: "Api", [AUTHORIZER]: "Authorizer", [INTEGRATION]: "Integration", [ROUTE]: "Route" };
        const tracked = plan.cloudResources.filter((r) => r.type in kinds && r.name !== "orders-lambda-authorizer");
        assert.strictEqual(tracked.length, 12);
        const entries: Record<string, unknown> = Object.fromEntries(tracked.map((r) => [`${kinds[r.type]} ${r.name}`, r.props]));
        entries["follow lambda authorizer"] = plan.one(AUTHORIZER, "orders-lambda-authorizer").outputs?.id;
        const hash = snapshotHash(entries);
        assert.deepStrictEqual(plan.props(DEPLOYMENT), {
            apiId: idOf(plan, API),
            description: `Routes ${hash.slice(0, 12)}`,
            triggers: { redeployment: hash },
        });
    });

    it("lets exactly the Lambda authorizer invoke its function", async () => {
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed })));
        const permission = plan.props(PERMISSION, "orders-lambda-authorizer-invoke");
        assert.deepStrictEqual(permission, {
            action: "lambda:InvokeFunction",
            function: FUNCTION_ARN,
            principal: "apigateway.amazonaws.com",
            sourceArn: `${EXEC}${idOf(plan, API)}/authorizers/${String(plan.one(AUTHORIZER, "orders-lambda-authorizer").outputs?.id)}`,
        });
    });

    it("creates the deployment under the API after every route, integration, permission and authorizer", async () => {
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed })));
        const deployment = plan.one(DEPLOYMENT);
        assert.strictEqual(deployment.parent, plan.one("secure-api:apigatewayv2:HttpApi").urn);
        const waitsFor = [...plan.ofType(ROUTE), ...plan.ofType(INTEGRATION), ...plan.ofType(PERMISSION), ...plan.ofType(AUTHORIZER)];
        assert.strictEqual(waitsFor.length, 14);
        for (const r of waitsFor) {
            assert.ok(deployment.dependencies.includes(r.urn), `the deployment waits for ${r.name}`);
        }
    });

    it("creates the stage after every route", async () => {
        const plan = await runProgram(() => new HttpApi("orders", httpApiArgs({ authorizers, routes: mixed, autoDeploy: true })));
        const stage = plan.one(STAGE);
        for (const r of plan.ofType(ROUTE)) {
            assert.ok(stage.dependencies.includes(r.urn), `the stage waits for ${r.name}`);
        }
    });
});

describe("HttpApiRoute (literal)", () => {
    const args = (): HttpApiRouteArgs => ({
        api: {
            environment: "dev",
            apiId: "http123",
            executionArn: `${EXEC}http123`,
            authorizerIds: { jwt: "jwt123", lambda: "lam123" },
            kmsKeyArn: KMS_ARN,
            stageSettings: { throttle: { rateLimit: 10, burstLimit: 20 }, logRetentionInDays: 14 },
        },
        stageName: "team",
        routes: [
            { path: "/team", method: "GET", auth: "jwt", scopes: ["team.read"], integration: { kind: "lambda", functionArn: BACKEND_ARN } },
            { path: "/team/all", method: "GET", auth: "jwt", scopes: [], integration: { kind: "http", uri: "https://t.example.com/" } },
            {
                path: "/team",
                method: "POST",
                auth: "lambda",
                throttle: { rateLimit: 5, burstLimit: 10 },
                integration: { kind: "http", uri: "https://t.example.com/" },
            },
            { path: "/team", method: "DELETE", auth: "iam", integration: { kind: "http", uri: "https://t.example.com/" } },
        ],
    });

    it("is a secure-api:apigatewayv2:HttpApiRoute component parenting every child", async () => {
        const plan = await runProgram(() => new HttpApiRoute("team", args()));
        const component = plan.one("secure-api:apigatewayv2:HttpApiRoute");
        assert.strictEqual(component.name, "team");
        const children = plan.cloudResources.filter((r) => r.type !== "aws:cloudwatch/logGroup:LogGroup");
        assert.strictEqual(children.length, 10);
        for (const child of children) {
            assert.strictEqual(child.parent, component.urn, child.name);
        }
    });

    it("creates one route per entry with the platform's authorizer ids, JWT scopes only when listed, and its integration as target", async () => {
        const plan = await runProgram(() => new HttpApiRoute("team", args()));
        const summary = Object.fromEntries(
            Object.entries(routesByKey(plan)).map(([k, r]) => [k, [r.apiId, r.authorizationType, r.authorizerId, r.authorizationScopes, r.target]]),
        );
        assert.deepStrictEqual(summary, {
            "GET /team": ["http123", "JWT", "jwt123", ["team.read"], `integrations/${integrationIdOf(plan, "team-get-team")}`],
            "GET /team/all": ["http123", "JWT", "jwt123", undefined, `integrations/${integrationIdOf(plan, "team-get-team-all")}`],
            "POST /team": ["http123", "CUSTOM", "lam123", undefined, `integrations/${integrationIdOf(plan, "team-post-team")}`],
            "DELETE /team": ["http123", "AWS_IAM", undefined, undefined, `integrations/${integrationIdOf(plan, "team-delete-team")}`],
        });
    });

    it("publishes an auto-deployed team stage with the platform's throttle, a throttle for the throttled route only, and its own log group", async () => {
        const plan = await runProgram(() => new HttpApiRoute("team", args()));
        const stage = plan.props(STAGE);
        assert.deepStrictEqual(
            [stage.apiId, stage.name, stage.autoDeploy, stage.deploymentId, stage.defaultRouteSettings, stage.routeSettings],
            [
                "http123",
                "team",
                true,
                undefined,
                { throttlingRateLimit: 10, throttlingBurstLimit: 20, detailedMetricsEnabled: true },
                [{ routeKey: "POST /team", throttlingRateLimit: 5, throttlingBurstLimit: 10, detailedMetricsEnabled: true }],
            ],
        );
        const group = plan.props("aws:cloudwatch/logGroup:LogGroup");
        assert.deepStrictEqual([group.name, group.retentionInDays, group.kmsKeyId], ["/aws/apigateway/http123/team/access", 14, KMS_ARN]);
    });

    it("creates the stage after every route, integration and Lambda permission", async () => {
        const plan = await runProgram(() => new HttpApiRoute("team", args()));
        const stage = plan.one(STAGE);
        const waitsFor = [...plan.ofType(ROUTE), ...plan.ofType(INTEGRATION), ...plan.ofType(PERMISSION)];
        assert.strictEqual(waitsFor.length, 9);
        for (const r of waitsFor) {
            assert.ok(stage.dependencies.includes(r.urn), `the stage waits for ${r.name}`);
        }
    });
});
