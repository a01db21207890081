/** Stack config of HTTP and WebSocket APIs (`httpApis`, `webSocketApis`): accepted, refused naming the key, nothing created. */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { platformProgram } from "../stacks/program";
import { ProgramError } from "../policy-pack/gate/runtime";
import { runProgram, runStack, stackConfig } from "./harness";

const P = "secure-api-platform";
const dev = () => parsePlatformConfig(stackConfig("dev"), "Pulumi.dev.yaml");
const httpApi = (overrides: Record<string, unknown> = {}) => [{ ...dev().httpApis![0], ...overrides }];
const wsApi = (overrides: Record<string, unknown> = {}) => [{ ...dev().webSocketApis![0], ...overrides }];

function problemsOf(overrides: Record<string, unknown>): string[] {
    try {
        parsePlatformConfig(stackConfig("dev", overrides), "Pulumi.dev.yaml");
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    assert.fail("the config was accepted");
}

describe("stack config: httpApis and webSocketApis", () => {
    it("dev declares one HTTP API and one WebSocket API; prod declares none", () => {
        const config = dev();
        assert.deepStrictEqual(
            config.httpApis!.map((a) => [a.name, a.cors, a.routes.map((r) => `${r.method} ${r.path} ${r.auth}`)]),
            [
                [
                    "orders-http-dev",
                    true,
                    ["GET /orders/summary jwt", "GET /orders/{orderId}/status jwt", "POST /partners/webhooks lambda", "GET /internal/metrics iam"],
                ],
            ],
        );
        assert.deepStrictEqual(
            config.webSocketApis!.map((a) => [a.name, a.connectAuth, a.routes.map((r) => r.routeKey)]),
            [["orders-live-dev", "lambda", ["$connect", "$disconnect", "subscribe"]]],
        );
        const prod = parsePlatformConfig(stackConfig("prod"), "Pulumi.prod.yaml");
        assert.deepStrictEqual([prod.httpApis, prod.webSocketApis], [undefined, undefined]);
    });

    const cases: [string, Record<string, unknown>, RegExp][] = [
        [
            "WAF asked for on an HTTP API",
            { httpApis: httpApi({ waf: { enabled: true } }) },
            /^secure-api-platform:httpApis\[0\]\.waf: AWS WAF cannot be associated with HTTP APIs .*declare this API as the stack's REST API \(routes\) where a web ACL is required$/,
        ],
        [
            "an http:// integration",
            { httpApis: httpApi({ routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "http://a.example.com" } }] }) },
            /^secure-api-platform:httpApis\[0\]\.routes\[0\]\.integration\.uri: expected an https:\/\/ URL \(plaintext http:\/\/ is refused\)/,
        ],
        [
            "a public route without a waiver",
            { httpApis: httpApi({ routes: [{ path: "/a", method: "GET", auth: "none", integration: { kind: "http", uri: "https://a.example.com" } }] }) },
            /^secure-api-platform:httpApis\[0\]\.routes\[0\]\.waiver: is required with auth "none"/,
        ],
        [
            "a scope the pool does not define",
            {
                httpApis: httpApi({
                    routes: [
                        { path: "/a", method: "GET", auth: "jwt", scopes: ["orders.delete"], integration: { kind: "http", uri: "https://a.example.com" } },
                    ],
                }),
            },
            /^secure-api-platform:httpApis\[0\]\.routes\[0\]\.scopes\[0\]: "orders\.delete" is not a scope of the user pool/,
        ],
        [
            "jwt routes without a Cognito pool",
            { cognito: undefined, lambdaAuthorizer: undefined, httpApis: httpApi({ cors: false }) },
            /^secure-api-platform:httpApis\[0\]\.routes: auth jwt trusts the platform's Cognito pool, but secure-api-platform:cognito is not configured$/,
        ],
        [
            "an authorizer TTL above 3600",
            { httpApis: httpApi({ lambdaAuthorizer: { functionArn: "arn:aws:lambda:us-east-1:123456789012:function:a", resultTtlSeconds: 4000 } }) },
            /^secure-api-platform:httpApis\[0\]\.lambdaAuthorizer\.resultTtlSeconds: expected an integer from 0 to 3600/,
        ],
        [
            "a duplicate API name",
            { httpApis: httpApi({ name: "orders-dev" }) },
            /^secure-api-platform:httpApis\[0\]\.name: "orders-dev" is already the name of another API of this stack$/,
        ],
        ["a misspelt key", { httpApis: httpApi({ rotues: [] }) }, /^secure-api-platform:httpApis\[0\]\.rotues: unknown key/],
        [
            "mTLS on a WebSocket API's domain",
            {
                webSocketApis: wsApi({
                    domain: { domainName: "ws.example.com", hostedZoneId: "Z0123456789ABC", mtlsCaBundleFile: "stacks/certs/prod-client-ca.pem" },
                }),
            },
            /^secure-api-platform:webSocketApis\[0\]\.domain\.mtlsCaBundleFile: API Gateway has no mutual TLS for WebSocket APIs/,
        ],
        [
            "a WebSocket API without $connect",
            { webSocketApis: wsApi({ routes: [{ routeKey: "$default", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:a" }] }) },
            /^secure-api-platform:webSocketApis\[0\]\.routes: must include a \$connect route/,
        ],
        [
            "a WebSocket identity source of HTTP APIs",
            {
                webSocketApis: wsApi({
                    lambdaAuthorizer: { functionArn: "arn:aws:lambda:us-east-1:123456789012:function:a", identitySources: ["$request.header.X"] },
                }),
            },
            /^secure-api-platform:webSocketApis\[0\]\.lambdaAuthorizer\.identitySources\[0\]: must be route\.request\.header/,
        ],
        [
            "an anonymous $connect without a waiver",
            { webSocketApis: wsApi({ connectAuth: "none", lambdaAuthorizer: undefined }) },
            /^secure-api-platform:webSocketApis\[0\]\.connectWaiver: is required with connectAuth "none"/,
        ],
    ];
    for (const [what, overrides, message] of cases) {
        it(`refuses ${what}, naming the key`, () => {
            const problems = problemsOf(overrides);
            assert.ok(
                problems.some((p) => message.test(p)),
                problems.join("\n"),
            );
        });
    }

    it("creates nothing when an HTTP API asks for WAF", async () => {
        const error = await runProgram(platformProgram, { stack: "dev", config: stackConfig("dev", { httpApis: httpApi({ waf: { enabled: true } }) }) }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, new RegExp(`${P}:httpApis\\[0\\]\\.waf: AWS WAF cannot be associated with HTTP APIs`));
        assert.deepStrictEqual(
            error.resources.filter((r) => r.custom),
            [],
        );
    });

    it("builds the declared APIs with the platform's key and pool, and exports them by name", async () => {
        const plan = await runStack("dev");
        const apis = plan.ofType("aws:apigatewayv2/api:Api").map((a) => [a.props.name, a.props.protocolType]);
        assert.deepStrictEqual(apis.sort(), [
            ["orders-http-dev", "HTTP"],
            ["orders-live-dev", "WEBSOCKET"],
        ]);
        const kms = plan.one("aws:kms/key:Key").urn;
        for (const group of plan.ofType("aws:cloudwatch/logGroup:LogGroup").filter((g) => String(g.props.name).includes("-dev/dev/access"))) {
            assert.ok(group.propertyDependencies.kmsKeyId.includes(kms), `${group.name} uses the platform key`);
        }
        const jwt = plan.ofType("aws:apigatewayv2/authorizer:Authorizer").find((a) => a.props.authorizerType === "JWT")!;
        assert.ok(jwt.propertyDependencies.jwtConfiguration.includes(plan.one("aws:cognito/userPool:UserPool").urn));
        const summary = plan.ofType("aws:apigatewayv2/route:Route").find((r) => r.props.routeKey === "GET /orders/summary")!;
        assert.deepStrictEqual(summary.props.authorizationScopes, ["https://api.dev.example.com/orders.read"]);
        const http = plan.outputs.httpApis.value as Record<string, Record<string, unknown>>;
        const ws = plan.outputs.webSocketApis.value as Record<string, Record<string, unknown>>;
        assert.deepStrictEqual(Object.keys(http), ["orders-http-dev"]);
        assert.deepStrictEqual(Object.keys(ws), ["orders-live-dev"]);
        assert.deepStrictEqual(Object.keys(http["orders-http-dev"]).sort(), [
            "accessLogGroupName",
            "apiId",
            "apiUrl",
            "executionArn",
            "invokeUrl",
            "jwtAuthorizerId",
            "kind",
            "lambdaAuthorizerId",
            "stageName",
        ]);
        assert.ok(String(ws["orders-live-dev"].connectionsPolicyArn).startsWith("arn:aws:iam::"));
    });
});
