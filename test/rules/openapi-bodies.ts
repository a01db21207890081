/** OpenAPI bodies for the rules that read `body`: a compliant Swagger 2 REST body and an OpenAPI 3 HTTP API body, changed one field at a time. */
export type Doc = Record<string, unknown>;

export const LAMBDA_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:h/invocations";
export const POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc";

/** A REST body every rule passes: one Cognito-secured GET with an https integration, a validated POST, CORS for one origin. */
export function restBody(): Doc {
    return {
        swagger: "2.0",
        info: { title: "orders", version: "1" },
        securityDefinitions: {
            cognito: {
                type: "apiKey",
                name: "Authorization",
                in: "header",
                "x-amazon-apigateway-authtype": "cognito_user_pools",
                "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: [POOL_ARN] },
            },
        },
        security: [{ cognito: [] }],
        "x-amazon-apigateway-request-validators": { all: { validateRequestBody: true, validateRequestParameters: true } },
        "x-amazon-apigateway-request-validator": "all",
        "x-amazon-apigateway-gateway-responses": {
            DEFAULT_4XX: { responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'https://app.example.com'" } },
        },
        paths: {
            "/orders": {
                get: {
                    "x-amazon-apigateway-integration": {
                        type: "http_proxy",
                        httpMethod: "GET",
                        uri: "https://backend.example.com/orders",
                        responses: {
                            default: {
                                statusCode: "200",
                                responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'" },
                            },
                        },
                    },
                },
                post: {
                    parameters: [{ in: "body", name: "order", schema: { type: "object" } }],
                    "x-amazon-apigateway-integration": { type: "aws_proxy", httpMethod: "POST", uri: LAMBDA_URI },
                },
            },
        },
    };
}

/** An HTTP API (OpenAPI 3) body every rule passes: a JWT-secured route, CORS for one origin without credentials. */
export function httpBody(): Doc {
    return {
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
            "/me": {
                get: {
                    security: [{ jwt: [] }],
                    "x-amazon-apigateway-integration": {
                        type: "http_proxy",
                        httpMethod: "GET",
                        uri: "https://backend.example.com/me",
                        payloadFormatVersion: "1.0",
                    },
                },
            },
        },
        "x-amazon-apigateway-cors": { allowOrigins: ["https://app.example.com"], allowCredentials: true },
    };
}

/** A copy of `doc` with `change` applied to it. */
export function changed(doc: Doc, change: (d: Doc) => void): string {
    const copy = JSON.parse(JSON.stringify(doc)) as Doc;
    change(copy);
    return JSON.stringify(copy);
}

/** The operation object at `paths[path][verb]` of a document. */
export function operation(doc: Doc, path: string, verb: string): Doc {
    return ((doc.paths as Doc)[path] as Doc)[verb] as Doc;
}
