/**
 * The declarative route table of a REST API and its validation. A route names
 * a path, a method, how it is authorized and what it integrates with.
 */
import * as pulumi from "@pulumi/pulumi";
import { AUTH_KINDS, AuthKind, HTTP_METHODS, HttpMethod, INTEGRATION_TIMEOUT_MS } from "../../policy-pack/baseline";
import { pathPrefixes, routeKey, slug } from "../shared/naming";
import { ThrottleArgs, ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError } from "../shared/validation";

export { AUTH_KINDS, AuthKind, HTTP_METHODS, HttpMethod, ThrottleArgs, ThrottleSettings, validateThrottle };

/** A static response from API Gateway itself (health checks, stubs). */
export interface MockIntegration {
    kind: "mock";
    /** JSON body returned with status 200. */
    responseBody: Record<string, unknown>;
}

/** Proxy to an HTTPS backend (HTTP_PROXY). */
export interface HttpIntegration {
    kind: "http";
    /** https:// URL of the backend; `{name}` path parameters are forwarded. */
    uri: string;
    /**
     * Backend timeout in milliseconds, `INTEGRATION_TIMEOUT_MS.min`–`max` (50–29000).
     * @default 29000
     */
    timeoutMs?: number;
}

/** Proxy to a Lambda function (AWS_PROXY). */
export interface LambdaIntegration {
    kind: "lambda";
    /** ARN of the function. */
    functionArn: pulumi.Input<string>;
}

export type RouteIntegration = MockIntegration | HttpIntegration | LambdaIntegration;

/** One route of the API. */
export interface RouteArgs {
    /** Path starting with `/`, segments of letters, digits, `.`, `_`, `-`, or `{param}` / `{proxy+}`. */
    path: string;
    /** HTTP method. */
    method: HttpMethod;
    /** How callers are authorized. `none` is flagged by the policy pack unless allow-listed. */
    auth: AuthKind;
    /**
     * OAuth scopes a Cognito token must carry (auth `cognito` only).
     * @default [] (any valid token of the pool)
     */
    scopes?: string[];
    /**
     * Require an API key (usage plans).
     * @default false
     */
    apiKeyRequired?: boolean;
    /**
     * JSON schema (draft 4) the request body must match; creates a model and validates the body.
     * @default undefined (the body is not validated)
     */
    requestSchema?: Record<string, unknown>;
    /**
     * Request parameters that must be present, e.g. `method.request.querystring.limit`.
     * @default [] (path parameters are always required)
     */
    requiredParameters?: string[];
    /** What the route calls. */
    integration: RouteIntegration;
    /**
     * Throttling override for this method.
     * @default undefined (the stage-wide throttle applies)
     */
    throttle?: ThrottleSettings;
}

const SEGMENT = /^([A-Za-z0-9._-]+|\{[A-Za-z0-9_]+\}|\{proxy\+\})$/;
const PARAMETER = /^method\.request\.(querystring|header|path)\.[A-Za-z0-9._-]+$/;

