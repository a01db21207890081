/** Lambda authorizers must not cache their decision for long. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { AUTHORIZER_TTL } from "../../baseline";
import { known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { parseOpenApi } from "../lib/openapi";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `apigw-authorizer-cache-ttl`. */
export interface AuthorizerCacheTtlConfig {
    /** Largest allowed authorizer result cache TTL, seconds: a revoked token keeps working this long. */
    maxTtlSeconds: number;
}

export const authorizerCacheTtlConfig = ruleConfig<AuthorizerCacheTtlConfig>({
    maxTtlSeconds: {
        type: "integer",
        minimum: AUTHORIZER_TTL.min,
        maximum: AUTHORIZER_TTL.max,
        default: AUTHORIZER_TTL.max,
        description: "Largest allowed authorizer result cache TTL, in seconds.",
    },
});

export const apigwAuthorizerCacheTtl = resourceRule({
    name: "apigw-authorizer-cache-ttl",
    service: "apigateway",
    description: `Lambda authorizers, including those of a RestApi OpenAPI body, must not cache results longer than the configured maximum (${AUTHORIZER_TTL.max} s by default).`,
    remediationSteps: `Set authorizerResultTtlInSeconds between ${AUTHORIZER_TTL.min} and maxTtlSeconds.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {},
    config: authorizerCacheTtlConfig,
    validateResource: [
        validateResourceOfType(aws.apigateway.Authorizer, (authorizer, args, report) => {
            const label = describe(args);
            const type = known(() => authorizer.type, "type");
            if (type.known && (type.value ?? "TOKEN").toUpperCase() === "COGNITO_USER_POOLS") {
                return;
            }
            const { maxTtlSeconds } = authorizerCacheTtlConfig.read(args);
            const ttl = known(() => authorizer.authorizerResultTtlInSeconds, "authorizerResultTtlInSeconds");
            if (!ttl.known) {
                report(unverifiable(label, ttl.path, `be between ${AUTHORIZER_TTL.min} and ${maxTtlSeconds}`));
                return;
            }
            // API Gateway caches for 300 s when the TTL is not set.
            const seconds = ttl.value ?? AUTHORIZER_TTL.apiGatewayDefault;
            // A TTL outside the range is a finding only for a TOKEN or REQUEST authorizer; one inside it passes whatever the type.
            if (!type.known && (seconds > maxTtlSeconds || seconds < AUTHORIZER_TTL.min)) {
                report(unverifiable(label, type.path, `be COGNITO_USER_POOLS, since it caches ${seconds} s, outside ${AUTHORIZER_TTL.min}-${maxTtlSeconds} s`));
                return;
            }
            const given =
                ttl.value === undefined ? ` (authorizerResultTtlInSeconds is not set, so API Gateway caches ${AUTHORIZER_TTL.apiGatewayDefault} s)` : "";
            if (seconds > maxTtlSeconds) {
                report(
                    `${label} caches its decision for ${seconds} s${given}, longer than the allowed ${maxTtlSeconds} s: a revoked token keeps working that long. ` +
                        `Set authorizerResultTtlInSeconds to at most ${maxTtlSeconds}.`,
                );
            } else if (seconds < AUTHORIZER_TTL.min) {
                report(
                    `${label} sets authorizerResultTtlInSeconds to ${seconds}, below ${AUTHORIZER_TTL.min}. Set it between ${AUTHORIZER_TTL.min} and ${maxTtlSeconds}.`,
                );
            }
        }),
        // An unknown or unparsable body is reported by apigw-method-requires-authorization (one finding per weakness).
        validateResourceOfType(aws.apigateway.RestApi, (api, args, report) => {
            const body = knownDeep(() => api.body, "body");
            const parsed = body.known && body.value ? parseOpenApi(body.value) : undefined;
            if (!parsed?.ok) {
                return;
            }
            const { maxTtlSeconds } = authorizerCacheTtlConfig.read(args);
            for (const a of parsed.document.authorizers.filter((x) => ["TOKEN", "REQUEST"].includes((x.type ?? "").toUpperCase()))) {
                const seconds = a.ttlSeconds ?? AUTHORIZER_TTL.apiGatewayDefault;
                if (seconds > maxTtlSeconds || seconds < AUTHORIZER_TTL.min) {
                    report(
                        `${describe(args)} body authorizer "${a.name}" caches its decision for ${seconds} s (x-amazon-apigateway-authorizer.authorizerResultTtlInSeconds), ` +
                            `outside ${AUTHORIZER_TTL.min}-${maxTtlSeconds} s: a revoked token keeps working that long. Set authorizerResultTtlInSeconds to at most ${maxTtlSeconds}.`,
                    );
                }
            }
        }),
    ],
});
