/** API Gateway methods must require an authorizer; only a real CORS preflight (OPTIONS answered by a MOCK integration) is exempt. */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { AUTHORIZATION_TYPES } from "../../baseline";
import { known, knownDeep } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { bodyOperationKey, checkBodyAuthorization } from "../lib/openapi-rules";
import { derivedFrom, OutputsOf, pendingLink, PendingLink, resourcesOf, sameKnownString, sameOrigin, StackResource } from "../lib/resources";
import { ruleConfig, stackRule } from "../lib/rule";

/** Config of `apigw-method-requires-authorization`. */
export interface MethodAuthorizationConfig {
    /**
     * Pulumi resource names of methods that are intentionally anonymous (e.g. a health check);
     * for an operation of a RestApi `body`, `<RestApi resource name> <METHOD> <path>`.
     */
    allowedAnonymousMethods: string[];
}

export const methodAuthorizationConfig = ruleConfig<MethodAuthorizationConfig>({
    allowedAnonymousMethods: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description:
            "Pulumi resource names of methods that are intentionally anonymous (e.g. a health check); for an operation of a RestApi body, '<RestApi resource name> <METHOD> <path>'.",
    },
});

const NONE = AUTHORIZATION_TYPES.none;
const AUTHORIZED = [AUTHORIZATION_TYPES.cognito, AUTHORIZATION_TYPES.lambda, AUTHORIZATION_TYPES.iam].join(", ");

type MethodResource = StackResource<OutputsOf<aws.apigateway.Method>>;
type IntegrationResource = StackResource<OutputsOf<aws.apigateway.Integration>>;

/** True when `a.prop` and `b.prop` came from the same resource or are the same known string. */
const same = (a: StackResource<unknown>, b: StackResource<unknown>, prop: string, read: (r: StackResource<unknown>) => unknown) =>
    sameOrigin(a, prop, b, prop) ||
    sameKnownString(
        () => read(a),
        () => read(b),
    );

const props = (r: StackResource<unknown>) => r.props as Record<string, unknown>;

/** True when the integration's httpMethod or resourceId was built from a method. */
const builtFromMethod = (integration: IntegrationResource) =>
    (["httpMethod", "resourceId"] as const).some((p) => (integration.resource.propertyDependencies[p] ?? []).some((d) => d.isType(aws.apigateway.Method)));

/** True when the integration serves the method: built from it, or (built from no method) on the same API, resource and HTTP method. */
export function integrationOfMethod(integration: IntegrationResource, method: MethodResource): boolean {
    if (builtFromMethod(integration)) {
        // Built from a method: that method, and no other.
        return derivedFrom(integration, "httpMethod", method) || derivedFrom(integration, "resourceId", method);
    }
    return (
        same(integration, method, "restApi", (r) => props(r).restApi) &&
        same(integration, method, "resourceId", (r) => props(r).resourceId) &&
        sameKnownString(
            () => integration.props.httpMethod,
            () => method.props.httpMethod,
        )
    );
}

/** An API Gateway resource whose outputs decide an integration's link to a method (matched by the dependency record). */
const apiGatewayPart = (d: PolicyResource) => d.isType(aws.apigateway.RestApi) || d.isType(aws.apigateway.Resource) || d.isType(aws.apigateway.Method);

/**
 * For an integration built from no method and not known to serve the method: the unknown link property
 * (restApi, resourceId or httpMethod, of either) that may yet make it serve the method once known; undefined if none.
 */
function pendingIntegration(integration: IntegrationResource, method: MethodResource): PendingLink | undefined {
    if (builtFromMethod(integration)) {
        return undefined;
    }
    return pendingLink(
        integration,
        method,
        (["restApi", "resourceId", "httpMethod"] as const).map((prop) => ({
            prop,
            isLinkTarget: apiGatewayPart,
            match:
                (prop !== "httpMethod" && sameOrigin(integration, prop, method, prop)) ||
                sameKnownString(
                    () => props(integration)[prop],
                    () => props(method)[prop],
                ),
        })),
    );
}

