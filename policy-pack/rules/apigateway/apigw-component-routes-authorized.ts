/** Routes of `@pulumi/aws-apigateway` RestAPI components must use an authorizer or IAM. */
import * as aws from "@pulumi/aws";
import { componentClass, descendsFrom } from "../lib/components";
import { isUnknown, knownDeep, snapshot } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { bodyOperationKey, checkBodyAuthorization } from "../lib/openapi-rules";
import { ruleConfig, stackRule } from "../lib/rule";
import { asArray, asRecord, asString, Props } from "../lib/values";

/** Type token of `@pulumi/aws-apigateway`'s RestAPI (the package is not installed: it is a remote component). */
export const REST_API_COMPONENT = "aws-apigateway:index:RestAPI";

/** Config of `apigw-component-routes-authorized`. */
export interface ComponentRoutesConfig {
    /** Routes meant to be anonymous, as `METHOD path` (e.g. `GET /health`); for a swaggerString operation also `<component name> METHOD path`. */
    allowedAnonymousRoutes: string[];
}

export const componentRoutesConfig = ruleConfig<ComponentRoutesConfig>({
    allowedAnonymousRoutes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description:
            "Routes of RestAPI components meant to be anonymous, as 'METHOD path' (e.g. 'GET /health'); for an operation of a swaggerString also '<component name> METHOD path'.",
    },
});

/**
 * `METHOD /path` of a route as the component builds it: the path gets a leading `/`; a route
 * without method is ANY, a static (localPath) route serves GET.
 */
function routeKey(route: Props): string {
    const method = isUnknown(route.method) ? "?" : (asString(route.method)?.toUpperCase() ?? (route.localPath !== undefined ? "GET" : "ANY"));
    const path = isUnknown(route.path) ? "?" : (asString(route.path) ?? "");
    return `${method} /${path.replace(/^\//, "")}`;
}

/** The unknown part of a route's key ("method" or "path") that may yet make it a route of the allow-list, if any. */
function mayBeListed(route: Props, allowed: readonly string[]): "method" | "path" | undefined {
    const unknownMethod = isUnknown(route.method);
    const unknownPath = isUnknown(route.path);
    if (!unknownMethod && !unknownPath) {
        return undefined;
    }
    const [method, path] = routeKey(route).split(/ (.*)/);
    const listed = allowed.some((entry) => {
        const parts = /^(\S+) (\/.*)$/.exec(entry);
        return parts !== null && (unknownMethod || parts[1] === method) && (unknownPath || parts[2] === path);
    });
    return listed ? (unknownMethod ? "method" : "path") : undefined;
}

export const apigwComponentRoutesAuthorized = stackRule({
    name: "apigw-component-routes-authorized",
    service: "apigateway",
    description: `Routes of ${REST_API_COMPONENT} components (@pulumi/aws-apigateway) must set authorizers or iamAuthEnabled, and operations of its swaggerString must have security, judged from the component's inputs when its Method children are not in the plan.`,
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
            checkBodyAuthorization(
                knownDeep(() => api.props.swaggerString, "swaggerString"),
                label,
                (message) => report(message, api.urn),
                (op) =>
                    op.method === "OPTIONS" ||
                    allowedAnonymousRoutes.includes(`${op.method} ${op.path}`) ||
                    allowedAnonymousRoutes.includes(bodyOperationKey(api.name, op)),
                "COGNITO_USER_POOLS, CUSTOM or AWS_IAM",
            );
            // Routes are read part by part: a route's eventHandler or an authorizer's handler is a
            // resource reference, unknown at a first preview, but whether a route has authorizers is known.
            const routes = snapshot(() => api.props.routes);
            if (isUnknown(routes)) {
                report(unverifiable(label, "routes", "give every route authorizers or iamAuthEnabled: true"), api.urn);
                continue;
            }
            for (const [i, raw] of asArray(routes).entries()) {
                const route = asRecord(raw);
                const key = isUnknown(raw) ? `routes[${i}]` : routeKey(route);
                const authorizers = route.authorizers;
                if (allowedAnonymousRoutes.includes(key) || route.iamAuthEnabled === true || (Array.isArray(authorizers) && authorizers.length > 0)) {
                    continue;
                }
                const unknown = [
                    isUnknown(raw) ? "" : undefined,
                    isUnknown(authorizers) ? "authorizers" : undefined,
                    isUnknown(route.iamAuthEnabled) ? "iamAuthEnabled" : undefined,
                ].filter((p): p is string => p !== undefined);
                if (unknown.length > 0) {
                    report(
                        unverifiable(label, `routes.${i}${unknown[0] ? `.${unknown[0]}` : ""}`, `give route ${key} authorizers or iamAuthEnabled: true`),
                        api.urn,
                    );
                    continue;
                }
                const listed = mayBeListed(route, allowedAnonymousRoutes);
                if (listed) {
                    const requirement = `name a route listed in allowedAnonymousRoutes (route ${key} has no authorizers and iamAuthEnabled is not true)`;
                    report(unverifiable(label, `routes.${i}.${listed}`, requirement), api.urn);
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
