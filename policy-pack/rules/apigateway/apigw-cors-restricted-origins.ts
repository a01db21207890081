/** CORS responses must name allowed origins, never any origin. */
import * as aws from "@pulumi/aws";
import { ReportViolation, ResourceValidationArgs, validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `apigw-cors-restricted-origins`. */
export interface CorsOriginsConfig {
    /** Origins that may appear in Access-Control-Allow-Origin; empty means any explicit origin. */
    allowedOrigins: string[];
    /** Allow `*` (only for non-production stacks). */
    allowWildcard: boolean;
}

export const corsOriginsConfig = ruleConfig<CorsOriginsConfig>({
    allowedOrigins: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Origins that may appear in Access-Control-Allow-Origin; empty means any explicit origin.",
    },
    allowWildcard: { type: "boolean", default: false, description: "Allow '*' (only for non-production stacks)." },
});

/** Response parameters that set Access-Control-Allow-Origin: on an integration response, and on a gateway response. */
export const CORS_ORIGIN_HEADERS = ["method.response.header.Access-Control-Allow-Origin", "gatewayresponse.header.Access-Control-Allow-Origin"] as const;

/** The configured origin from a response parameter mapping value such as `'https://a.example'`. */
export function originOf(mapping: string): string {
    return mapping.trim().replace(/^'(.*)'$/, "$1");
}

function checkOrigins(parameters: () => Record<string, string> | undefined, args: ResourceValidationArgs, report: ReportViolation): void {
    const { allowedOrigins, allowWildcard } = corsOriginsConfig.read(args);
    const label = describe(args);
    for (const header of CORS_ORIGIN_HEADERS) {
        const path = `responseParameters["${header}"]`;
        const value = known(() => parameters()?.[header], path);
        if (!value.known) {
            report(unverifiable(label, path, allowedOrigins.length > 0 ? `be one of ${allowedOrigins.join(", ")}` : "name an explicit origin, not '*'"));
            continue;
        }
        if (value.value === undefined) {
            continue;
        }
        const origin = originOf(value.value);
        if (origin === "*" && !allowWildcard) {
            report(
                `${label} answers Access-Control-Allow-Origin: * (${path}), letting any web site call the API from a user's browser. ` +
                    "Return only your application's origins (the components take corsAllowedOrigins).",
            );
        } else if (origin !== "*" && allowedOrigins.length > 0 && !allowedOrigins.includes(origin)) {
            report(
                `${label} allows origin ${origin} (${path}), which is not in allowedOrigins (${allowedOrigins.join(", ")}). Remove it or add it to the policy config.`,
            );
        }
    }
}

export const apigwCorsRestrictedOrigins = resourceRule({
    name: "apigw-cors-restricted-origins",
    service: "apigateway",
    description: "CORS responses must not allow any origin (*) and, when allowedOrigins is configured, only those origins.",
    remediationSteps: "Return Access-Control-Allow-Origin for a configured origin, never '*'.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: corsOriginsConfig,
    validateResource: [
        validateResourceOfType(aws.apigateway.IntegrationResponse, (response, args, report) => checkOrigins(() => response.responseParameters, args, report)),
        validateResourceOfType(aws.apigateway.Response, (response, args, report) => checkOrigins(() => response.responseParameters, args, report)),
    ],
});
