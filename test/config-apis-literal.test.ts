/**
 * Literal pins of the `httpApis`, `webSocketApis` and `openApiApis` stack config: each schema pattern at its
 * edges (anchors, character classes, repeats) with the exact "expected ..., got ..." problem, the cross-key
 * checks of apisV2Problems, and prepareOpenApiApis called directly with an in-memory file reader.
 */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig, PlatformConfig } from "../stacks/config";
import { prepareOpenApiApis } from "../stacks/config-openapi";
import { stackConfig } from "./harness";

const P = "secure-api-platform";
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:a";
const dev = (): PlatformConfig => parsePlatformConfig(stackConfig("dev"), "Pulumi.dev.yaml");
const httpApi = (overrides: Record<string, unknown> = {}) => [{ ...dev().httpApis![0], ...overrides }];
const wsApi = (overrides: Record<string, unknown> = {}) => [{ ...dev().webSocketApis![0], ...overrides }];
const route = (overrides: Record<string, unknown> = {}) => ({
    path: "/a",
    method: "GET",
    auth: "iam",
    integration: { kind: "http", uri: "https://a.example.com" },
    ...overrides,
});

/** The problems of a config, or [] when it is accepted. */
function problemsOf(overrides: Record<string, unknown>): string[] {
    try {
        parsePlatformConfig(stackConfig("dev", overrides), "Pulumi.dev.yaml");
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    return [];
}

const DOC = (extra = "", version = "'1'") =>
    `openapi: 3.0.1\ninfo: {title: t, version: ${version}}\n${extra}paths:\n  /a:\n    get:\n      security: [{sigv4: []}]\n` +
    "      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://a.example.com/a'}\n";

/** Runs prepareOpenApiApis on one entry whose file reads as `text`; returns the problems, or the prepared document. */
function prepare(text: string, entry: Record<string, unknown> = {}, config: Partial<PlatformConfig> = {}): string[] | Record<string, unknown> {
    try {
        const openApiApis = [{ name: "x", file: "x.yaml", ...entry }] as PlatformConfig["openApiApis"];
        return prepareOpenApiApis({ ...dev(), ...config, openApiApis }, "Pulumi.dev.yaml", () => text)[0].document;
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
}

describe("stack config literals: httpApis and webSocketApis patterns", () => {
    const refusals: [string, Record<string, unknown>, string][] = [
        [
            "a Lambda ARN not at the start",
            { httpApis: httpApi({ routes: [route({ integration: { kind: "lambda", functionArn: `x-${LAMBDA}` } })] }) },
            `${P}:httpApis[0].routes[0].integration.functionArn: expected a Lambda function ARN, got "x-${LAMBDA}"`,
        ],
        [
            "a hosted zone id not at the start",
            { httpApis: httpApi({ domain: { domainName: "a.example.com", hostedZoneId: "xZ0123456789ABC" } }) },
            `${P}:httpApis[0].domain.hostedZoneId: expected a Route 53 hosted zone id such as Z0123456789ABC, got "xZ0123456789ABC"`,
        ],
        [
            "a hosted zone id with a trailing character",
            { httpApis: httpApi({ domain: { domainName: "a.example.com", hostedZoneId: "Z0123456789ABC-" } }) },
            `${P}:httpApis[0].domain.hostedZoneId: expected a Route 53 hosted zone id such as Z0123456789ABC, got "Z0123456789ABC-"`,
        ],
        [
            "an ACM ARN not at the start",
            { httpApis: httpApi({ domain: { domainName: "a.example.com", certificateArn: "x-arn:aws:acm:us-east-1:1:certificate/a" } }) },
            `${P}:httpApis[0].domain.certificateArn: expected an ACM certificate ARN, got "x-arn:aws:acm:us-east-1:1:certificate/a"`,
        ],
        [
            "a CA bundle that does not end in .pem",
            { httpApis: httpApi({ domain: { domainName: "a.example.com", mtlsCaBundleFile: "ca.pem.txt" } }) },
            `${P}:httpApis[0].domain.mtlsCaBundleFile: expected a path to a .pem file, relative to the project, got "ca.pem.txt"`,
        ],
        [
            "a path without a leading /",
            { httpApis: httpApi({ routes: [route({ path: "a/b" })] }) },
            `${P}:httpApis[0].routes[0].path: expected a path starting with /, got "a/b"`,
        ],
        [
            "an https:// URL not at the start",
            { httpApis: httpApi({ routes: [route({ integration: { kind: "http", uri: "xhttps://a.example.com" } })] }) },
            `${P}:httpApis[0].routes[0].integration.uri: expected an https:// URL (plaintext http:// is refused), got "xhttps://a.example.com"`,
        ],
        [
            "a selection expression not at the start",
            { webSocketApis: wsApi({ routeSelectionExpression: "x$request.body.action" }) },
            `${P}:webSocketApis[0].routeSelectionExpression: expected a $request.body.FIELD expression such as $request.body.action, got "x$request.body.action"`,
        ],
        [
            "a selection expression with a trailing space",
            { webSocketApis: wsApi({ routeSelectionExpression: "$request.body.action " }) },
            `${P}:webSocketApis[0].routeSelectionExpression: expected a $request.body.FIELD expression such as $request.body.action, got "$request.body.action "`,
        ],
    ];
    for (const [what, overrides, problem] of refusals) {
        it(`refuses ${what} with the exact problem`, () => {
            assert.deepStrictEqual(problemsOf(overrides), [problem]);
        });
    }

    it("accepts partition ARNs (aws-us-gov Lambda, aws-cn ACM), a one-word ACM partition and a multi-character selection field", () => {
        assert.deepStrictEqual(
            problemsOf({
                httpApis: httpApi({ routes: [route({ integration: { kind: "lambda", functionArn: "arn:aws-us-gov:lambda:us-gov-west-1:1:function:a" } })] }),
            }),
            [],
        );
        assert.deepStrictEqual(
            problemsOf({ httpApis: httpApi({ domain: { domainName: "a.example.com", certificateArn: "arn:aws-cn:acm:cn-north-1:1:certificate/a" } }) }),
            [],
        );
        assert.deepStrictEqual(
            problemsOf({ httpApis: httpApi({ domain: { domainName: "a.example.com", certificateArn: "arn:aws:acm:us-east-1:1:certificate/a" } }) }),
            [],
        );
        assert.deepStrictEqual(problemsOf({ webSocketApis: wsApi({ routeSelectionExpression: "$request.body.action" }) }), []);
    });

    it("refuses WAF on a WebSocket API with that one problem (enabled and rateLimit are known keys)", () => {
        assert.deepStrictEqual(problemsOf({ webSocketApis: wsApi({ waf: { enabled: true, rateLimit: 100 } }) }), [
            `${P}:webSocketApis[0].waf: AWS WAF cannot be associated with WebSocket APIs; remove it`,
        ]);
    });
});

describe("stack config literals: httpApis cross-key checks", () => {
    it("refuses cors: true when the stack has no cors origin list", () => {
        assert.ok(problemsOf({ cors: undefined }).includes(`${P}:httpApis[0].cors: is true but the stack has no ${P}:cors origin list to use`));
    });

    it("needs no Cognito pool for an HTTP API whose routes are all iam", () => {
        const problems = problemsOf({ cognito: undefined, lambdaAuthorizer: undefined, httpApis: httpApi({ cors: false, routes: [route()] }) });
        assert.deepStrictEqual(
            problems.filter((p) => p.startsWith(`${P}:httpApis`)),
            [],
        );
    });

    it("names only the missing pool, not each scope, for jwt routes without Cognito", () => {
        const problems = problemsOf({
            cognito: undefined,
            lambdaAuthorizer: undefined,
            httpApis: httpApi({ cors: false, routes: [route({ auth: "jwt", scopes: ["orders.read"] })] }),
        });
        assert.deepStrictEqual(
            problems.filter((p) => p.startsWith(`${P}:httpApis`)),
            [`${P}:httpApis[0].routes: auth jwt trusts the platform's Cognito pool, but ${P}:cognito is not configured`],
        );
    });

    it("accepts a jwt route without scopes and a scope given in its full resource-server form", () => {
        assert.deepStrictEqual(problemsOf({ httpApis: httpApi({ routes: [route({ auth: "jwt" })] }) }), []);
        assert.deepStrictEqual(
            problemsOf({ httpApis: httpApi({ routes: [route({ auth: "jwt", scopes: ["https://api.dev.example.com/orders.write"] })] }) }),
            [],
        );
    });

    it("lists the pool's scopes in the problem of an unknown scope", () => {
        assert.deepStrictEqual(problemsOf({ httpApis: httpApi({ routes: [route({ auth: "jwt", scopes: ["https://api.dev.example.com/orders.delete"] })] }) }), [
            `${P}:httpApis[0].routes[0].scopes[0]: "https://api.dev.example.com/orders.delete" is not a scope of the user pool (cognito.scopes: orders.read, orders.write); no token could ever carry it`,
        ]);
    });

    it("does not check the scopes of a non-jwt route against the pool", () => {
        const problems = problemsOf({ httpApis: httpApi({ routes: [route({ scopes: ["orders.delete"] })] }) });
        assert.ok(!problems.some((p) => p.includes("is not a scope of the user pool")), problems.join("\n"));
    });
});

describe("stack config literals: openApiApis", () => {
    it("accepts .yml and upper-case .YAML files, publicOperations resources with a multi-letter method and a YYYY-MM-DD expiry", () => {
        const op = { resource: "GET /a", reason: "health probes", expires: "2030-01-31" };
        assert.deepStrictEqual(
            problemsOf({
                openApiApis: [
                    { name: "a", file: "a.yml", publicOperations: [op] },
                    { name: "b", file: "b.YAML" },
                ],
            }),
            [],
        );
    });

    const refusals: [string, Record<string, unknown>, string][] = [
        [
            "a file with a suffix after .yaml",
            { file: "a.yaml.txt" },
            `${P}:openApiApis[0].file: expected a .json, .yaml or .yml file, relative to the project, got "a.yaml.txt"`,
        ],
        [
            "an operation not at the start",
            { publicOperations: [{ resource: "x GET /a", reason: "health probes" }] },
            `${P}:openApiApis[0].publicOperations[0].resource: expected an operation as "METHOD /path", got "x GET /a"`,
        ],
        [
            "a date not at the start",
            { publicOperations: [{ resource: "GET /a", reason: "health probes", expires: "x2030-01-31" }] },
            `${P}:openApiApis[0].publicOperations[0].expires: expected a date YYYY-MM-DD, got "x2030-01-31"`,
        ],
        [
            "a date with a trailing character",
            { publicOperations: [{ resource: "GET /a", reason: "health probes", expires: "2030-01-31x" }] },
            `${P}:openApiApis[0].publicOperations[0].expires: expected a date YYYY-MM-DD, got "2030-01-31x"`,
        ],
    ];
    for (const [what, entry, problem] of refusals) {
        it(`refuses ${what} with the exact problem`, () => {
            assert.deepStrictEqual(problemsOf({ openApiApis: [{ name: "a", file: "a.yaml", ...entry }] }), [problem]);
        });
    }

    it("reads the file with the JSON schema: an unquoted 0x10 or ~ stays a string (YAML's core schema reads 16 and null)", () => {
        assert.strictEqual((prepare(DOC("", "0x10")) as { info: { version: unknown } }).info.version, "0x10");
        assert.strictEqual((prepare(DOC("", "~")) as { info: { version: unknown } }).info.version, "~");
    });

    it("refuses text that is not YAML with the parser's first line", () => {
        assert.deepStrictEqual(prepare("a: [1,\nb: 2\n"), [`${P}:openApiApis[0].file: x.yaml is not JSON or YAML (deficient indentation (2:1))`]);
    });

    for (const [what, text] of [
        ["null", "null"],
        ["a number", "42"],
        ["a list", "[1]"],
    ]) {
        it(`refuses a document that is ${what}`, () => {
            assert.deepStrictEqual(prepare(text), [`${P}:openApiApis[0].file: x.yaml is not an OpenAPI document (expected a mapping with swagger or openapi)`]);
        });
    }

    it("restates the loader's refusal with the key and the component", () => {
        assert.deepStrictEqual(prepare("{}"), [
            `${P}:openApiApis[0]: x.yaml# is neither a Swagger 2 (swagger) nor an OpenAPI 3 (openapi) document (OpenApiRestApi)`,
        ]);
    });

    it("restates an argument refusal with the argument's name", () => {
        assert.deepStrictEqual(prepare(DOC(), { publicOperations: [{ resource: "GET /b", reason: "health probes" }] }), [
            `${P}:openApiApis[0]: publicOperations[0].resource must be an operation of x.yaml such as "GET /health" (got "GET /b") (OpenApiRestApi)`,
        ]);
    });

    it("checks the document against the platform's origin list before anything is created, and without one allows OPTIONS", () => {
        const options = DOC().replace("paths:\n  /a:\n", "paths:\n  /a:\n    options:\n      x-amazon-apigateway-integration: {type: mock}\n");
        const cors = { allowedOrigins: ["https://app.example.com"], allowWildcard: false, allowHeaders: ["Content-Type"], maxAgeSeconds: 600 };
        assert.deepStrictEqual(prepare(options, {}, { cors }), [
            `${P}:openApiApis[0]: x.yaml#/paths/~1a/options is an OPTIONS operation, but the component answers CORS preflights itself (MOCK, from the platform's origins); remove it (OpenApiRestApi)`,
        ]);
        assert.ok(!Array.isArray(prepare(options, {}, { cors: undefined })));
    });

    it("checks a document policy as REGIONAL on a public stack and as PRIVATE on a private one", () => {
        const doc = DOC("x-amazon-apigateway-policy: {Version: '2012-10-17', Statement: []}\n");
        assert.deepStrictEqual(prepare(doc), [
            `${P}:openApiApis[0]: x.yaml#/x-amazon-apigateway-policy is refused on a public API: its resource policy comes from the component (policy / resourcePolicy) (OpenApiRestApi)`,
        ]);
        assert.deepStrictEqual(prepare(doc, {}, { exposure: "private" }), [
            `${P}:openApiApis[0]: x.yaml#/x-amazon-apigateway-policy would weaken the PRIVATE API: the resource policy allows nothing, so no VPC endpoint can call the API (OpenApiRestApi)`,
        ]);
    });
});
