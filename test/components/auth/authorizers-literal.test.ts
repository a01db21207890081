/**
 * CognitoAuthorizer, LambdaAuthorizer and IamInvokePolicy, pinned with literals: exact argument
 * messages (token header, identity sources, validation expression, routes), what is accepted,
 * the snapshot entry each authorizer records, parents, the role's description, and the policy's
 * description and ARNs derived from an endpoint.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    ApiEndpoint,
    CognitoAuthorizer,
    DeploymentSnapshot,
    IamInvokePolicy,
    LambdaAuthorizer,
    LambdaAuthorizerArgs,
    lambdaAuthorizerIdentitySource,
} from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { FUNCTION_ARN } from "../fixtures";

const lambdaArgs = (overrides: Partial<LambdaAuthorizerArgs> = {}): LambdaAuthorizerArgs => ({
    restApiId: "api123",
    functionArn: FUNCTION_ARN,
    type: "TOKEN",
    ...overrides,
});

describe("CognitoAuthorizer (literal)", () => {
    for (const header of ["X Token", " Authorization", "Authorization:", "X.Token"]) {
        it(`rejects the token header ${JSON.stringify(header)} with its exact message`, async () => {
            const error = await assertRejectsBeforeCreating(
                () => new CognitoAuthorizer("users", { restApiId: "api", userPoolArns: ["arn:pool"], tokenHeader: header }),
            );
            assert.strictEqual(error.message, `CognitoAuthorizer: tokenHeader must be an HTTP header name (got ${JSON.stringify(header)})`);
        });
    }

    it("reads a custom header (underscores allowed), is the component's child and records itself in the snapshot", async () => {
        const snapshot = new DeploymentSnapshot();
        const plan = await runProgram(() => {
            new CognitoAuthorizer("users", { restApiId: "api", userPoolArns: ["arn:pool"], tokenHeader: "X-Id_Token-2", snapshot });
        });
        const authorizer = plan.one("aws:apigateway/authorizer:Authorizer");
        assert.strictEqual(authorizer.props.identitySource, "method.request.header.X-Id_Token-2");
        assert.strictEqual(authorizer.parent, plan.one("secure-api:auth:CognitoAuthorizer").urn);
        assert.deepStrictEqual(snapshot.covered, ["Authorizer users"]);
    });
});

describe("LambdaAuthorizer (literal)", () => {
    const rejected: [string, Partial<LambdaAuthorizerArgs>, string][] = [
        [
            "a TOKEN authorizer with two headers",
            { identitySources: ["method.request.header.A", "method.request.header.B"] },
            'LambdaAuthorizer: identitySources must be exactly one method.request.header.NAME for a TOKEN authorizer (got ["method.request.header.A","method.request.header.B"])',
        ],
        [
            "a TOKEN authorizer reading the query string",
            { identitySources: ["method.request.querystring.token"] },
            'LambdaAuthorizer: identitySources must be exactly one method.request.header.NAME for a TOKEN authorizer (got ["method.request.querystring.token"])',
        ],
        [
            "a validation expression on a REQUEST authorizer",
            { type: "REQUEST", identitySources: ["context.sourceIp"], identityValidationExpression: "^Bearer" },
            "LambdaAuthorizer: identityValidationExpression is only valid for TOKEN authorizers",
        ],
    ];
    const badSource = (s: string): string =>
        `LambdaAuthorizer: identitySources[0] must be method.request.header|querystring.NAME, stageVariables.NAME or context.NAME (got ${JSON.stringify(s)})`;
    for (const s of ["xmethod.request.header.A", "method.request.header.A B", "stageVariables.a-b", "xcontext.a", "context.a b", "method.request.path.id"]) {
        rejected.push([`the REQUEST source ${JSON.stringify(s)}`, { type: "REQUEST", identitySources: [s] }, badSource(s)]);
    }
    for (const [what, overrides, message] of rejected) {
        it(`rejects ${what} with its exact message`, () => {
            assert.throws(
                () => lambdaAuthorizerIdentitySource("LambdaAuthorizer", lambdaArgs(overrides)),
                (error: Error) => {
                    assert.strictEqual(error.message, message);
                    return true;
                },
            );
        });
    }

    it("accepts every source kind with multi-character names on a REQUEST authorizer, joined by commas", () => {
        const sources = [
            "method.request.header.X-Partner.Token_1",
            "method.request.querystring.api_key",
            "stageVariables.partner_Key9",
            "context.authorizer.principalId",
        ];
        assert.strictEqual(lambdaAuthorizerIdentitySource("LambdaAuthorizer", lambdaArgs({ type: "REQUEST", identitySources: sources })), sources.join(","));
    });

    it("TOKEN: passes the validation expression to API Gateway", async () => {
        const plan = await runProgram(() => {
            new LambdaAuthorizer(
                "partner",
                lambdaArgs({ identitySources: ["method.request.header.X-Token"], identityValidationExpression: "^Bearer [-0-9a-zA-Z._]+$" }),
            );
        });
        const authorizer = plan.props("aws:apigateway/authorizer:Authorizer");
        assert.strictEqual(authorizer.identitySource, "method.request.header.X-Token");
        assert.strictEqual(authorizer.identityValidationExpression, "^Bearer [-0-9a-zA-Z._]+$");
    });

    it("the role, its policy and the authorizer are the component's children; the role says what it is for", async () => {
        const plan = await runProgram(() => {
            new LambdaAuthorizer("partner", lambdaArgs());
        });
        const component = plan.one("secure-api:auth:LambdaAuthorizer").urn;
        for (const type of ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:apigateway/authorizer:Authorizer"]) {
            assert.strictEqual(plan.one(type).parent, component, type);
        }
        assert.strictEqual(plan.props("aws:iam/role:Role").description, "Lets API Gateway invoke the authorizer function, and nothing else");
    });

    it("records itself in the snapshot when given one", async () => {
        const snapshot = new DeploymentSnapshot();
        await runProgram(() => {
            new LambdaAuthorizer("partner", lambdaArgs({ snapshot }));
        });
        assert.deepStrictEqual(snapshot.covered, ["Authorizer partner"]);
    });
});

/** A deployed REST endpoint, as far as IamInvokePolicy reads it. */
const endpoint = (): ApiEndpoint => ({
    kind: "REST",
    apiId: pulumi.output("abc123"),
    apiName: pulumi.output("orders"),
    executionArn: pulumi.output("arn:aws:execute-api:us-east-1:123456789012:abc123"),
    stageName: pulumi.output("dev"),
    stageArn: pulumi.output("arn:aws:apigateway:us-east-1::/restapis/abc123/stages/dev"),
    invokeUrl: pulumi.output("https://abc123.execute-api.us-east-1.amazonaws.com/dev"),
    accessLogGroupName: pulumi.output("/aws/apigateway/orders"),
    metricDimensions: pulumi.output<Record<string, string>>({ ApiName: "orders", Stage: "dev" }),
    supportsWaf: true,
});

