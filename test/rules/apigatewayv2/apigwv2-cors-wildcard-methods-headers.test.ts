import { ruleFindings } from "../../rule-harness";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi } from "./v2-builders";

const RULE = "apigwv2-cors-wildcard-methods-headers";

describe(RULE, () => {
    it("passes the compliant baseline: listed methods and headers, and an API without CORS", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                httpApi("listed", {
                    corsConfiguration: { allowOrigins: ["https://app.example.com"], allowMethods: ["GET", "POST"], allowHeaders: ["authorization"] },
                });
                httpApi("none");
            }),
        );
    });

    it("flags '*' in allowMethods and in allowHeaders, on every API", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                httpApi("methods", { corsConfiguration: { allowMethods: ["*"], allowHeaders: ["authorization"] } });
                httpApi("headers", { corsConfiguration: { allowMethods: ["GET"], allowHeaders: ["*"] } });
            }),
            RULE,
            "advisory",
            [
                { resource: "methods", message: [/Api "methods" allows any method/, /corsConfiguration\.allowMethods/] },
                { resource: "headers", message: [/allows any header/, /corsConfiguration\.allowHeaders/] },
            ],
        );
    });
});
