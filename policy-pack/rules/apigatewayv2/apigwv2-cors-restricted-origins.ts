/** HTTP API CORS must not let any origin send credentials, and only configured origins when the policy lists them. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

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

export const apigwv2CorsRestrictedOrigins = resourceRule({
    name: "apigwv2-cors-restricted-origins",
    service: "apigatewayv2",
    description:
        "HTTP API corsConfiguration.allowOrigins must not contain '*' with allowCredentials, and, when allowedOrigins is configured, only those origins.",
    remediationSteps: "List your application's origins in corsConfiguration.allowOrigins instead of '*'.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: v2CorsOriginsConfig,
    validateResource: validateResourceOfType(aws.apigatewayv2.Api, (api, args, report) => {
        const { allowedOrigins } = v2CorsOriginsConfig.read(args);
        const label = describe(args);
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
        const list = origins.value ?? [];
        if (allowedOrigins.length > 0) {
            const extra = list.filter((o) => !allowedOrigins.includes(o));
            if (extra.length > 0) {
                report(
                    `${label} allows origin(s) ${extra.join(", ")} (corsConfiguration.allowOrigins), not in allowedOrigins (${allowedOrigins.join(", ")}). Remove them or add them to the policy config.`,
                );
            }
            return;
        }
        if (!list.includes("*")) {
            return;
        }
        const credentials = known(() => api.corsConfiguration?.allowCredentials, "corsConfiguration.allowCredentials");
        if (!credentials.known) {
            report(unverifiable(label, credentials.path, "be false while corsConfiguration.allowOrigins contains '*'"));
        } else if (credentials.value === true) {
            report(
                `${label} allows any origin ('*' in corsConfiguration.allowOrigins) with corsConfiguration.allowCredentials: true, letting any web site call the API with a user's credentials. ` +
                    "List your application's origins in corsConfiguration.allowOrigins instead of '*'.",
            );
        }
    }),
});
