/** Arguments and documents shared by the OpenApiRestApi tests. */
import * as path from "path";
import { OpenApiRestApiArgs } from "../../../components";
import { ROOT } from "../../harness";
import { FUNCTION_ARN, KMS_ARN } from "../fixtures";

export const T = {
    api: "aws:apigateway/restApi:RestApi",
    stage: "aws:apigateway/stage:Stage",
    settings: "aws:apigateway/methodSettings:MethodSettings",
    deployment: "aws:apigateway/deployment:Deployment",
    role: "aws:iam/role:Role",
    method: "aws:apigateway/method:Method",
    authorizer: "aws:apigateway/authorizer:Authorizer",
};
export const POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc";
export const ORDERS_V2 = path.join(ROOT, "stacks/openapi/orders-v2.yaml");

/** A small Swagger 2 document: one Cognito operation, one Lambda, one IAM (x-amazon-apigateway-auth). */
export function swagger(): Record<string, unknown> {
    return {
        swagger: "2.0",
        info: { title: "orders", version: "1" },
        paths: {
            "/orders": {
                get: {
                    security: [{ cognito: ["https://api.example.com/orders.read"] }],
                    "x-amazon-apigateway-integration": { type: "http_proxy", httpMethod: "GET", uri: "https://backend.example.com/orders" },
                },
                post: {
                    security: [{ lambda: [] }],
                    parameters: [{ in: "body", name: "order", schema: { type: "object" } }],
                    "x-amazon-apigateway-integration": { type: "http_proxy", httpMethod: "POST", uri: "https://backend.example.com/orders" },
                },
            },
            "/reports": {
                get: {
                    "x-amazon-apigateway-auth": { type: "AWS_IAM" },
                    "x-amazon-apigateway-integration": { type: "http_proxy", httpMethod: "GET", uri: "https://backend.example.com/reports" },
                },
            },
        },
    };
}

export function openApiArgs(overrides: Partial<OpenApiRestApiArgs> = {}): OpenApiRestApiArgs {
    return {
        environment: "dev",
        apiName: "orders-v2",
        endpointType: "REGIONAL",
        stageName: "dev",
        document: { document: swagger(), name: "orders.json" },
        authorizers: { cognito: { userPoolArns: [POOL] }, lambda: { functionArn: FUNCTION_ARN, type: "TOKEN", resultTtlSeconds: 60 } },
        cors: { allowedOrigins: ["https://app.example.com", "https://admin.example.com"] },
        throttle: { rateLimit: 100, burstLimit: 200 },
        logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN },
        ...overrides,
    };
}
