/** SecureApi: the reference JWT authorizer, partners, and the resource policy option. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { SecureApi, SecureApiArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";

const routes: SecureApiArgs["routes"] = [
    { path: "/reports", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://r.example.com/reports" } },
    { path: "/events", method: "POST", auth: "lambda", integration: { kind: "http", uri: "https://e.example.com/events" } },
];
const base = (overrides: Partial<SecureApiArgs> = {}): SecureApiArgs => ({
    environment: "dev",
    apiName: "inventory",
    exposure: { type: "public" },
    routes,
    throttle: { rateLimit: 20, burstLimit: 40 },
    logging: { retentionInDays: 90 },
    audit: { enabled: false },
    lambdaAuthorizer: { type: "TOKEN", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:a" },
    ...overrides,
});
const reference = { type: "TOKEN" as const, reference: { issuer: "https://issuer.example.com", audience: "inventory" } };
const partner = { name: "acme", accountIds: ["111122223333"], externalId: pulumi.secret("ext-123"), routes: ["GET /reports"] };

describe("SecureApi: who may call", () => {
    it("defaults: a given function ARN, its TTL, no partners, no public resource policy", async () => {
        const plan = await runProgram(() => {
            const api = new SecureApi("inv", base());
            return { partners: api.partnerRoleArns };
        });
        assert.strictEqual(plan.ofType("aws:lambda/function:Function").length, 0);
        assert.strictEqual(plan.props("aws:apigateway/authorizer:Authorizer").authorizerResultTtlInSeconds, 300);
        assert.strictEqual(plan.props("aws:apigateway/restApi:RestApi").policy, undefined);
        assert.deepStrictEqual(plan.outputs.partners.value, {});
    });

    it("reference: deploys JwtAuthorizerFunction, wires its ARN with the cache off, scopes default to the lambda routes", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ lambdaAuthorizer: reference }));
        });
        const fn = plan.one("aws:lambda/function:Function");
        const authorizer = plan.one("aws:apigateway/authorizer:Authorizer");
        assert.strictEqual(authorizer.props.authorizerResultTtlInSeconds, 0);
        assert.ok(authorizer.propertyDependencies.authorizerUri.includes(fn.urn), "the authorizer calls the deployed function");
        const env = (fn.props.environment as { variables: Record<string, string> }).variables;
        assert.strictEqual(env.ISSUER, "https://issuer.example.com");
        assert.deepStrictEqual(JSON.parse(env.ROUTE_SCOPES), { "POST /events": [] });
        const violations = await plan.violations();
        assert.deepStrictEqual(
            violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName),
            [],
        );
    });

    it("partners: a role each, the resource policy admits their accounts' principals only through the org/partner deny", async () => {
        const plan = await runProgram(() => {
            const api = new SecureApi(
                "inv",
                base({ partners: [partner], resourcePolicy: { allowedSourceCidrs: ["203.0.113.0/24"], partnerAccountIds: ["111122223333"] } }),
            );
            return { partners: api.partnerRoleArns };
        });
        assert.deepStrictEqual(Object.keys(plan.outputs.partners.value as object), ["acme"]);
        const policy = JSON.parse(String(plan.props("aws:apigateway/restApi:RestApi").policy)) as { Statement: { Sid: string }[] };
        assert.deepStrictEqual(
            policy.Statement.map((s) => s.Sid),
            ["DenySourceIpsOutsideAllowList", "DenyIamRoutesOutsideTrustedAccounts", "AllowInvoke"],
        );
        const invoke = JSON.parse(String(plan.props("aws:iam/rolePolicy:RolePolicy", "inv-partner-acme-invoke").policy));
        assert.match(invoke.Statement[0].Resource[0], /\/dev\/GET\/reports$/);
    });

    it("a private API admits a partner's VPC endpoints", async () => {
        const plan = await runProgram(() => {
            new SecureApi(
                "inv",
                base({
                    exposure: { type: "private", network: { allowedCidrs: ["10.0.0.0/8"] } },
                    partners: [{ ...partner, vpcEndpointIds: ["vpce-0ccccccccccccccc3"] }],
                }),
            );
        });
        assert.match(String(plan.props("aws:apigateway/restApi:RestApi").policy), /vpce-0ccccccccccccccc3/);
    });

    describe("bad input throws before anything is created", () => {
        const cases: [string, Partial<SecureApiArgs>, RegExp][] = [
            [
                "both functionArn and reference",
                { lambdaAuthorizer: { ...reference, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:a" } },
                /lambdaAuthorizer needs exactly one of functionArn/,
            ],
            ["neither", { lambdaAuthorizer: { type: "TOKEN" } }, /lambdaAuthorizer needs exactly one of functionArn/],
            [
                "a cache TTL with the reference",
                { lambdaAuthorizer: { ...reference, resultTtlSeconds: 300 } },
                /resultTtlSeconds must be 0 with the reference authorizer/,
            ],
            [
                "an http issuer",
                { lambdaAuthorizer: { type: "TOKEN", reference: { issuer: "http://issuer.example.com", audience: "a" } } },
                /JwtAuthorizerFunction: issuer/,
            ],
            [
                "a partner granted a non-IAM route",
                { partners: [{ ...partner, routes: ["POST /events"] }] },
                /partners\[0\]\.routes\[0\] must be an AWS_IAM route/,
            ],
            [
                "a partner granted an unknown route",
                { partners: [{ ...partner, routes: ["GET /nope"] }] },
                /partners\[0\]\.routes\[0\] must be a route of the table/,
            ],
            ["a partner session too long", { partners: [{ ...partner, maxSessionDurationSeconds: 50000 }] }, /partners\[0\]\.maxSessionDurationSeconds/],
            [
                "partner VPC endpoints on a public API",
                { partners: [{ ...partner, vpcEndpointIds: ["vpce-0ccccccccccccccc3"] }] },
                /partners\[0\]\.vpcEndpointIds only apply to private APIs/,
            ],
            ["an allow-list of all IPv4", { resourcePolicy: { allowedSourceCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } }, /resourcePolicy\.allowedSourceCidrs/],
        ];
        for (const [what, overrides, message] of cases) {
            it(what, () =>
                assertRejectsBeforeCreating(() => {
                    new SecureApi("inv", base(overrides));
                }, message),
            );
        }
    });
});
