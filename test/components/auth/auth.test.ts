import * as assert from "assert";
import { CognitoAuthorizer, CognitoUserPool, CognitoUserPoolArgs, IamInvokePolicy, LambdaAuthorizer, LambdaAuthorizerArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { FUNCTION_ARN } from "../fixtures";

const poolArgs = (overrides: Partial<CognitoUserPoolArgs> = {}): CognitoUserPoolArgs => ({
    environment: "dev",
    resourceServerIdentifier: "https://api.example.com",
    scopes: [
        { name: "orders.read", description: "Read" },
        { name: "orders.write", description: "Write" },
    ],
    clients: [
        { name: "web", kind: "spa", callbackUrls: ["https://app.example.com/cb"], scopes: ["orders.read"] },
        { name: "worker", kind: "m2m", scopes: ["orders.write"] },
    ],
    ...overrides,
});

describe("CognitoUserPool", () => {
    it("dev: strong passwords, optional TOTP MFA, advanced security, admin-only sign-up", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs());
        });
        const pool = plan.props("aws:cognito/userPool:UserPool");
        assert.strictEqual(pool.mfaConfiguration, "OPTIONAL");
        assert.deepStrictEqual(pool.softwareTokenMfaConfiguration, { enabled: true });
        const policy = pool.passwordPolicy as Record<string, unknown>;
        assert.strictEqual(policy.minimumLength, 14);
        assert.ok(["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"].every((k) => policy[k] === true));
        assert.deepStrictEqual(pool.userPoolAddOns, { advancedSecurityMode: "ENFORCED" });
        assert.deepStrictEqual(pool.adminCreateUserConfig, { allowAdminCreateUserOnly: true });
        assert.strictEqual(pool.deletionProtection, "INACTIVE");
    });

    it("prod: MFA required and deletion protection on", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs({ environment: "prod" }));
        });
        const pool = plan.props("aws:cognito/userPool:UserPool");
        assert.strictEqual(pool.mfaConfiguration, "ON");
        assert.strictEqual(pool.deletionProtection, "ACTIVE");
    });

    it("options: longer passwords, audit-mode security in dev, shorter tokens", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs({ passwordMinimumLength: 20, advancedSecurityMode: "AUDIT", tokenValidityMinutes: 15, mfa: "ON" }));
        });
        const pool = plan.props("aws:cognito/userPool:UserPool");
        assert.strictEqual((pool.passwordPolicy as Record<string, unknown>).minimumLength, 20);
        assert.deepStrictEqual(pool.userPoolAddOns, { advancedSecurityMode: "AUDIT" });
        assert.strictEqual(pool.mfaConfiguration, "ON");
        assert.ok(plan.ofType("aws:cognito/userPoolClient:UserPoolClient").every((c) => c.props.accessTokenValidity === 15 && c.props.idTokenValidity === 15));
    });

    it("creates a SPA client without secret (code flow) and an M2M client with one (client credentials)", async () => {
        const plan = await runProgram(() => {
            const pool = new CognitoUserPool("users", poolArgs({ domainPrefix: "orders-auth" }));
            return { ids: pool.clientIds, secrets: pool.clientSecrets };
        });
        const clients = plan.ofType("aws:cognito/userPoolClient:UserPoolClient").map((c) => c.props);
        const web = clients.find((c) => c.name === "web")!;
        const worker = clients.find((c) => c.name === "worker")!;
        assert.strictEqual(web.generateSecret, false);
        assert.deepStrictEqual(web.allowedOauthFlows, ["code"]);
        assert.deepStrictEqual(web.allowedOauthScopes, ["openid", "email", "https://api.example.com/orders.read"]);
        assert.strictEqual(worker.generateSecret, true);
        assert.deepStrictEqual(worker.allowedOauthFlows, ["client_credentials"]);
        assert.deepStrictEqual(worker.allowedOauthScopes, ["https://api.example.com/orders.write"]);
        const server = plan.props("aws:cognito/resourceServer:ResourceServer");
        assert.deepStrictEqual(
            (server.scopes as { scopeName: string }[]).map((s) => s.scopeName),
            ["orders.read", "orders.write"],
        );
        assert.strictEqual(plan.props("aws:cognito/userPoolDomain:UserPoolDomain").domain, "orders-auth");
        assert.deepStrictEqual(Object.keys(plan.outputs.ids.value as object), ["web", "worker"]);
        assert.strictEqual(plan.outputs.secrets.secret, true);
        assert.deepStrictEqual(Object.keys(plan.outputs.secrets.value as object), ["worker"]);
    });

    describe("bad arguments throw before anything is created", () => {
        const cases: [string, Partial<CognitoUserPoolArgs>, RegExp][] = [
            ["optional MFA in prod", { environment: "prod", mfa: "OPTIONAL" }, /mfa must be ON in prod/],
            ["MFA off", { mfa: "OFF" as "ON" }, /mfa must be one of OPTIONAL, ON \(got "OFF"\)/],
            ["short passwords", { passwordMinimumLength: 8 }, /passwordMinimumLength must be an integer from 12 to 99 \(got 8\)/],
            ["audit-only advanced security in prod", { environment: "prod", advancedSecurityMode: "AUDIT" }, /advancedSecurityMode must be ENFORCED in prod/],
            [
                "a client scope the pool does not have",
                { clients: [{ name: "w", kind: "m2m", scopes: ["admin"] }] },
                /clients\[0\]\.scopes\[0\] must be one of the pool's scopes orders\.read, orders\.write \(got "admin"\)/,
            ],
            ["a SPA client without callback URLs", { clients: [{ name: "w", kind: "spa" }] }, /clients\[0\]\.callbackUrls must list at least one callback URL/],
            [
                "an http callback in prod",
                { environment: "prod", clients: [{ name: "w", kind: "spa", callbackUrls: ["http://localhost:3000/cb"] }] },
                /must be an https URL/,
            ],
            ["an M2M client without scopes", { clients: [{ name: "w", kind: "m2m" }] }, /clients\[0\]\.scopes must list at least one scope for an m2m client/],
        ];
        for (const [what, overrides, message] of cases) {
            it(`rejects ${what}`, () => assertRejectsBeforeCreating(() => new CognitoUserPool("bad", poolArgs(overrides)), /^CognitoUserPool/, message));
        }
    });
});

