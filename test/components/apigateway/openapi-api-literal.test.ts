/**
 * Pins OpenApiRestApi's own wiring (openapi-api.ts): the PRIVATE endpoint's two required inputs, the
 * Lambda authorizer's invocation role (IAM's 64-character name limit, its ARN in the document, the
 * API created after it), what the redeployment trigger covers and the AWS_IAM operations' method ARNs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { OpenApiRestApi, OpenApiRestApiArgs } from "../../../components";
import { Plan, runProgram, thrown } from "../../harness";
import { openApiArgs, T } from "./openapi-fixtures";

type Doc = Record<string, Record<string, Record<string, unknown>>>;
const lambdaAuthorizerOf = (plan: Plan) =>
    (JSON.parse(plan.props(T.api).body as string) as Doc).securityDefinitions.lambda["x-amazon-apigateway-authorizer"] as Record<string, unknown>;

/** The plan of one OpenApiRestApi and what it reports of itself. */
async function build(name: string, overrides: Partial<OpenApiRestApiArgs> = {}) {
    let covers: string[] = [];
    const plan = await runProgram(() => {
        const api = new OpenApiRestApi(name, openApiArgs(overrides));
        covers = api.snapshotCovers;
        return { iam: api.iamMethodArns as pulumi.Output<string[]> };
    });
    return { plan, covers };
}

describe("OpenApiRestApi wiring (literal values)", () => {
    it("refuses a PRIVATE endpoint missing either its VPC endpoints or its policy", () => {
        const expected = "OpenApiRestApi: vpcEndpointIds/policy are both required when endpointType is PRIVATE";
        assert.strictEqual(thrown(() => new OpenApiRestApi("orders", openApiArgs({ endpointType: "PRIVATE", vpcEndpointIds: ["vpce-1"] }))).message, expected);
        assert.strictEqual(thrown(() => new OpenApiRestApi("orders", openApiArgs({ endpointType: "PRIVATE", policy: "{}" }))).message, expected);
        assert.strictEqual(
            thrown(() => new OpenApiRestApi("orders", openApiArgs({ endpointType: "PRIVATE", vpcEndpointIds: [], policy: "{}" }))).message,
            expected,
        );
    });

    it("names the invocation role within IAM's 64 characters, describes it and names it in the document", async () => {
        const { plan } = await build("partner-orders-openapi-rest-api-for-the-fulfilment-team-eu1");
        const role = plan.props(T.role);
        assert.strictEqual(role.name, "partner-orders-openapi-rest-api-for-the-fulfilment-team-eu1-auth");
        assert.strictEqual(role.description, "Lets API Gateway invoke the authorizer function, and nothing else");
        assert.strictEqual(
            lambdaAuthorizerOf(plan).authorizerCredentials,
            "arn:aws:iam::123456789012:role/partner-orders-openapi-rest-api-for-the-fulfilment-team-eu1-auth",
        );
    });

    it("creates the API after the invocation role, in overwrite mode with warnings failing, and covers it in the trigger", async () => {
        const { plan, covers } = await build("orders");
        const api = plan.one(T.api);
        assert.deepStrictEqual(api.dependencies, [plan.one(T.role).urn]);
        assert.strictEqual(api.props.putRestApiMode, "overwrite");
        assert.strictEqual(api.props.failOnWarnings, true);
        assert.deepStrictEqual(covers, ["RestApi orders"]);
    });

    it("gives the method ARNs of the AWS_IAM operations on the stage", async () => {
        const { plan } = await build("orders");
        const executionArn = plan.one(T.api).outputs?.executionArn as string;
        assert.match(executionArn, /^arn:aws:execute-api:us-east-1:123456789012:\w+$/);
        assert.deepStrictEqual(plan.outputs.iam.value, [`${executionArn}/dev/GET/reports`]);
    });
});
