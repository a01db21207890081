/** HTTP API CORS must not let any origin send credentials, and only configured origins when the policy lists them. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { Known, known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { knownBody } from "../lib/openapi-rules";
import { resourceRule, ruleConfig } from "../lib/rule";
import { asArray, asRecord } from "../lib/values";

/** Config of `apigwv2-cors-restricted-origins`. */
export interface V2CorsOriginsConfig {
    /** Origins HTTP APIs may list in corsConfiguration.allowOrigins; empty means any explicit origin (and `*` without credentials). */
    allowedOrigins: string[];
}

export const v2CorsOriginsConfig = ruleConfig<V2CorsOriginsConfig>({
    allowedOrigins: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Origins HTTP APIs may list in corsConfiguration.allowOrigins; empty means any explicit origin (and '*' without credentials).",
    },
});

/** Where a list of origins and its credentials flag are set, for messages. */
interface CorsPlace {
    readonly label: string;
    readonly origins: string;
    readonly credentials: string;
}

/** The finding for a list of allowed origins, or undefined when it is fine. */
function originsFinding(list: readonly string[], credentials: Known<boolean>, allowedOrigins: readonly string[], at: CorsPlace): string | undefined {
    if (allowedOrigins.length > 0) {
        const extra = list.filter((o) => !allowedOrigins.includes(o));
        return extra.length === 0
            ? undefined
            : `${at.label} allows origin(s) ${extra.join(", ")} (${at.origins}), not in allowedOrigins (${allowedOrigins.join(", ")}). Remove them or add them to the policy config.`;
    }
    if (!list.includes("*")) {
        return undefined;
    }
    if (!credentials.known) {
        return unverifiable(at.label, credentials.path, `be false while ${at.origins} contains '*'`);
    }
    return credentials.value
        ? `${at.label} allows any origin ('*' in ${at.origins}) with ${at.credentials}: true, letting any web site call the API with a user's credentials. ` +
              `List your application's origins in ${at.origins} instead of '*'.`
        : undefined;
}

export const apigwv2CorsRestrictedOrigins = resourceRule({
    name: "apigwv2-cors-restricted-origins",
    service: "apigatewayv2",
    description:
        "HTTP API corsConfiguration.allowOrigins (and an OpenAPI body's x-amazon-apigateway-cors.allowOrigins) must not contain '*' with allowCredentials, and, when allowedOrigins is configured, only those origins.",
    remediationSteps: "List your application's origins in corsConfiguration.allowOrigins instead of '*'.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: v2CorsOriginsConfig,
    validateResource: validateResourceOfType(aws.apigatewayv2.Api, (api, args, report) => {
        const { allowedOrigins } = v2CorsOriginsConfig.read(args);
        const label = describe(args);
        // An unknown or unparsable body is reported by apigwv2-route-authorization (knownBody).
        const doc = knownBody(knownDeep(() => api.body, "body"));
        if (doc?.cors !== undefined) {
            const origins = asArray(doc.cors.allowOrigins).filter((o): o is string => typeof o === "string");
            const finding = originsFinding(origins, { known: true, value: asRecord(doc.cors).allowCredentials === true }, allowedOrigins, {
                label,
                origins: "body x-amazon-apigateway-cors.allowOrigins",
                credentials: "body x-amazon-apigateway-cors.allowCredentials",
            });
            if (finding) {
                report(finding);
            }
        }
        const cors = known(() => api.corsConfiguration, "corsConfiguration");
        if (cors.known && cors.value === undefined) {
            return;
        }
        const origins = knownDeep(() => api.corsConfiguration?.allowOrigins, "corsConfiguration.allowOrigins");
        if (!origins.known) {
            report(
                unverifiable(
                    label,
                    origins.path,
                    allowedOrigins.length > 0 ? `list only ${allowedOrigins.join(", ")}` : "not contain '*' when credentials are allowed",
                ),
            );
            return;
        }
        const credentials = known(() => api.corsConfiguration?.allowCredentials, "corsConfiguration.allowCredentials");
        const finding = originsFinding(
            origins.value ?? [],
            credentials.known ? { known: true, value: credentials.value === true } : credentials,
            allowedOrigins,
            { label, origins: "corsConfiguration.allowOrigins", credentials: "corsConfiguration.allowCredentials" },
        );
        if (finding) {
            report(finding);
        }
    }),
});
