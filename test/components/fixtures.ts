/** Minimal valid arguments for component tests; each test overrides what it checks. */
import { ApiClientArgs, RestApiArgs, RouteArgs, UsagePlansArgs } from "../../components";

export const KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/test";
export const FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:authorizer";
export const BACKEND_ARN = "arn:aws:lambda:us-east-1:123456789012:function:backend";

/** An IAM-authorized route with a path parameter forwarded to an HTTPS backend. */
export const ORDER_BY_ID: RouteArgs = {
    path: "/orders/{orderId}",
    method: "GET",
    auth: "iam",
    integration: { kind: "http", uri: "https://backend.example.com/orders/{orderId}" },
};

export function restApiArgs(overrides: Partial<RestApiArgs> = {}): RestApiArgs {
    return {
        environment: "dev",
        apiName: "orders",
        endpointType: "REGIONAL",
        stageName: "dev",
        routes: [{ path: "/orders", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://backend.example.com/orders" } }],
        throttle: { rateLimit: 100, burstLimit: 200 },
        logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN },
        ...overrides,
    };
}

/** UsagePlans of one "standard" tier and one client, acme (overridden by `client`), for API "api123" stage "prod". */
export const usagePlansArgs = (client: Partial<ApiClientArgs> = {}, extra: Partial<UsagePlansArgs> = {}): UsagePlansArgs => ({
    restApiId: "api123",
    stageName: "prod",
    tiers: { standard: { rateLimit: 50, burstLimit: 100, quotaLimit: 1000, quotaPeriod: "DAY" } },
    clients: [{ name: "acme", tier: "standard", ...client }],
    ...extra,
});
