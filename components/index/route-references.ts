/**
 * Cross-references between a SecureApi's parts that each part alone cannot
 * check: the OAuth scopes routes require must be scopes the user pool defines,
 * and usage-plan method throttles must name routes that exist. API Gateway
 * accepts both either way, and then no token ever carries the scope (every
 * call answers 403) or the throttle silently applies to nothing.
 */
import { routeKey } from "../shared/naming";
import { ComponentArgumentError } from "../shared/validation";
import type { SecureApiArgs } from "./secure-api-args";

/**
 * The scope as a Cognito access token carries it: `<resource server identifier>/<scope name>`.
 * Routes may name a scope by its short name or in full.
 */
export function fullScope(identifier: string, scope: string): string {
    return scope.startsWith(`${identifier}/`) ? scope : `${identifier}/${scope}`;
}

/** Throws, naming the argument, when a route scope or method throttle refers to nothing. */
export function validateRouteReferences(args: SecureApiArgs): void {
    const C = "SecureApi";
    const identifier = args.cognito?.resourceServerIdentifier;
    const defined = (args.cognito?.scopes ?? []).map((s) => s.name);
    args.routes.forEach((route, i) => {
        (route.scopes ?? []).forEach((scope, j) => {
            const name = identifier && scope.startsWith(`${identifier}/`) ? scope.slice(identifier.length + 1) : scope;
            if (route.auth === "cognito" && !defined.includes(name)) {
                throw new ComponentArgumentError(
                    C,
                    `routes[${i}].scopes[${j}]`,
                    `is ${JSON.stringify(scope)}, which the user pool does not define (cognito.scopes: ${defined.join(", ") || "none"}); no token could ever carry it`,
                );
            }
        });
    });
    const routes = new Set(args.routes.map((r) => routeKey(r.method, r.path)));
    (args.usagePlans?.methodThrottles ?? []).forEach((t, i) => {
        if (!routes.has(routeKey(t.method, t.path))) {
            throw new ComponentArgumentError(
                C,
                `usagePlans.methodThrottles[${i}]`,
                `names ${routeKey(t.method, t.path)}, which is not a route of the API (routes: ${[...routes].join(", ")})`,
            );
        }
    });
}

/** The routes with their Cognito scopes in the form tokens carry. */
export function withFullScopes(args: SecureApiArgs): SecureApiArgs["routes"] {
    const identifier = args.cognito?.resourceServerIdentifier;
    return args.routes.map((r) => (identifier && r.auth === "cognito" && r.scopes ? { ...r, scopes: r.scopes.map((s) => fullScope(identifier, s)) } : r));
}