describe("IamInvokePolicy (literal)", () => {
    it("an endpoint without routes is refused with its exact message", async () => {
        for (const routes of [undefined, []]) {
            const error = await assertRejectsBeforeCreating(() => new IamInvokePolicy("invoke", { endpoint: endpoint(), routes }));
            assert.strictEqual(error.message, "IamInvokePolicy: routes must list at least one route of the endpoint");
        }
    });

    it("derives the method ARNs from the endpoint's execution ARN and stage", async () => {
        const plan = await runProgram(() => {
            new IamInvokePolicy("invoke", {
                endpoint: endpoint(),
                routes: [
                    { method: "get", path: "/orders/{id}" },
                    { method: "ANY", path: "/reports" },
                ],
            });
        });
        const doc = JSON.parse(String(plan.props("aws:iam/policy:Policy").policy));
        assert.deepStrictEqual(doc.Statement, [
            {
                Sid: "InvokeIamRoutes",
                Effect: "Allow",
                Action: "execute-api:Invoke",
                Resource: [
                    "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/*/reports",
                    "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/orders/*",
                ],
            },
        ]);
    });

    it("describes itself by default, keeps a given description, and is the component's child", async () => {
        const arns = ["arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/orders"];
        const plan = await runProgram(() => {
            new IamInvokePolicy("default", { methodArns: arns });
            new IamInvokePolicy("custom", { methodArns: arns, description: "Reporting job" });
        });
        assert.strictEqual(plan.props("aws:iam/policy:Policy", "default").description, "Invoke the API's AWS_IAM routes");
        assert.strictEqual(plan.props("aws:iam/policy:Policy", "custom").description, "Reporting job");
        const component = plan.ofType("secure-api:auth:IamInvokePolicy").find((r) => r.name === "default")!;
        assert.strictEqual(plan.one("aws:iam/policy:Policy", "default").parent, component.urn);
    });
});
