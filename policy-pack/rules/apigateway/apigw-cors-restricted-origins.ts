/** CORS responses must name allowed origins, never any origin. */
import * as aws from "@pulumi/aws";
import { ReportViolation, ResourceValidationArgs, validateResourceOfType } from "@pulumi/policy";
import { known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { bodyOrigins, mappedOrigin } from "../lib/openapi-checks";
import { knownBody } from "../lib/openapi-rules";
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
export const originOf = mappedOrigin;

/** Why an origin a response returns breaks the config (`at` names where it is set), or undefined. */
export function originProblem(origin: string, at: string, config: CorsOriginsConfig): string | undefined {
    const { allowedOrigins, allowWildcard } = config;
    if (origin === "*" && !allowWildcard) {
        return (
            `answers Access-Control-Allow-Origin: * (${at}), letting any web site call the API from a user's browser. ` +
            "Return only your application's origins (the components take corsAllowedOrigins)."
        );
    }
    if (origin !== "*" && allowedOrigins.length > 0 && !allowedOrigins.includes(origin)) {
        return `allows origin ${origin} (${at}), which is not in allowedOrigins (${allowedOrigins.join(", ")}). Remove it or add it to the policy config.`;
    }
    return undefined;
}

function checkOrigins(parameters: () => Record<string, string> | undefined, args: ResourceValidationArgs, report: ReportViolation): void {
    const config = corsOriginsConfig.read(args);
    const { allowedOrigins, allowWildcard } = config;
    if (allowedOrigins.length === 0 && allowWildcard) {
        // Every origin passes: nothing to check, nor to leave unverified when unknown.
        return;
    }
    const label = describe(args);
    const allowed = allowedOrigins.length > 0 ? `one of ${allowedOrigins.join(", ")}${allowWildcard ? " or '*'" : ""}` : "an explicit origin, not '*'";
    const all = known(parameters, "responseParameters");
    if (!all.known) {
        report(unverifiable(label, all.path, `set Access-Control-Allow-Origin only to ${allowed}`));
        return;
    }
    for (const header of CORS_ORIGIN_HEADERS) {
        const path = `responseParameters["${header}"]`;
        const value = known(() => all.value?.[header]);
        if (!value.known) {
            // Named as the definite finding names it (the SDK's dotted path would split the header name).
            report(unverifiable(label, path, `be ${allowed}`));
            continue;
        }
        if (value.value === undefined) {
            continue;
        }
        const problem = originProblem(originOf(value.value), path, config);
        if (problem) {
            report(`${label} ${problem}`);
        }
    }
}

export const apigwCorsRestrictedOrigins = resourceRule({
    name: "apigw-cors-restricted-origins",
    service: "apigateway",
    description:
        "CORS responses (integration and gateway responses, also those of a RestApi OpenAPI body) must not allow any origin (*) and, when allowedOrigins is configured, only those origins.",
    remediationSteps:
        "Return Access-Control-Allow-Origin for a configured origin, never '*' (in a body: the responseParameters of x-amazon-apigateway-gateway-responses and of x-amazon-apigateway-integration.responses).",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: corsOriginsConfig,
    validateResource: [
        validateResourceOfType(aws.apigateway.IntegrationResponse, (response, args, report) => checkOrigins(() => response.responseParameters, args, report)),
        validateResourceOfType(aws.apigateway.Response, (response, args, report) => checkOrigins(() => response.responseParameters, args, report)),
        // An unknown or unparsable body is reported by apigw-method-requires-authorization (knownBody).
        validateResourceOfType(aws.apigateway.RestApi, (api, args, report) => {
            const doc = knownBody(knownDeep(() => api.body, "body"));
            const config = corsOriginsConfig.read(args);
            for (const { pointer, value } of doc ? bodyOrigins(doc) : []) {
                const problem = originProblem(originOf(value), `body ${pointer}`, config);
                if (problem) {
                    report(`${describe(args)} ${problem}`);
                }
            }
        }),
    ],
});
