/**
 * The route tables of HTTP and WebSocket APIs. HTTP routes have the shape of
 * REST routes (`apigateway/routes.ts`: path, method, auth, scopes, throttle,
 * integration), with the auth kinds and integrations API Gateway v2 offers.
 * WebSocket routes are route keys (`$connect`, `$disconnect`, `$default`, or
 * a value of the route selection expression).
 *
 * Argument values follow the provider's and API Gateway's own checks
 * (terraform-provider-aws `internal/service/apigatewayv2/route.go` and
 * `integration.go`; "Working with routes for HTTP APIs",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).
 */
import * as pulumi from "@pulumi/pulumi";
import { HTTP_METHODS, INTEGRATION_TIMEOUT_MS } from "../../policy-pack/baseline";
import { HttpIntegration, LambdaIntegration, RouteArgs } from "../apigateway/routes";
import { routeKey } from "../shared/naming";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError } from "../shared/validation";

/** How an HTTP API route is authorized: a JWT of the platform's pool, the Lambda REQUEST authorizer, SigV4, or nobody (waived). */
export const HTTP_AUTH_KINDS = ["jwt", "lambda", "iam", "none"] as const;
export type HttpAuthKind = (typeof HTTP_AUTH_KINDS)[number];

/** The route `authorizationType` of each HTTP auth kind. */
export const HTTP_AUTHORIZATION_TYPES: Readonly<Record<HttpAuthKind, string>> = { jwt: "JWT", lambda: "CUSTOM", iam: "AWS_IAM", none: "NONE" };

/** How a WebSocket `$connect` route is authorized. */
export const WEBSOCKET_AUTH_KINDS = ["lambda", "iam", "none"] as const;
export type WebSocketAuthKind = (typeof WEBSOCKET_AUTH_KINDS)[number];

/** A private integration: an ALB/NLB listener or a Cloud Map service reached through a VPC link, over TLS. */
export interface PrivateIntegration {
    kind: "private";
    /** Name of a VPC link of the API (`vpcLinks`). */
    vpcLink: string;
    /** ARN of the ALB/NLB listener or the Cloud Map service. */
    targetArn: pulumi.Input<string>;
    /** Host name on the backend's certificate: API Gateway verifies it (`tlsConfig.serverNameToVerify`). */
    serverNameToVerify: string;
    /**
     * Backend timeout in milliseconds, `INTEGRATION_TIMEOUT_MS.min`–`max` (50–29000).
     * @default 29000
     */
    timeoutMs?: number;
}

/** What an HTTP API route calls: an https:// backend, a Lambda function, or a private backend. */
export type HttpRouteIntegration = HttpIntegration | LambdaIntegration | PrivateIntegration;

/** One route of an HTTP API: the REST route shape, with v2 auth kinds and integrations. */
export interface HttpRouteArgs extends Pick<RouteArgs, "path" | "method" | "scopes" | "throttle"> {
    /** How callers are authorized; `none` needs a {@link waiver}. */
    auth: HttpAuthKind;
    /** What the route calls. */
    integration: HttpRouteIntegration;
    /**
     * Why the route is public (required with auth `none`; the route's resource name goes into the policy config's allow-list).
     * @default undefined
     */
    waiver?: string;
}

/** One route of a WebSocket API. */
export interface WebSocketRouteArgs {
    /** `$connect`, `$disconnect`, `$default`, or a value the route selection expression yields (e.g. `sendMessage`). */
    routeKey: string;
    /** The Lambda function that handles the route. */
    integration: LambdaIntegration;
    /**
     * Throttling override for this route.
     * @default undefined (the stage's default route throttle applies)
     */
    throttle?: ThrottleSettings;
}

const SEGMENT = /^([A-Za-z0-9._-]+|\{[A-Za-z0-9_]+\}|\{[A-Za-z0-9_]+\+\})$/;
const WS_KEY = /^(\$connect|\$disconnect|\$default|[A-Za-z0-9_.:-]{1,128})$/;

function validateTimeout(component: string, at: string, timeoutMs: number | undefined): void {
    if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < INTEGRATION_TIMEOUT_MS.min || timeoutMs > INTEGRATION_TIMEOUT_MS.max)) {
        throw new ComponentArgumentError(
            component,
            `${at}.timeoutMs`,
            `must be an integer from ${INTEGRATION_TIMEOUT_MS.min} to ${INTEGRATION_TIMEOUT_MS.max} (got ${JSON.stringify(timeoutMs)})`,
        );
    }
}

function validateLambda(component: string, at: string, integration: LambdaIntegration): void {
    if (integration.functionArn === undefined || integration.functionArn === "") {
        throw new ComponentArgumentError(component, `${at}.functionArn`, "is required for a lambda integration");
    }
}

function validateHttpIntegration(component: string, at: string, integration: HttpRouteIntegration, vpcLinks: ReadonlySet<string>): void {
    switch (integration?.kind) {
        case "http":
            // HTTP_PROXY to the internet: TLS only (the pack's apigwv2-integration-tls refuses http://).
            if (!/^https:\/\/[^/\s]+/.test(integration.uri ?? "")) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.uri`,
                    `must be an https:// URL; plaintext http:// is refused (got ${JSON.stringify(integration.uri)})`,
                );
            }
            validateTimeout(component, at, integration.timeoutMs);
            return;
        case "lambda":
            validateLambda(component, at, integration);
            return;
        case "private":
            if (!vpcLinks.has(integration.vpcLink)) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.vpcLink`,
                    `must name a VPC link of the API (vpcLinks: ${[...vpcLinks].join(", ") || "none"}) (got ${JSON.stringify(integration.vpcLink)})`,
                );
            }
            if (integration.targetArn === undefined || integration.targetArn === "") {
                throw new ComponentArgumentError(component, `${at}.targetArn`, "is required (an ALB/NLB listener ARN or a Cloud Map service ARN)");
            }
            if (typeof integration.serverNameToVerify !== "string" || !/^[A-Za-z0-9*.-]{1,253}$/.test(integration.serverNameToVerify)) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.serverNameToVerify`,
                    `must be the host name on the backend's certificate, e.g. orders.internal.example.com (got ${JSON.stringify(integration.serverNameToVerify)})`,
                );
            }
            validateTimeout(component, at, integration.timeoutMs);
            return;
        default:
            throw new ComponentArgumentError(
                component,
                `${at}.kind`,
                `must be one of http, lambda, private (got ${JSON.stringify((integration as { kind?: unknown })?.kind)})`,
            );
    }
}

