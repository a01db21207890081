import * as aws from "@pulumi/aws";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, lambdaInvokeUri, restApi } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-authorizer-cache-ttl";
const URI = lambdaInvokeUri("auth");
const COGNITO_POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/x";

/** A Swagger 2 body with one authorizer scheme "auth" of `type` caching `ttl` seconds. */
const bodyWith = (type: string, ttl: number) =>
    JSON.stringify({
        swagger: "2.0",
        info: { title: "b", version: "1" },
        paths: {},
        securityDefinitions: {
            auth: {
                type: "apiKey",
                name: "Authorization",
                in: "header",
                "x-amazon-apigateway-authtype": type === "cognito_user_pools" ? "cognito_user_pools" : "custom",
                "x-amazon-apigateway-authorizer":
                    type === "cognito_user_pools"
                        ? { type, providerARNs: [COGNITO_POOL], authorizerResultTtlInSeconds: ttl }
                        : { type, authorizerUri: URI, authorizerResultTtlInSeconds: ttl },
            },
        },
    });
const bodyApi = (type: string, ttl: number) => () => void restApi("body-api", { body: bodyWith(type, ttl) });

describe(`${RULE} (cases)`, () => {
    it("states the whole finding on a body authorizer", async () => {
        assertFindings(await ruleFindings(RULE, bodyApi("token", 3601)), RULE, "mandatory", [
            {
                resource: "body-api",
                message: [
                    exactly(
                        'RestApi "body-api" body authorizer "auth" caches its decision for 3601 s (x-amazon-apigateway-authorizer.authorizerResultTtlInSeconds), ' +
                            "outside 0-3600 s: a revoked token keeps working that long. Set authorizerResultTtlInSeconds to at most 3600.",
                    ),
                ],
            },
        ]);
    });

    it("judges body REQUEST authorizers, below the minimum too, and passes the minimum (0)", async () => {
        assertFindings(await ruleFindings(RULE, bodyApi("request", 7200)), RULE, "mandatory", [
            { resource: "body-api", message: [/^RestApi "body-api" body authorizer "auth" caches its decision for 7200 s /] },
        ]);
        assertFindings(await ruleFindings(RULE, bodyApi("token", -1)), RULE, "mandatory", [
            { resource: "body-api", message: [/^RestApi "body-api" body authorizer "auth" caches its decision for -1 s /] },
        ]);
        assertNoFindings(await ruleFindings(RULE, bodyApi("request", 0)));
    });

    it("does not judge Cognito authorizers of a body", async () => {
        assertNoFindings(await ruleFindings(RULE, bodyApi("cognito_user_pools", 7200)));
    });

    it("with the type unknown at a first preview, a TTL at either end of the range passes and one below it is reported as unverifiable", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const authorizer = (name: string, ttl: number) =>
                new aws.apigateway.Authorizer(name, {
                    restApi: restApi(`${name}-api`).id,
                    type: afterDeployment("TOKEN"),
                    authorizerUri: URI,
                    authorizerResultTtlInSeconds: ttl,
                });
            authorizer("at-max", 3600);
            authorizer("at-min", 0);
            authorizer("below", -1);
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "below",
                message: [
                    exactly(
                        'cannot be verified at preview: Authorizer "below".type is unknown; it must be COGNITO_USER_POOLS, since it caches -1 s, outside 0-3600 s.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "below", message: [exactly('Authorizer "below" sets authorizerResultTtlInSeconds to -1, below 0. Set it between 0 and 3600.')] },
        ]);
    });
});
