import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { httpApi, wsApi } from "./v2-builders";
import { changed, Doc, httpBody, LAMBDA_URI, operation } from "../openapi-bodies";

const RULE = "apigwv2-integration-tls";
const LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/b/1/2";

type IntegrationArgs = Partial<aws.apigatewayv2.IntegrationArgs>;
const integration = (name: string, args: IntegrationArgs = {}) =>
    new aws.apigatewayv2.Integration(name, {
        apiId: httpApi(`${name}-api`).id,
        integrationType: "HTTP_PROXY",
        integrationMethod: "ANY",
        integrationUri: "https://backend.example.com",
        ...args,
    });

describe(RULE, () => {
    it("passes the compliant baseline: an https URL, a TLS-verified VPC link, a Lambda from the stack", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                integration("https");
                integration("private", {
                    connectionType: "VPC_LINK",
                    connectionId: "vl-1",
                    integrationUri: LISTENER,
                    tlsConfig: { serverNameToVerify: "backend.internal" },
                });
                const fn = new aws.lambda.Function("fn", {
                    role: "arn:aws:iam::123456789012:role/r",
                    runtime: "nodejs20.x",
                    handler: "index.handler",
                    code: new pulumi.asset.AssetArchive({}),
                });
                integration("lambda", { integrationType: "AWS_PROXY", integrationUri: fn.invokeArn, integrationMethod: "POST" });
            }),
        );
    });

    it("rejects plaintext http:// integration URIs, on every integration", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                integration("plain", { integrationUri: "http://backend.example.com" });
                integration("plain-too", { integrationUri: "HTTP://backend.example.com/x" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "plain", message: [/Integration "plain" sends requests to http:\/\/backend\.example\.com \(integrationUri\) in plaintext/] },
                { resource: "plain-too", message: [/integrationUri/] },
            ],
        );
    });

    it("rejects a VPC_LINK integration without tlsConfig.serverNameToVerify", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                integration("private", { connectionType: "VPC_LINK", connectionId: "vl-1", integrationUri: LISTENER });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "private",
                    message: [
                        exactly(
                            'Integration "private" is a private (VPC_LINK) integration without tlsConfig.serverNameToVerify, so traffic to the backend is not TLS-verified. ' +
                                "Set tlsConfig.serverNameToVerify to the backend's certificate name and use an HTTPS listener.",
                        ),
                    ],
                },
            ],
        );
    });

    it("a URI, connection type or tlsConfig built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            integration("url", { integrationUri: afterDeployment("http://backend.example.com") });
            integration("connection", { connectionType: afterDeployment("VPC_LINK"), connectionId: "vl-1", integrationUri: LISTENER });
            integration("tls-block", { connectionType: "VPC_LINK", connectionId: "vl-1", integrationUri: LISTENER, tlsConfig: afterDeployment({}) });
            // Unknown, but compliant whatever they become: an AWS_PROXY target is an ARN, a VPC link's a listener
            // (one without tlsConfig is reported anyway), and with serverNameToVerify set any connection type passes.
            integration("arn", {
                integrationType: "AWS_PROXY",
                integrationMethod: "POST",
                integrationUri: afterDeployment("arn:aws:lambda:us-east-1:1:function:f"),
            });
            // A WebSocket API's AWS integration targets an AWS service ARN; a MOCK one has no target at all.
            integration("aws", { apiId: wsApi("aws-api").id, integrationType: "AWS", integrationMethod: "POST", integrationUri: afterDeployment(LAMBDA_URI) });
            integration("mock", {
                apiId: wsApi("mock-api").id,
                integrationType: "MOCK",
                integrationMethod: undefined,
                integrationUri: afterDeployment(undefined),
            });
            const tlsConfig = { serverNameToVerify: "backend.internal" };
            integration("listener", { connectionType: "VPC_LINK", connectionId: "vl-1", integrationUri: afterDeployment(LISTENER), tlsConfig });
            integration("verified", { connectionType: afterDeployment("VPC_LINK"), connectionId: "vl-1", integrationUri: LISTENER, tlsConfig });
            integration("server", {
                connectionType: "VPC_LINK",
                connectionId: "vl-1",
                integrationUri: LISTENER,
                tlsConfig: { serverNameToVerify: afterDeployment("b") },
            });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "url",
                message: [/^cannot be verified at preview: Integration "url"\.integrationUri is unknown; it must not be a plaintext http:\/\/ URL\.$/],
            },
            {
                resource: "connection",
                message: [
                    /Integration "connection"\.connectionType is unknown; it must be INTERNET, or a VPC_LINK integration must set tlsConfig\.serverNameToVerify\./,
                ],
            },
            {
                resource: "tls-block",
                message: [/Integration "tls-block"\.tlsConfig is unknown; it must set serverNameToVerify, since connectionType is VPC_LINK\./],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "url", message: [/sends requests to http:\/\/backend\.example\.com \(integrationUri\) in plaintext/] },
            { resource: "connection", message: [/private \(VPC_LINK\) integration without tlsConfig\.serverNameToVerify/] },
            { resource: "tls-block", message: [/private \(VPC_LINK\) integration without tlsConfig\.serverNameToVerify/] },
        ]);
    });

    describe("OpenAPI body of an Api", () => {
        const integrationOf = (d: Doc) => operation(d, "/me", "get")["x-amazon-apigateway-integration"] as Doc;

        it("passes a body with https and TLS-verified private integrations", async () => {
            const vpcLink = changed(httpBody(), (d) =>
                Object.assign(integrationOf(d), { connectionType: "VPC_LINK", uri: LISTENER, tlsConfig: { serverNameToVerify: "backend.example.com" } }),
            );
            assertNoFindings(
                await ruleFindings(RULE, () => {
                    httpApi("api", { body: JSON.stringify(httpBody()) });
                    httpApi("private", { body: vpcLink });
                }),
            );
        });

        it("rejects an http:// uri and a VPC_LINK integration without tlsConfig.serverNameToVerify, naming the pointer", async () => {
            const found = await ruleFindings(RULE, () => {
                httpApi("plain", { body: changed(httpBody(), (d) => (integrationOf(d).uri = "http://backend.example.com/me")) });
                httpApi("unverified", { body: changed(httpBody(), (d) => Object.assign(integrationOf(d), { connectionType: "VPC_LINK", uri: LISTENER })) });
            });
            assertFindings(found, RULE, "mandatory", [
                {
                    resource: "plain",
                    message: [
                        exactly(
                            'Api "plain" body operation GET /me (/paths/~1me/get) sends requests to http://backend.example.com/me (x-amazon-apigateway-integration.uri) in plaintext, ' +
                                "so they can be read and altered in transit. Use an https:// x-amazon-apigateway-integration.uri.",
                        ),
                    ],
                },
                {
                    resource: "unverified",
                    message: [
                        exactly(
                            'Api "unverified" body operation GET /me (/paths/~1me/get) has a private (VPC_LINK) integration without x-amazon-apigateway-integration.tlsConfig.serverNameToVerify, ' +
                                "so traffic to the backend is not TLS-verified. Set tlsConfig.serverNameToVerify to the backend's certificate name and use an HTTPS listener.",
                        ),
                    ],
                },
            ]);
        });
    });
});
