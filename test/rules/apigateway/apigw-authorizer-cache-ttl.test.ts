import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { AUTHORIZER_TTL } from "../../../policy-pack/baseline";
import { apigwAuthorizerCacheTtl, authorizerCacheTtlConfig } from "../../../policy-pack/rules/apigateway/apigw-authorizer-cache-ttl";
import { ruleFindings } from "../../rule-harness";
import { restApi } from "../builders";

const bodyWithTtl = (ttl: number) =>
    JSON.stringify({
        swagger: "2.0",
        info: { title: "b", version: "1" },
        paths: {},
        securityDefinitions: {
            tok: {
                type: "apiKey",
                name: "Authorization",
                in: "header",
                "x-amazon-apigateway-authtype": "custom",
                "x-amazon-apigateway-authorizer": { type: "token", authorizerUri: "arn:x", authorizerResultTtlInSeconds: ttl },
            },
        },
    });
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-authorizer-cache-ttl";
const URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

type AuthorizerArgs = Partial<aws.apigateway.AuthorizerArgs>;
const authorizer = (name: string, args: AuthorizerArgs = {}) =>
    new aws.apigateway.Authorizer(name, { restApi: restApi(`${name}-api`).id, type: "TOKEN", authorizerUri: URI, authorizerResultTtlInSeconds: 300, ...args });
const program =
    (args: AuthorizerArgs = {}) =>
    () => {
        authorizer("auth", args);
    };

describe(RULE, () => {
    it("pins the default maximum to the baseline (3600 s)", () => {
        assert.strictEqual(authorizerCacheTtlConfig.defaults.maxTtlSeconds, AUTHORIZER_TTL.max);
        assert.strictEqual(apigwAuthorizerCacheTtl.configSchema?.properties.maxTtlSeconds.default, 3600);
    });

    it("passes the compliant baseline (TOKEN authorizer caching 300 s)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("passes exactly at the maximum (3600) and the minimum (0)", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: 3600 })));
        assertNoFindings(await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: 0 })));
    });

    it("rejects one second above the maximum (3601)", async () => {
        assertFindings(await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: 3601 })), RULE, "mandatory", [
            { resource: "auth", message: [/caches its decision for 3601 s/, /authorizerResultTtlInSeconds/, /at most 3600/] },
        ]);
    });

    it("rejects one second below the minimum (-1)", async () => {
        assertFindings(await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: -1 })), RULE, "mandatory", [
            { resource: "auth", message: [/authorizerResultTtlInSeconds to -1, below 0/] },
        ]);
    });

    it("judges REQUEST authorizers too, and every authorizer of the stack", async () => {
        const found = await ruleFindings(RULE, () => {
            authorizer("token", { authorizerResultTtlInSeconds: 7200 });
            authorizer("request", { type: "REQUEST", authorizerResultTtlInSeconds: 7200 });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "token", message: [/7200 s/, /authorizerResultTtlInSeconds/] },
            { resource: "request", message: [/7200 s/, /authorizerResultTtlInSeconds/] },
        ]);
    });

    it("does not judge Cognito authorizers", async () => {
        assertNoFindings(
            await ruleFindings(
                RULE,
                program({
                    type: "COGNITO_USER_POOLS",
                    providerArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/x"],
                    authorizerUri: undefined,
                    authorizerResultTtlInSeconds: 7200,
                }),
            ),
        );
    });

    it("a smaller configured maximum changes the verdict, at its boundary", async () => {
        const config = { [RULE]: { maxTtlSeconds: 300 } };
        assertNoFindings(await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: 300 }), { config }));
        assertFindings(await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: 301 }), { config }), RULE, "mandatory", [
            { resource: "auth", message: [/301 s/, /allowed 300 s/] },
        ]);
    });

    it("counts an unset TTL as API Gateway's 300 s", async () => {
        assertFindings(
            await ruleFindings(RULE, program({ authorizerResultTtlInSeconds: undefined }), { config: { [RULE]: { maxTtlSeconds: 299 } } }),
            RULE,
            "mandatory",
            [{ resource: "auth", message: [/300 s \(authorizerResultTtlInSeconds is not set/] }],
        );
    });

    it("judges the authorizers of a RestApi OpenAPI body, at the maximum and one above", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("body-api", { body: bodyWithTtl(3600) });
            }),
        );
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("body-api", { body: bodyWithTtl(3601) });
            }),
            RULE,
            "mandatory",
            [{ resource: "body-api", message: [/RestApi "body-api" body authorizer "tok" caches its decision for 3601 s/, /authorizerResultTtlInSeconds/] }],
        );
    });
});
