/** API Gateway v2 routes must require authorization (WebSocket: on `$connect`, which every other route inherits). */
import * as aws from "@pulumi/aws";
import { apiV2Of, isQuickCreate, protocolOf, QUICK_CREATE_FIX } from "../lib/apis-v2";
import { known, knownDeep } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { bodyOperationKey, checkBodyAuthorization } from "../lib/openapi-rules";
import { resourcesOf } from "../lib/resources";
import { stackRule, ruleConfig } from "../lib/rule";

/** Config of `apigwv2-route-authorization`. */
export interface RouteAuthorizationConfig {
    /** Pulumi resource names of v2 routes that are intentionally anonymous (e.g. a health check); for an operation of an Api `body`, `<Api resource name> <METHOD> <path>`; for a quick-create Api, `<Api resource name> <routeKey>`. */
    allowedAnonymousRoutes: string[];
}

export const routeAuthorizationConfig = ruleConfig<RouteAuthorizationConfig>({
    allowedAnonymousRoutes: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description:
            "Pulumi resource names of v2 routes that are intentionally anonymous (e.g. a health check); for an operation of an Api body, '<Api resource name> <METHOD> <path>'; for a quick-create Api (target set), '<Api resource name> <routeKey>'.",
    },
});

const CONNECT = "$connect";
const AUTHORIZED_HTTP = "JWT, CUSTOM or AWS_IAM";
const AUTHORIZED_WS = "CUSTOM or AWS_IAM";

export const apigwv2RouteAuthorization = stackRule({
    name: "apigwv2-route-authorization",
    service: "apigatewayv2",
    description:
        "HTTP API routes (and operations of an HTTP API OpenAPI body, and the route of a quick-create API) and WebSocket $connect routes must use an authorizer (JWT, CUSTOM or AWS_IAM), except allow-listed routes; other WebSocket routes inherit $connect's authorization.",
    remediationSteps:
        "Set authorizationType to JWT, CUSTOM or AWS_IAM (WebSocket: on the $connect route), or add the route's resource name to allowedAnonymousRoutes.",
    severity: "critical",
    enforcementLevel: "mandatory",
    // Checked: checkov tests/terraform/checks/resource/aws/example_APIGatewayV2RouteDefinesAuthorizationType, cdk-nag test/rules/APIGW.test.ts (APIGWAuthorization, CfnRoute case), Security Hub APIGateway.8 page. Non-$connect WebSocket routes take no authorizer in AWS, so they are judged through $connect. APIG4's REST half is not claimed by apigw-method-requires-authorization: cdk-nag exempts OPTIONS by 204 + CORS method responses, the pack by a MOCK integration.
    controls: { securityHub: ["APIGateway.8"], cdkNag: ["AwsSolutions-APIG4"], checkov: ["CKV_AWS_309"] },
    config: routeAuthorizationConfig,
    inspects: [aws.apigatewayv2.Route, aws.apigatewayv2.Api],
    validateStack: (args, report) => {
        const { allowedAnonymousRoutes } = routeAuthorizationConfig.read(args);
        const apis = resourcesOf(args.resources, aws.apigatewayv2.Api);
        const routes = resourcesOf(args.resources, aws.apigatewayv2.Route);
        for (const api of apis) {
            checkBodyAuthorization(
                knownDeep(() => api.props.body, "body"),
                api.label,
                (message) => report(message, api.urn),
                (op) => allowedAnonymousRoutes.includes(bodyOperationKey(api.name, op)),
                AUTHORIZED_HTTP,
            );
            if (isQuickCreate(known(() => api.props.target, "target"))) {
                // Quick create makes a route with no authorizer, and CreateApi takes none for it.
                const routeKey = known(() => api.props.routeKey, "routeKey");
                const key = `${api.name} ${(routeKey.known ? routeKey.value : undefined) ?? "$default"}`;
                if (!routeKey.known) {
                    // Which route quick create makes, and so whether it is allow-listed, is not known yet.
                    report(
                        unverifiable(
                            api.label,
                            routeKey.path,
                            `be known: a quick-create API's route has no authorizer unless "${api.name} <routeKey>" is in allowedAnonymousRoutes`,
                        ),
                        api.urn,
                    );
                } else if (!allowedAnonymousRoutes.includes(key)) {
                    report(
                        `${api.label} is a quick-create HTTP API (target is set): API Gateway creates its route ${key.slice(api.name.length + 1)} with no authorizer, so anyone who can reach the API can call it. ` +
                            `To authorize it, ${QUICK_CREATE_FIX}, with authorizationType ${AUTHORIZED_HTTP}; or list "${key}" in allowedAnonymousRoutes.`,
                        api.urn,
                    );
                }
            }
        }
        for (const route of routes) {
            if (allowedAnonymousRoutes.includes(route.name)) {
                continue;
            }
            const key = known(() => route.props.routeKey, "routeKey");
            if (!key.known) {
                report(unverifiable(route.label, key.path, `be known to decide whether the route needs an authorizer`), route.urn);
                continue;
            }
            const api = apiV2Of(route, apis);
            const protocol = api ? protocolOf(api) : undefined;
            if (api && protocol && !protocol.known) {
                report(unverifiable(api.label, protocol.path, `be known to decide whether ${route.label} needs an authorizer`), route.urn);
                continue;
            }
            const websocket = protocol?.known && protocol.value === "WEBSOCKET";
            if (websocket && key.value !== CONNECT) {
                // Other WebSocket routes run on a connection that $connect authorized; there must be one.
                const siblings = routes.filter((r) => r !== route && apiV2Of(r, apis) === api);
                const connect = siblings.find((r) => known(() => r.props.routeKey).known && r.props.routeKey === CONNECT);
                // A sibling whose routeKey is unknown may be $connect: it is reported as unverifiable itself,
                // unless it is allow-listed (then skipped above), when this route is what cannot be verified.
                const pending = siblings.filter((r) => !known(() => r.props.routeKey).known);
                const listed = pending.find((r) => allowedAnonymousRoutes.includes(r.name));
                if (!connect && listed && pending.every((r) => allowedAnonymousRoutes.includes(r.name))) {
                    report(unverifiable(listed.label, "routeKey", `be known to decide whether ${route.label} has a ${CONNECT} route`), route.urn);
                } else if (!connect && pending.length === 0) {
                    report(
                        `${route.label} (${key.value}) belongs to WebSocket ${api?.label} which has no ${CONNECT} route in this stack, so connections are never authorized. ` +
                            `Add a ${CONNECT} route with authorizationType ${AUTHORIZED_WS}.`,
                        route.urn,
                    );
                }
                continue;
            }
            const type = known(() => route.props.authorizationType, "authorizationType");
            const allowed = websocket ? AUTHORIZED_WS : AUTHORIZED_HTTP;
            if (!type.known) {
                report(unverifiable(route.label, type.path, `be one of ${allowed}, or "${route.name}" listed in allowedAnonymousRoutes`), route.urn);
                continue;
            }
            if ((type.value ?? "NONE").toUpperCase() === "NONE") {
                report(
                    `${route.label} (${key.value}) has authorizationType ${type.value ?? "NONE (not set)"}, so anyone who can reach the API can call it. ` +
                        `Set authorizationType to ${allowed}, or list "${route.name}" in allowedAnonymousRoutes if it is meant to be public.`,
                    route.urn,
                );
            }
        }
    },
});
