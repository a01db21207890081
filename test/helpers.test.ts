/** Pure helpers, tested on their own: naming, policy documents, CORS, routes, access log, rule document analysis. */
import * as assert from "assert";
import {
    accessLogFormat,
    ACCESS_LOG_FIELDS,
    cloudTrailBucketStatements,
    denyInsecureTransport,
    invokePolicy,
    lambdaInvokeUri,
    methodArn,
    methodSettingsPath,
    modelName,
    originEchoTemplate,
    pathPrefixes,
    preflightHeaders,
    privateApiPolicy,
    routeKey,
    slug,
    validateCors,
    validateRoutes,
    wafLogGroupName,
    apiGatewayTrustPolicy,
    cloudTrailTrustPolicy,
    cidrs,
} from "../components";
import { REQUIRED_ACCESS_LOG_FIELDS } from "../policy-pack/baseline";
import { originOf } from "../policy-pack/rules/apigateway/apigw-cors-restricted-origins";
import { isTls12OrAbove } from "../policy-pack/rules/apigateway/apigw-domain-tls-1-2";
import { s3BucketOfUri } from "../policy-pack/rules/lib/buckets";
import { privateApiPolicyProblems } from "../policy-pack/rules/lib/resource-policy";
import { summarizeWafRules } from "../policy-pack/rules/lib/waf-rules";

describe("naming", () => {
    it("slugs, route keys and method paths", () => {
        assert.strictEqual(slug("Orders API", "GET /a/{id}"), "orders-api-get-a-id");
        assert.strictEqual(routeKey("get", "/a"), "GET /a");
        assert.strictEqual(methodSettingsPath("post", "/orders/{id}"), "~1orders~1{id}/POST");
        assert.deepStrictEqual(pathPrefixes("/a/b/c"), ["/a", "/a/b", "/a/b/c"]);
        assert.strictEqual(modelName("POST", "/orders/{id}"), "PostOrdersIdRequest");
        assert.strictEqual(wafLogGroupName("Orders WAF"), "aws-waf-logs-orders-waf");
    });
});

describe("policy documents", () => {
    it("private API policy allows and denies on the same endpoints, and passes the pack's own analysis", () => {
        const doc = privateApiPolicy("arn:aws:execute-api:us-east-1:1:*", ["vpce-1", "vpce-2"]);
        assert.deepStrictEqual(
            doc.Statement.map((s) => [s.Effect, s.Condition]),
            [
                ["Allow", { StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } }],
                ["Deny", { StringNotEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } }],
            ],
        );
        assert.deepStrictEqual(privateApiPolicyProblems(JSON.stringify(doc)), []);
        assert.throws(() => privateApiPolicy("arn", []), /at least one VPC endpoint/);
    });

    it("method ARNs turn path parameters into wildcards and ANY into *", () => {
        assert.strictEqual(methodArn("arn:x:api1", "prod", "get", "/orders/{id}"), "arn:x:api1/prod/GET/orders/*");
        assert.strictEqual(methodArn("arn:x:api1", "prod", "ANY", "/a"), "arn:x:api1/prod/*/a");
    });

    it("the invoke policy lists exactly the given ARNs, sorted", () => {
        assert.deepStrictEqual(invokePolicy(["b", "a"]).Statement[0].Resource, ["a", "b"]);
        assert.throws(() => invokePolicy([]), /at least one method ARN/);
    });

    it("bucket statements: TLS only, CloudTrail scoped to one trail and the account's prefix", () => {
        assert.deepStrictEqual(denyInsecureTransport("arn:aws:s3:::b").Resource, ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]);
        const [acl, write] = cloudTrailBucketStatements("arn:aws:s3:::b", "111", "arn:trail");
        assert.strictEqual(acl.Action, "s3:GetBucketAcl");
        assert.strictEqual(write.Resource, "arn:aws:s3:::b/AWSLogs/111/*");
        assert.strictEqual(write.Condition!.StringEquals["aws:SourceArn"], "arn:trail");
        assert.strictEqual(lambdaInvokeUri("eu-west-1", "arn:fn"), "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:fn/invocations");
    });
});

