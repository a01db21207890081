/**
 * parseOpenApi, literally: the exact document and operations it returns for small bodies. Pinned: an
 * operation without `x-amazon-apigateway-integration` has no `integration` key; which parameters and
 * request bodies count as a body model (Swagger 2 `in: body` with a schema, OpenAPI 3 content with a
 * schema); `x-amazon-apigateway-auth` type NONE leaves an operation anonymous; YAML is read under the JSON
 * schema; a YAML error is reported by its first line; a document without CORS has no `cors` key.
 */
import * as assert from "assert";
import { OpenApiDocument, parseOpenApi } from "../../../policy-pack/rules/lib/openapi";

function parsed(body: unknown): OpenApiDocument {
    const result = parseOpenApi(body);
    assert.ok(result.ok, "expected a parsable document");
    return result.document;
}

const swagger = (paths: Record<string, unknown>) => ({ swagger: "2.0", info: { title: "t", version: "1" }, paths });

describe("parseOpenApi (literal)", () => {
    it("returns exactly the document's parts, without cors, policy or validator keys when the body sets none", () => {
        assert.deepStrictEqual(parseOpenApi(JSON.stringify(swagger({}))), {
            ok: true,
            document: { version: "swagger2", operations: [], authorizers: [], gatewayResponseHeaders: {}, requestValidators: {} },
        });
        assert.deepStrictEqual(parsed(JSON.stringify({ ...swagger({}), "x-amazon-apigateway-cors": { allowOrigins: ["https://a.example"] } })).cors, {
            allowOrigins: ["https://a.example"],
        });
    });

    it("gives an operation without an integration no integration key", () => {
        assert.deepStrictEqual(parsed(swagger({ "/orders": { get: {} } })).operations, [
            { method: "GET", path: "/orders", authorizers: [], anonymous: true, pointer: "/paths/~1orders/get", bodyModel: false },
        ]);
        const withIntegration = parsed(swagger({ "/orders": { get: { "x-amazon-apigateway-integration": { type: "mock" } } } }));
        assert.deepStrictEqual(withIntegration.operations[0].integration, { uri: undefined, type: "mock", responseParameters: {} });
    });

    it("counts a Swagger 2 parameter as a body model only when it is in the body and has a schema", () => {
        const doc = parsed(
            swagger({
                "/a": {
                    get: { parameters: [{ in: "query", name: "q", type: "string" }] },
                    post: { parameters: [{ in: "body", name: "b" }] },
                    put: { parameters: [{ in: "query", name: "q", schema: { type: "string" } }] },
                    patch: {
                        parameters: [
                            { in: "header", name: "h" },
                            { in: "body", name: "b", schema: { $ref: "#/definitions/B" } },
                        ],
                    },
                },
            }),
        );
        assert.deepStrictEqual(
            doc.operations.map((op) => [op.method, op.bodyModel]),
            [
                ["GET", false],
                ["PUT", false],
                ["POST", false],
                ["PATCH", true],
            ],
        );
    });

    it("counts OpenAPI 3 request body content as a body model only when some media type has a schema", () => {
        const doc = parsed({
            openapi: "3.0.1",
            paths: {
                "/a": {
                    put: { requestBody: { content: { "application/json": {} } } },
                    post: { requestBody: { content: { "text/plain": {}, "application/json": { schema: { type: "object" } } } } },
                },
            },
        });
        assert.deepStrictEqual(
            doc.operations.map((op) => [op.method, op.bodyModel]),
            [
                ["PUT", false],
                ["POST", true],
            ],
        );
    });

    it("leaves an operation whose x-amazon-apigateway-auth type is none anonymous; any other type authorizes it", () => {
        const doc = parsed(
            swagger({
                "/n": { get: { "x-amazon-apigateway-auth": { type: "none" } } },
                "/i": { get: { "x-amazon-apigateway-auth": { type: "aws_iam" } } },
            }),
        );
        assert.deepStrictEqual(doc.operations, [
            { method: "GET", path: "/n", authorizers: [], authType: "NONE", anonymous: true, pointer: "/paths/~1n/get", bodyModel: false },
            { method: "GET", path: "/i", authorizers: [], authType: "AWS_IAM", anonymous: false, pointer: "/paths/~1i/get", bodyModel: false },
        ]);
    });

    it("reads YAML under the JSON schema: True, ~ and 0x1F stay strings", () => {
        const doc = parsed(
            [
                'swagger: "2.0"',
                "paths: {}",
                "x-amazon-apigateway-request-validators:",
                "  all:",
                "    validateRequestBody: True",
                "    validateRequestParameters: true",
                "    name: ~",
                "    id: 0x1F",
            ].join("\n"),
        );
        assert.deepStrictEqual(doc.requestValidators, { all: { validateRequestBody: "True", validateRequestParameters: true, name: "~", id: "0x1F" } });
    });

    it("reports a YAML syntax error by the first line of the parser's message", () => {
        assert.deepStrictEqual(parseOpenApi("a: b: c"), { ok: false, error: "not JSON or YAML (bad indentation of a mapping entry (1:5))" });
    });
});
