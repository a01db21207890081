/**
 * Pins loadOpenApiDocument and checkOpenApiDocument (openapi-document.ts) called directly: the exact
 * error messages (source, JSON pointer, problem), which path-item keys are operations, the public
 * operations' reason and expiry limits, and the route keys (all and AWS_IAM) the check returns.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkOpenApiDocument, DocumentContext, loadOpenApiDocument, OpenApiSource, PublicOperation } from "../../../components/apigateway/openapi-document";
import { ComponentArgumentError } from "../../../components/shared/validation";
import { thrown } from "../../harness";

type Doc = Record<string, unknown>;
const C = "OpenApiRestApi";
const integration = (uri: string) => ({ type: "http_proxy", httpMethod: "ANY", uri });
/** An operation under `security` (a platform scheme name, or none). */
const op = (scheme?: string): Doc => ({
    ...(scheme ? { security: [{ [scheme]: [] }] } : {}),
    "x-amazon-apigateway-integration": integration("https://backend.example.com/x"),
});
const swagger = (extra: Doc = {}): Doc => ({ swagger: "2.0", info: { title: "orders", version: "1" }, paths: { "/orders": { get: op("sigv4") } }, ...extra });
const CORS = {
    allowedOrigins: ["https://app.example.com", "https://admin.example.com"],
    allowWildcard: false,
    allowHeaders: ["Content-Type"],
    maxAgeSeconds: 600,
};
const context = (overrides: Partial<DocumentContext> = {}): DocumentContext => ({
    available: new Set(["iam", "cognito", "lambda"] as const),
    endpointType: "REGIONAL",
    publicOperations: [],
    ...overrides,
});
const check = (document: Doc, overrides: Partial<DocumentContext> = {}) =>
    checkOpenApiDocument(C, loadOpenApiDocument(C, { document, name: "orders.json" }), context(overrides));
const publicGet = (w: Partial<PublicOperation>) => check(swagger(), { publicOperations: [{ resource: "GET /orders", reason: "Uptime probes call it", ...w }] });

describe("OpenApiRestApi document loading (literal messages)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openapi-literal-"));

    it("refuses a missing source and one with neither file nor document", () => {
        const expected = "OpenApiRestApi: document must be { file } (a JSON or YAML file) or { document } (a parsed OpenAPI document)";
        assert.strictEqual(thrown(() => loadOpenApiDocument(C, undefined as unknown as OpenApiSource)).message, expected);
        assert.strictEqual(thrown(() => loadOpenApiDocument(C, {} as OpenApiSource)).message, expected);
    });

    it("takes only a name ending in .json, .yaml or .yml (a .yml file goes on to the existence check)", () => {
        assert.strictEqual(
            thrown(() => loadOpenApiDocument(C, { file: "api.json.txt" })).message,
            'OpenApiRestApi: document.file must be a .json, .yaml or .yml file (got "api.json.txt")',
        );
        const missing = path.join(dir, "missing.yml");
        assert.strictEqual(
            thrown(() => loadOpenApiDocument(C, { file: missing })).message,
            `OpenApiRestApi: document.file ${missing} does not exist (resolved to ${missing})`,
        );
    });

    it("names the first line of the YAML parser's error for an unparsable file", () => {
        const broken = path.join(dir, "broken.yaml");
        fs.writeFileSync(broken, "paths: [unclosed");
        assert.strictEqual(
            thrown(() => loadOpenApiDocument(C, { file: broken })).message,
            `OpenApiRestApi: document.file ${broken} is not JSON or YAML (unexpected end of the stream within a flow collection (1:17))`,
        );
    });

    it("reads YAML with the JSON schema, as the pack does: 012 and ~ stay strings", () => {
        const file = path.join(dir, "api.yaml");
        fs.writeFileSync(file, "swagger: '2.0'\ninfo:\n  title: ~\n  version: 012\npaths: {}\n");
        const loaded = loadOpenApiDocument(C, { file });
        assert.deepStrictEqual(loaded.raw.info, { title: "~", version: "012" });
        assert.strictEqual(loaded.source, file);
        assert.strictEqual(loaded.version, "swagger2");
    });

    it("calls a parsed document without a name `document`, in an OpenApiDocumentError", () => {
        const error = thrown(() => loadOpenApiDocument(C, { document: { paths: {} } }));
        assert.ok(error instanceof ComponentArgumentError);
        assert.strictEqual(error.name, "OpenApiDocumentError");
        assert.strictEqual(error.message, "OpenApiRestApi: document document# is neither a Swagger 2 (swagger) nor an OpenAPI 3 (openapi) document");
    });
});

