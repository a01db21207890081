import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings } from "../../rule-harness";
import { restApi } from "../builders";
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
});
