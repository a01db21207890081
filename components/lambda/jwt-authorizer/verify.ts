/**
 * Token verification with jose: the signature against the issuer's JWKS
 * (fetched over https, cached, refetched on an unknown `kid` at most once per
 * cooldown), the algorithm from the allow-list only, `iss` exactly, `aud`,
 * `exp` (required) and `nbf` within the clock skew, `sub` required. A failure
 * is a reason code; jose's messages are never passed on (they may quote claims).
 */
import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from "jose";
import { AuthorizerConfig } from "./config";

/** JWKS fetching and caching. */
export interface JwksOptions {
    /** Abort a JWKS fetch after this long. Default 2000 ms (well inside the function timeout). */
    timeoutMs?: number;
    /** After a fetch, an unknown `kid` triggers no new fetch for this long. Default 30000 ms. */
    cooldownMs?: number;
    /** Refetch the JWKS when the cached copy is older than this. Default 600000 ms (10 min). */
    cacheMaxAgeMs?: number;
}

export const JWKS_DEFAULTS: Required<JwksOptions> = { timeoutMs: 2000, cooldownMs: 30_000, cacheMaxAgeMs: 600_000 };

/** Why a token was rejected. */
export type VerifyProblem =
    | "malformed_token"
    | "alg_not_allowed"
    | "unknown_kid"
    | "bad_signature"
    | "token_expired"
    | "token_not_yet_valid"
    | "issuer_mismatch"
    | "audience_mismatch"
    | "claim_missing"
    | "claim_invalid"
    | "jwks_unavailable"
    | "invalid_token";

export type VerifyResult = { ok: true; claims: JWTPayload; kid?: string } | { ok: false; reason: VerifyProblem; kid?: string };

/** `kid` of a token, only for logging: bounded, printable. */
function logSafe(value: unknown): string | undefined {
    return typeof value === "string" ? value.replace(/[^\x20-\x7e]/g, "?").slice(0, 128) : undefined;
}

/** Wraps what went wrong while finding the key, so that it is not mistaken for a bad token. */
class KeyLookupFailed extends Error {
    constructor(readonly error: unknown) {
        super("key lookup failed");
    }
}

/** Maps a verification error to a reason code. */
export function reasonOf(err: unknown): VerifyProblem {
    if (err instanceof KeyLookupFailed) {
        const inner = err.error;
        return inner instanceof errors.JWKSNoMatchingKey || inner instanceof errors.JWKSMultipleMatchingKeys
            ? "unknown_kid"
            : // Fetch failures, timeouts, non-200 answers, unusable key sets: the issuer side, not the token.
              "jwks_unavailable";
    }
    if (err instanceof errors.JWTExpired) {
        return "token_expired";
    }
    if (err instanceof errors.JWTClaimValidationFailed) {
        if (err.reason === "missing") {
            return "claim_missing";
        }
        switch (err.claim) {
            case "nbf":
                return "token_not_yet_valid";
            case "iss":
                return "issuer_mismatch";
            case "aud":
                return "audience_mismatch";
            default:
                return "claim_invalid";
        }
    }
    if (err instanceof errors.JOSEAlgNotAllowed) {
        return "alg_not_allowed";
    }
    if (err instanceof errors.JWSSignatureVerificationFailed) {
        return "bad_signature";
    }
    if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) {
        return "malformed_token";
    }
    return "invalid_token";
}

/** A verifier for one configuration, holding its JWKS cache across invocations. */
export function createVerifier(config: AuthorizerConfig, options: JwksOptions = {}): (token: string) => Promise<VerifyResult> {
    const jwks = { ...JWKS_DEFAULTS, ...options };
    const keySet = createRemoteJWKSet(new URL(config.jwksUri), {
        timeoutDuration: jwks.timeoutMs,
        cooldownDuration: jwks.cooldownMs,
        cacheMaxAge: jwks.cacheMaxAgeMs,
    });
    const getKey: JWTVerifyGetKey = async (header, token) => {
        try {
            return await keySet(header, token);
        } catch (err) {
            throw new KeyLookupFailed(err);
        }
    };
    const algorithms: string[] = [...config.algorithms];
    return async (token: string): Promise<VerifyResult> => {
        let kid: string | undefined;
        try {
            const header = decodeProtectedHeader(token);
            kid = logSafe(header.kid);
            // Checked before any key is looked up: `none` and HMAC never reach jose's key selection.
            if (typeof header.alg !== "string" || !algorithms.includes(header.alg)) {
                return { ok: false, reason: "alg_not_allowed", kid };
            }
        } catch {
            return { ok: false, reason: "malformed_token" };
        }
        try {
            const { payload } = await jwtVerify(token, getKey, {
                issuer: config.issuer,
                audience: config.audience,
                algorithms,
                clockTolerance: config.clockSkewSeconds,
                requiredClaims: ["exp", "sub"],
            });
            return { ok: true, claims: payload, kid };
        } catch (err) {
            return { ok: false, reason: reasonOf(err), kid };
        }
    };
}