describe("OpenApiRestApi document checks (literal messages)", () => {
    it("refuses an OpenAPI 3 scheme of its own with only x-amazon-apigateway-authtype, at /components/securitySchemes", () => {
        const document = {
            openapi: "3.0.1",
            info: { title: "orders", version: "1" },
            components: { securitySchemes: { mine: { type: "apiKey", name: "X-Key", in: "header", "x-amazon-apigateway-authtype": "custom" } } },
            paths: { "/orders": { get: op("sigv4") } },
        };
        assert.strictEqual(
            thrown(() => check(document)).message,
            "OpenApiRestApi: document orders.json#/components/securitySchemes/mine defines its own authorizer; " +
                "the platform injects its authorizers as the schemes cognito, lambda, sigv4 (name those in security requirements)",
        );
    });

    it("refuses a Swagger 2 scheme of its own with only x-amazon-apigateway-authorizer, at /securityDefinitions", () => {
        const document = swagger({
            securityDefinitions: { mine: { type: "apiKey", name: "X-Key", in: "header", "x-amazon-apigateway-authorizer": { type: "token" } } },
        });
        assert.strictEqual(
            thrown(() => check(document)).message,
            "OpenApiRestApi: document orders.json#/securityDefinitions/mine defines its own authorizer; " +
                "the platform injects its authorizers as the schemes cognito, lambda, sigv4 (name those in security requirements)",
        );
    });

    it("accepts a plain scheme of its own and a platform-named scheme with an authorizer (the platform's replaces it)", () => {
        const document = swagger({
            securityDefinitions: {
                api_key: { type: "apiKey", name: "X-Api-Key", in: "header" },
                lambda: {
                    type: "apiKey",
                    name: "Authorization",
                    in: "header",
                    "x-amazon-apigateway-authtype": "custom",
                    "x-amazon-apigateway-authorizer": { type: "token" },
                },
            },
        });
        assert.deepStrictEqual(check(document), { operations: ["GET /orders"], iamOperations: ["GET /orders"] });
    });

    it("refuses a path key that does not start with /", () => {
        assert.strictEqual(
            thrown(() => check(swagger({ paths: { orders: { get: op("sigv4") } } }))).message,
            'OpenApiRestApi: document orders.json#/paths/orders is not a path (it must start with "/")',
        );
    });

    it("counts every HTTP verb and the any-method as operations, and skips other path-item keys", () => {
        const item = {
            summary: "every verb",
            parameters: [{ in: "query", name: "q", type: "string" }],
            get: op("sigv4"),
            put: op("sigv4"),
            post: op("sigv4"),
            delete: op("sigv4"),
            options: op("sigv4"),
            head: op("sigv4"),
            patch: op("sigv4"),
            "x-amazon-apigateway-any-method": op("sigv4"),
        };
        assert.deepStrictEqual(check(swagger({ paths: { "/items": item } })).operations, [
            "GET /items",
            "PUT /items",
            "POST /items",
            "DELETE /items",
            "OPTIONS /items",
            "HEAD /items",
            "PATCH /items",
            "ANY /items",
        ]);
    });

    it("applies the document-wide security to an operation without its own, naming the platform's schemes", () => {
        const document = swagger({ security: [{ oauth: [] }], paths: { "/orders": { get: op() } } });
        assert.strictEqual(
            thrown(() => check(document)).message,
            'OpenApiRestApi: document orders.json#/paths/~1orders/get/security/0 names the undeclared security scheme "oauth" (the platform\'s: cognito, lambda, sigv4)',
        );
    });

    it("returns the route keys of all operations and of the AWS_IAM ones (sigv4 scheme or x-amazon-apigateway-auth)", () => {
        const document = swagger({
            paths: {
                "/a": { get: op("sigv4") },
                "/b": { get: { ...op(), "x-amazon-apigateway-auth": { type: "AWS_IAM" } } },
                "/c": { get: op("cognito") },
            },
        });
        assert.deepStrictEqual(check(document), { operations: ["GET /a", "GET /b", "GET /c"], iamOperations: ["GET /a", "GET /b"] });
    });

    it("names the platform's origins, or that there is no CORS, for a gateway response's own origin", () => {
        const document = swagger({
            "x-amazon-apigateway-gateway-responses": { ACCESS_DENIED: { responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } } },
        });
        const pointer =
            "OpenApiRestApi: document orders.json#/x-amazon-apigateway-gateway-responses/ACCESS_DENIED/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin";
        assert.strictEqual(
            thrown(() => check(document, { cors: CORS })).message,
            `${pointer} returns Access-Control-Allow-Origin *, which is not one of the platform's origins (https://app.example.com, https://admin.example.com)`,
        );
        assert.strictEqual(
            thrown(() => check(document)).message,
            `${pointer} returns Access-Control-Allow-Origin *, which is not one of the platform's origins (no cors configured)`,
        );
    });
});

describe("OpenApiRestApi public operations (limits)", () => {
    it("takes a reason of 12 characters and refuses 11 (counted without surrounding spaces)", () => {
        assert.deepStrictEqual(publicGet({ reason: "123456789012" }).operations, ["GET /orders"]);
        const expected = "OpenApiRestApi: publicOperations[0].reason must say why GET /orders is public (at least 12 characters)";
        assert.strictEqual(thrown(() => publicGet({ reason: "12345678901" })).message, expected);
        assert.strictEqual(thrown(() => publicGet({ reason: "  12345678901  " })).message, expected);
        // A JavaScript caller (or a config value read as a number) gives no string: the same refusal, not a TypeError.
        const notText = thrown(() => publicGet({ reason: 123456789012 as unknown as string }));
        assert.strictEqual(notText.name, "ComponentArgumentError");
        assert.strictEqual(notText.message, expected);
    });

    it("takes an expiry date YYYY-MM-DD and refuses anything around or instead of one", () => {
        assert.deepStrictEqual(publicGet({ expires: "2030-12-31" }).operations, ["GET /orders"]);
        for (const expires of ["2030-12-31x", "x2030-12-31", "30-12-31", "2030-1-31", "2030-12-1"]) {
            assert.strictEqual(
                thrown(() => publicGet({ expires })).message,
                `OpenApiRestApi: publicOperations[0].expires must be a date YYYY-MM-DD (got ${JSON.stringify(expires)})`,
                expires,
            );
        }
    });
});
