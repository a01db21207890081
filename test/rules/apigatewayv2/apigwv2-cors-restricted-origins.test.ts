import * as assert from "assert";
import { apigwv2CorsRestrictedOrigins, v2CorsOriginsConfig } from "../../../policy-pack/rules/apigatewayv2/apigwv2-cors-restricted-origins";
import { ruleFindings } from "../../rule-harness";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi } from "./v2-builders";
import { changed, httpBody } from "../openapi-bodies";

const RULE = "apigwv2-cors-restricted-origins";
const APP = "https://app.example.com";

describe(RULE, () => {
    it("configures no origin list by default", () => {
        assert.deepStrictEqual(v2CorsOriginsConfig.defaults.allowedOrigins, []);
        assert.deepStrictEqual(apigwv2CorsRestrictedOrigins.configSchema?.properties.allowedOrigins.default, []);
    });

    it("passes the compliant baseline: explicit origins with credentials, '*' without, no CORS", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                httpApi("app", { corsConfiguration: { allowOrigins: [APP], allowCredentials: true } });
                httpApi("public", { corsConfiguration: { allowOrigins: ["*"], allowCredentials: false } });
                httpApi("none");
            }),
        );
    });

    it("rejects '*' with allowCredentials, on every API", async () => {
        const found = await ruleFindings(RULE, () => {
            httpApi("a", { corsConfiguration: { allowOrigins: ["*"], allowCredentials: true } });
            httpApi("b", { corsConfiguration: { allowOrigins: [APP, "*"], allowCredentials: true } });
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "a",
                message: [/Api "a" allows any origin \('\*' in corsConfiguration\.allowOrigins\) with corsConfiguration\.allowCredentials: true/],
            },
            { resource: "b", message: [/corsConfiguration\.allowOrigins/] },
        ]);
    });

    it("with allowedOrigins configured, rejects '*' and any unlisted origin", async () => {
        const config = { [RULE]: { allowedOrigins: [APP] } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    httpApi("app", { corsConfiguration: { allowOrigins: [APP] } });
                },
                { config },
            ),
        );
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    httpApi("star", { corsConfiguration: { allowOrigins: ["*"] } });
                    httpApi("other", { corsConfiguration: { allowOrigins: [APP, "https://evil.example"] } });
                },
                { config },
            ),
            RULE,
            "mandatory",
            [
                { resource: "star", message: [/allows origin\(s\) \* \(corsConfiguration\.allowOrigins\), not in allowedOrigins/] },
                { resource: "other", message: [/https:\/\/evil\.example/] },
            ],
        );
    });

    describe("OpenAPI body (x-amazon-apigateway-cors)", () => {
        const cors = (value: Record<string, unknown>) => changed(httpBody(), (d) => (d["x-amazon-apigateway-cors"] = value));

        it("passes listed origins with credentials, and '*' without", async () => {
            assertNoFindings(
                await ruleFindings(RULE, () => {
                    httpApi("app", { body: JSON.stringify(httpBody()) });
                    httpApi("public", { body: cors({ allowOrigins: ["*"], allowCredentials: false }) });
                }),
            );
        });

        it("rejects '*' with allowCredentials, and origins outside allowedOrigins when configured", async () => {
            assertFindings(await ruleFindings(RULE, () => httpApi("any", { body: cors({ allowOrigins: ["*"], allowCredentials: true }) })), RULE, "mandatory", [
                {
                    resource: "any",
                    message: [
                        /allows any origin \('\*' in body x-amazon-apigateway-cors\.allowOrigins\) with body x-amazon-apigateway-cors\.allowCredentials: true/,
                    ],
                },
            ]);
            assertFindings(
                await ruleFindings(RULE, () => httpApi("extra", { body: cors({ allowOrigins: [APP, "*"] }) }), {
                    config: { [RULE]: { allowedOrigins: [APP] } },
                }),
                RULE,
                "mandatory",
                [{ resource: "extra", message: [/allows origin\(s\) \* \(body x-amazon-apigateway-cors\.allowOrigins\), not in allowedOrigins/] }],
            );
        });
    });
});
