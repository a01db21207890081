import * as assert from "assert";
import { apigwMethodRequiresAuthorization, methodAuthorizationConfig } from "../../../policy-pack/rules/apigateway/apigw-method-requires-authorization";
import { ruleFindings } from "../../rule-harness";
import { method, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

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
});
