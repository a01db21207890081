import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { apigwCorsRestrictedOrigins, corsOriginsConfig } from "../../../policy-pack/rules/apigateway/apigw-cors-restricted-origins";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { changed, Doc, operation, restBody } from "../openapi-bodies";
import { ALLOW_ORIGIN_HEADER, corsIntegrationResponse } from "./apigw-builders";

const RULE = "apigw-cors-restricted-origins";
const INTEGRATION_HEADER = ALLOW_ORIGIN_HEADER;
const GATEWAY_HEADER = "gatewayresponse.header.Access-Control-Allow-Origin";

const integrationResponse = (name: string, origin: string) => corsIntegrationResponse(name, `'${origin}'`);
const gatewayResponse = (name: string, origin: string) =>
    new aws.apigateway.Response(name, {
        restApiId: restApi(`${name}-api`).id,
        responseType: "DEFAULT_4XX",
        responseParameters: { [GATEWAY_HEADER]: `'${origin}'` },
    });

describe(RULE, () => {
    it("pins the defaults: no origin list, no wildcard", () => {
        assert.deepStrictEqual(corsOriginsConfig.defaults, { allowedOrigins: [], allowWildcard: false });
        assert.strictEqual(apigwCorsRestrictedOrigins.configSchema?.properties.allowWildcard.default, false);
    });

    it("passes the compliant baseline: explicit origins on integration and gateway responses", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                integrationResponse("cors", "https://app.example.com");
                gatewayResponse("errors", "https://app.example.com");
            }),
        );
    });

    it("rejects * on an integration response and on a gateway response, naming the header", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                integrationResponse("cors", "*");
                gatewayResponse("errors", "*");
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "cors",
                    message: [/IntegrationResponse "cors" answers Access-Control-Allow-Origin: \*/, /method\.response\.header\.Access-Control-Allow-Origin/],
                },
                {
                    resource: "errors",
                    message: [/Response "errors" answers Access-Control-Allow-Origin: \*/, /gatewayresponse\.header\.Access-Control-Allow-Origin/],
                },
            ],
        );
    });

    it("allowedOrigins changes the verdict: a listed origin passes, another fails", async () => {
        const config = { [RULE]: { allowedOrigins: ["https://app.example.com"] } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    integrationResponse("cors", "https://app.example.com");
                },
                { config },
            ),
        );
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    integrationResponse("cors", "https://evil.example.com");
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "cors", message: [/allows origin https:\/\/evil\.example\.com/, /not in allowedOrigins \(https:\/\/app\.example\.com\)/] }],
        );
    });

    it("allowWildcard changes the verdict for *", async () => {
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    integrationResponse("cors", "*");
                },
                { config: { [RULE]: { allowWildcard: true } } },
            ),
        );
    });

    it("an origin or response parameters built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const program = () => {
            const api = restApi("api");
            new aws.apigateway.IntegrationResponse("cors", {
                restApi: api.id,
                resourceId: api.rootResourceId,
                httpMethod: "OPTIONS",
                statusCode: "200",
                responseParameters: { [INTEGRATION_HEADER]: afterDeployment("'*'") },
            });
            new aws.apigateway.Response("errors", {
                restApiId: api.id,
                responseType: "DEFAULT_4XX",
                responseParameters: afterDeployment({ [GATEWAY_HEADER]: "'*'" }),
            });
        };
        const found = await ruleFindingsByMode(RULE, program);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "cors",
                message: [
                    /^cannot be verified at preview: IntegrationResponse "cors"\.responseParameters\["method\.response\.header\.Access-Control-Allow-Origin"\] is unknown; it must be an explicit origin, not '\*'\.$/,
                ],
            },
            // The whole map unknown: one finding, not one per header.
            {
                resource: "errors",
                message: [/Response "errors"\.responseParameters is unknown; it must set Access-Control-Allow-Origin only to an explicit origin, not '\*'\.$/],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "cors", message: [/IntegrationResponse "cors" answers Access-Control-Allow-Origin: \*/] },
            { resource: "errors", message: [/Response "errors" answers Access-Control-Allow-Origin: \*/] },
        ]);
        // With '*' allowed and no origin list nothing can fail, so nothing is left unverified; with a list, '*' is named as allowed.
        const wildcard = await ruleFindingsByMode(RULE, program, { config: { [RULE]: { allowWildcard: true } } });
        assertNoFindings(wildcard.preview);
        assertNoFindings(wildcard.update);
        const listed = await ruleFindingsByMode(RULE, program, { config: { [RULE]: { allowWildcard: true, allowedOrigins: ["https://app.example.com"] } } });
        assertFindings(listed.preview, RULE, "mandatory", [
            { resource: "cors", message: [/Allow-Origin"\] is unknown; it must be one of https:\/\/app\.example\.com or '\*'\.$/] },
            {
                resource: "errors",
                message: [/responseParameters is unknown; it must set Access-Control-Allow-Origin only to one of https:\/\/app\.example\.com or '\*'\.$/],
            },
        ]);
        assertNoFindings(listed.update);
    });

    describe("OpenAPI body of a RestApi", () => {
        const setOrigins = (gateway: string, integration: string) =>
            changed(restBody(), (d) => {
                const responses = d["x-amazon-apigateway-gateway-responses"] as Record<string, Doc>;
                (responses.DEFAULT_4XX.responseParameters as Doc)[GATEWAY_HEADER] = gateway;
                const get = operation(d, "/orders", "get")["x-amazon-apigateway-integration"] as Doc;
                (((get.responses as Doc).default as Doc).responseParameters as Doc)[INTEGRATION_HEADER] = integration;
            });

        it("passes a body whose gateway and integration responses name one origin", async () => {
            assertNoFindings(await ruleFindings(RULE, () => restApi("api", { body: JSON.stringify(restBody()) })));
        });

        it("rejects '*' in x-amazon-apigateway-gateway-responses and in an integration response, naming each JSON pointer", async () => {
            assertFindings(await ruleFindings(RULE, () => restApi("api", { body: setOrigins("'*'", "'*'") })), RULE, "mandatory", [
                {
                    resource: "api",
                    message: [
                        /RestApi "api" answers Access-Control-Allow-Origin: \* \(body \/x-amazon-apigateway-gateway-responses\/DEFAULT_4XX\/responseParameters\/gatewayresponse\.header\.Access-Control-Allow-Origin\)/,
                    ],
                },
                {
                    resource: "api",
                    message: [
                        /\(body \/paths\/~1orders\/get\/x-amazon-apigateway-integration\/responses\/default\/responseParameters\/method\.response\.header\.Access-Control-Allow-Origin\)/,
                    ],
                },
            ]);
        });

        it("respects allowedOrigins and allowWildcard", async () => {
            const config = { [RULE]: { allowedOrigins: ["https://app.example.com"] } };
            assertNoFindings(await ruleFindings(RULE, () => restApi("api", { body: JSON.stringify(restBody()) }), { config }));
            assertFindings(
                await ruleFindings(RULE, () => restApi("api", { body: setOrigins("'https://app.example.com'", "'https://evil.example.com'") }), { config }),
                RULE,
                "mandatory",
                [{ resource: "api", message: [/allows origin https:\/\/evil\.example\.com \(body \/paths\/~1orders\/get\//, /not in allowedOrigins/] }],
            );
            assertNoFindings(
                await ruleFindings(RULE, () => restApi("api", { body: setOrigins("'*'", "'*'") }), { config: { [RULE]: { allowWildcard: true } } }),
            );
        });
    });
});
