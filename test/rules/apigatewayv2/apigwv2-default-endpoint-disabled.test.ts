import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { mockId } from "../../../policy-pack/gate/mocks";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, CERT_ARN } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { httpApi, v2Stage, wsApi } from "./v2-builders";

const RULE = "apigwv2-default-endpoint-disabled";

const mapped = (name: string, api: aws.apigatewayv2.Api, apiId: pulumi.Input<string> = api.id) => {
    const domain = new aws.apigatewayv2.DomainName(`${name}-domain`, {
        domainName: `${name}.example.com`,
        domainNameConfiguration: { certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    });
    const stage = v2Stage(`${name}-stage`, api);
    new aws.apigatewayv2.ApiMapping(`${name}-mapping`, { apiId, domainName: domain.id, stage: stage.id });
};

describe(RULE, () => {
    it("passes the compliant baseline: a mapped API with the default endpoint disabled, an unmapped API", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                mapped("api", httpApi("api", { disableExecuteApiEndpoint: true }));
                httpApi("unmapped");
            }),
        );
    });

    it("rejects every mapped API that keeps its default endpoint, HTTP and WebSocket", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                mapped("http", httpApi("http"));
                mapped("ws", wsApi("ws", { disableExecuteApiEndpoint: false }));
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "http",
                    message: [
                        /Api "http" is mapped to a custom domain \(ApiMapping "http-mapping"\)/,
                        /disableExecuteApiEndpoint is false/,
                        /Set disableExecuteApiEndpoint: true/,
                    ],
                },
                { resource: "ws", message: [/disableExecuteApiEndpoint is false/] },
            ],
        );
    });

    it("finds the API an ApiMapping names by its literal id, once the id is known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            mapped("literal", httpApi("literal"), mockId("aws:apigatewayv2/api:Api::literal"));
            // A literal id of no API of the stack maps none of them.
            mapped("other", httpApi("other"), "a1b2c3d4e5");
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.update, RULE, "mandatory", [
            {
                resource: "literal",
                message: [
                    exactly(
                        'Api "literal" is mapped to a custom domain (ApiMapping "literal-mapping") but keeps its default execute-api endpoint (disableExecuteApiEndpoint is false), ' +
                            "which bypasses the domain's TLS policy and mTLS. Set disableExecuteApiEndpoint: true.",
                    ),
                ],
            },
        ]);
    });

    it("a disableExecuteApiEndpoint built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            mapped("http", httpApi("http", { disableExecuteApiEndpoint: afterDeployment(false) }));
            mapped("ws", wsApi("ws", { disableExecuteApiEndpoint: afterDeployment(true) }));
            // Unmapped, it may keep its default endpoint whatever the flag becomes.
            httpApi("unmapped", { disableExecuteApiEndpoint: afterDeployment(false) });
        });
        const must = (api: string) =>
            new RegExp(
                `cannot be verified at preview: Api "${api}"\\.disableExecuteApiEndpoint is unknown; it must be true, since ApiMapping "${api}-mapping" maps it to a custom domain\\.$`,
            );
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "http", message: [must("http")] },
            { resource: "ws", message: [must("ws")] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "http", message: [/ApiMapping "http-mapping"/, /disableExecuteApiEndpoint is false/] }]);
    });
});
