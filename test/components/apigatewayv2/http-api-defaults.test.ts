/**
 * Each security default of HttpApi, turned off through a `transforms` resource option on its children,
 * is caught by a rule of the pack (offline and through the real analyzer, preview and update): the
 * component's defaults and the rules cannot drift apart.
 */
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import { join } from "path";
import { CustomDomain, HttpApi, HttpApiArgs } from "../../../components";
import { ROOT } from "../../harness";
import { ruleFindings } from "../../rule-harness";
import { assertCaught, httpApiArgs, KMS_ARN, transformChildren } from "./support";

const CA_PEM = readFileSync(join(ROOT, "stacks", "certs", "prod-client-ca.pem"), "utf8");

const build =
    (opts: pulumi.ComponentResourceOptions, overrides: Partial<HttpApiArgs> = {}) =>
    () => {
        new HttpApi("orders", httpApiArgs({ logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN }, ...overrides }), opts);
    };

type Case = [string, string, string, (props: Record<string, unknown>) => Record<string, unknown>, string[], RegExp, Partial<HttpApiArgs>?];

const cases: Case[] = [
    [
        "route authorization",
        "apigwv2-route-authorization",
        "aws:apigatewayv2/route:Route",
        (p) => ({ ...p, authorizationType: "NONE", authorizerId: undefined, authorizationScopes: undefined }),
        ["orders-get-orders", "orders-get-reports"],
        /authorizationType/,
    ],
    [
        "JWT audience",
        "apigwv2-jwt-authorizer",
        "aws:apigatewayv2/authorizer:Authorizer",
        (p) => ({ ...p, jwtConfiguration: { issuer: (p.jwtConfiguration as { issuer: string }).issuer, audiences: [] } }),
        ["orders-jwt"],
        /jwtConfiguration\.audiences/,
    ],
    [
        "JWT https issuer",
        "apigwv2-jwt-authorizer",
        "aws:apigatewayv2/authorizer:Authorizer",
        (p) => ({ ...p, jwtConfiguration: { issuer: "http://issuer.example.com", audiences: ["a"] } }),
        ["orders-jwt"],
        /jwtConfiguration\.issuer/,
    ],
    [
        "access logs",
        "apigwv2-stage-access-logging",
        "aws:apigatewayv2/stage:Stage",
        (p) => ({ ...p, accessLogSettings: undefined }),
        ["orders-stage"],
        /accessLogSettings\.destinationArn/,
    ],
    [
        "default route throttling",
        "apigwv2-stage-throttling",
        "aws:apigatewayv2/stage:Stage",
        (p) => ({ ...p, defaultRouteSettings: { detailedMetricsEnabled: true } }),
        ["orders-stage"],
        /defaultRouteSettings\.throttling/,
    ],
    [
        "https-only integrations",
        "apigwv2-integration-tls",
        "aws:apigatewayv2/integration:Integration",
        (p) => (p.integrationType === "HTTP_PROXY" ? { ...p, integrationUri: "http://reports.example.com/reports" } : p),
        ["orders-get-reports"],
        /integrationUri/,
    ],
    [
        "TLS-verified private integrations",
        "apigwv2-integration-tls",
        "aws:apigatewayv2/integration:Integration",
        (p) => ({ ...p, tlsConfig: undefined }),
        ["orders-get-inventory"],
        /tlsConfig\.serverNameToVerify/,
        {
            vpcLinks: { internal: { subnetIds: ["subnet-0abc"], securityGroupIds: ["sg-0abc"] } },
            routes: [
                {
                    path: "/inventory",
                    method: "GET",
                    auth: "iam",
                    integration: {
                        kind: "private",
                        vpcLink: "internal",
                        targetArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/inv/1/2",
                        serverNameToVerify: "inv.internal.example.com",
                    },
                },
            ],
        },
    ],
    [
        "CORS without credentials for '*'",
        "apigwv2-cors-restricted-origins",
        "aws:apigatewayv2/api:Api",
        (p) => ({ ...p, corsConfiguration: { allowOrigins: ["*"], allowCredentials: true, allowMethods: ["GET"], allowHeaders: ["Authorization"] } }),
        ["orders"],
        /allowCredentials/,
        { cors: { allowedOrigins: ["https://app.example.com"] } },
    ],
    [
        "CORS methods listed",
        "apigwv2-cors-wildcard-methods-headers",
        "aws:apigatewayv2/api:Api",
        (p) => ({ ...p, corsConfiguration: { ...(p.corsConfiguration as object), allowMethods: ["*"] } }),
        ["orders"],
        /corsConfiguration\.allowMethods/,
        { cors: { allowedOrigins: ["https://app.example.com"] } },
    ],
    [
        "Lambda permission scoped to the route",
        "lambda-permission-scoped",
        "aws:lambda/permission:Permission",
        (p) => ({ ...p, sourceArn: undefined }),
        ["orders-get-orders-invoke"],
        /sourceArn/,
    ],
    [
        "encrypted access logs",
        "log-group-kms-encryption",
        "aws:cloudwatch/logGroup:LogGroup",
        (p) => ({ ...p, kmsKeyId: undefined }),
        ["orders-access-logs"],
        /kmsKeyId/,
    ],
    [
        "log retention",
        "log-group-retention",
        "aws:cloudwatch/logGroup:LogGroup",
        (p) => ({ ...p, retentionInDays: undefined }),
        ["orders-access-logs"],
        /retentionInDays/,
    ],
];