/** Validates an HTTP API's route table against the authorizers and VPC links it has; throws on the first problem. */
export function validateHttpRoutes(
    component: string,
    routes: readonly HttpRouteArgs[],
    available: ReadonlySet<HttpAuthKind>,
    vpcLinks: ReadonlySet<string> = new Set(),
): void {
    if (!routes || routes.length === 0) {
        throw new ComponentArgumentError(component, "routes", "must list at least one route");
    }
    const seen = new Set<string>();
    routes.forEach((route, i) => {
        const at = `routes[${i}]`;
        const segments = typeof route.path === "string" ? route.path.slice(1).split("/") : [];
        if (typeof route.path !== "string" || !route.path.startsWith("/") || route.path === "/" || !segments.every((s) => SEGMENT.test(s))) {
            throw new ComponentArgumentError(
                component,
                `${at}.path`,
                `must start with "/" and have segments of letters, digits, . _ - or {param}/{param+} (got ${JSON.stringify(route.path)})`,
            );
        }
        if (segments.slice(0, -1).some((s) => s.endsWith("+}"))) {
            throw new ComponentArgumentError(
                component,
                `${at}.path`,
                `${JSON.stringify(route.path)} has segments below a greedy {param+}, which API Gateway does not allow`,
            );
        }
        if (!(HTTP_METHODS as readonly string[]).includes(route.method)) {
            throw new ComponentArgumentError(component, `${at}.method`, `must be one of ${HTTP_METHODS.join(", ")} (got ${JSON.stringify(route.method)})`);
        }
        if (!(HTTP_AUTH_KINDS as readonly string[]).includes(route.auth)) {
            throw new ComponentArgumentError(component, `${at}.auth`, `must be one of ${HTTP_AUTH_KINDS.join(", ")} (got ${JSON.stringify(route.auth)})`);
        }
        if (route.auth === "none" && !(typeof route.waiver === "string" && route.waiver.trim().length >= 10)) {
            throw new ComponentArgumentError(
                component,
                `${at}.waiver`,
                `is required with auth "none": say why anyone may call ${routeKey(route.method, route.path)} (at least 10 characters) (got ${JSON.stringify(route.waiver)})`,
            );
        }
        if (route.auth !== "none" && route.waiver !== undefined) {
            throw new ComponentArgumentError(component, `${at}.waiver`, `only applies to auth "none" (the route's auth is "${route.auth}")`);
        }
        if (route.auth !== "none" && route.auth !== "iam" && !available.has(route.auth)) {
            throw new ComponentArgumentError(
                component,
                `${at}.auth`,
                `is "${route.auth}" but the API has no ${route.auth} authorizer configured (authorizers.${route.auth})`,
            );
        }
        if (route.scopes && route.scopes.length > 0 && route.auth !== "jwt") {
            throw new ComponentArgumentError(component, `${at}.scopes`, 'are only valid with auth "jwt" (API Gateway checks scopes of JWT authorizers only)');
        }
        const key = routeKey(route.method, route.path);
        if (seen.has(key)) {
            throw new ComponentArgumentError(component, at, `duplicates route ${key}`);
        }
        seen.add(key);
        validateHttpIntegration(component, `${at}.integration`, route.integration, vpcLinks);
        if (route.throttle) {
            validateThrottle(component, `${at}.throttle`, route.throttle);
        }
    });
}

/** Validates a WebSocket API's routes; `$connect` is required (it is where connections are authorized). */
export function validateWebSocketRoutes(component: string, routes: readonly WebSocketRouteArgs[]): void {
    if (!routes || routes.length === 0) {
        throw new ComponentArgumentError(component, "routes", "must list at least one route");
    }
    const seen = new Set<string>();
    routes.forEach((route, i) => {
        const at = `routes[${i}]`;
        if (typeof route.routeKey !== "string" || !WS_KEY.test(route.routeKey)) {
            throw new ComponentArgumentError(
                component,
                `${at}.routeKey`,
                `must be $connect, $disconnect, $default or 1-128 letters, digits, _ . : - (got ${JSON.stringify(route.routeKey)})`,
            );
        }
        if (seen.has(route.routeKey)) {
            throw new ComponentArgumentError(component, at, `duplicates route ${route.routeKey}`);
        }
        seen.add(route.routeKey);
        if (route.integration?.kind !== "lambda") {
            throw new ComponentArgumentError(
                component,
                `${at}.integration.kind`,
                `must be lambda (got ${JSON.stringify((route.integration as { kind?: unknown })?.kind)})`,
            );
        }
        validateLambda(component, `${at}.integration`, route.integration);
        if (route.throttle) {
            validateThrottle(component, `${at}.throttle`, route.throttle);
        }
    });
    if (!seen.has("$connect")) {
        throw new ComponentArgumentError(component, "routes", "must include a $connect route: it is where API Gateway authorizes each connection");
    }
}
