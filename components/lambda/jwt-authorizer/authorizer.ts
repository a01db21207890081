/**
 * The authorizer's decision for one event:
 * - no token, a malformed or invalid one: `throw Error("Unauthorized")`, which
 *   API Gateway answers with 401;
 * - a valid token without the route's scopes (or for a route that is not
 *   configured): an explicit Deny on the method ARN, answered with 403;
 * - otherwise an Allow on exactly the method ARN, with the caller's identity.
 * When the issuer's key set cannot be fetched the function fails with another
 * error (API Gateway answers 500): the caller's token is not known to be bad.
 */
import { AuthorizerConfig } from "./config";
import { bearerToken } from "./event";
import { consoleLogger, Logger } from "./log";
import { AuthorizerDecision, decision, grantedScopes, identityOf } from "./policy";
import { parseMethodArn, requiredScopes } from "./routes";
import { createVerifier, JwksOptions } from "./verify";

/** The error message API Gateway maps to 401. */
export const UNAUTHORIZED = "Unauthorized";
/** The error thrown when the key set is unreachable (API Gateway answers 500). */
export const UNAVAILABLE = "Authorizer unavailable";

/** Options of {@link createAuthorizer}; the handler uses the defaults. */
export interface AuthorizerOptions {
    jwks?: JwksOptions;
    log?: Logger;
}

/** An authorizer function for one configuration (keeps its JWKS cache between calls). */
export function createAuthorizer(config: AuthorizerConfig, options: AuthorizerOptions = {}): (event: unknown) => Promise<AuthorizerDecision> {
    const verify = createVerifier(config, options.jwks);
    const log = options.log ?? consoleLogger;
    const unauthorized = (reason: string, details: { route?: string; kid?: string } = {}): Error => {
        log({ decision: "unauthorized", reason, ...details });
        return new Error(UNAUTHORIZED);
    };

    return async (event: unknown): Promise<AuthorizerDecision> => {
        const methodArn = event !== null && typeof event === "object" ? (event as { methodArn?: unknown }).methodArn : undefined;
        const request = parseMethodArn(methodArn);
        if (!request || typeof methodArn !== "string") {
            throw unauthorized("bad_method_arn");
        }
        const route = `${request.method} ${request.path}`;
        const token = bearerToken(event);
        if (!token.ok) {
            throw unauthorized(token.reason, { route });
        }
        const verified = await verify(token.token);
        if (!verified.ok) {
            if (verified.reason === "jwks_unavailable") {
                log({ decision: "error", reason: verified.reason, route, kid: verified.kid });
                throw new Error(UNAVAILABLE);
            }
            throw unauthorized(verified.reason, { route, kid: verified.kid });
        }
        const { claims, kid } = verified;
        if (typeof claims.sub !== "string" || claims.sub.length === 0) {
            throw unauthorized("claim_invalid", { route, kid });
        }
        const identity = identityOf(claims);
        const needed = requiredScopes(config.routes, request);
        if (needed === undefined) {
            log({ decision: "deny", reason: "route_not_configured", route, kid, sub: identity.sub });
            return decision("Deny", methodArn, identity);
        }
        const granted = new Set(grantedScopes(claims));
        if (!needed.every((scope) => granted.has(scope))) {
            log({ decision: "deny", reason: "insufficient_scope", route, kid, sub: identity.sub });
            return decision("Deny", methodArn, identity);
        }
        log({ decision: "allow", reason: "ok", route, kid, sub: identity.sub });
        return decision("Allow", methodArn, identity);
    };
}
