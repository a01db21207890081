import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { AUTHORIZER_TTL } from "../../../policy-pack/baseline";
import { apigwAuthorizerCacheTtl, authorizerCacheTtlConfig } from "../../../policy-pack/rules/apigateway/apigw-authorizer-cache-ttl";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, lambdaInvokeUri, restApi } from "../builders";

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
const URI = lambdaInvokeUri("auth");

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

    it("a TTL, type or body built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const cognito = { providerArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/x"], authorizerUri: undefined };
        const found = await ruleFindingsByMode(RULE, () => {
            authorizer("ttl", { authorizerResultTtlInSeconds: afterDeployment(7200) });
            authorizer("token", { type: afterDeployment("TOKEN"), authorizerResultTtlInSeconds: 7200 });
            authorizer("cognito", { ...cognito, type: afterDeployment("COGNITO_USER_POOLS"), authorizerResultTtlInSeconds: 7200 });
            // Unknown, but no violation whatever it becomes: a TTL in range, and any TTL of a Cognito authorizer.
            authorizer("in-range", { type: afterDeployment("REQUEST"), authorizerResultTtlInSeconds: 300 });
            authorizer("known-cognito", { ...cognito, type: "COGNITO_USER_POOLS", authorizerResultTtlInSeconds: afterDeployment(7200) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "ttl",
                message: [/^cannot be verified at preview: Authorizer "ttl"\.authorizerResultTtlInSeconds is unknown; it must be between 0 and 3600\.$/],
            },
            { resource: "token", message: [/Authorizer "token"\.type is unknown; it must be COGNITO_USER_POOLS, since it caches 7200 s, outside 0-3600 s\.$/] },
            { resource: "cognito", message: [/Authorizer "cognito"\.type is unknown; it must be COGNITO_USER_POOLS/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "ttl", message: [/Authorizer "ttl" caches its decision for 7200 s, longer than the allowed 3600 s/] },
            { resource: "token", message: [/Authorizer "token" caches its decision for 7200 s/] },
        ]);
        // An unknown body is not this rule's to report: apigw-method-requires-authorization reports it once for every body check.
        const body = () => void restApi("body-api", { body: afterDeployment(bodyWithTtl(3601)) });
        const byBody = await ruleFindingsByMode(RULE, body);
        assertNoFindings(byBody.preview);
        assertFindings(byBody.update, RULE, "mandatory", [{ resource: "body-api", message: [/body authorizer "tok" caches its decision for 3601 s/] }]);
        const authorization = await ruleFindingsByMode("apigw-method-requires-authorization", body);
        assertFindings(authorization.preview, "apigw-method-requires-authorization", "mandatory", [
            { resource: "body-api", message: [/RestApi "body-api"\.body is unknown; .*authorizer TTLs/] },
        ]);
    });
});