const lambdaArgs = (overrides: Partial<LambdaAuthorizerArgs> = {}): LambdaAuthorizerArgs => ({
    restApiId: "api123",
    functionArn: FUNCTION_ARN,
    type: "TOKEN",
    ...overrides,
});

describe("LambdaAuthorizer", () => {
    it("TOKEN: reads the Authorization header and caches decisions for 300 s by default", async () => {
        const plan = await runProgram(() => {
            new LambdaAuthorizer("partner", lambdaArgs());
        });
        const authorizer = plan.props("aws:apigateway/authorizer:Authorizer");
        assert.strictEqual(authorizer.type, "TOKEN");
        assert.strictEqual(authorizer.identitySource, "method.request.header.Authorization");
        assert.strictEqual(authorizer.authorizerResultTtlInSeconds, 300);
        assert.match(
            String(authorizer.authorizerUri),
            /^arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:.*:function:authorizer\/invocations$/,
        );
    });

    it("REQUEST: joins several identity sources and honours the TTL", async () => {
        const plan = await runProgram(() => {
            new LambdaAuthorizer(
                "partner",
                lambdaArgs({ type: "REQUEST", identitySources: ["method.request.header.X-Token", "context.sourceIp"], resultTtlSeconds: 0 }),
            );
        });
        const authorizer = plan.props("aws:apigateway/authorizer:Authorizer");
        assert.strictEqual(authorizer.identitySource, "method.request.header.X-Token,context.sourceIp");
        assert.strictEqual(authorizer.authorizerResultTtlInSeconds, 0);
    });

    it("invokes the function through a role that may call only that function", async () => {
        const plan = await runProgram(() => {
            new LambdaAuthorizer("partner", lambdaArgs());
        });
        // authorizerCredentials trust policy exactly as "Use API Gateway Lambda authorizers" documents it:
        // API Gateway sends no aws:SourceAccount for credentials roles, so such a condition breaks every call.
        const trust = JSON.parse(String(plan.props("aws:iam/role:Role").assumeRolePolicy));
        assert.deepStrictEqual(trust, {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        const authorizer = plan.one("aws:apigateway/authorizer:Authorizer");
        assert.ok(authorizer.propertyDependencies.authorizerCredentials.includes(plan.one("aws:iam/role:Role").urn));
        const policy = JSON.parse(String(plan.props("aws:iam/rolePolicy:RolePolicy").policy));
        assert.deepStrictEqual(policy.Statement, [{ Sid: "InvokeAuthorizer", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: FUNCTION_ARN }]);
    });

    const bad: [string, Partial<LambdaAuthorizerArgs>, RegExp][] = [
        ["a TTL above 3600", { resultTtlSeconds: 3601 }, /resultTtlSeconds must be an integer from 0 to 3600 \(got 3601\)/],
        ["a REQUEST authorizer without sources", { type: "REQUEST" }, /identitySources must list at least one source/],
        ["an unknown type", { type: "COGNITO" as "TOKEN" }, /type must be one of TOKEN, REQUEST/],
        ["a malformed source", { type: "REQUEST", identitySources: ["header.X"] }, /identitySources\[0\] must be method\.request/],
        [
            "a validation expression on REQUEST",
            { type: "REQUEST", identitySources: ["context.sourceIp"], identityValidationExpression: "^Bearer" },
            /only valid for TOKEN/,
        ],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what} before creating anything`, () =>
            assertRejectsBeforeCreating(() => new LambdaAuthorizer("bad", lambdaArgs(overrides)), /^LambdaAuthorizer/, message));
    }
});

describe("CognitoAuthorizer and IamInvokePolicy", () => {
    it("a Cognito authorizer accepts tokens of the given pools from the Authorization header", async () => {
        const plan = await runProgram(() => {
            new CognitoAuthorizer("users", { restApiId: "api", userPoolArns: ["arn:pool"] });
        });
        const a = plan.props("aws:apigateway/authorizer:Authorizer");
        assert.deepStrictEqual([a.type, a.providerArns, a.identitySource], ["COGNITO_USER_POOLS", ["arn:pool"], "method.request.header.Authorization"]);
        await assertRejectsBeforeCreating(
            () => new CognitoAuthorizer("bad", { restApiId: "api", userPoolArns: [] }),
            /CognitoAuthorizer: userPoolArns must list at least one/,
        );
    });

    it("the IAM invoke policy allows execute-api:Invoke on exactly the given method ARNs", async () => {
        const arns = ["arn:aws:execute-api:us-east-1:1:api/dev/GET/reports", "arn:aws:execute-api:us-east-1:1:api/dev/POST/reports"];
        const plan = await runProgram(() => {
            new IamInvokePolicy("invoke", { methodArns: arns });
        });
        const doc = JSON.parse(String(plan.props("aws:iam/policy:Policy").policy));
        assert.deepStrictEqual(doc.Statement, [{ Sid: "InvokeIamRoutes", Effect: "Allow", Action: "execute-api:Invoke", Resource: arns }]);
        await assertRejectsBeforeCreating(() => new IamInvokePolicy("bad", { methodArns: [] }), /IamInvokePolicy: methodArns must list at least one/);
    });
});
