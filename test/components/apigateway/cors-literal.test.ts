/**
 * Pins the pure CORS helpers with literal values: which origins validateCors
 * accepts per environment (https only, http://localhost in dev, `*` only in
 * dev with allowWildcard), the max-age bounds (0..7200) and exact error
 * messages, the defaults it fills in, and the exact header mappings and
 * origin-echo template API Gateway is handed.
 */
import * as assert from "assert";
import { CorsArgs, Environment, gatewayResponseHeaders, originEchoTemplate, originHeaders, preflightHeaders, validateCors } from "../../../components";
import { thrown } from "../../harness";

const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";

const rejection = (cors: CorsArgs, environment: Environment = "dev") => thrown(() => validateCors("RestApi", cors, environment)).message;
const accepts = (cors: CorsArgs, environment: Environment = "dev") => validateCors("RestApi", cors, environment).allowedOrigins;

describe("validateCors (literal)", () => {
    it("rejects an empty origin list, naming the argument", () => {
        assert.strictEqual(rejection({ allowedOrigins: [] }), "RestApi: cors.allowedOrigins must list at least one origin such as https://app.example.com");
    });

    it("rejects a missing origin list with the same message (not a TypeError)", () => {
        const error = thrown(() => validateCors("ApiRoute", { allowedOrigins: undefined as unknown as string[] }, "prod"));
        assert.strictEqual(error.name, "ComponentArgumentError");
        assert.strictEqual(error.message, "ApiRoute: cors.allowedOrigins must list at least one origin such as https://app.example.com");
    });

    it("accepts https origins with and without a port of up to five digits", () => {
        for (const origin of [APP, "https://app.example.com:8443", "https://app.example.com:1", "https://app.example.com:65535"]) {
            assert.deepStrictEqual(accepts({ allowedOrigins: [origin] }, "prod"), [origin]);
        }
    });

    const badProd: [string, string][] = [
        ["a path after the host", "https://app.example.com/path"],
        ["text before the scheme", "xhttps://app.example.com"],
        ["a six-digit port", "https://app.example.com:123456"],
        ["a non-numeric port", "https://app.example.com:abc"],
        ["plain http", "http://app.example.com"],
        ["localhost (prod allows no localhost origins)", "http://localhost:3000"],
    ];
    for (const [what, origin] of badProd) {
        it(`rejects ${what} in prod, without the localhost hint`, () => {
            assert.strictEqual(
                rejection({ allowedOrigins: [APP, origin] }, "prod"),
                `RestApi: cors.allowedOrigins[1] must be an https origin without a path, e.g. https://app.example.com (got ${JSON.stringify(origin)})`,
            );
        });
    }

    it("accepts http://localhost and http://127.0.0.1, with or without a port, in dev", () => {
        const local = ["http://localhost", "http://localhost:3000", "http://127.0.0.1", "http://127.0.0.1:8080"];
        assert.deepStrictEqual(accepts({ allowedOrigins: local }), local);
    });

    const badDev: string[] = ["http://localhost:3000/app", "evilhttp://localhost:3000", "http://localhost:123456", "http://localhost.evil.com"];
    for (const origin of badDev) {
        it(`rejects ${origin} in dev, with the localhost hint`, () => {
            assert.strictEqual(
                rejection({ allowedOrigins: [origin] }),
                `RestApi: cors.allowedOrigins[0] must be an https origin without a path, e.g. https://app.example.com (or http://localhost:PORT in dev) (got ${JSON.stringify(origin)})`,
            );
        });
    }

    it("treats an environment without a baseline as allowing no localhost origins", () => {
        const staging = "staging" as Environment;
        assert.deepStrictEqual(validateCors("RestApi", { allowedOrigins: [APP] }, staging).allowedOrigins, [APP]);
        assert.strictEqual(
            rejection({ allowedOrigins: ["http://localhost:3000"] }, staging),
            'RestApi: cors.allowedOrigins[0] must be an https origin without a path, e.g. https://app.example.com (got "http://localhost:3000")',
        );
    });

    it("accepts * in dev only with allowWildcard: true", () => {
        assert.deepStrictEqual(validateCors("RestApi", { allowedOrigins: ["*"], allowWildcard: true }, "dev"), {
            allowedOrigins: ["*"],
            allowWildcard: true,
            allowHeaders: ["Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token"],
            maxAgeSeconds: 600,
        });
    });

    it("rejects * in dev without allowWildcard, or with allowWildcard: false", () => {
        for (const allowWildcard of [undefined, false]) {
            assert.strictEqual(
                rejection({ allowedOrigins: [APP, "*"], allowWildcard }),
                'RestApi: cors.allowedOrigins[1] is "*", which needs cors.allowWildcard: true (dev only)',
            );
        }
    });

    it("rejects * in prod even with allowWildcard: true", () => {
        assert.strictEqual(
            rejection({ allowedOrigins: ["*"], allowWildcard: true }, "prod"),
            'RestApi: cors.allowedOrigins[0] must not be "*" in prod; list the exact origins of your web applications',
        );
    });

    it("fills in the defaults: no wildcard, the five default headers, a 600 s max age; copies the origins", () => {
        const origins = [APP, ADMIN];
        const result = validateCors("RestApi", { allowedOrigins: origins }, "prod");
        assert.deepStrictEqual(result, {
            allowedOrigins: [APP, ADMIN],
            allowWildcard: false,
            allowHeaders: ["Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token"],
            maxAgeSeconds: 600,
        });
        assert.notStrictEqual(result.allowedOrigins, origins);
    });

    it("accepts a max age of 0 and of 7200 (the maximum)", () => {
        assert.strictEqual(validateCors("RestApi", { allowedOrigins: [APP], maxAgeSeconds: 0 }, "prod").maxAgeSeconds, 0);
        assert.strictEqual(validateCors("RestApi", { allowedOrigins: [APP], maxAgeSeconds: 7200 }, "prod").maxAgeSeconds, 7200);
    });

    for (const [what, maxAgeSeconds] of [
        ["7201 (max + 1)", 7201],
        ["-1 (min - 1)", -1],
        ["a fraction", 1.5],
    ] as const) {
        it(`rejects a max age of ${what}`, () => {
            assert.strictEqual(
                rejection({ allowedOrigins: [APP], maxAgeSeconds }),
                `RestApi: cors.maxAgeSeconds must be an integer from 0 to 7200 (got ${maxAgeSeconds})`,
            );
        });
    }
});

