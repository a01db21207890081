/** What is put around an HTTP or WebSocket endpoint: CustomDomain (v2 domain + API mapping), ApiAlarms (v2 metric names), IamInvokePolicy; and HttpApiRoute's refusals. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import { join } from "path";
import { ApiAlarms, CustomDomain, HttpApi, HttpApiRoute, HttpApiRouteArgs, IamInvokePolicy, WebSocketApi } from "../../../components";
import { assertRejectsBeforeCreating, ROOT, runProgram } from "../../harness";
import { BACKEND_ARN, httpApiArgs, idOf, KMS_ARN, webSocketApiArgs } from "./support";

const CA = readFileSync(join(ROOT, "stacks", "certs", "prod-client-ca.pem"), "utf8");
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";

describe("components around HTTP and WebSocket endpoints", () => {
    it("CustomDomain maps an HTTP API: apigatewayv2 domain with TLS_1_2 and the pinned truststore, an API mapping, no v1 resources", async () => {
        const plan = await runProgram(() => {
            const api = new HttpApi("orders", httpApiArgs({ disableExecuteApiEndpoint: true }));
            new CustomDomain("domain", {
                domainName: "api.example.com",
                certificateArn: CERT,
                basePath: "v2",
                mtlsCaBundlePem: CA,
                kmsKeyArn: KMS_ARN,
                endpoint: api,
            });
        });
        const domain = plan.props("aws:apigatewayv2/domainName:DomainName");
        assert.deepStrictEqual(domain.domainNameConfiguration, { certificateArn: CERT, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" });
        const mtls = domain.mutualTlsAuthentication as { truststoreUri: string; truststoreVersion: string };
        assert.match(mtls.truststoreUri, /^s3:\/\/.+\/truststore\.pem$/);
        assert.ok(mtls.truststoreVersion, "the truststore version is pinned");
        const mapping = plan.props("aws:apigatewayv2/apiMapping:ApiMapping");
        assert.deepStrictEqual([mapping.apiId, mapping.stage, mapping.apiMappingKey], [idOf(plan, "aws:apigatewayv2/api:Api"), "dev", "v2"]);
        assert.strictEqual(
            plan.ofType("aws:apigateway/domainName:DomainName").length + plan.ofType("aws:apigateway/basePathMapping:BasePathMapping").length,
            0,
        );
    });

    it("ApiAlarms uses the v2 metric names and ApiId/Stage dimensions", async () => {
        const plan = await runProgram(() => {
            new ApiAlarms("http", { endpoint: new HttpApi("orders", httpApiArgs()), metricPrefix: "orders-http" });
            new ApiAlarms("ws", { endpoint: new WebSocketApi("chat", webSocketApiArgs()), metricPrefix: "chat-ws" });
        });
        const metrics = (prefix: string) =>
            plan
                .ofType("aws:cloudwatch/metricAlarm:MetricAlarm")
                .filter((a) => a.name.startsWith(prefix) && a.props.namespace === "AWS/ApiGateway")
                .map((a) => a.props.metricName)
                .sort();
        assert.deepStrictEqual(metrics("http-"), ["4xx", "5xx", "Latency"]);
        assert.deepStrictEqual(metrics("ws-"), ["ClientError", "ExecutionError", "IntegrationError", "IntegrationLatency"]);
        const dims = plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.name === "http-5xx")!.props.dimensions;
        assert.deepStrictEqual(Object.keys(dims as object).sort(), ["ApiId", "Stage"]);
    });

    it("ApiAlarms refuses canary alarms on a v2 endpoint (API Gateway has no canary on v2 stages)", () =>
        assertRejectsBeforeCreating(
            () =>
                new ApiAlarms("a", {
                    endpoint: { kind: "HTTP", metricDimensions: pulumiOutput<Record<string, string>>({}), accessLogGroupName: pulumiOutput("g") },
                    metricPrefix: "x",
                    canary: true,
                }),
            /ApiAlarms: canary is only supported for REST endpoints \(got a HTTP endpoint/,
        ));

    it("IamInvokePolicy grants execute-api:Invoke on the HTTP API's IAM route on its stage", async () => {
        const plan = await runProgram(() => {
            const api = new HttpApi("orders", httpApiArgs());
            new IamInvokePolicy("callers", { endpoint: api, routes: [{ method: "GET", path: "/reports" }] });
        });
        const id = idOf(plan, "aws:apigatewayv2/api:Api");
        const policy = JSON.parse(String(plan.props("aws:iam/policy:Policy").policy)) as { Statement: { Resource: string[] }[] };
        assert.deepStrictEqual(policy.Statement[0].Resource, [`arn:aws:execute-api:us-east-1:123456789012:${id}/dev/GET/reports`]);
    });

    const shared = (): HttpApiRouteArgs => ({
        api: {
            environment: "dev",
            apiId: "http123",
            executionArn: "arn:aws:execute-api:us-east-1:123456789012:http123",
            authorizerIds: { jwt: "jwt123" },
            kmsKeyArn: KMS_ARN,
            stageSettings: { throttle: { rateLimit: 10, burstLimit: 20 }, logRetentionInDays: 14 },
        },
        stageName: "team",
        routes: [{ path: "/team", method: "GET", auth: "jwt", scopes: ["s"], integration: { kind: "lambda", functionArn: BACKEND_ARN } }],
    });
    const bad: [string, Partial<HttpApiRouteArgs>, RegExp][] = [
        [
            "a lambda route when the platform has no Lambda authorizer",
            { routes: [{ path: "/t", method: "GET", auth: "lambda", integration: { kind: "lambda", functionArn: BACKEND_ARN } }] },
            /routes\[0\]\.auth is "lambda" but the API has no lambda authorizer/,
        ],
        [
            "a private integration (the VPC links are the platform's)",
            {
                routes: [
                    {
                        path: "/t",
                        method: "GET",
                        auth: "iam",
                        integration: { kind: "private", vpcLink: "x", targetArn: "arn:x", serverNameToVerify: "a.example.com" },
                    },
                ],
            },
            /routes\[0\]\.integration\.vpcLink must name a VPC link of the API \(vpcLinks: none\)/,
        ],
        ["a bad stage name", { stageName: "no spaces" }, /stageName must be 1-128 letters/],
    ];
    for (const [what, args, message] of bad) {
        it(`HttpApiRoute rejects ${what} before creating anything`, () =>
            assertRejectsBeforeCreating(() => new HttpApiRoute("bad", { ...shared(), ...args }), /^HttpApiRoute: /, message));
    }
});

function pulumiOutput<T>(value: T): pulumi.Output<T> {
    return pulumi.output(value) as pulumi.Output<T>;
}
