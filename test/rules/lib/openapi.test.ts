/** The OpenAPI body parser on real-world shapes of bodies. */
import * as assert from "assert";
import { operationPointer, parseOpenApi, OpenApiDocument } from "../../../policy-pack/rules/lib/openapi";
import {
    bodyOrigins,
    bodyPolicyProblems,
    plaintextIntegrations,
    unvalidatedBodyOperations,
    unverifiedVpcLinkIntegrations,
} from "../../../policy-pack/rules/lib/openapi-checks";

const LAMBDA = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:h/invocations";

/** What awsx classic's `awsx.apigateway.API` generates: a custom (token) authorizer scheme, aws_proxy integrations. */
const AWSX_CLASSIC = JSON.stringify({
    swagger: "2.0",
    info: { title: "api", version: "1.0" },
    "x-amazon-apigateway-binary-media-types": ["*/*"],
    "x-amazon-apigateway-gateway-responses": {
        MISSING_AUTHENTICATION_TOKEN: { statusCode: 404, responseTemplates: { "application/json": '{"message": "404 Not found" }' } },
        ACCESS_DENIED: { statusCode: 403, responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } },
    },
    securityDefinitions: {
        "token-auth": {
            type: "apiKey",
            name: "Authorization",
            in: "header",
            "x-amazon-apigateway-authtype": "custom",
            "x-amazon-apigateway-authorizer": {
                type: "token",
                authorizerUri: LAMBDA,
                authorizerResultTtlInSeconds: 300,
                identityValidationExpression: "^Bearer [-0-9a-zA-z\\.]*$",
            },
        },
        api_key: { type: "apiKey", name: "x-api-key", in: "header" },
    },
    paths: {
        "/items": {
            get: {
                security: [{ "token-auth": [] }],
                "x-amazon-apigateway-integration": { uri: LAMBDA, passthroughBehavior: "when_no_match", httpMethod: "POST", type: "aws_proxy" },
            },
        },
        "/open/{proxy+}": {
            "x-amazon-apigateway-any-method": {
                security: [{ api_key: [] }],
                "x-amazon-apigateway-integration": { uri: "http://backend.example.com/{proxy}", type: "http_proxy", httpMethod: "ANY" },
            },
        },
    },
});

/** A Swagger export from the API Gateway console: Cognito and IAM (sigv4) schemes, top-level security, a request validator, a private-API policy. */
const SWAGGER_EXPORT = `
swagger: "2.0"
info: { title: exported, version: "2024-01-01" }
security:
  - cognito: []
securityDefinitions:
  cognito:
    type: apiKey
    name: Authorization
    in: header
    x-amazon-apigateway-authtype: cognito_user_pools
    x-amazon-apigateway-authorizer:
      type: cognito_user_pools
      providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"]
  sigv4:
    type: apiKey
    name: Authorization
    in: header
    x-amazon-apigateway-authtype: awsSigv4
paths:
  /pets:
    get: {}
    post:
      security:
        - sigv4: []
    options:
      security: []
  /health:
    get:
      security: []
      x-amazon-apigateway-auth: { type: AWS_IAM }
  /public:
    get:
      security:
        - {}
        - cognito: []
x-amazon-apigateway-request-validators:
  all: { validateRequestBody: true, validateRequestParameters: true }
x-amazon-apigateway-policy:
  Version: "2012-10-17"
  Statement:
    - { Effect: Allow, Principal: "*", Action: "execute-api:Invoke", Resource: "*", Condition: { StringEquals: { "aws:SourceVpce": vpce-1 } } }
`;

