import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, CERT_ARN } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi, v2Stage, wsApi } from "./v2-builders";

const RULE = "apigwv2-default-endpoint-disabled";

const mapped = (name: string, api: aws.apigatewayv2.Api) => {
    const domain = new aws.apigatewayv2.DomainName(`${name}-domain`, {
        domainName: `${name}.example.com`,
        domainNameConfiguration: { certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
    });
    const stage = v2Stage(`${name}-stage`, api);
    new aws.apigatewayv2.ApiMapping(`${name}-mapping`, { apiId: api.id, domainName: domain.id, stage: stage.id });
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
