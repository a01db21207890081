/**
 * The application-team example, run against the real dev stack's outputs fed
 * through a mocked StackReference: the contract of stacks/outputs.ts is what
 * the consumer actually reads.
 */
import * as assert from "assert";
import { consumerProgram } from "../stacks/consumer/program";
import { names, Plan, runProgram, runStack } from "./harness";

describe("consumer example (app team)", () => {
    let platform: Plan;
    let plan: Plan;
    before(async () => {
        platform = await runStack("dev");
        const outputs = Object.fromEntries(Object.entries(platform.outputs).map(([k, o]) => [k, o.value]));
        plan = await runProgram(consumerProgram, {
            project: "orders-app-team",
            stack: "dev",
            config: {
                "aws:region": "us-east-1",
                "orders-app-team:platformStack": "acme/secure-api-platform/dev",
                "orders-app-team:pathPart": "shipments",
                "orders-app-team:scopes": JSON.stringify(["https://api.dev.example.com/orders.read"]),
                "orders-app-team:logRetentionInDays": "14",
            },
            stackOutputs: { "acme/secure-api-platform/dev": outputs },
        });
    });

    it("reads the platform through a StackReference", () => {
        const reference = plan.one("pulumi:pulumi:StackReference");
        assert.strictEqual(reference.name, "acme/secure-api-platform/dev");
    });

    it("attaches its route under the shared API's root with the platform's Cognito authorizer", () => {
        const resource = plan.props("aws:apigateway/resource:Resource");
        assert.strictEqual(resource.restApi, platform.outputs.restApiId.value);
        assert.strictEqual(resource.parentId, platform.outputs.rootResourceId.value);
        const method = plan.props("aws:apigateway/method:Method");
        assert.strictEqual(method.authorization, "COGNITO_USER_POOLS");
        assert.strictEqual(method.authorizerId, platform.outputs.cognitoAuthorizerId.value);
        assert.deepStrictEqual(method.authorizationScopes, ["https://api.dev.example.com/orders.read"]);
    });

    it("lets API Gateway invoke its function for that route only, and logs with the platform key", () => {
        const permission = plan.props("aws:lambda/permission:Permission");
        assert.strictEqual(permission.sourceArn, `${platform.outputs.executionArn.value}/*/GET/shipments`);
        assert.strictEqual(plan.props("aws:cloudwatch/logGroup:LogGroup").kmsKeyId, platform.outputs.kmsKeyArn.value);
        assert.strictEqual(plan.outputs.routeUrl.value, `${platform.outputs.apiUrl.value}/shipments`);
    });

    it("passes the policy pack", async () => {
        assert.deepStrictEqual(names((await plan.violations({ config: { "log-group-retention": { minRetentionDays: 14 } } })).filter((v) => v.enforcementLevel === "mandatory")), []);
    });
});