describe("trust policies (AWS's documented forms)", () => {
    it("roles API Gateway assumes as credentials trust apigateway.amazonaws.com with no condition", () => {
        // "API Gateway: Permissions for CloudWatch logging" and "Lambda authorizer: authorizerCredentials".
        assert.deepStrictEqual(apiGatewayTrustPolicy(), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
    });

    it("CloudTrail's delivery role admits one trail of one account", () => {
        // "CloudTrail: Sending events to CloudWatch Logs": CloudTrail sends aws:SourceArn and aws:SourceAccount.
        assert.deepStrictEqual(cloudTrailTrustPolicy("arn:aws:cloudtrail:us-east-1:111:trail/t", "111").Statement, [
            {
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111:trail/t", "aws:SourceAccount": "111" } },
            },
        ]);
    });
});

describe("CIDR lists (baseline ranges)", () => {
    it("accepts networks and refuses /0 however spelled and lists that cover all of IPv4", () => {
        assert.deepStrictEqual(cidrs("C", "a", ["10.0.0.0/8", "192.168.0.0/16"]), ["10.0.0.0/8", "192.168.0.0/16"]);
        assert.throws(() => cidrs("C", "a", ["0.0.0.0/0"]), /C: a must not contain 0\.0\.0\.0\/0.*is \/0/);
        assert.throws(() => cidrs("C", "a", ["10.0.0.1/0"]), /C: a\[0\] must be an IPv4 CIDR.*host bits set/);
        assert.throws(() => cidrs("C", "a", ["00.0.0.0/0"]), /C: a\[0\] must be an IPv4 CIDR.*leading zeros/);
        assert.throws(() => cidrs("C", "a", ["0.0.0.0/1", "128.0.0.0/1"]), /together cover every IPv4 address/);
    });
});

describe("CORS helpers", () => {
    it("accepts https origins, localhost only outside prod, and * only in dev when allowed", () => {
        assert.deepStrictEqual(validateCors("C", { allowedOrigins: ["https://a.example.com"] }, "prod").allowedOrigins, ["https://a.example.com"]);
        assert.ok(validateCors("C", { allowedOrigins: ["http://localhost:3000"] }, "dev"));
        assert.ok(validateCors("C", { allowedOrigins: ["*"], allowWildcard: true }, "dev"));
        assert.throws(() => validateCors("C", { allowedOrigins: ["*"], allowWildcard: true }, "prod"), /must not be "\*" in prod/);
        assert.throws(() => validateCors("C", { allowedOrigins: ["https://a.example.com/path"] }, "dev"), /https origin without a path/);
        assert.throws(() => validateCors("C", { allowedOrigins: [] }, "dev"), /at least one origin/);
        assert.throws(
            () => validateCors("C", { allowedOrigins: ["https://a.example.com"], maxAgeSeconds: 9000 }, "dev"),
            /maxAgeSeconds must be an integer from 0 to 7200/,
        );
    });

    it("preflight headers list the path's methods and the first origin; the template echoes the others", () => {
        const cors = validateCors("C", { allowedOrigins: ["https://a.example.com", "https://b.example.com"] }, "prod");
        const headers = preflightHeaders(cors, ["POST", "GET"]);
        assert.strictEqual(headers["method.response.header.Access-Control-Allow-Methods"], "'GET,OPTIONS,POST'");
        assert.strictEqual(headers["method.response.header.Access-Control-Allow-Origin"], "'https://a.example.com'");
        assert.match(originEchoTemplate(cors.allowedOrigins), /\$origin == "https:\/\/a\.example\.com" \|\| \$origin == "https:\/\/b\.example\.com"/);
        assert.strictEqual(originEchoTemplate(["https://a.example.com"]), "");
        assert.strictEqual(originOf("'https://a.example.com'"), "https://a.example.com");
    });
});

describe("route validation", () => {
    const ok = { path: "/a/{id}/{proxy+}", method: "GET" as const, auth: "iam" as const, integration: { kind: "mock" as const, responseBody: {} } };
    it("accepts a valid table and rejects each problem with the route's index", () => {
        validateRoutes("R", [ok], new Set(["iam"]));
        assert.throws(() => validateRoutes("R", [], new Set()), /routes must list at least one route/);
        assert.throws(() => validateRoutes("R", [{ ...ok, path: "/a//b" }], new Set(["iam"])), /routes\[0\]\.path/);
        assert.throws(() => validateRoutes("R", [{ ...ok, auth: "lambda" }], new Set(["iam"])), /routes\[0\]\.auth is "lambda"/);
        assert.throws(() => validateRoutes("R", [{ ...ok, scopes: ["x"] }], new Set(["iam"])), /routes\[0\]\.scopes are only valid with auth "cognito"/);
        assert.throws(() => validateRoutes("R", [{ ...ok, requiredParameters: ["querystring.x"] }], new Set(["iam"])), /requiredParameters\[0\]/);
        assert.throws(() => validateRoutes("R", [{ ...ok, throttle: { rateLimit: 1, burstLimit: 0 } }], new Set(["iam"])), /throttle\.burstLimit/);
        assert.throws(
            () => validateRoutes("R", [{ ...ok, integration: { kind: "http", uri: "https://x", timeoutMs: 40000 } }], new Set(["iam"])),
            /timeoutMs must be an integer from 50 to 29000/,
        );
        assert.throws(
            () =>
                validateRoutes(
                    "R",
                    [
                        { ...ok, path: "/a/{b}" },
                        { ...ok, method: "POST", path: "/a/b" },
                    ],
                    new Set(["iam"]),
                ),
            /routes\[1\]\.path "\/a\/b" gives the same resource names as "\/a\/\{b\}"/,
        );
        assert.throws(
            () =>
                validateRoutes(
                    "R",
                    [
                        { ...ok, path: "/a/{b}/c" },
                        { ...ok, path: "/a/b" },
                    ],
                    new Set(["iam"]),
                ),
            /routes\[1\]\.path "\/a\/b" gives the same resource names as "\/a\/\{b\}"/,
        );
        validateRoutes(
            "R",
            [
                { ...ok, path: "/a" },
                { ...ok, method: "POST", path: "/a" },
                { ...ok, path: "/a/b" },
            ],
            new Set(["iam"]),
        );
    });
});

describe("access log format", () => {
    it("is one JSON object per line with every field, including those the policy requires", () => {
        const format = accessLogFormat();
        assert.ok(!format.includes("\n"));
        for (const variable of Object.values(ACCESS_LOG_FIELDS)) {
            assert.ok(format.includes(variable), variable);
        }
        for (const required of REQUIRED_ACCESS_LOG_FIELDS) {
            assert.ok(format.includes(required), required);
        }
        // API Gateway writes "-" for a variable without a value (the integration latency of a throttled request):
        // the line must stay JSON, or CloudWatch Logs' JSON metric filters (the 429 count) never match it.
        const throttled = format.replace(/\$context\.[A-Za-z.]+/g, (v) => (v === "$context.status" ? "429" : "-"));
        assert.strictEqual(JSON.parse(throttled).status, "429");
        assert.strictEqual(JSON.parse(throttled).integrationLatency, "-");
    });
});

describe("rule document analysis", () => {
    it("private API policies: wildcard allows need a VPC condition unless a Deny covers them", () => {
        const allowAll = { Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*" }] };
        assert.match(privateApiPolicyProblems(allowAll)[0], /allows principal "\*" without an aws:SourceVpce/);
        const withDeny = {
            Statement: [
                ...allowAll.Statement,
                {
                    Effect: "Deny",
                    Principal: { AWS: "*" },
                    Action: "execute-api:Invoke",
                    Resource: "*",
                    Condition: { StringNotEquals: { "aws:sourceVpc": "vpc-1" } },
                },
            ],
        };
        assert.deepStrictEqual(privateApiPolicyProblems(withDeny), []);
        assert.match(privateApiPolicyProblems("{not json")[0], /missing or is not valid JSON/);
        assert.match(privateApiPolicyProblems({ Statement: [] })[0], /allows nothing/);
    });

    it("WAF rules are read from rules (camelCase) and ruleJson (PascalCase), with count mode detected", () => {
        const fromJson = summarizeWafRules(
            undefined,
            JSON.stringify([
                {
                    Name: "sqli",
                    Statement: { ManagedRuleGroupStatement: { Name: "AWSManagedRulesSQLiRuleSet", VendorName: "AWS" } },
                    OverrideAction: { Count: {} },
                },
                { Name: "rate", Statement: { RateBasedStatement: { Limit: 100, AggregateKeyType: "IP" } }, Action: { Block: {} } },
            ]),
        );
        assert.deepStrictEqual(fromJson, [
            { name: "sqli", managedRuleGroup: "AWSManagedRulesSQLiRuleSet", rateLimit: undefined, countOnly: true },
            { name: "rate", managedRuleGroup: undefined, rateLimit: 100, countOnly: false },
        ]);
    });

    it("TLS policies and truststore URIs", () => {
        assert.ok(isTls12OrAbove("TLS_1_2"));
        assert.ok(isTls12OrAbove("SecurityPolicy_TLS13_1_3_2025_09"));
        assert.ok(!isTls12OrAbove("TLS_1_0"));
        assert.ok(!isTls12OrAbove(undefined));
        assert.strictEqual(s3BucketOfUri("s3://trust-bucket/ca.pem"), "trust-bucket");
        assert.strictEqual(s3BucketOfUri("https://x"), undefined);
    });
});
