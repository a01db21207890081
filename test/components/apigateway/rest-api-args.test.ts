/** RestApi rejects bad arguments before it creates anything, naming the argument, what was given and what is allowed. */
import { RestApi, RouteArgs } from "../../../components";
import { assertRejectsBeforeCreating } from "../../harness";
import { FUNCTION_ARN, KMS_ARN, ORDER_BY_ID, restApiArgs } from "../fixtures";

const COGNITO_ROUTE: RouteArgs = { path: "/orders", method: "GET", auth: "cognito", scopes: ["orders.read"], integration: { kind: "mock", responseBody: {} } };

describe("RestApi: bad arguments throw before anything is created", () => {
    const cases: [string, Parameters<typeof restApiArgs>[0], RegExp][] = [
        [
            "a path without a leading slash",
            { routes: [{ path: "orders", method: "GET", auth: "iam", integration: { kind: "mock", responseBody: {} } }] },
            /routes\[0\]\.path must start with "\/"/,
        ],
        ["a duplicate route", { routes: [ORDER_BY_ID, ORDER_BY_ID] }, /routes\[1\] duplicates route GET \/orders\/\{orderId\}/],
        [
            "cognito auth without a user pool",
            { routes: [COGNITO_ROUTE] },
            /routes\[0\]\.auth is "cognito" but the API has no cognito authorizer configured \(available: iam\)/,
        ],
        [
            "an unknown method",
            { routes: [{ ...ORDER_BY_ID, method: "TRACE" as "GET" }] },
            /routes\[0\]\.method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, ANY \(got "TRACE"\)/,
        ],
        [
            "a plain-http backend",
            { routes: [{ ...ORDER_BY_ID, integration: { kind: "http", uri: "http://backend.example.com" } }] },
            /integration\.uri must be an https:\/\/ URL/,
        ],
        ["a wildcard origin in prod", { environment: "prod", cors: { allowedOrigins: ["*"] } }, /cors\.allowedOrigins\[0\] must not be "\*" in prod/],
        ["a wildcard origin in dev without allowWildcard", { cors: { allowedOrigins: ["*"] } }, /needs cors\.allowWildcard: true/],
        ["a localhost origin in prod", { environment: "prod", cors: { allowedOrigins: ["http://localhost:3000"] } }, /must be an https origin/],
        [
            "a retention CloudWatch does not accept",
            { logging: { retentionInDays: 10, kmsKeyArn: KMS_ARN } },
            /logging\.retentionInDays must be one of 14, 30, 60/,
        ],
        [
            "a retention below dev's baseline",
            { logging: { retentionInDays: 7, kmsKeyArn: KMS_ARN } },
            /logging\.retentionInDays must be one of 14, 30, .* days in dev \(got 7\)/,
        ],
        [
            "a retention below prod's policy minimum",
            { environment: "prod", logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN } },
            /logging\.retentionInDays must be one of 365, 400, .* days in prod \(got 90\)/,
        ],
        [
            "an unknown execution log level",
            { logging: { retentionInDays: 30, kmsKeyArn: KMS_ARN, executionLevel: "DEBUG" as "INFO" } },
            /logging\.executionLevel must be one of INFO, ERROR \(got "DEBUG"\)/,
        ],
        ["a zero rate limit", { throttle: { rateLimit: 0, burstLimit: 10 } }, /throttle\.rateLimit must be a number above 0/],
        [
            "an authorizer cache TTL above 3600",
            { authorizers: { lambda: { functionArn: FUNCTION_ARN, type: "TOKEN", resultTtlSeconds: 7200 } } },
            /resultTtlSeconds must be an integer from 0 to 3600 \(got 7200\)/,
        ],
        [
            "a TOKEN authorizer with two identity sources",
            {
                authorizers: {
                    lambda: { functionArn: FUNCTION_ARN, type: "TOKEN", identitySources: ["method.request.header.A", "method.request.header.B"] },
                },
            },
            /exactly one method\.request\.header\.NAME/,
        ],
        ["a PRIVATE API without endpoint and policy", { endpointType: "PRIVATE" }, /vpcEndpointIds\/policy are both required when endpointType is PRIVATE/],
        ["an unknown environment", { environment: "staging" as "dev" }, /environment must be one of dev, prod \(got "staging"\)/],
    ];
    for (const [what, overrides, message] of cases) {
        it(`rejects ${what}`, () => assertRejectsBeforeCreating(() => new RestApi("bad", restApiArgs(overrides)), /^RestApi/, message));
    }
});
