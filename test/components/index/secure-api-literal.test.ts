/**
 * Pins SecureApi (components/index/secure-api*.ts) exactly: the messages of its own checks
 * (environment, exposure, lambda authorizer, partners), which part validates what before anything
 * exists (resource policy per exposure, WAF only when it will exist, domain, audit trail), and how
 * it builds its parts (parents, tags, dependency on the account settings, stage settings, domain,
 * invoke policy description, the routes each partner role grants).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { SecureApi, SecureApiArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";

const mock = { kind: "mock" as const, responseBody: {} };
const routes: SecureApiArgs["routes"] = [
    { path: "/items", method: "GET", auth: "iam", integration: mock },
    { path: "/items/{id}", method: "DELETE", auth: "iam", integration: mock },
];
const base = (overrides: Partial<SecureApiArgs> = {}): SecureApiArgs => ({
    environment: "dev",
    apiName: "inventory",
    exposure: { type: "public" },
    routes,
    throttle: { rateLimit: 20, burstLimit: 40 },
    logging: { retentionInDays: 90 },
    audit: { enabled: false },
    ...overrides,
});
const network = { allowedCidrs: ["10.0.0.0/8"] };
const partner = { name: "acme", accountIds: ["111122223333"], externalId: pulumi.secret("ext-123"), routes: ["GET /items"] };
const rejects = async (overrides: Partial<SecureApiArgs>, message: string) => {
    const error = await assertRejectsBeforeCreating(() => new SecureApi("inv", base(overrides)));
    assert.strictEqual(error.message, message);
};

describe("SecureApi: exact messages of its own checks", () => {
    it("an unknown environment", () =>
        rejects({ environment: "qa" as SecureApiArgs["environment"] }, 'SecureApi: environment must be one of dev, prod (got "qa")'));

    it("a missing exposure", () =>
        rejects(
            { exposure: undefined as unknown as SecureApiArgs["exposure"] },
            'SecureApi: exposure is required: { type: "public" } or { type: "private", network }',
        ));

    it("a missing logging block with a given authorizer function is reported by RestApi, not as a TypeError", () =>
        rejects(
            {
                logging: undefined as unknown as SecureApiArgs["logging"],
                lambdaAuthorizer: { type: "TOKEN", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:a" },
                routes: [{ path: "/items", method: "GET", auth: "lambda", integration: mock }],
            },
            "RestApi: logging.retentionInDays must be one of 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days in dev (got undefined)",
        ));

    it("a lambda authorizer with neither functionArn nor reference", () =>
        rejects(
            { lambdaAuthorizer: { type: "TOKEN" } },
            "SecureApi: lambdaAuthorizer needs exactly one of functionArn (your function) or reference (the platform deploys JwtAuthorizerFunction)",
        ));

    it("two partners with the same name", () =>
        rejects({ partners: [partner, { ...partner, accountIds: ["444455556666"] }] }, 'SecureApi: partners[1].name duplicates partner "acme"'));

    it("a partner without routes (JavaScript callers)", () =>
        rejects(
            { partners: [{ ...partner, routes: undefined as unknown as string[] }] },
            "SecureApi: partners[0].routes must grant at least one AWS_IAM route",
        ));

    it("a partner without accounts is named by its accountIds", () =>
        rejects({ partners: [{ ...partner, accountIds: [] }] }, "SecureApi: partners[0].accountIds must list at least one partner account id"));

    it("a bad partner account id is named by its accountIds index", () =>
        rejects(
            { partners: [{ ...partner, accountIds: ["111122223333", "123"] }] },
            'SecureApi: partners[0].accountIds[1] must be a 12-digit AWS account id (got "123")',
        ));

    it("a bad partner name is named by name", () =>
        rejects({ partners: [{ ...partner, name: "acme corp" }] }, 'SecureApi: partners[0].name must be 1-40 letters, digits, - or _ (got "acme corp")'));
});

describe("SecureApi: what is validated before anything exists", () => {
    it("a public API refuses resource-policy VPC endpoints", () =>
        rejects(
            { resourcePolicy: { vpcEndpointIds: ["vpce-0ccccccccccccccc3"] } },
            "SecureApi: resourcePolicy.vpcEndpointIds only apply to private APIs (a public API is not reached through VPC endpoints)",
        ));

    it("a private API admits resource-policy VPC endpoints", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ exposure: { type: "private", network }, resourcePolicy: { vpcEndpointIds: ["vpce-0ccccccccccccccc3"] } }));
        });
        assert.match(String(plan.props("aws:apigateway/restApi:RestApi").policy), /vpce-0ccccccccccccccc3/);
    });

    it("a private API without waf.enabled ignores the WAF settings (no web ACL is created)", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ exposure: { type: "private", network }, waf: { rateLimit: 1 } }));
        });
        assert.strictEqual(plan.ofType("aws:wafv2/webAcl:WebAcl").length, 0);
    });

    it("a bad custom domain name", () =>
        rejects(
            { domain: { domainName: "API.example.com", hostedZoneId: "Z1" } },
            'CustomDomain: domainName must be a lower-case fully qualified domain name such as api.example.com (got "API.example.com")',
        ));

    it("a bad trail name with the trail enabled", () =>
        rejects({ audit: { enabled: true, trailName: "x" } }, 'AuditTrail: trailName must be 3-128 letters, digits, . _ - (got "x")'));

    it("a bad trail name with the trail left at its default (enabled)", () =>
        rejects({ audit: { trailName: "x" } }, 'AuditTrail: trailName must be 3-128 letters, digits, . _ - (got "x")'));

    it("a disabled trail's name is not checked", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ audit: { enabled: false, trailName: "x" } }));
        });
        assert.strictEqual(plan.ofType("aws:cloudtrail/trail:Trail").length, 0);
    });
});

describe("SecureApi: how the parts are built", () => {
    it("its parts are its children", async () => {
        const plan = await runProgram(() => {
            new SecureApi(
                "inv",
                base({
                    partners: [partner],
                    manageAccountSettings: true,
                    lambdaAuthorizer: { type: "TOKEN", reference: { issuer: "https://issuer.example.com", audience: "inventory" } },
                    routes: [...routes, { path: "/events", method: "POST", auth: "lambda", integration: mock }],
                }),
            );
        });
        const api = plan.one("secure-api:index:SecureApi").urn;
        assert.deepStrictEqual(
            plan
                .childrenOf(api)
                .map((r) => r.type)
                .sort(),
            [
                "secure-api:apigateway:PublicApi",
                "secure-api:auth:IamInvokePolicy",
                "secure-api:auth:PartnerRole",
                "secure-api:lambda:JwtAuthorizerFunction",
                "secure-api:observability:ApiAlarms",
                "secure-api:observability:ApiGatewayAccount",
                "secure-api:security:PlatformKey",
                "secure-api:waf:WebAcl",
            ],
        );
    });

    it("tags carry the given tags, the environment and managed-by, on the key and the account role", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ manageAccountSettings: true, tags: { team: "stock" } }));
        });
        const expected = { team: "stock", environment: "dev", "managed-by": "pulumi" };
        assert.deepStrictEqual(plan.props("aws:kms/key:Key").tags, expected);
        assert.deepStrictEqual(plan.props("aws:iam/role:Role", "inv-account-cloudwatch").tags, expected);
    });

    it("the API waits for the account settings when it owns them", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ manageAccountSettings: true }));
        });
        const account = plan.one("aws:apigateway/account:Account").urn;
        assert.ok(plan.one("secure-api:apigateway:PublicApi").dependencies.includes(account), "PublicApi dependsOn the account settings");
    });

    it("without a custom domain the execute-api endpoint stays on", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base());
        });
        assert.strictEqual(plan.props("aws:apigateway/restApi:RestApi").disableExecuteApiEndpoint, false);
    });

    it("a custom domain is created for the API", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ domain: { domainName: "inventory.example.com", hostedZoneId: "Z1" } }));
        });
        assert.strictEqual(plan.props("aws:apigateway/domainName:DomainName").domainName, "inventory.example.com");
    });

    it("stage settings for application stages: throttle, ERROR logs, X-Ray on, the retention", async () => {
        const plan = await runProgram(() => ({ stage: new SecureApi("inv", base()).stageSettings }));
        assert.deepStrictEqual(plan.outputs.stage.value, {
            throttle: { rateLimit: 20, burstLimit: 40 },
            executionLevel: "ERROR",
            xrayTracing: true,
            logRetentionInDays: 90,
        });
    });

    it("the invoke policy is described with the API name and stage", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ stageName: "v1" }));
        });
        assert.strictEqual(plan.props("aws:iam/policy:Policy").description, "Invoke the AWS_IAM routes of inventory (v1)");
    });

    it("a partner role grants exactly the routes named, not the table's first", async () => {
        const plan = await runProgram(() => {
            new SecureApi("inv", base({ partners: [{ ...partner, routes: ["DELETE /items/{id}"] }] }));
        });
        const invoke = JSON.parse(String(plan.props("aws:iam/rolePolicy:RolePolicy", "inv-partner-acme-invoke").policy)) as {
            Statement: { Resource: string[] }[];
        };
        assert.strictEqual(invoke.Statement[0].Resource.length, 1);
        assert.match(invoke.Statement[0].Resource[0], /\/dev\/DELETE\/items\/\*$/);
    });
});
