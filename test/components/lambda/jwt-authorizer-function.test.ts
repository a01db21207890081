import * as assert from "assert";
import { LambdaAuthorizer } from "../../../components";
import { JwtAuthorizerFunction, JwtAuthorizerFunctionArgs } from "../../../components/lambda";
import { assertRejectsBeforeCreating, names, runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

const FUNCTION = "aws:lambda/function:Function";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

const fnArgs = (overrides: Partial<JwtAuthorizerFunctionArgs> = {}): JwtAuthorizerFunctionArgs => ({
    issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example",
    audience: "orders-api",
    routeScopes: { "GET /orders": ["orders.read"], "POST /orders": ["orders.write"] },
    logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN },
    ...overrides,
});

describe("JwtAuthorizerFunction", () => {
    it("defaults: bundled Node.js function, active tracing, reserved concurrency, short timeout, environment from the args", async () => {
        const plan = await runProgram(() => {
            const fn = new JwtAuthorizerFunction("authorizer", fnArgs());
            return { functionArn: fn.functionArn, functionName: fn.functionName, roleArn: fn.roleArn, logGroupName: fn.logGroupName };
        });
        const fn = plan.props(FUNCTION);
        assert.strictEqual(fn.name, "authorizer-test");
        assert.strictEqual(fn.runtime, "nodejs24.x");
        assert.deepStrictEqual(fn.architectures, ["arm64"]);
        assert.strictEqual(fn.handler, "index.handler");
        assert.deepStrictEqual(fn.tracingConfig, { mode: "Active" });
        assert.strictEqual(fn.reservedConcurrentExecutions, 50);
        assert.strictEqual(fn.timeout, 5);
        assert.strictEqual(fn.memorySize, 256);
        assert.deepStrictEqual(fn.environment, {
            variables: {
                ISSUER: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example",
                AUDIENCE: "orders-api",
                JWKS_URI: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example/.well-known/jwks.json",
                ALLOWED_ALGORITHMS: "RS256,ES256",
                CLOCK_SKEW_SECONDS: "60",
                ROUTE_SCOPES: '{"GET /orders":["orders.read"],"POST /orders":["orders.write"]}',
            },
        });
        assert.deepStrictEqual(fn.loggingConfig, {
            logFormat: "JSON",
            logGroup: "/aws/lambda/authorizer-test",
            applicationLogLevel: "INFO",
            systemLogLevel: "WARN",
        });
        assert.match(String(fn.role), /^arn:aws:iam::123456789012:role\/authorizer-role-/);

        assert.deepStrictEqual(JSON.parse(String(plan.props(ROLE).assumeRolePolicy)), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        assert.strictEqual(plan.props(ROLE).managedPolicyArns, undefined, "no managed policy (AWSLambdaBasicExecutionRole writes to any log group)");
        assert.strictEqual(plan.ofType(ROLE_POLICY).length, 1);
        assert.strictEqual(plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
        const logArn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/authorizer-test";
        assert.deepStrictEqual(JSON.parse(String(plan.props(ROLE_POLICY).policy)), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "WriteOwnLogGroup",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: [logArn, `${logArn}:log-stream:*`],
                },
                { Sid: "WriteTraces", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
            ],
        });

        const group = plan.props(LOG_GROUP);
        assert.strictEqual(group.name, "/aws/lambda/authorizer-test");
        assert.strictEqual(group.kmsKeyId, KMS_ARN);
        assert.strictEqual(group.retentionInDays, 90);

        const fnResource = plan.one(FUNCTION);
        assert.ok(fnResource.dependencies.includes(plan.one(LOG_GROUP).urn), "the log group exists before the function");
        assert.ok(fnResource.dependencies.includes(plan.one(ROLE_POLICY).urn), "the role's permissions exist before the function");
        const component = plan.one("secure-api:lambda:JwtAuthorizerFunction");
        assert.deepStrictEqual(
            plan
                .childrenOf(component.urn)
                .map((r) => r.type)
                .sort(),
            [ROLE, ROLE_POLICY, FUNCTION, "secure-api:observability:EncryptedLogGroup"],
        );

        assert.deepStrictEqual(Object.fromEntries(Object.entries(plan.outputs).map(([k, v]) => [k, v.value])), {
            functionArn: "arn:aws:lambda:us-east-1:123456789012:function:authorizer-test",
            functionName: "authorizer-test",
            roleArn: fn.role,
            logGroupName: "/aws/lambda/authorizer-test",
        });
    });

    it("options: algorithms, skew, JWKS URI, name, runtime, architecture, memory, timeout, concurrency, retention, tags", async () => {
        const tags = { team: "identity" };
        const plan = await runProgram(() => {
            new JwtAuthorizerFunction(
                "authorizer",
                fnArgs({
                    jwksUri: "https://keys.example.com/oauth2/v1/keys",
                    allowedAlgorithms: ["ES384", "PS256"],
                    clockSkewSeconds: 0,
                    functionName: "orders_jwt-authorizer",
                    runtime: "nodejs22.x",
                    architecture: "x86_64",
                    memorySize: 512,
                    timeoutSeconds: 9,
                    reservedConcurrentExecutions: 200,
                    logging: { retentionInDays: 365, kmsKeyArn: KMS_ARN },
                    tags,
                }),
            );
        });
        const fn = plan.props(FUNCTION);
        const env = (fn.environment as { variables: Record<string, string> }).variables;
        assert.strictEqual(env.JWKS_URI, "https://keys.example.com/oauth2/v1/keys");
        assert.strictEqual(env.ALLOWED_ALGORITHMS, "ES384,PS256");
        assert.strictEqual(env.CLOCK_SKEW_SECONDS, "0");
        assert.strictEqual(fn.name, "orders_jwt-authorizer");
        assert.strictEqual(fn.runtime, "nodejs22.x");
        assert.deepStrictEqual(fn.architectures, ["x86_64"]);
        assert.strictEqual(fn.memorySize, 512);
        assert.strictEqual(fn.timeout, 9);
        assert.strictEqual(fn.reservedConcurrentExecutions, 200);
        assert.deepStrictEqual(fn.tags, tags);
        assert.deepStrictEqual(plan.props(ROLE).tags, tags);
        const group = plan.props(LOG_GROUP);
        assert.strictEqual(group.name, "/aws/lambda/orders_jwt-authorizer");
        assert.strictEqual(group.retentionInDays, 365);
        assert.deepStrictEqual(group.tags, tags);
    });

    it("its functionArn wires into LambdaAuthorizer; the policy pack finds nothing to object to", async () => {
        const plan = await runProgram(() => {
            const fn = new JwtAuthorizerFunction("authorizer", fnArgs());
            new LambdaAuthorizer("jwt", { restApiId: "api123", type: "TOKEN", functionArn: fn.functionArn, resultTtlSeconds: 0 });
        });
        const authorizer = plan.props("aws:apigateway/authorizer:Authorizer");
        assert.strictEqual(
            authorizer.authorizerUri,
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:authorizer-test/invocations",
        );
        assert.deepStrictEqual(names(await plan.violations()), []);
    });

    it("plans at a first preview, when the log group ARN is not known yet", async () => {
        const plan = await runProgram(
            () => {
                new JwtAuthorizerFunction("authorizer", fnArgs());
            },
            { mode: "preview" },
        );
        assert.strictEqual(plan.props(FUNCTION).name, "authorizer-test");
        assert.strictEqual(plan.props(LOG_GROUP).name, "/aws/lambda/authorizer-test");
    });

    it("the code asset is the bundled handler: entry point, jose, no test code", async () => {
        const plan = await runProgram(() => {
            new JwtAuthorizerFunction("authorizer", fnArgs());
        });
        const code = plan.props(FUNCTION).code as { assets: Record<string, { text: string }> };
        assert.deepStrictEqual(Object.keys(code.assets), ["index.js"]);
        const text = code.assets["index.js"].text;
        assert.match(text, /handler:\(\)=>/, "exports the handler entry");
        for (const marker of [
            "JWT authorizer configuration",
            "jwt_authorizer_decision",
            "ROUTE_SCOPES",
            "execute-api:Invoke",
            "Expected 200 OK from the JSON Web Key Set",
        ]) {
            assert.ok(text.includes(marker), `the bundle contains ${marker}`);
        }
        for (const helper of ["JwksServer", "signWithPublicKeyAsSecret", "unsignedToken", "captureOutput", "test-issuer.example", "describe(", "mocha"]) {
            assert.ok(!text.includes(helper), `the bundle must not contain the test helper ${helper}`);
        }
        assert.ok(!text.includes('require("jose")'), "jose is bundled in, not required at run time");
        assert.ok(text.length < 200_000, `the bundle is small (${text.length} bytes)`);
    });
    describe("bad arguments throw before anything is created", () => {
        const routes = (n: number): Record<string, string[]> =>
            Object.fromEntries(Array.from({ length: n }, (_, i) => [`GET /resource-number-${i}/{id}`, ["orders.read", "orders.write"]]));
        const cases: [string, Partial<JwtAuthorizerFunctionArgs>, RegExp][] = [
            [
                "an http issuer",
                { issuer: "http://issuer.example" },
                /issuer must be an https URL without query or fragment, .* \(got "http:\/\/issuer.example"\)/,
            ],
            ["an issuer that is not a URL", { issuer: "issuer" }, /issuer must be an https URL .*\(got "issuer"\)/],
            ["an issuer with a fragment", { issuer: "https://issuer.example/#x" }, /issuer must be an https URL without query or fragment/],
            ["no issuer", { issuer: undefined as unknown as string }, /issuer must be an https URL .*\(got undefined\)/],
            ["an empty audience", { audience: "" }, /audience must be a non-empty string of at most 512 characters without whitespace \(got ""\)/],
            ["an audience with whitespace", { audience: "orders api" }, /audience must be .* \(got "orders api"\)/],
            [
                "an http JWKS URI",
                { jwksUri: "http://issuer.example/jwks" },
                /jwksUri must be an https URL without credentials or fragment \(got "http:\/\/issuer.example\/jwks"\)/,
            ],
            ["a loopback http JWKS URI (tests only, never deployed)", { jwksUri: "http://127.0.0.1:8080/jwks" }, /jwksUri must be an https URL without/],
            ["alg none", { allowedAlgorithms: ["none" as "RS256"] }, /allowedAlgorithms\[0\] must not be "none": unsigned and HMAC tokens are never accepted/],
            ["an HMAC alg", { allowedAlgorithms: ["RS256", "HS256" as "RS256"] }, /allowedAlgorithms\[1\] must not be "HS256"/],
            [
                "an unknown alg",
                { allowedAlgorithms: ["RS1" as "RS256"] },
                /allowedAlgorithms\[0\] must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA \(got "RS1"\)/,
            ],
            ["no algorithms", { allowedAlgorithms: [] }, /allowedAlgorithms must list at least one of RS256/],
            ["a repeated alg", { allowedAlgorithms: ["ES256", "ES256"] }, /allowedAlgorithms\[1\] repeats "ES256"/],
            ["a skew above 300 s", { clockSkewSeconds: 301 }, /clockSkewSeconds must be an integer from 0 to 300 seconds \(got 301\)/],
            ["a negative skew", { clockSkewSeconds: -5 }, /clockSkewSeconds must be an integer from 0 to 300 seconds \(got -5\)/],
            ["a fractional skew", { clockSkewSeconds: 1.5 }, /clockSkewSeconds must be an integer/],
            [
                "no route scopes",
                { routeScopes: undefined as unknown as Record<string, string[]> },
                /routeScopes must map at least one route key to its required scopes/,
            ],
            ["an empty route map", { routeScopes: {} }, /routeScopes must map at least one route key/],
            ["a route key without a method", { routeScopes: { "/orders": [] } }, /routeScopes\["\/orders"\] key must be "METHOD \/path"/],
            [
                "a route key with OPTIONS",
                { routeScopes: { "OPTIONS /orders": [] } },
                /routeScopes\["OPTIONS \/orders"\] key has method "OPTIONS"; allowed: GET, POST, PUT, PATCH, DELETE, HEAD, ANY/,
            ],
            ["a route path with a query", { routeScopes: { "GET /orders?x=1": [] } }, /key has an invalid path segment "orders\?x=1"/],
            [
                "scopes that are a string",
                { routeScopes: { "GET /orders": "orders.read" as unknown as string[] } },
                /routeScopes\["GET \/orders"\] must be a list of scopes, \[\] for none \(got "orders.read"\)/,
            ],
            ["a scope with a quote", { routeScopes: { "GET /orders": ['orders"read'] } }, /routeScopes\["GET \/orders"\]\[0\] must be an OAuth scope/],
            [
                "route scopes too large for the Lambda environment",
                { routeScopes: routes(80) },
                /routeScopes makes the function environment \d+ bytes; Lambda allows 4096/,
            ],
            ["no logging", { logging: undefined as unknown as JwtAuthorizerFunctionArgs["logging"] }, /logging is required \(retentionInDays and kmsKeyArn\)/],
            [
                "a retention CloudWatch does not accept",
                { logging: { retentionInDays: 10, kmsKeyArn: KMS_ARN } },
                /logging.retentionInDays must be one of 1, 3, 5, .* days \(got 10\)/,
            ],
            ["retention forever (0)", { logging: { retentionInDays: 0, kmsKeyArn: KMS_ARN } }, /logging.retentionInDays must be one of .* \(got 0\)/],
            [
                "a KMS alias instead of a key ARN",
                { logging: { retentionInDays: 90, kmsKeyArn: "alias/logs" } },
                /logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key\/ID \(got "alias\/logs"\)/,
            ],
            [
                "a function name with a slash",
                { functionName: "orders/authorizer" },
                /functionName must be 1-64 letters, digits, - or _ \(got "orders\/authorizer"\)/,
            ],
            ["a function name too long", { functionName: "a".repeat(65) }, /functionName must be 1-64 letters/],
            ["an end-of-life runtime", { runtime: "nodejs20.x" as "nodejs22.x" }, /runtime must be one of nodejs22.x, nodejs24.x \(got "nodejs20.x"\)/],
            ["another language's runtime", { runtime: "python3.12" as "nodejs22.x" }, /runtime must be one of nodejs22.x, nodejs24.x/],
            ["an unknown architecture", { architecture: "arm" as "arm64" }, /architecture must be one of arm64, x86_64 \(got "arm"\)/],
            ["too little memory", { memorySize: 64 }, /memorySize must be an integer from 128 to 10240 \(got 64\)/],
            ["too much memory", { memorySize: 10241 }, /memorySize must be an integer from 128 to 10240/],
            ["a timeout API Gateway would not wait for", { timeoutSeconds: 10 }, /timeoutSeconds must be an integer from 1 to 9 \(got 10\)/],
            ["a zero timeout", { timeoutSeconds: 0 }, /timeoutSeconds must be an integer from 1 to 9 \(got 0\)/],
            [
                "zero reserved concurrency (the function could never run)",
                { reservedConcurrentExecutions: 0 },
                /reservedConcurrentExecutions must be an integer from 1 to 1000 \(got 0\)/,
            ],
            ["unbounded reserved concurrency", { reservedConcurrentExecutions: 5000 }, /reservedConcurrentExecutions must be an integer from 1 to 1000/],
        ];
        for (const [what, overrides, message] of cases) {
            it(`rejects ${what}`, async () => {
                await assertRejectsBeforeCreating(
                    () => {
                        new JwtAuthorizerFunction("authorizer", fnArgs(overrides));
                    },
                    /^JwtAuthorizerFunction: /,
                    message,
                );
            });
        }
    });
});
