/**
 * What the authorizer returns to API Gateway: a one-statement IAM policy on
 * exactly the request's method ARN (never a wildcard, so a cached decision can
 * never cover another method or path), and the caller's identity as strings.
 */
import type { APIGatewayAuthorizerResult } from "aws-lambda";
import { JWTPayload } from "jose";

/** The identity handed to the integration as `$context.authorizer.*` (strings only). */
export interface IdentityContext {
    [key: string]: string;
    sub: string;
    clientId: string;
    /** Space-separated granted scopes. */
    scopes: string;
}

/** The authorizer's answer: Allow or Deny on one method ARN. */
export interface AuthorizerDecision extends APIGatewayAuthorizerResult {
    principalId: string;
    policyDocument: {
        Version: "2012-10-17";
        Statement: [{ Action: "execute-api:Invoke"; Effect: "Allow" | "Deny"; Resource: string }];
    };
    context: IdentityContext;
}

/** Scopes a token grants: the `scope` claim (space-separated), else `scp` (a string or a list). */
export function grantedScopes(claims: JWTPayload): string[] {
    const fromString = (s: string): string[] => s.split(" ").filter((x) => x.length > 0);
    if (typeof claims.scope === "string") {
        return fromString(claims.scope);
    }
    const scp = claims.scp;
    if (typeof scp === "string") {
        return fromString(scp);
    }
    if (Array.isArray(scp)) {
        return scp.filter((x): x is string => typeof x === "string" && x.length > 0 && !x.includes(" "));
    }
    return [];
}

/** The OAuth client of a token: `client_id` (RFC 9068, Cognito), else `azp`, else `cid` (Okta). */
export function clientIdOf(claims: JWTPayload): string {
    for (const claim of ["client_id", "azp", "cid"]) {
        const value = claims[claim];
        if (typeof value === "string") {
            return value;
        }
    }
    return "";
}

/** The identity context of verified claims. */
export function identityOf(claims: JWTPayload): IdentityContext {
    return { sub: claims.sub ?? "", clientId: clientIdOf(claims), scopes: grantedScopes(claims).join(" ") };
}

/** A decision on exactly `methodArn`. */
export function decision(effect: "Allow" | "Deny", methodArn: string, identity: IdentityContext): AuthorizerDecision {
    return {
        principalId: identity.sub,
        policyDocument: {
            Version: "2012-10-17",
            Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: methodArn }],
        },
        context: identity,
    };
}