describe("CORS header mappings (literal)", () => {
    const cors = { allowedOrigins: [APP, ADMIN], allowWildcard: false, allowHeaders: ["Content-Type", "X-Api-Key"], maxAgeSeconds: 300 };

    it("origin headers: the first origin and Vary: Origin, single-quoted static values", () => {
        assert.deepStrictEqual(originHeaders(cors), {
            "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
            "method.response.header.Vary": "'Origin'",
        });
    });

    it("preflight headers: the route's methods plus OPTIONS, de-duplicated and sorted, the headers and the max age", () => {
        assert.deepStrictEqual(preflightHeaders(cors, ["POST", "GET", "GET"]), {
            "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
            "method.response.header.Vary": "'Origin'",
            "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'",
            "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Api-Key'",
            "method.response.header.Access-Control-Max-Age": "'300'",
        });
    });

    it("gateway response headers: the first origin, the allowed headers and Vary: Origin", () => {
        assert.deepStrictEqual(gatewayResponseHeaders(cors), {
            "gatewayresponse.header.Access-Control-Allow-Origin": "'https://app.example.com'",
            "gatewayresponse.header.Access-Control-Allow-Headers": "'Content-Type,X-Api-Key'",
            "gatewayresponse.header.Vary": "'Origin'",
        });
    });

    it("needs no echo template for zero or one origin (the static header is enough)", () => {
        assert.strictEqual(originEchoTemplate([]), "");
        assert.strictEqual(originEchoTemplate([APP]), "");
    });

    it("echoes the request's Origin when it is one of two or more allowed origins", () => {
        assert.strictEqual(
            originEchoTemplate([APP, ADMIN]),
            [
                '#set($origin = $input.params().header.get("Origin"))',
                '#if($origin == "https://app.example.com" || $origin == "https://admin.example.com")',
                "#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)",
                "#end",
            ].join("\n"),
        );
    });
});
