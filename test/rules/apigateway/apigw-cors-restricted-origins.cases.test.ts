import * as assert from "assert";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, exactly } from "../expect";
import { ALLOW_ORIGIN_HEADER, corsIntegrationResponse } from "./apigw-builders";

const RULE = "apigw-cors-restricted-origins";
const HEADER = ALLOW_ORIGIN_HEADER;
const APP = "https://app.example.com";
const ADMIN = "https://admin.example.com";
const AT = `responseParameters["${HEADER}"]`;

const integrationResponse = corsIntegrationResponse;

describe(`${RULE} (cases)`, () => {
    it("rejects a config whose allowedOrigins has an empty, a non-string or a repeated entry", async () => {
        const bad: [unknown[], RegExp][] = [
            [[""], /allowedOrigins\[0\]: must be at least 1 characters/],
            [[42], /allowedOrigins\[0\]: expected string/],
            [[APP, APP], /allowedOrigins: must not repeat items/],
        ];
        for (const [allowedOrigins, error] of bad) {
            await assert.rejects(
                ruleFindings(RULE, () => integrationResponse("cors", `'${APP}'`), { config: { [RULE]: { allowedOrigins } } }),
                error,
            );
        }
    });

    it("states the whole finding: every configured origin at preview, '*' and an unlisted origin once known", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                integrationResponse("any", afterDeployment("'*'"));
                integrationResponse("evil", afterDeployment("'https://evil.example.com'"));
            },
            { config: { [RULE]: { allowedOrigins: [APP, ADMIN] } } },
        );
        const must = (name: string) =>
            exactly(`cannot be verified at preview: IntegrationResponse "${name}".${AT} is unknown; it must be one of ${APP}, ${ADMIN}.`);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "any", message: [must("any")] },
            { resource: "evil", message: [must("evil")] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            {
                resource: "any",
                message: [
                    exactly(
                        `IntegrationResponse "any" answers Access-Control-Allow-Origin: * (${AT}), letting any web site call the API from a user's browser. ` +
                            "Return only your application's origins (the components take corsAllowedOrigins).",
                    ),
                ],
            },
            {
                resource: "evil",
                message: [
                    exactly(
                        `IntegrationResponse "evil" allows origin https://evil.example.com (${AT}), which is not in allowedOrigins (${APP}, ${ADMIN}). ` +
                            "Remove it or add it to the policy config.",
                    ),
                ],
            },
        ]);
    });
});