describe("HttpApi security defaults are the pack's rules", () => {
    for (const [what, rule, type, change, resources, property, overrides] of cases) {
        it(`${what}: turned off, ${rule} catches it`, async () => {
            assertCaught(await ruleFindings(rule, build({}, overrides)), rule, [], property);
            assertCaught(await ruleFindings(rule, build(transformChildren(type, change), overrides)), rule, resources, property);
        });
    }

    it("default endpoint disabled with a custom domain: turned off, apigwv2-default-endpoint-disabled catches it", async () => {
        const rule = "apigwv2-default-endpoint-disabled";
        const program = (opts: pulumi.ComponentResourceOptions) => () => {
            const api = new HttpApi("orders", httpApiArgs({ disableExecuteApiEndpoint: true }), opts);
            new CustomDomain("domain", { domainName: "api.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", endpoint: api });
        };
        assertCaught(await ruleFindings(rule, program({})), rule, [], /disableExecuteApiEndpoint/);
        const on = transformChildren("aws:apigatewayv2/api:Api", (p) => ({ ...p, disableExecuteApiEndpoint: false }));
        assertCaught(await ruleFindings(rule, program(on)), rule, ["orders"], /disableExecuteApiEndpoint/);
    });

    for (const [what, rule, type, change, property] of [
        [
            "domain TLS 1.2",
            "apigwv2-domain-tls-1-2",
            "aws:apigatewayv2/domainName:DomainName",
            (p: Record<string, unknown>) => ({ ...p, domainNameConfiguration: { ...(p.domainNameConfiguration as object), securityPolicy: "TLS_1_0" } }),
            /securityPolicy/,
        ],
        [
            "pinned truststore version",
            "apigwv2-mtls-truststore-bucket",
            "aws:apigatewayv2/domainName:DomainName",
            (p: Record<string, unknown>) => ({
                ...p,
                mutualTlsAuthentication: { truststoreUri: (p.mutualTlsAuthentication as { truststoreUri: string }).truststoreUri },
            }),
            /truststoreVersion/,
        ],
    ] as const) {
        it(`${what} of the custom domain: turned off, ${rule} catches it`, async () => {
            const program = (opts: pulumi.ComponentResourceOptions) => () => {
                const api = new HttpApi("orders", httpApiArgs({ disableExecuteApiEndpoint: true }));
                new CustomDomain(
                    "domain",
                    {
                        domainName: "api.example.com",
                        certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
                        mtlsCaBundlePem: CA_PEM,
                        kmsKeyArn: KMS_ARN,
                        endpoint: api,
                    },
                    opts,
                );
            };
            assertCaught(await ruleFindings(rule, program({})), rule, [], property);
            assertCaught(await ruleFindings(rule, program(transformChildren(type, change))), rule, ["domain"], property);
        });
    }
});
