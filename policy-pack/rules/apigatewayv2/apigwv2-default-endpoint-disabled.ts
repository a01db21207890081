/** v2 APIs mapped to a custom domain must not keep their default execute-api endpoint. */
import * as aws from "@pulumi/aws";
import { unverifiable } from "../lib/messages";
import { knownOutput, refersTo, resourcesOf } from "../lib/resources";
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
            // Not set means API Gateway's default, false.
            const disabled = knownOutput(api, "disableExecuteApiEndpoint", (a) => a.disableExecuteApiEndpoint);
            if (!disabled.known) {
                report(unverifiable(api.label, disabled.path, `be true, since ${mapping.label} maps it to a custom domain`), api.urn);
            } else if (disabled.value !== true) {
                report(
                    `${api.label} is mapped to a custom domain (${mapping.label}) but keeps its default execute-api endpoint (disableExecuteApiEndpoint is ${disabled.value ?? false}), ` +
                        "which bypasses the domain's TLS policy and mTLS. Set disableExecuteApiEndpoint: true.",
                    api.urn,
                );
            }
        }
    },
});
