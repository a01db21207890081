/**
 * Pins injectPlatform, referencedSchemes and schemesOf (openapi-platform.ts) called directly: the
 * exact security schemes (Cognito, TOKEN / REQUEST Lambda, SigV4), the document's own schemes kept or
 * replaced, the request validators, public operations, and the CORS preflight and gateway responses
 * as API Gateway imports them.
 */
import * as assert from "assert";
import { injectPlatform, Injection, referencedSchemes, schemesOf } from "../../../components/apigateway/openapi-platform";

type Doc = Record<string, unknown>;
type Nested = Record<string, Record<string, Doc>>;
const POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc";
const URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:authorizer/invocations";
const ROLE = "arn:aws:iam::123456789012:role/orders-authorizer";
const CORS = {
    allowedOrigins: ["https://app.example.com", "https://admin.example.com"],
    allowWildcard: false,
    allowHeaders: ["Content-Type", "Authorization"],
    maxAgeSeconds: 300,
};
const op = (scheme: string): Doc => ({ security: [{ [scheme]: [] }], "x-amazon-apigateway-integration": { type: "http_proxy", uri: "https://b.example.com" } });
const swagger = (paths: Doc, extra: Doc = {}): Doc => ({ swagger: "2.0", info: { title: "t", version: "1" }, paths, ...extra });
const inject = (raw: Doc, injection: Partial<Injection> = {}, version: "swagger2" | "openapi3" = "swagger2") =>
    injectPlatform(raw, version, { publicOperations: [], ...injection });
const pathsOf = (doc: Doc) => doc.paths as Nested;
const allowMethods = (doc: Doc, p: string) =>
    (pathsOf(doc)[p].options["x-amazon-apigateway-integration"] as Record<string, Nested>).responses.default.responseParameters[
        "method.response.header.Access-Control-Allow-Methods"
    ];

describe("OpenApiRestApi injected security schemes", () => {
    it("injects Cognito, a TOKEN Lambda authorizer reading its header, and SigV4, replacing a platform-named scheme", () => {
        const raw = swagger(
            { "/orders": { get: op("cognito"), put: op("lambda") } },
            { securityDefinitions: { api_key: { type: "apiKey", name: "X-Api-Key", in: "header" }, lambda: { type: "basic" } } },
        );
        const doc = inject(raw, {
            cognito: { providerArns: [POOL] },
            lambda: {
                type: "TOKEN",
                authorizerUri: URI,
                credentials: ROLE,
                identitySource: "method.request.header.X-Token",
                ttlSeconds: 60,
                identityValidationExpression: "^Bearer .+$",
            },
        });
        assert.deepStrictEqual(doc.securityDefinitions, {
            api_key: { type: "apiKey", name: "X-Api-Key", in: "header" },
            cognito: {
                type: "apiKey",
                name: "Authorization",
                in: "header",
                "x-amazon-apigateway-authtype": "cognito_user_pools",
                "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: [POOL] },
            },
            lambda: {
                type: "apiKey",
                name: "X-Token",
                in: "header",
                "x-amazon-apigateway-authtype": "custom",
                "x-amazon-apigateway-authorizer": {
                    type: "token",
                    authorizerUri: URI,
                    authorizerCredentials: ROLE,
                    identitySource: "method.request.header.X-Token",
                    authorizerResultTtlInSeconds: 60,
                    identityValidationExpression: "^Bearer .+$",
                },
            },
            sigv4: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "awsSigv4" },
        });
    });

    it("injects a REQUEST Lambda authorizer into an OpenAPI 3 document's components (header name Unused, no validation expression)", () => {
        const raw = {
            openapi: "3.0.1",
            info: { title: "t", version: "1" },
            components: { schemas: { Order: { type: "object" } } },
            paths: { "/orders": { delete: op("lambda") } },
        };
        const doc = inject(
            raw,
            {
                lambda: {
                    type: "REQUEST",
                    authorizerUri: URI,
                    credentials: ROLE,
                    identitySource: "method.request.header.X-Token,context.sourceIp",
                    ttlSeconds: 0,
                },
            },
            "openapi3",
        );
        assert.deepStrictEqual(doc.components, {
            schemas: { Order: { type: "object" } },
            securitySchemes: {
                lambda: {
                    type: "apiKey",
                    name: "Unused",
                    in: "header",
                    "x-amazon-apigateway-authtype": "custom",
                    "x-amazon-apigateway-authorizer": {
                        type: "request",
                        authorizerUri: URI,
                        authorizerCredentials: ROLE,
                        identitySource: "method.request.header.X-Token,context.sourceIp",
                        authorizerResultTtlInSeconds: 0,
                    },
                },
                sigv4: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "awsSigv4" },
            },
        });
    });

    it("drops a platform-named scheme of the document's when the platform injects none under that name", () => {
        const raw = swagger(
            { "/orders": { get: op("sigv4") } },
            { securityDefinitions: { api_key: { type: "apiKey", name: "X-Api-Key", in: "header" }, cognito: { type: "basic" } } },
        );
        assert.deepStrictEqual(Object.keys(inject(raw).securityDefinitions as Doc), ["api_key", "sigv4"]);
    });

    it("finds the schemes named by the document-wide security and by every verb's, options included", () => {
        const raw = {
            security: [{ cognito: [] }],
            paths: {
                "/a": { put: { security: [{ lambda: [] }] }, delete: { security: [{ d: [] }] }, head: { security: [{ h: [] }] } },
                "/b": { patch: { security: [{ p: [] }] }, options: { security: [{ o: [] }] }, "x-amazon-apigateway-any-method": { security: [{ any: [] }] } },
            },
        };
        assert.deepStrictEqual([...referencedSchemes(raw)].sort(), ["any", "cognito", "d", "h", "lambda", "o", "p"]);
    });

    it("reads the schemes of Swagger 2 from securityDefinitions and of OpenAPI 3 from components.securitySchemes", () => {
        const raw = { securityDefinitions: { s2: {} }, components: { securitySchemes: { s3: {} } } };
        assert.deepStrictEqual(schemesOf(raw, "swagger2"), { s2: {} });
        assert.deepStrictEqual(schemesOf(raw, "openapi3"), { s3: {} });
    });
});