/** An OpenAPI 3 HTTP API with a JWT authorizer in components.securitySchemes and x-amazon-apigateway-cors. */
const OPENAPI3 = JSON.stringify({
    openapi: "3.0.1",
    info: { title: "http", version: "1" },
    components: {
        securitySchemes: {
            jwt: {
                type: "oauth2",
                flows: {},
                "x-amazon-apigateway-authorizer": {
                    type: "jwt",
                    identitySource: "$request.header.Authorization",
                    jwtConfiguration: { issuer: "https://idp.example.com", audience: ["a"] },
                },
            },
        },
    },
    paths: {
        "/me": { get: { security: [{ jwt: ["read"] }], "x-amazon-apigateway-integration": { uri: LAMBDA, type: "aws_proxy", payloadFormatVersion: "2.0" } } },
        "/ping": { get: { "x-amazon-apigateway-integration": { uri: "https://backend.example.com/ping", type: "http_proxy" } } },
    },
    "x-amazon-apigateway-cors": { allowOrigins: ["*"], allowCredentials: false },
});

/** An OpenAPI 3 REST API in YAML as design tools export it, with API Gateway extensions added. */
const OPENAPI3_YAML = `
openapi: 3.0.1
info: { title: orders, version: 2.0.0 }
x-amazon-apigateway-request-validators:
  all: { validateRequestBody: true, validateRequestParameters: true }
  params: { validateRequestBody: false, validateRequestParameters: true }
x-amazon-apigateway-request-validator: params
paths:
  /orders:
    get:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: https://orders.example.com/orders
        responses:
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.Access-Control-Allow-Origin: "'https://app.example.com'"
    post:
      x-amazon-apigateway-request-validator: all
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Order" }
      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: "${LAMBDA}" }
  /orders/{id}:
    put:
      requestBody:
        content:
          application/json:
            schema: { type: object }
      x-amazon-apigateway-integration:
        type: http_proxy
        connectionType: VPC_LINK
        connectionId: abc123
        httpMethod: PUT
        uri: https://nlb.internal.example.com/orders/{id}
components:
  schemas:
    Order: { type: object, required: [sku] }
`;

function parsed(body: unknown): OpenApiDocument {
    const result = parseOpenApi(body);
    assert.ok(result.ok, result.ok ? "" : result.error);
    return result.document;
}

const summary = (doc: OpenApiDocument) =>
    doc.operations.map((o) => `${o.method} ${o.path} ${o.anonymous ? "anonymous" : `by ${[...o.authorizers, o.authType ?? ""].filter(Boolean).join("+")}`}`);

