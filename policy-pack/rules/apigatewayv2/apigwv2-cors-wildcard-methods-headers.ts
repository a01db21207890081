/** HTTP API CORS should name the methods and headers it allows. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const FIELDS = ["allowMethods", "allowHeaders"] as const;

export const apigwv2CorsWildcardMethodsHeaders = resourceRule({
    name: "apigwv2-cors-wildcard-methods-headers",
    service: "apigatewayv2",
    description: "HTTP API corsConfiguration.allowMethods and allowHeaders should list what the application uses, not '*'.",
    remediationSteps: "Replace '*' in corsConfiguration.allowMethods and allowHeaders with the methods and headers the browser application sends.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigatewayv2.Api, (api, args, report) => {
        const label = describe(args);
        for (const field of FIELDS) {
            const path = `corsConfiguration.${field}`;
            const value = knownDeep(() => api.corsConfiguration?.[field], path);
            if (!value.known) {
                report(unverifiable(label, value.path, "list explicit values, not '*'"));
            } else if ((value.value ?? []).includes("*")) {
                report(
                    `${label} allows any ${field === "allowMethods" ? "method" : "header"} in cross-origin requests ('*' in ${path}); list the ones the application uses.`,
                );
            }
        }
    }),
});
