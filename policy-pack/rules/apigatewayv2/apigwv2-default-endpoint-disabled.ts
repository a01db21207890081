/** v2 APIs mapped to a custom domain must not keep their default execute-api endpoint. */
import * as aws from "@pulumi/aws";
import { checkDefaultEndpoint } from "../lib/default-endpoint";
import { refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const apigwv2DefaultEndpointDisabled = stackRule({
    name: "apigwv2-default-endpoint-disabled",
    service: "apigatewayv2",
    description:
        "An HTTP or WebSocket API mapped to a custom domain (aws.apigatewayv2.ApiMapping) must disable its default execute-api endpoint, so the domain's TLS policy and mTLS cannot be bypassed.",
    remediationSteps: "Set disableExecuteApiEndpoint: true on the aws.apigatewayv2.Api.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [aws.apigatewayv2.Api, aws.apigatewayv2.ApiMapping],
    validateStack: (args, report) => {
        const mappings = resourcesOf(args.resources, aws.apigatewayv2.ApiMapping);
        for (const api of resourcesOf(args.resources, aws.apigatewayv2.Api)) {
            const mapping = mappings.find((m) => refersTo(m, "apiId", api, [(a) => a.id]));
            if (!mapping) {
                continue;
            }
            checkDefaultEndpoint(api, mapping, report);
        }
    },
});
