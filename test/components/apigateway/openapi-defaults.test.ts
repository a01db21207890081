/**
 * The defaults OpenApiRestApi injects and the pack's rules never drift apart:
 * each case turns one default off on one of the component's children and
 * asserts a rule catches it. The change is made with the `transforms` resource
 * option, which the offline gate applies to the component's children the way the
 * engine does (`policy-pack/gate/transforms.ts`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { OpenApiRestApi, WebAcl } from "../../../components";
import { runProgram } from "../../harness";
import { FUNCTION_ARN, KMS_ARN } from "../fixtures";
import { openApiArgs } from "./openapi-fixtures";

type Doc = Record<string, Record<string, Record<string, unknown>>>;
type Props = Record<string, unknown>;
const opOf = (d: Doc, path: string, verb: string): Props => d.paths[path][verb] as Props;

/** A transform of the child of `type` rewriting its deployed document. */
const rewriteBody =
    (change: (doc: Doc) => void): pulumi.ResourceTransform =>
    (args) => {
        if (args.type !== "aws:apigateway/restApi:RestApi") {
            return undefined;
        }
        const body = pulumi.output((args.props as { body: pulumi.Input<string> }).body).apply((b) => {
            const doc = JSON.parse(b) as Doc;
            change(doc);
            return JSON.stringify(doc);
        });
        return { props: { ...args.props, body }, opts: args.opts };
    };

/** The findings (rule: message) of the pack on the component with `transform` applied, behind the platform's WAF. */
async function findings(transform: pulumi.ResourceTransform): Promise<string[]> {
    const plan = await runProgram(() => {
        const api = new OpenApiRestApi(
            "orders",
            openApiArgs({
                logging: { retentionInDays: 90, kmsKeyArn: KMS_ARN },
                authorizers: {
                    cognito: { userPoolArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"] },
                    lambda: { functionArn: FUNCTION_ARN, type: "TOKEN" },
                },
            }),
            { transforms: [transform] },
        );
        new WebAcl("waf", { endpoints: [api], logRetentionInDays: 90, kmsKeyArn: KMS_ARN, environment: "dev" });
    });
    return (await plan.violations()).map((v) => `${v.policyName}: ${v.message}`);
}

const caught = (found: string[], rule: string, message: RegExp) =>
    assert.ok(
        found.some((f) => f.startsWith(`${rule}: `) && message.test(f)),
        `expected ${rule} to catch it (${message}); found:\n${found.join("\n")}`,
    );

describe("OpenApiRestApi defaults are the pack's rules", () => {
    it("with no transform, the pack finds nothing", async () => {
        assert.deepStrictEqual(await findings(() => undefined), []);
    });

    it("an operation's security requirement removed: apigw-method-requires-authorization", async () => {
        caught(
            await findings(rewriteBody((d) => (opOf(d, "/orders", "get").security = []))),
            "apigw-method-requires-authorization",
            /body operation GET \/orders has no security/,
        );
    });

    it("the Lambda authorizer's cache raised above the bound: apigw-authorizer-cache-ttl", async () => {
        caught(
            await findings(
                rewriteBody((d) => {
                    const lambda = (d.securityDefinitions.lambda as Record<string, Record<string, unknown>>)["x-amazon-apigateway-authorizer"];
                    lambda.authorizerResultTtlInSeconds = 7200;
                }),
            ),
            "apigw-authorizer-cache-ttl",
            /body authorizer "lambda" caches its decision for 7200 s/,
        );
    });

    it("a preflight answering any origin: apigw-cors-restricted-origins", async () => {
        caught(
            await findings(
                rewriteBody((d) => {
                    const integration = opOf(d, "/orders", "options")["x-amazon-apigateway-integration"] as Record<
                        string,
                        Record<string, Record<string, Record<string, string>>>
                    >;
                    integration.responses.default.responseParameters["method.response.header.Access-Control-Allow-Origin"] = "'*'";
                }),
            ),
            "apigw-cors-restricted-origins",
            /answers Access-Control-Allow-Origin: \* \(body \/paths\/~1orders\/options\//,
        );
    });

    it("an integration switched to http://: apigw-integration-https", async () => {
        caught(
            await findings(
                rewriteBody(
                    (d) =>
                        ((opOf(d, "/orders", "get")["x-amazon-apigateway-integration"] as Record<string, unknown>).uri = "http://backend.example.com/orders"),
                ),
            ),
            "apigw-integration-https",
            /body operation GET \/orders \(\/paths\/~1orders\/get\) calls its backend in clear text/,
        );
    });

    it("the default request validator removed: apigw-request-validation (advisory)", async () => {
        caught(
            await findings(rewriteBody((d) => delete (d as Record<string, unknown>)["x-amazon-apigateway-request-validator"])),
            "apigw-request-validation",
            /POST \/orders \(\/paths\/~1orders\/post\) declares a request body schema but names no request validator/,
        );
    });

    it("the stage's access logs turned off: apigw-stage-access-logging", async () => {
        const found = await findings((args) =>
            args.type === "aws:apigateway/stage:Stage" ? { props: { ...args.props, accessLogSettings: undefined }, opts: args.opts } : undefined,
        );
        caught(found, "apigw-stage-access-logging", /accessLogSettings/);
    });
});
