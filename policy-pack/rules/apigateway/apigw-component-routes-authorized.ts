/** Routes of `@pulumi/aws-apigateway` RestAPI components must use an authorizer or IAM. */
import * as aws from "@pulumi/aws";
import { componentClass, descendsFrom } from "../lib/components";
import { knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { ruleConfig, stackRule } from "../lib/rule";
import { asArray, asRecord, asString } from "../lib/values";

/** Type token of `@pulumi/aws-apigateway`'s RestAPI (the package is not installed: it is a remote component). */
export const REST_API_COMPONENT = "aws-apigateway:index:RestAPI";

/** Config of `apigw-component-routes-authorized`. */
export interface ComponentRoutesConfig {
    /** Routes meant to be anonymous, as `METHOD path` (e.g. `GET /health`). */
    allowedAnonymousRoutes: string[];
}

export const componentRoutesConfig = ruleConfig<ComponentRoutesConfig>({
    allowedAnonymousRoutes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Routes of RestAPI components meant to be anonymous, as 'METHOD path' (e.g. 'GET /health').",
    },
});

export const apigwComponentRoutesAuthorized = stackRule({
    name: "apigw-component-routes-authorized",
    service: "apigateway",
    description: `Routes of ${REST_API_COMPONENT} components (@pulumi/aws-apigateway) must set authorizers or iamAuthEnabled, judged from the component's inputs when its Method children are not in the plan.`,
    remediationSteps: "Give each route authorizers (or iamAuthEnabled: true), or list it as 'METHOD path' in allowedAnonymousRoutes.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: {},
    config: componentRoutesConfig,
    inspects: [componentClass(REST_API_COMPONENT), aws.apigateway.Method],
    validateStack: (args, report) => {
        const { allowedAnonymousRoutes } = componentRoutesConfig.read(args);
        for (const api of args.resources.filter((r) => r.type === REST_API_COMPONENT)) {
            // Under the real CLI the component's Methods exist: apigw-method-requires-authorization judges them.
            if (args.resources.some((m) => m.isType(aws.apigateway.Method) && descendsFrom(m, api))) {
                continue;
            }
            const label = describe(api);
            const swagger = knownDeep(() => api.props.swaggerString, "swaggerString");
            if (!swagger.known || swagger.value !== undefined) {
                report(
                    `not verified: ${label} defines its API in swaggerString, which this rule does not read; every operation must have security. ` +
                        "Define the API with routes (authorizers or iamAuthEnabled), or with raw aws.apigateway resources.",
                    api.urn,
                );
            }
            const routes = knownDeep(() => api.props.routes, "routes");
            if (!routes.known) {
                report(unverifiable(label, routes.path, "give every route authorizers or iamAuthEnabled: true"), api.urn);
                continue;
            }
            for (const [i, raw] of asArray(routes.value).entries()) {
                const route = asRecord(raw);
                const key = `${(asString(route.method) ?? "ANY").toUpperCase()} ${asString(route.path) ?? "/"}`;
                if (allowedAnonymousRoutes.includes(key) || route.iamAuthEnabled === true || asArray(route.authorizers).length > 0) {
                    continue;
                }
                report(
                    `${label} route ${key} (routes[${i}]) has no authorizers and iamAuthEnabled is not true, so anyone who can reach the API can call it. ` +
                        `Set routes[${i}].authorizers or iamAuthEnabled: true, or list "${key}" in allowedAnonymousRoutes.`,
                    api.urn,
                );
            }
        }
    },
});
