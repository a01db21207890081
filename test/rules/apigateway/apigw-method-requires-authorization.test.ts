import * as assert from "assert";
import { apigwMethodRequiresAuthorization, methodAuthorizationConfig } from "../../../policy-pack/rules/apigateway/apigw-method-requires-authorization";
import { ruleFindings } from "../../rule-harness";
import { method, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

/** A Swagger 2 body: a Cognito scheme at the top level, each path's GET overriding it as given. */
const body = (ops: Record<string, Record<string, unknown>>) => JSON.stringify({
    swagger: "2.0", info: { title: "b", version: "1" }, security: [{ cognito: [] }],
    securityDefinitions: { cognito: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "cognito_user_pools", "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/x"] } } },
    paths: Object.fromEntries(Object.entries(ops).map(([path, op]) => [path, { get: op }])),
});

const RULE = "apigw-method-requires-authorization";

describe(RULE, () => {
    it("pins the default allow-list: nothing is anonymous by default", () => {
        assert.deepStrictEqual(methodAuthorizationConfig.defaults.allowedAnonymousMethods, []);
        assert.deepStrictEqual(apigwMethodRequiresAuthorization.configSchema?.properties.allowedAnonymousMethods.default, []);
    });

    it("passes the compliant baseline: IAM, Cognito and Lambda authorizers, and an OPTIONS preflight", async () => {
        assertNoFindings(await ruleFindings(RULE, () => {
            const api = restApi("api");
            method("iam", api, { authorization: "AWS_IAM" });
            method("cognito", api, { authorization: "COGNITO_USER_POOLS", authorizerId: "auth1" });
            method("lambda", api, { authorization: "CUSTOM", authorizerId: "auth2" });
            method("preflight", api, { authorization: "NONE", httpMethod: "OPTIONS" });
        }));
    });

    it("rejects every anonymous method, naming its authorization", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            method("open", api, { authorization: "NONE" });
            method("open-post", api, { authorization: "NONE", httpMethod: "POST" });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "open", message: [/Method "open" \(GET\) has authorization NONE/, /allowedAnonymousMethods/] },
            { resource: "open-post", message: [/\(POST\) has authorization NONE/] },
        ]);
    });

    it("an API key is not authorization", async () => {
        assertFindings(await ruleFindings(RULE, () => { method("keyed", restApi("api"), { authorization: "NONE", apiKeyRequired: true }); }), RULE, "mandatory", [
            { resource: "keyed", message: [/authorization NONE/] },
        ]);
    });

    it("allowedAnonymousMethods changes the verdict for exactly the listed method", async () => {
        const config = { [RULE]: { allowedAnonymousMethods: ["health"] } };
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            method("health", api, { authorization: "NONE" });
            method("open", api, { authorization: "NONE" });
        }, { config });
        assertFindings(found, RULE, "mandatory", [{ resource: "open", message: [/authorization NONE/] }]);
    });

    it("judges a RestApi defined by an OpenAPI body: inherited and overriding security, OPTIONS exempt", async () => {
        assertNoFindings(await ruleFindings(RULE, () => {
            restApi("body-api", { body: body({ "/inherits": {}, "/iam": { security: [], "x-amazon-apigateway-auth": { type: "AWS_IAM" } } }) });
            restApi("preflight", { body: JSON.stringify({ swagger: "2.0", info: {}, paths: { "/x": { options: {} } } }) });
        }));
        assertFindings(await ruleFindings(RULE, () => {
            restApi("body-api", { body: body({ "/inherits": {}, "/open": { security: [] } }) });
            restApi("yaml-api", { body: "openapi: 3.0.1\ninfo: {title: y, version: '1'}\npaths:\n  /x:\n    x-amazon-apigateway-any-method: {}\n" });
        }), RULE, "mandatory", [
            { resource: "body-api", message: [/RestApi "body-api" body operation GET \/open has no security/] },
            { resource: "yaml-api", message: [/body operation ANY \/x has no security/] },
        ]);
    });

    it("reports an unparsable body as not verified, and allow-lists a body operation by '<api> <METHOD> <path>'", async () => {
        assertFindings(await ruleFindings(RULE, () => { restApi("broken", { body: "{ not json" }); }), RULE, "mandatory", [
            { resource: "broken", message: [/not verified: RestApi "broken" body is not JSON or YAML/] },
        ]);
        const config = { [RULE]: { allowedAnonymousMethods: ["body-api GET /open"] } };
        assertNoFindings(await ruleFindings(RULE, () => { restApi("body-api", { body: body({ "/open": { security: [] } }) }); }, { config }));
    });
});
