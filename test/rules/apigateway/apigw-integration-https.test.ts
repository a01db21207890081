import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings } from "../../rule-harness";
import { restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

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
});