export const apigwMethodRequiresAuthorization = stackRule({
    name: "apigw-method-requires-authorization",
    service: "apigateway",
    description:
        "API Gateway methods, and the operations of a RestApi OpenAPI body, must use an authorizer (Cognito, Lambda or AWS_IAM), except CORS preflights (OPTIONS with a MOCK integration, in a body too) and allow-listed methods.",
    remediationSteps:
        "Set authorization to COGNITO_USER_POOLS, CUSTOM or AWS_IAM; answer OPTIONS preflights with a MOCK integration; or add the method's resource name to allowedAnonymousMethods.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: { checkov: ["CKV_AWS_59"] },
    config: methodAuthorizationConfig,
    inspects: [aws.apigateway.Method, aws.apigateway.Integration, aws.apigateway.RestApi],
    validateStack: (args, report) => {
        const { allowedAnonymousMethods } = methodAuthorizationConfig.read(args);
        const integrations = resourcesOf(args.resources, aws.apigateway.Integration);
        // Operations declared in an OpenAPI body are methods too.
        for (const api of resourcesOf(args.resources, aws.apigateway.RestApi)) {
            const body = knownDeep(() => api.props.body, "body");
            checkBodyAuthorization(
                body,
                api.label,
                (message) => report(message, api.urn),
                // Like a Method: an anonymous OPTIONS is exempt only as a real preflight, answered by a MOCK integration.
                (op) =>
                    (op.method === "OPTIONS" && (op.integration?.type ?? "").toUpperCase() === "MOCK") ||
                    allowedAnonymousMethods.includes(bodyOperationKey(api.name, op)),
                AUTHORIZED,
            );
        }
        for (const method of resourcesOf(args.resources, aws.apigateway.Method)) {
            const { label, name } = method;
            if (allowedAnonymousMethods.includes(name)) {
                continue;
            }
            const authorization = known(() => method.props.authorization, "authorization");
            if (!authorization.known) {
                report(unverifiable(label, authorization.path, `be one of ${AUTHORIZED}, or "${name}" listed in allowedAnonymousMethods`), method.urn);
                continue;
            }
            if ((authorization.value ?? NONE).toUpperCase() !== NONE) {
                continue;
            }
            const httpMethod = known(() => method.props.httpMethod, "httpMethod");
            if (!httpMethod.known) {
                report(
                    unverifiable(
                        label,
                        httpMethod.path,
                        `be OPTIONS (a CORS preflight) for a method with authorization ${NONE}, or authorization must be one of ${AUTHORIZED}`,
                    ),
                    method.urn,
                );
                continue;
            }
            const verb = (httpMethod.value ?? "").toUpperCase();
            const fix = `Set authorization to ${AUTHORIZED}, or list "${name}" in allowedAnonymousMethods if it is meant to be public.`;
            if (verb !== "OPTIONS") {
                report(`${label} (${verb || "?"}) has authorization ${NONE}, so anyone who can reach the API can call it. ${fix}`, method.urn);
                continue;
            }
            const served = integrations.filter((i) => integrationOfMethod(i, method));
            const pending = served.length === 0 ? integrations.map((i) => pendingIntegration(i, method)).find((l) => l !== undefined) : undefined;
            if (pending) {
                const { unknown, other, prop } = pending;
                report(
                    unverifiable(
                        unknown.label,
                        prop,
                        `be the ${prop} of ${other.label}: ${label} (OPTIONS) has authorization ${NONE} and needs a MOCK integration`,
                    ),
                    method.urn,
                );
                continue;
            }
            if (served.length === 0) {
                report(
                    `${label} (OPTIONS) has authorization ${NONE} but no MOCK integration in this stack answers it, so it is not known to be a CORS preflight. ` +
                        `Give it an aws.apigateway.Integration of type MOCK, or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
                    method.urn,
                );
                continue;
            }
            for (const integration of served) {
                const type = known(() => integration.props.type, "type");
                if (!type.known) {
                    report(unverifiable(integration.label, type.path, `be MOCK, since ${label} (OPTIONS) has authorization ${NONE}`), method.urn);
                } else if ((type.value ?? "").toUpperCase() !== "MOCK") {
                    report(
                        `${label} (OPTIONS) has authorization ${NONE} but its ${integration.label} is ${type.value} (type), not MOCK: ` +
                            `anyone can reach that backend with an OPTIONS request. Make the preflight a MOCK integration, or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
                        method.urn,
                    );
                }
            }
        }
    },
});
