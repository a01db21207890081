import * as assert from "assert";
import { apigwv2CorsRestrictedOrigins, v2CorsOriginsConfig } from "../../../policy-pack/rules/apigatewayv2/apigwv2-cors-restricted-origins";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { httpApi } from "./v2-builders";
import { changed, httpBody } from "../openapi-bodies";

const RULE = "apigwv2-cors-restricted-origins";
const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const EVIL = "https://evil.example";

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
                message: [
                    exactly(
                        `Api "a" allows any origin ('*' in corsConfiguration.allowOrigins) with corsConfiguration.allowCredentials: true, ` +
                            "letting any web site call the API with a user's credentials. List your application's origins in corsConfiguration.allowOrigins instead of '*'.",
                    ),
                ],
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

    it("names every unlisted origin and every allowed one; a CORS block without allowOrigins lists none", async () => {
        const config = { [RULE]: { allowedOrigins: [APP, ADMIN] } };
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    httpApi("other", { corsConfiguration: { allowOrigins: ["*", EVIL, APP] } });
                    httpApi("no-origins", { corsConfiguration: { allowMethods: ["GET"] } });
                },
                { config },
            ),
            RULE,
            "mandatory",
            [
                {
                    resource: "other",
                    message: [
                        exactly(
                            `Api "other" allows origin(s) *, ${EVIL} (corsConfiguration.allowOrigins), not in allowedOrigins (${APP}, ${ADMIN}). ` +
                                "Remove them or add them to the policy config.",
                        ),
                    ],
                },
            ],
        );
    });

    it("rejects a config whose allowedOrigins has an empty, a non-string or a repeated entry", async () => {
        const bad: [unknown[], RegExp][] = [
            [[""], /allowedOrigins\[0\]: must be at least 1 characters/],
            [[42], /allowedOrigins\[0\]: expected string/],
            [[APP, APP], /allowedOrigins: must not repeat items/],
        ];
        for (const [allowedOrigins, error] of bad) {
            await assert.rejects(
                ruleFindings(RULE, () => httpApi("app", { corsConfiguration: { allowOrigins: [APP] } }), { config: { [RULE]: { allowedOrigins } } }),
                error,
                JSON.stringify(allowedOrigins),
            );
        }
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
                        exactly(
                            `Api "any" allows any origin ('*' in body x-amazon-apigateway-cors.allowOrigins) with body x-amazon-apigateway-cors.allowCredentials: true, ` +
                                "letting any web site call the API with a user's credentials. List your application's origins in body x-amazon-apigateway-cors.allowOrigins instead of '*'.",
                        ),
                    ],
                },
            ]);
            assertFindings(
                await ruleFindings(RULE, () => httpApi("extra", { body: cors({ allowOrigins: [APP, "*"] }) }), {
                    config: { [RULE]: { allowedOrigins: [APP] } },
                }),
                RULE,
                "mandatory",
                [
                    {
                        resource: "extra",
                        message: [
                            exactly(
                                `Api "extra" allows origin(s) * (body x-amazon-apigateway-cors.allowOrigins), not in allowedOrigins (${APP}). ` +
                                    "Remove them or add them to the policy config.",
                            ),
                        ],
                    },
                ],
            );
        });

        it("judges only the string entries of a body's allowOrigins", async () => {
            assertNoFindings(
                await ruleFindings(RULE, () => httpApi("mixed", { body: cors({ allowOrigins: [APP, 42, { origin: EVIL }] }) }), {
                    config: { [RULE]: { allowedOrigins: [APP] } },
                }),
            );
        });
    });

    it("origins or credentials built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            httpApi("origins", { corsConfiguration: { allowOrigins: afterDeployment(["*"]), allowCredentials: true } });
            httpApi("credentials", { corsConfiguration: { allowOrigins: ["*"], allowCredentials: afterDeployment(true) } });
            httpApi("whole", { corsConfiguration: afterDeployment({ allowOrigins: ["*"], allowCredentials: true }) });
            httpApi("entry", { corsConfiguration: { allowOrigins: [APP, afterDeployment("*")], allowCredentials: true } });
        });
        const noStar = /it must not contain '\*' when credentials are allowed\./;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "origins", message: [/Api "origins"\.corsConfiguration\.allowOrigins is unknown;/, noStar] },
            {
                resource: "credentials",
                message: [
                    /Api "credentials"\.corsConfiguration\.allowCredentials is unknown;/,
                    /it must be false while corsConfiguration\.allowOrigins contains '\*'\./,
                ],
            },
            { resource: "whole", message: [/Api "whole"\.corsConfiguration is unknown;/, noStar] },
            {
                resource: "entry",
                message: [
                    exactly(
                        `cannot be verified at preview: Api "entry".corsConfiguration.allowOrigins.1 is unknown; it must not contain '*' when credentials are allowed.`,
                    ),
                ],
            },
        ]);
        const anyOrigin = /allows any origin \('\*' in corsConfiguration\.allowOrigins\) with corsConfiguration\.allowCredentials: true/;
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "origins", message: [anyOrigin] },
            { resource: "credentials", message: [anyOrigin] },
            { resource: "whole", message: [anyOrigin] },
            { resource: "entry", message: [anyOrigin] },
        ]);
    });

    it("with allowedOrigins configured, unknown origins must list only those; an unknown body is left to apigwv2-route-authorization", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                httpApi("origins", { corsConfiguration: { allowOrigins: afterDeployment([APP, EVIL]) } });
                httpApi("body", { body: afterDeployment(changed(httpBody(), (d) => (d["x-amazon-apigateway-cors"] = { allowOrigins: ["*"] }))) });
            },
            { config: { [RULE]: { allowedOrigins: [APP, ADMIN] } } },
        );
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "origins",
                message: [
                    exactly(`cannot be verified at preview: Api "origins".corsConfiguration.allowOrigins is unknown; it must list only ${APP}, ${ADMIN}.`),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "origins", message: [/allows origin\(s\) https:\/\/evil\.example \(corsConfiguration\.allowOrigins\), not in allowedOrigins/] },
            { resource: "body", message: [/allows origin\(s\) \* \(body x-amazon-apigateway-cors\.allowOrigins\), not in allowedOrigins/] },
        ]);
    });
});