describe("OpenApiRestApi injected validators and public operations", () => {
    it("adds the platform validator (body and parameters) beside the document's own, which stays the default it names", () => {
        const own = { params: { validateRequestBody: false, validateRequestParameters: true } };
        const doc = inject(swagger({}, { "x-amazon-apigateway-request-validators": own, "x-amazon-apigateway-request-validator": "params" }));
        assert.deepStrictEqual(doc["x-amazon-apigateway-request-validators"], {
            params: { validateRequestBody: false, validateRequestParameters: true },
            "platform-body-and-parameters": { validateRequestBody: true, validateRequestParameters: true },
        });
        assert.strictEqual(doc["x-amazon-apigateway-request-validator"], "params");
    });

    it("makes public operations (the any-method included) anonymous, and adds none the path does not have", () => {
        const raw = swagger({ "/proxy": { "x-amazon-apigateway-any-method": op("sigv4") }, "/orders": { put: op("sigv4"), get: op("sigv4") } });
        const doc = inject(raw, { publicOperations: ["ANY /proxy", "PUT /orders", "DELETE /orders"] });
        assert.deepStrictEqual(pathsOf(doc)["/proxy"]["x-amazon-apigateway-any-method"].security, []);
        assert.deepStrictEqual(pathsOf(doc)["/orders"].put.security, []);
        assert.deepStrictEqual(pathsOf(doc)["/orders"].get.security, [{ sigv4: [] }]);
        assert.deepStrictEqual(Object.keys(pathsOf(doc)["/orders"]), ["put", "get"]);
    });
});

