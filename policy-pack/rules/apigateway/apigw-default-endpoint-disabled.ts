/** APIs behind a custom domain must not keep their default execute-api endpoint. */
import * as aws from "@pulumi/aws";
import { unverifiable } from "../lib/messages";
import { knownOutput, refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const apigwDefaultEndpointDisabled = stackRule({
    name: "apigw-default-endpoint-disabled",
    service: "apigateway",
    description:
        "A REST API served through a custom domain must disable its default execute-api endpoint, so WAF, mTLS and TLS policy on the domain cannot be bypassed.",
    remediationSteps: "Set disableExecuteApiEndpoint: true on the RestApi.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [aws.apigateway.RestApi, aws.apigateway.BasePathMapping],
    validateStack: (args, report) => {
        const mappings = resourcesOf(args.resources, aws.apigateway.BasePathMapping);
        for (const api of resourcesOf(args.resources, aws.apigateway.RestApi)) {
            const mapping = mappings.find((m) => refersTo(m, "restApi", api, [(a) => a.id]));
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
