/**
 * The handler's environment, checked at cold start: defaults, every variable's
 * bad values (with the variable named in the error), the tests-only loopback
 * flag, and the real entry module loaded with a good and a bad environment.
 */
import * as assert from "assert";
import { ConfigError, loadConfig } from "../../../../components/lambda/jwt-authorizer/config";
import { ENV, toEnvironment } from "../../../../components/lambda/jwt-authorizer/settings";
import { captureOutput, JwksServer, ROUTE_SCOPES, sign, TEST_AUDIENCE, TEST_ISSUER, testKey, tokenEvent } from "./issuer";

const base = (overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
    ...toEnvironment({
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        jwksUri: "https://issuer.example/.well-known/jwks.json",
        algorithms: ["RS256", "ES256"],
        clockSkewSeconds: 60,
        routeScopes: ROUTE_SCOPES,
    }),
    ...overrides,
});

describe("JWT authorizer configuration", () => {
    it("reads the environment the component writes; algorithms and skew have defaults", () => {
        const config = loadConfig(base({ [ENV.algorithms]: undefined, [ENV.clockSkewSeconds]: undefined }));
        assert.strictEqual(config.issuer, TEST_ISSUER);
        assert.strictEqual(config.audience, TEST_AUDIENCE);
        assert.deepStrictEqual(config.algorithms, ["RS256", "ES256"]);
        assert.strictEqual(config.clockSkewSeconds, 60);
        assert.deepStrictEqual(
            config.routes.map((r) => [r.template.key, r.scopes]),
            Object.entries(ROUTE_SCOPES),
        );
        assert.deepStrictEqual(loadConfig(base({ [ENV.algorithms]: "ES384, EdDSA", [ENV.clockSkewSeconds]: "300" })).algorithms, ["ES384", "EdDSA"]);
    });

    const bad: [string, Record<string, string | undefined>, RegExp][] = [
        ["no issuer", { [ENV.issuer]: undefined }, /ISSUER is required/],
        ["an http issuer", { [ENV.issuer]: "http://issuer.example" }, /ISSUER must be an https URL .*\(got "http:\/\/issuer.example"\)/],
        ["an issuer with a query", { [ENV.issuer]: "https://issuer.example/?a=1" }, /ISSUER must be an https URL without query/],
        ["no audience", { [ENV.audience]: "" }, /AUDIENCE is required/],
        ["an audience with spaces", { [ENV.audience]: "a b" }, /AUDIENCE must be a non-empty string .* without whitespace \(got "a b"\)/],
        ["no JWKS URI", { [ENV.jwksUri]: undefined }, /JWKS_URI is required/],
        [
            "an http JWKS URI",
            { [ENV.jwksUri]: "http://issuer.example/jwks" },
            /JWKS_URI must be an https URL without credentials or fragment \(got "http:\/\/issuer.example\/jwks"\)/,
        ],
        ["a loopback http JWKS URI without the test flag", { [ENV.jwksUri]: "http://127.0.0.1:8080/jwks" }, /JWKS_URI must be an https URL/],
        ["a JWKS URI with credentials", { [ENV.jwksUri]: "https://u:p@issuer.example/jwks" }, /JWKS_URI must be an https URL without credentials/],
        ["alg none", { [ENV.algorithms]: "RS256,none" }, /ALLOWED_ALGORITHMS\[1\] must not be "none": unsigned and HMAC tokens are never accepted/],
        ["an HMAC alg", { [ENV.algorithms]: "HS256" }, /ALLOWED_ALGORITHMS\[0\] must not be "HS256"/],
        [
            "an unknown alg",
            { [ENV.algorithms]: "RS257" },
            /ALLOWED_ALGORITHMS\[0\] must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA \(got "RS257"\)/,
        ],
        ["a repeated alg", { [ENV.algorithms]: "RS256,RS256" }, /ALLOWED_ALGORITHMS\[1\] repeats "RS256"/],
        ["a skew above the maximum", { [ENV.clockSkewSeconds]: "301" }, /CLOCK_SKEW_SECONDS must be an integer from 0 to 300 seconds \(got 301\)/],
        ["a negative skew", { [ENV.clockSkewSeconds]: "-1" }, /CLOCK_SKEW_SECONDS must be an integer from 0 to 300 seconds \(got "-1"\)/],
        ["a fractional skew", { [ENV.clockSkewSeconds]: "1.5" }, /CLOCK_SKEW_SECONDS must be an integer/],
        ["no route scopes", { [ENV.routeScopes]: undefined }, /ROUTE_SCOPES is required/],
        ["route scopes that are not JSON", { [ENV.routeScopes]: "GET /a" }, /ROUTE_SCOPES must be a JSON object .* \(got text that is not JSON\)/],
        ["an empty route map", { [ENV.routeScopes]: "{}" }, /ROUTE_SCOPES must map at least one route key/],
        ["a list instead of a map", { [ENV.routeScopes]: "[]" }, /ROUTE_SCOPES must map at least one route key/],
        ["a bad route key", { [ENV.routeScopes]: '{"GET orders": []}' }, /ROUTE_SCOPES\["GET orders"\] key must be "METHOD \/path"/],
        [
            "a route with OPTIONS",
            { [ENV.routeScopes]: '{"OPTIONS /a": []}' },
            /ROUTE_SCOPES\["OPTIONS \/a"\] key has method "OPTIONS"; allowed: GET, POST, PUT, PATCH, DELETE, HEAD, ANY/,
        ],
        ["a greedy segment not last", { [ENV.routeScopes]: '{"GET /{p+}/a": []}' }, /key has a greedy segment "\{p\+\}" that is not the last one/],
        ["scopes that are not a list", { [ENV.routeScopes]: '{"GET /a": "orders.read"}' }, /ROUTE_SCOPES\["GET \/a"\] must be a list of scopes/],
        ["a scope with a space", { [ENV.routeScopes]: '{"GET /a": ["a b"]}' }, /ROUTE_SCOPES\["GET \/a"\]\[0\] must be an OAuth scope/],
        ["a repeated scope", { [ENV.routeScopes]: '{"GET /a": ["x", "x"]}' }, /ROUTE_SCOPES\["GET \/a"\]\[1\] repeats "x"/],
        ["a bad test flag", { [ENV.allowLoopbackHttp]: "yes" }, /JWKS_ALLOW_LOOPBACK_HTTP_FOR_TESTS must be "true" or "false"/],
        [
            "the test flag inside Lambda",
            { [ENV.allowLoopbackHttp]: "true", AWS_LAMBDA_FUNCTION_NAME: "authorizer" },
            /is for tests only and must not be set in a Lambda function/,
        ],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what}`, () => {
            assert.throws(
                () => loadConfig(base(overrides)),
                (err: Error) => {
                    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${err.name}`);
                    assert.match(err.message, /^JWT authorizer configuration: /);
                    assert.match(err.message, message);
                    return true;
                },
            );
        });
    }

    it("the test flag admits http://127.0.0.1 only", () => {
        const flag = { [ENV.allowLoopbackHttp]: "true" };
        assert.strictEqual(loadConfig(base({ ...flag, [ENV.jwksUri]: "http://127.0.0.1:8080/jwks" })).jwksUri, "http://127.0.0.1:8080/jwks");
        for (const uri of ["http://localhost:8080/jwks", "http://127.0.0.2/jwks", "http://10.0.0.1/jwks", "ftp://127.0.0.1/jwks"]) {
            assert.throws(() => loadConfig(base({ ...flag, [ENV.jwksUri]: uri })), /JWKS_URI must be an https URL \(or http:\/\/127.0.0.1 in tests\)/);
        }
    });

    describe("the entry module (handler.ts)", function () {
        this.timeout(20_000);
        const modulePath = require.resolve("../../../../components/lambda/jwt-authorizer/handler");
        const saved = { ...process.env };
        afterEach(() => {
            delete require.cache[modulePath];
            for (const key of Object.values(ENV)) {
                delete process.env[key];
            }
            Object.assign(process.env, saved);
        });

        it("fails to load (cold start) when the environment is invalid", () => {
            Object.assign(process.env, base({ [ENV.algorithms]: "HS256" }));
            delete require.cache[modulePath];
            assert.throws(() => require(modulePath), /ALLOWED_ALGORITHMS\[0\] must not be "HS256"/);
        });

        it("loads with a valid environment and answers an event", async () => {
            const key = await testKey("entry-key");
            const server = await JwksServer.start([key]);
            try {
                Object.assign(process.env, base({ [ENV.jwksUri]: server.url, [ENV.allowLoopbackHttp]: "true" }));
                delete require.cache[modulePath];
                const entry = require(modulePath) as { handler: (e: unknown) => Promise<{ policyDocument: { Statement: { Effect: string }[] } }> };
                const event = tokenEvent(`Bearer ${await sign(key)}`);
                let effect = "";
                const output = await captureOutput(async () => {
                    effect = (await entry.handler(event)).policyDocument.Statement[0].Effect;
                });
                assert.strictEqual(effect, "Allow");
                assert.match(output, /"decision":"allow"/);
            } finally {
                await server.close();
            }
        });
    });
});
