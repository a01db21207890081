/** APIs behind a custom domain must not keep their default execute-api endpoint. */
import * as aws from "@pulumi/aws";
import { checkDefaultEndpoint } from "../lib/default-endpoint";
import { refersTo, resourcesOf } from "../lib/resources";
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
            checkDefaultEndpoint(api, mapping, report);
        }
    },
});
