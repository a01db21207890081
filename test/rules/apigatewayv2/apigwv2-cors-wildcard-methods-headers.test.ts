import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
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

    it("CORS lists built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            httpApi("methods", { corsConfiguration: { allowMethods: afterDeployment(["*"]), allowHeaders: ["authorization"] } });
            httpApi("header-entry", { corsConfiguration: { allowMethods: ["GET"], allowHeaders: ["authorization", afterDeployment("*")] } });
            httpApi("whole", { corsConfiguration: afterDeployment({ allowMethods: ["*"], allowHeaders: ["*"] }) });
        });
        const must = /is unknown; it must list explicit values, not '\*'\.$/;
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "methods", message: [/cannot be verified at preview: Api "methods"\.corsConfiguration\.allowMethods is unknown/, must] },
            { resource: "header-entry", message: [/Api "header-entry"\.corsConfiguration\.allowHeaders\.1 is unknown/, must] },
            // One unknown block behind both lists is one finding.
            { resource: "whole", message: [/Api "whole"\.corsConfiguration is unknown/, must] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "methods", message: [/allows any method/, /'\*' in corsConfiguration\.allowMethods/] },
            { resource: "header-entry", message: [/allows any header/, /'\*' in corsConfiguration\.allowHeaders/] },
            { resource: "whole", message: [/allows any method/] },
            { resource: "whole", message: [/allows any header/] },
        ]);
    });
});
