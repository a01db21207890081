import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { changed, operation, restBody } from "../openapi-bodies";

const RULE = "apigw-integration-https";

type IntegrationArgs = Partial<aws.apigateway.IntegrationArgs>;
const integration = (name: string, args: IntegrationArgs = {}) => {
    const api = restApi(`${name}-api`);
    return new aws.apigateway.Integration(name, {
        restApi: api.id,
        resourceId: api.rootResourceId,
        httpMethod: "GET",
        type: "HTTP_PROXY",
        integrationHttpMethod: "GET",
        uri: "https://backend.example.com/items",
        ...args,
    });
};
const program =
    (args: IntegrationArgs = {}) =>
    () => {
        integration("backend", args);
    };

describe(RULE, () => {
    it("passes the compliant baseline (HTTP_PROXY to https://)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("rejects http:// for HTTP and HTTP_PROXY integrations, each one", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                integration("proxy", { uri: "http://backend.example.com/items" });
                integration("plain", { type: "HTTP", uri: "HTTP://backend.example.com" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "proxy", message: [/HTTP_PROXY/, /clear text \(uri "http:\/\/backend/, /https:\/\//] },
                { resource: "plain", message: [/\(HTTP\)/, /uri "HTTP:\/\//] },
            ],
        );
    });

    it("does not judge MOCK, AWS or AWS_PROXY integrations", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ type: "MOCK", uri: undefined, integrationHttpMethod: undefined })));
        assertNoFindings(await ruleFindings(RULE, program({ type: "AWS", uri: "arn:aws:apigateway:us-east-1:sqs:path/q", integrationHttpMethod: "POST" })));
    });

    it("passes an https uri given as an Output", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ uri: pulumi.output("https://backend.example.com") })));
    });

    describe("OpenAPI body of a RestApi", () => {
        it("passes a body whose integrations are https, Lambda or MOCK", async () => {
            assertNoFindings(await ruleFindings(RULE, () => restApi("api", { body: JSON.stringify(restBody()) })));
        });

        it("rejects each http:// x-amazon-apigateway-integration.uri, naming the operation's JSON pointer", async () => {
            const body = changed(restBody(), (d) => {
                (operation(d, "/orders", "get")["x-amazon-apigateway-integration"] as Record<string, unknown>).uri = "http://backend.example.com/orders";
                (operation(d, "/orders", "post")["x-amazon-apigateway-integration"] as Record<string, unknown>).uri = " HTTP://legacy.example.com ";
            });
            assertFindings(await ruleFindings(RULE, () => restApi("api", { body })), RULE, "mandatory", [
                {
                    resource: "api",
                    message: [
                        /body operation GET \/orders \(\/paths\/~1orders\/get\) calls its backend in clear text/,
                        /x-amazon-apigateway-integration\.uri "http:\/\/backend/,
                    ],
                },
                { resource: "api", message: [/POST \/orders \(\/paths\/~1orders\/post\)/, /"\s?HTTP:\/\/legacy/] },
            ]);
        });

        it("leaves an unparsable body to apigw-method-requires-authorization (one not-verified finding)", async () => {
            assertNoFindings(await ruleFindings(RULE, () => restApi("api", { body: "{ not: [valid" })));
        });
    });

    it("a type or uri built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const plain = "http://backend.example.com/items";
        const found = await ruleFindingsByMode(RULE, () => {
            integration("type", { type: afterDeployment("HTTP"), uri: plain });
            integration("uri", { uri: afterDeployment(plain) });
            // Whatever these become, they cannot call a backend in clear text: an https uri, and a MOCK integration.
            integration("https-any-type", { type: afterDeployment("HTTP") });
            integration("mock", { type: "MOCK", uri: afterDeployment(plain), integrationHttpMethod: undefined });
            // An unknown body is left to apigw-method-requires-authorization (below).
            restApi("body", {
                body: afterDeployment(
                    changed(restBody(), (d) => ((operation(d, "/orders", "get")["x-amazon-apigateway-integration"] as Record<string, unknown>).uri = plain)),
                ),
            });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "type",
                message: [
                    /cannot be verified at preview: Integration "type"\.type is unknown; it must be known: an HTTP or HTTP_PROXY integration must use an https:\/\/ uri\./,
                ],
            },
            { resource: "uri", message: [/cannot be verified at preview: Integration "uri"\.uri is unknown; it must start with https:\/\/\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "type", message: [/Integration "type" \(HTTP\) calls its backend in clear text \(uri "http:\/\/backend/] },
            { resource: "uri", message: [/Integration "uri" \(HTTP_PROXY\) calls its backend in clear text/] },
            { resource: "body", message: [/RestApi "body" body operation GET \/orders \(\/paths\/~1orders\/get\) calls its backend in clear text/] },
        ]);
        const authorization = await ruleFindingsByMode("apigw-method-requires-authorization", () => {
            restApi("body", { body: afterDeployment(JSON.stringify(restBody())) });
        });
        assertFindings(authorization.preview, "apigw-method-requires-authorization", "mandatory", [
            { resource: "body", message: [/RestApi "body"\.body is unknown; .*its integrations, CORS headers/] },
        ]);
    });
});
