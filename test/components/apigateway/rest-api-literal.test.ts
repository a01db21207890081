/**
 * Pins, with literal expectations and one program per test, what `RestApi`
 * creates and checks: the required-argument messages (throttle, logging,
 * endpoint type, Cognito pools, PRIVATE wiring), the secure API inputs, the
 * access log group's name, the metric dimensions, the CORS gateway responses,
 * per-route method settings, `canaryActive` and the AWS_IAM method ARNs.
 */
import * as assert from "assert";
import { RestApi, RestApiArgs, RouteArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { restApiArgs } from "../fixtures";

const API = "aws:apigateway/restApi:RestApi";
const COMPONENT = "secure-api:apigateway:RestApi";
const POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc";

const ROUTES: RouteArgs[] = [
    { path: "/health", method: "GET", auth: "none", integration: { kind: "mock", responseBody: { ok: true } } },
    { path: "/orders", method: "GET", auth: "cognito", scopes: ["orders.read"], integration: { kind: "mock", responseBody: {} } },
    { path: "/orders", method: "POST", auth: "iam", throttle: { rateLimit: 5, burstLimit: 10 }, integration: { kind: "mock", responseBody: {} } },
    { path: "/orders/{id}", method: "DELETE", auth: "iam", integration: { kind: "mock", responseBody: {} } },
];

/** `restApiArgs` with keys removed (to leave out required ones). */
function without(...keys: (keyof RestApiArgs)[]): RestApiArgs {
    const a: Partial<RestApiArgs> = restApiArgs();
    for (const key of keys) {
        delete a[key];
    }
    return a as RestApiArgs;
}

/** Asserts that RestApi throws exactly `message` before creating anything. */
const rejectsWith = async (a: RestApiArgs, message: string) => {
    const error = await assertRejectsBeforeCreating(() => new RestApi("bad", a));
    assert.strictEqual(error.message, message);
};

describe("RestApi: literal argument messages", () => {
    it("requires a stage-wide throttle", () =>
        rejectsWith(without("throttle"), "RestApi: throttle is required (rateLimit and burstLimit for the whole stage)"));

    it("requires logging settings", () => rejectsWith(without("logging"), "RestApi: logging is required (retentionInDays and kmsKeyArn)"));

    it("names endpointType when it is neither REGIONAL nor PRIVATE", () =>
        rejectsWith(restApiArgs({ endpointType: "EDGE" as "REGIONAL" }), 'RestApi: endpointType must be one of REGIONAL, PRIVATE (got "EDGE")'));

    it("requires at least one user pool for a Cognito authorizer, whether the list is empty or missing", async () => {
        const message = "RestApi: authorizers.cognito.userPoolArns must list at least one user pool ARN";
        await rejectsWith(restApiArgs({ authorizers: { cognito: { userPoolArns: [] } } }), message);
        await rejectsWith(restApiArgs({ authorizers: { cognito: {} as { userPoolArns: string[] } } }), message);
    });

    it("requires a policy for a PRIVATE API even when it has VPC endpoints", () =>
        rejectsWith(
            restApiArgs({ endpointType: "PRIVATE", vpcEndpointIds: ["vpce-0123456789abcdef0"] }),
            "RestApi: vpcEndpointIds/policy are both required when endpointType is PRIVATE",
        ));

    it("requires VPC endpoints for a PRIVATE API even when it has a policy", () =>
        rejectsWith(restApiArgs({ endpointType: "PRIVATE", policy: "{}" }), "RestApi: vpcEndpointIds/policy are both required when endpointType is PRIVATE"));
});

describe("RestApi: literal resource inputs", () => {
    it("reads API keys from the header and keeps the default endpoint unless told, under the component", async () => {
        const plan = await runProgram(() => {
            new RestApi("orders", restApiArgs());
        });
        const api = plan.one(API, "orders");
        assert.strictEqual(api.props.apiKeySource, "HEADER");
        assert.strictEqual(api.props.disableExecuteApiEndpoint, false);
        assert.strictEqual(api.parent, plan.one(COMPONENT).urn);
    });

    it("names the access log group after the API and the stage", async () => {
        const plan = await runProgram(() => ({ group: new RestApi("orders", restApiArgs({ apiName: "orders-api", stageName: "v1" })).accessLogGroupName }));
        assert.strictEqual(plan.outputs.group.value, "/aws/apigateway/orders-api/v1/access");
        assert.strictEqual(plan.props("aws:cloudwatch/logGroup:LogGroup", "orders-access-logs").name, "/aws/apigateway/orders-api/v1/access");
    });

    it("exposes the ApiName and Stage metric dimensions", async () => {
        const plan = await runProgram(() => ({ dimensions: new RestApi("orders", restApiArgs({ apiName: "orders-api", stageName: "v1" })).metricDimensions }));
        assert.deepStrictEqual(plan.outputs.dimensions.value, { ApiName: "orders-api", Stage: "v1" });
    });

    it("adds CORS headers to the DEFAULT_4XX and DEFAULT_5XX gateway responses", async () => {
        const plan = await runProgram(() => {
            new RestApi("orders", restApiArgs({ cors: { allowedOrigins: ["https://app.example.com"] } }));
        });
        const responses = plan.ofType("aws:apigateway/response:Response").map((r) => [r.name, r.props.responseType]);
        assert.deepStrictEqual(responses, [
            ["orders-default-4xx", "DEFAULT_4XX"],
            ["orders-default-5xx", "DEFAULT_5XX"],
        ]);
    });

    it("gives a route with its own throttle its own method settings, and no other route", async () => {
        const plan = await runProgram(() => {
            new RestApi("orders", restApiArgs({ routes: ROUTES, authorizers: { cognito: { userPoolArns: [POOL] } } }));
        });
        const settings = plan.ofType("aws:apigateway/methodSettings:MethodSettings").map((s) => s.name);
        assert.deepStrictEqual(settings.sort(), ["orders-settings-post-orders", "orders-stage-settings"]);
        const own = plan.props("aws:apigateway/methodSettings:MethodSettings", "orders-settings-post-orders").settings as Record<string, unknown>;
        assert.deepStrictEqual([own.throttlingRateLimit, own.throttlingBurstLimit], [5, 10]);
    });

    it("wires the Cognito route's method to the Cognito authorizer", async () => {
        const plan = await runProgram(() => {
            new RestApi("orders", restApiArgs({ routes: ROUTES, authorizers: { cognito: { userPoolArns: [POOL] } } }));
        });
        const authorizer = plan.one("aws:apigateway/authorizer:Authorizer");
        const method = plan.one("aws:apigateway/method:Method", "orders-get-orders");
        assert.strictEqual(method.props.authorization, "COGNITO_USER_POOLS");
        assert.strictEqual(method.props.authorizerId, authorizer.outputs?.id);
    });

    it("exports the method ARNs of the AWS_IAM routes only, on the stage", async () => {
        const plan = await runProgram(() => {
            const api = new RestApi("orders", restApiArgs({ routes: ROUTES, authorizers: { cognito: { userPoolArns: [POOL] } } }));
            return { arns: api.iamMethodArns };
        });
        const apiId = plan.one(API).outputs?.id;
        assert.deepStrictEqual(plan.outputs.arns.value, [
            `arn:aws:execute-api:us-east-1:123456789012:${apiId}/dev/POST/orders`,
            `arn:aws:execute-api:us-east-1:123456789012:${apiId}/dev/DELETE/orders/*`,
        ]);
    });

    it("reports a canary as active only while it is tested", async () => {
        const plan = await runProgram(() => ({
            none: new RestApi("none", restApiArgs()).canaryActive,
            testing: new RestApi("testing", restApiArgs({ canary: { percentTraffic: 10 } })).canaryActive,
            promote: new RestApi("promote", restApiArgs({ canary: { percentTraffic: 10, promote: true } })).canaryActive,
            rollback: new RestApi("rollback", restApiArgs({ canary: { percentTraffic: 10, rollback: true } })).canaryActive,
        }));
        assert.deepStrictEqual(Object.fromEntries(Object.entries(plan.outputs).map(([k, v]) => [k, v.value])), {
            none: false,
            testing: true,
            promote: false,
            rollback: false,
        });
    });
});
