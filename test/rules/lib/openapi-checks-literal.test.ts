/**
 * The OpenAPI body checks, literally: an integration response that maps no Access-Control-Allow-Origin
 * adds no origin; the origin a mapping returns (trimmed, one pair of enclosing single quotes removed);
 * an unvalidated body operation without a validator has no `validator` key.
 */
import * as assert from "assert";
import { OpenApiDocument, parseOpenApi } from "../../../policy-pack/rules/lib/openapi";
import { bodyOrigins, mappedOrigin, unvalidatedBodyOperations } from "../../../policy-pack/rules/lib/openapi-checks";

function parsed(body: unknown): OpenApiDocument {
    const result = parseOpenApi(body);
    assert.ok(result.ok, "expected a parsable document");
    return result.document;
}

describe("openapi-checks (literal)", () => {
    it("bodyOrigins: lists only the integration responses that map Access-Control-Allow-Origin", () => {
        const doc = parsed({
            swagger: "2.0",
            paths: {
                "/a": {
                    get: {
                        "x-amazon-apigateway-integration": {
                            type: "mock",
                            responses: {
                                default: { responseParameters: { "method.response.header.X-Request-Id": "'1'" } },
                                "4\\d{2}": { responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'https://a.example'" } },
                            },
                        },
                    },
                },
            },
        });
        assert.deepStrictEqual(bodyOrigins(doc), [
            {
                pointer:
                    "/paths/~1a/get/x-amazon-apigateway-integration/responses/4\\d{2}/responseParameters/method.response.header.Access-Control-Allow-Origin",
                value: "'https://a.example'",
            },
        ]);
    });

    it("mappedOrigin: trims the mapping and removes one pair of enclosing single quotes only", () => {
        assert.strictEqual(mappedOrigin(" 'https://a.example' "), "https://a.example");
        assert.strictEqual(mappedOrigin("'*'"), "*");
        assert.strictEqual(mappedOrigin("method.request.header.Origin"), "method.request.header.Origin");
        assert.strictEqual(mappedOrigin("x'https://a.example'"), "x'https://a.example'");
        assert.strictEqual(mappedOrigin("'https://a.example'x"), "'https://a.example'x");
    });

    it("unvalidatedBodyOperations: gives no validator key to an operation that runs under none", () => {
        const doc = parsed({
            swagger: "2.0",
            "x-amazon-apigateway-request-validators": { params: { validateRequestParameters: true } },
            paths: {
                "/a": {
                    post: { parameters: [{ in: "body", name: "b", schema: {} }] },
                    put: { parameters: [{ in: "body", name: "b", schema: {} }], "x-amazon-apigateway-request-validator": "params" },
                },
            },
        });
        assert.deepStrictEqual(
            unvalidatedBodyOperations(doc).map((u) => ({ ...u, operation: `${u.operation.method} ${u.operation.path}` })),
            [{ operation: "PUT /a", validator: "params" }, { operation: "POST /a" }],
        );
    });
});
