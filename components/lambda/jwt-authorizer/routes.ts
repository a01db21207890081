/**
 * Route keys (`GET /orders/{id}`) and API Gateway method ARNs: parsing, and
 * matching a request's method and resource path against the configured keys.
 * Pure functions (plain data from the baseline only): bundled into the authorizer and used by the
 * component's argument checks alike.
 */

import { HTTP_METHODS, HttpMethod } from "../../../policy-pack/baseline";

/** Methods a route key may name: the platform's route methods (no OPTIONS: preflights never reach the authorizer). */
export const ROUTE_METHODS: readonly HttpMethod[] = HTTP_METHODS;
export type RouteMethod = HttpMethod;

/** One segment of a route's path template. */
export type Segment =
    | { kind: "literal"; value: string }
    /** `{id}`: exactly one non-empty segment. */
    | { kind: "param" }
    /** `{proxy+}`: one or more segments; last only. */
    | { kind: "greedy" };

/** A parsed route key. */
export interface RouteTemplate {
    key: string;
    method: RouteMethod;
    segments: Segment[];
}

const LITERAL = /^[A-Za-z0-9._~@:-]+$/;
const PARAM = /^\{[A-Za-z0-9._-]+\}$/;
const GREEDY = /^\{[A-Za-z0-9._-]+\+\}$/;

/** Parses `METHOD /path/{param}/{proxy+}`; returns a problem sentence when the key is not one. */
export function parseRouteKey(key: string): RouteTemplate | string {
    const match = /^([A-Z]+) (\/.*)$/.exec(key);
    if (!match) {
        return `must be "METHOD /path", e.g. "GET /orders/{id}"`;
    }
    const [, method, path] = match;
    if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
        return `has method ${JSON.stringify(method)}; allowed: ${ROUTE_METHODS.join(", ")}`;
    }
    if (path === "/") {
        return { key, method: method as RouteMethod, segments: [] };
    }
    const parts = path.slice(1).split("/");
    const segments: Segment[] = [];
    for (const [i, part] of parts.entries()) {
        if (GREEDY.test(part)) {
            if (i !== parts.length - 1) {
                return `has a greedy segment ${JSON.stringify(part)} that is not the last one`;
            }
            segments.push({ kind: "greedy" });
        } else if (PARAM.test(part)) {
            segments.push({ kind: "param" });
        } else if (LITERAL.test(part)) {
            segments.push({ kind: "literal", value: part });
        } else {
            return `has an invalid path segment ${JSON.stringify(part)} (letters, digits, . _ ~ @ : -, {name} or a last {name+})`;
        }
    }
    return { key, method: method as RouteMethod, segments };
}

/** The parts of an execute-api method ARN that matter here. */
export interface MethodArn {
    method: string;
    /** `/orders/42`, or `/` for the root resource. */
    path: string;
}

const METHOD_ARN = /^arn:aws[a-z-]*:execute-api:[a-z0-9-]+:\d{12}:[A-Za-z0-9]+\/[^/]+\/([A-Z]+)(\/.*)?$/;

/**
 * Parses `arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH`. Returns
 * undefined for anything else, and for an ARN with IAM wildcard characters
 * (`*`, `?`): an Allow on such a resource would grant more than one request.
 */
export function parseMethodArn(arn: unknown): MethodArn | undefined {
    if (typeof arn !== "string" || arn.length > 2048 || /[*?\s]/.test(arn)) {
        return undefined;
    }
    const match = METHOD_ARN.exec(arn);
    if (!match) {
        return undefined;
    }
    const path = match[2] && match[2] !== "/" ? match[2].replace(/\/+$/, "") : "/";
    return { method: match[1], path };
}

/** Whether a template matches a method and concrete path. */
export function routeMatches(template: RouteTemplate, request: MethodArn): boolean {
    if (template.method !== "ANY" && template.method !== request.method) {
        return false;
    }
    const parts = request.path === "/" ? [] : request.path.slice(1).split("/");
    const { segments } = template;
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (segment.kind === "greedy") {
            return parts.length > i && parts.slice(i).every((p) => p.length > 0);
        }
        const part = parts[i];
        if (part === undefined || part.length === 0) {
            return false;
        }
        if (segment.kind === "literal" && segment.value !== part) {
            return false;
        }
    }
    return parts.length === segments.length;
}

/** A route key with the scopes a caller needs. */
export interface ScopedRoute {
    template: RouteTemplate;
    scopes: readonly string[];
}

/**
 * The scopes a request needs: the union over every matching route (so an
 * overlapping, more general key can never lower the bar), or undefined when no
 * route matches (the authorizer then denies).
 */
export function requiredScopes(routes: readonly ScopedRoute[], request: MethodArn): string[] | undefined {
    const matching = routes.filter((r) => routeMatches(r.template, request));
    if (matching.length === 0) {
        return undefined;
    }
    return [...new Set(matching.flatMap((r) => r.scopes))].sort();
}