/** Validates the route table against the authorizers an API has. Returns nothing; throws on the first problem. */
export function validateRoutes(component: string, routes: RouteArgs[], available: ReadonlySet<AuthKind>): void {
    if (!routes || routes.length === 0) {
        throw new ComponentArgumentError(component, "routes", "must list at least one route");
    }
    const seen = new Set<string>();
    const prefixBySlug = new Map<string, string>();
    const variableByParent = new Map<string, string>();
    routes.forEach((route, i) => {
        const at = `routes[${i}]`;
        if (
            typeof route.path !== "string" ||
            !route.path.startsWith("/") ||
            route.path === "/" ||
            !route.path
                .slice(1)
                .split("/")
                .every((s) => SEGMENT.test(s))
        ) {
            throw new ComponentArgumentError(
                component,
                `${at}.path`,
                `must start with "/" and have segments of letters, digits, . _ - or {param}/{proxy+} (got ${JSON.stringify(route.path)})`,
            );
        }
        if (!(HTTP_METHODS as readonly string[]).includes(route.method)) {
            throw new ComponentArgumentError(component, `${at}.method`, `must be one of ${HTTP_METHODS.join(", ")} (got ${JSON.stringify(route.method)})`);
        }
        if (!(AUTH_KINDS as readonly string[]).includes(route.auth)) {
            throw new ComponentArgumentError(component, `${at}.auth`, `must be one of ${AUTH_KINDS.join(", ")} (got ${JSON.stringify(route.auth)})`);
        }
        if (route.auth !== "none" && !available.has(route.auth)) {
            throw new ComponentArgumentError(
                component,
                `${at}.auth`,
                `is "${route.auth}" but the API has no ${route.auth} authorizer configured (available: ${[...available].join(", ") || "none"})`,
            );
        }
        if (route.scopes && route.scopes.length > 0 && route.auth !== "cognito") {
            throw new ComponentArgumentError(component, `${at}.scopes`, 'are only valid with auth "cognito"');
        }
        const key = routeKey(route.method, route.path);
        if (seen.has(key)) {
            throw new ComponentArgumentError(component, at, `duplicates route ${key}`);
        }
        seen.add(key);
        // API Gateway's path rules: one variable segment per parent (/orders/{id} beside /orders/{orderId} is refused
        // at deploy: "A sibling ({id}) of this resource already has a variable path part"), and nothing below a greedy {proxy+}.
        const segments = route.path.slice(1).split("/");
        segments.forEach((segment, depth) => {
            const parent = "/" + segments.slice(0, depth).join("/");
            if (/^\{.+\}$/.test(segment)) {
                const sibling = variableByParent.get(parent);
                if (sibling !== undefined && sibling !== segment) {
                    throw new ComponentArgumentError(
                        component,
                        `${at}.path`,
                        `${JSON.stringify(route.path)} has ${segment} where another route has ${sibling} under ${JSON.stringify(parent)}; API Gateway allows one variable segment per parent, so use the same name`,
                    );
                }
                variableByParent.set(parent, segment);
            }
            if (/\+\}$/.test(segment) && depth < segments.length - 1) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.path`,
                    `${JSON.stringify(route.path)} has segments below the greedy ${segment}, which API Gateway does not allow`,
                );
            }
        });
        // Resource names are slugs of path prefixes, so /a/{b} and /a/b would collide.
        for (const prefix of pathPrefixes(route.path)) {
            const other = prefixBySlug.get(slug(prefix));
            if (other !== undefined && other !== prefix) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.path`,
                    `${JSON.stringify(route.path)} gives the same resource names as ${JSON.stringify(other)}; rename one of the paths`,
                );
            }
            prefixBySlug.set(slug(prefix), prefix);
        }
        (route.requiredParameters ?? []).forEach((p, j) => {
            if (!PARAMETER.test(p)) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.requiredParameters[${j}]`,
                    `must look like method.request.querystring|header|path.NAME (got ${JSON.stringify(p)})`,
                );
            }
        });
        if (route.requestSchema !== undefined && (typeof route.requestSchema !== "object" || route.requestSchema === null)) {
            throw new ComponentArgumentError(component, `${at}.requestSchema`, "must be a JSON schema object");
        }
        validateIntegration(component, `${at}.integration`, route.integration);
        if (route.throttle) {
            validateThrottle(component, `${at}.throttle`, route.throttle);
        }
    });
}

function validateIntegration(component: string, at: string, integration: RouteIntegration): void {
    switch (integration?.kind) {
        case "mock":
            return;
        case "http":
            if (!/^https:\/\/[^/\s]+/.test(integration.uri ?? "")) {
                throw new ComponentArgumentError(component, `${at}.uri`, `must be an https:// URL (got ${JSON.stringify(integration.uri)})`);
            }
            if (
                integration.timeoutMs !== undefined &&
                (!Number.isInteger(integration.timeoutMs) ||
                    integration.timeoutMs < INTEGRATION_TIMEOUT_MS.min ||
                    integration.timeoutMs > INTEGRATION_TIMEOUT_MS.max)
            ) {
                throw new ComponentArgumentError(
                    component,
                    `${at}.timeoutMs`,
                    `must be an integer from ${INTEGRATION_TIMEOUT_MS.min} to ${INTEGRATION_TIMEOUT_MS.max} (got ${JSON.stringify(integration.timeoutMs)})`,
                );
            }
            return;
        case "lambda":
            if (integration.functionArn === undefined || integration.functionArn === "") {
                throw new ComponentArgumentError(component, `${at}.functionArn`, "is required for a lambda integration");
            }
            return;
        default:
            throw new ComponentArgumentError(
                component,
                `${at}.kind`,
                `must be one of mock, http, lambda (got ${JSON.stringify((integration as { kind?: unknown })?.kind)})`,
            );
    }
}