describe("OpenApiRestApi injected CORS", () => {
    it("answers a Swagger 2 path's preflight with a MOCK echoing the allowed origins", () => {
        const doc = inject(swagger({ "/orders": { get: op("sigv4"), post: op("sigv4") } }), { cors: CORS });
        const string = { type: "string" };
        assert.deepStrictEqual(pathsOf(doc)["/orders"].options, {
            summary: "CORS preflight (answered by API Gateway from the platform's origin list)",
            security: [],
            responses: {
                "200": {
                    description: "CORS preflight",
                    headers: {
                        "Access-Control-Allow-Origin": string,
                        Vary: string,
                        "Access-Control-Allow-Methods": string,
                        "Access-Control-Allow-Headers": string,
                        "Access-Control-Max-Age": string,
                    },
                },
            },
            "x-amazon-apigateway-integration": {
                type: "mock",
                requestTemplates: { "application/json": '{"statusCode": 200}' },
                passthroughBehavior: "never",
                responses: {
                    default: {
                        statusCode: "200",
                        responseParameters: {
                            "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
                            "method.response.header.Vary": "'Origin'",
                            "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'",
                            "method.response.header.Access-Control-Allow-Headers": "'Content-Type,Authorization'",
                            "method.response.header.Access-Control-Max-Age": "'300'",
                        },
                        responseTemplates: {
                            "application/json": [
                                '#set($origin = $input.params().header.get("Origin"))',
                                '#if($origin == "https://app.example.com" || $origin == "https://admin.example.com")',
                                "#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)",
                                "#end",
                            ].join("\n"),
                        },
                    },
                },
            },
        });
    });

    it("declares an OpenAPI 3 preflight's response headers with a schema", () => {
        const raw = { openapi: "3.0.1", info: { title: "t", version: "1" }, paths: { "/orders": { get: op("sigv4") } } };
        const doc = inject(raw, { cors: CORS }, "openapi3");
        const headers = (pathsOf(doc)["/orders"].options.responses as Nested)["200"].headers as Doc;
        assert.deepStrictEqual(headers.Vary, { schema: { type: "string" } });
        assert.deepStrictEqual(Object.keys(headers), [
            "Access-Control-Allow-Origin",
            "Vary",
            "Access-Control-Allow-Methods",
            "Access-Control-Allow-Headers",
            "Access-Control-Max-Age",
        ]);
    });

    it("allows each path's own methods, every method for the any-method, and adds the gateway responses the document lacks", () => {
        const raw = swagger({
            "/edit": { put: op("sigv4"), delete: op("sigv4"), head: op("sigv4"), patch: op("sigv4") },
            "/proxy": { "x-amazon-apigateway-any-method": op("sigv4") },
            "/empty": {},
        });
        const doc = inject(raw, { cors: CORS });
        assert.strictEqual(allowMethods(doc, "/edit"), "'DELETE,HEAD,OPTIONS,PATCH,PUT'");
        assert.strictEqual(allowMethods(doc, "/proxy"), "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
        assert.strictEqual(allowMethods(doc, "/empty"), "'OPTIONS'");
        assert.deepStrictEqual(Object.keys(doc["x-amazon-apigateway-gateway-responses"] as Doc), ["DEFAULT_4XX", "DEFAULT_5XX"]);
    });

    it("adds the CORS headers to DEFAULT_4XX and DEFAULT_5XX, keeping the document's own gateway responses and headers", () => {
        const own = {
            DEFAULT_4XX: { statusCode: "400", responseParameters: { "gatewayresponse.header.X-Request-Id": "context.requestId" } },
            ACCESS_DENIED: { statusCode: "403" },
        };
        const doc = inject(swagger({}, { "x-amazon-apigateway-gateway-responses": own }), { cors: CORS });
        const cors = {
            "gatewayresponse.header.Access-Control-Allow-Origin": "'https://app.example.com'",
            "gatewayresponse.header.Access-Control-Allow-Headers": "'Content-Type,Authorization'",
            "gatewayresponse.header.Vary": "'Origin'",
        };
        assert.deepStrictEqual(doc["x-amazon-apigateway-gateway-responses"], {
            DEFAULT_4XX: { statusCode: "400", responseParameters: { "gatewayresponse.header.X-Request-Id": "context.requestId", ...cors } },
            ACCESS_DENIED: { statusCode: "403" },
            DEFAULT_5XX: { responseParameters: cors },
        });
    });

    it("injects no preflight and no gateway responses without CORS", () => {
        const doc = inject(swagger({ "/orders": { get: op("sigv4") } }));
        assert.deepStrictEqual(Object.keys(pathsOf(doc)["/orders"]), ["get"]);
        assert.strictEqual(doc["x-amazon-apigateway-gateway-responses"], undefined);
    });
});