describe("OpenAPI body parser", () => {
    it("reads the body awsx classic generates: the token authorizer, its TTL, the any-method, integrations, gateway responses", () => {
        const doc = parsed(AWSX_CLASSIC);
        assert.strictEqual(doc.version, "swagger2");
        assert.deepStrictEqual(summary(doc), ["GET /items by token-auth", "ANY /open/{proxy+} anonymous"]);
        assert.deepStrictEqual(doc.authorizers, [{ name: "token-auth", type: "token", ttlSeconds: 300 }]);
        assert.deepStrictEqual(
            doc.operations.map((o) => o.integration),
            [
                { uri: LAMBDA, type: "aws_proxy", responseParameters: {} },
                { uri: "http://backend.example.com/{proxy}", type: "http_proxy", responseParameters: {} },
            ],
        );
        assert.deepStrictEqual(doc.gatewayResponseHeaders.ACCESS_DENIED, { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" });
    });

    it("reads a YAML Swagger export: top-level security, operation overrides, x-amazon-apigateway-auth, an optional ({}) requirement, validators, policy", () => {
        const doc = parsed(SWAGGER_EXPORT);
        assert.deepStrictEqual(summary(doc), [
            "GET /pets by cognito",
            "POST /pets by sigv4",
            "OPTIONS /pets anonymous",
            "GET /health by AWS_IAM",
            "GET /public anonymous",
        ]);
        assert.deepStrictEqual(
            doc.authorizers.map((a) => `${a.name}:${a.type}`),
            ["cognito:cognito_user_pools", "sigv4:awsSigv4"],
        );
        assert.deepStrictEqual(Object.keys(doc.requestValidators), ["all"]);
        assert.ok(doc.policy && Array.isArray(doc.policy.Statement));
    });

    it("reads an OpenAPI 3 HTTP API: the JWT scheme in components.securitySchemes and x-amazon-apigateway-cors", () => {
        const doc = parsed(OPENAPI3);
        assert.strictEqual(doc.version, "openapi3");
        assert.deepStrictEqual(summary(doc), ["GET /me by jwt", "GET /ping anonymous"]);
        assert.deepStrictEqual(doc.authorizers, [{ name: "jwt", type: "jwt" }]);
        assert.deepStrictEqual(doc.cors, { allowOrigins: ["*"], allowCredentials: false });
    });

    it("refuses what is not an OpenAPI document", () => {
        const broken = parseOpenApi("{ not: [valid");
        assert.ok(!broken.ok && /^not JSON or YAML/.test(broken.error));
        assert.ok(!parseOpenApi(JSON.stringify({ paths: {} })).ok);
    });

    it("gives each operation its JSON pointer (RFC 6901: / as ~1, ~ as ~0; the any-method by its extension name)", () => {
        assert.deepStrictEqual(
            parsed(AWSX_CLASSIC).operations.map((o) => o.pointer),
            ["/paths/~1items/get", "/paths/~1open~1{proxy+}/x-amazon-apigateway-any-method"],
        );
        assert.strictEqual(operationPointer("/a~b/c", "POST"), "/paths/~1a~0b~1c/post");
    });

    it("finds the awsx classic body's plaintext integration and its gateway response's '*' origin", () => {
        const doc = parsed(AWSX_CLASSIC);
        assert.deepStrictEqual(
            plaintextIntegrations(doc).map((p) => `${p.operation.pointer} ${p.uri}`),
            ["/paths/~1open~1{proxy+}/x-amazon-apigateway-any-method http://backend.example.com/{proxy}"],
        );
        assert.deepStrictEqual(bodyOrigins(doc), [
            {
                pointer: "/x-amazon-apigateway-gateway-responses/ACCESS_DENIED/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin",
                value: "'*'",
            },
        ]);
    });

    it("judges the Swagger export's private-API policy (limited to a VPC endpoint) and its validators", () => {
        const doc = parsed(SWAGGER_EXPORT);
        assert.deepStrictEqual(bodyPolicyProblems(doc), []);
        assert.deepStrictEqual(unvalidatedBodyOperations(doc), []);
        assert.strictEqual(bodyPolicyProblems(parsed(AWSX_CLASSIC)), undefined);
    });

    it("reads an OpenAPI 3 YAML REST API: requestBody schemas, validators by name, integration responses, VPC links", () => {
        const doc = parsed(OPENAPI3_YAML);
        assert.strictEqual(doc.version, "openapi3");
        assert.strictEqual(doc.requestValidator, "params");
        assert.deepStrictEqual(
            doc.operations.map((o) => `${o.method} ${o.path} body:${o.bodyModel} validator:${o.requestValidator ?? "-"}`),
            ["GET /orders body:false validator:-", "POST /orders body:true validator:all", "PUT /orders/{id} body:true validator:-"],
        );
        assert.deepStrictEqual(
            unvalidatedBodyOperations(doc).map((u) => `${u.operation.pointer} ${u.validator}`),
            ["/paths/~1orders~1{id}/put params"],
        );
        assert.deepStrictEqual(bodyOrigins(doc), [
            {
                pointer:
                    "/paths/~1orders/get/x-amazon-apigateway-integration/responses/default/responseParameters/method.response.header.Access-Control-Allow-Origin",
                value: "'https://app.example.com'",
            },
        ]);
        assert.deepStrictEqual(
            unverifiedVpcLinkIntegrations(doc).map((o) => o.pointer),
            ["/paths/~1orders~1{id}/put"],
        );
        assert.deepStrictEqual(plaintextIntegrations(doc), []);
    });
});
