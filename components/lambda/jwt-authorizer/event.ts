/**
 * The bearer token of a TOKEN or REQUEST authorizer event. The event is
 * treated as untrusted input: anything but exactly one well-formed
 * `Authorization: Bearer <compact JWS>` is a reason code, never a token.
 */
import type { APIGatewayRequestAuthorizerEvent, APIGatewayTokenAuthorizerEvent } from "aws-lambda";

/** The two REST API authorizer event shapes. */
export type AuthorizerEvent = APIGatewayTokenAuthorizerEvent | APIGatewayRequestAuthorizerEvent;

/** Why no token could be taken from an event. */
export type TokenProblem = "unsupported_event" | "missing_token" | "ambiguous_token" | "malformed_authorization";

/** A token, or why there is none. */
export type TokenResult = { ok: true; token: string } | { ok: false; reason: TokenProblem };

/** Longest token accepted (API Gateway limits request line plus headers to 10 KiB). */
export const MAX_TOKEN_LENGTH = 8192;

/** `Bearer` (any case), whitespace, then three base64url parts (the signature may be empty: `alg: none` is refused later with its own reason). */
const BEARER = /^Bearer[ \t]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)[ \t]*$/i;

type Headers = Record<string, string | undefined> | null | undefined;
type MultiHeaders = Record<string, string[] | undefined> | null | undefined;

/** Every value of a header, whatever the case of its name, from both header maps. */
function headerValues(headers: Headers, multi: MultiHeaders, name: string): string[] {
    const lower = name.toLowerCase();
    const single = Object.entries(headers ?? {})
        .filter(([k, v]) => k.toLowerCase() === lower && typeof v === "string")
        .map(([, v]) => v as string);
    const multiple = Object.entries(multi ?? {})
        .filter(([k]) => k.toLowerCase() === lower)
        .flatMap(([, v]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []));
    return [...new Set([...single, ...multiple])];
}

/** Parses an Authorization header value. */
export function parseBearer(value: string): TokenResult {
    if (value.length > MAX_TOKEN_LENGTH + 32) {
        return { ok: false, reason: "malformed_authorization" };
    }
    const match = BEARER.exec(value);
    return match ? { ok: true, token: match[1] } : { ok: false, reason: "malformed_authorization" };
}

/** The bearer token of an event. */
export function bearerToken(event: unknown): TokenResult {
    if (event === null || typeof event !== "object") {
        return { ok: false, reason: "unsupported_event" };
    }
    const e = event as Partial<AuthorizerEvent>;
    if (e.type === "TOKEN") {
        const value = (e as Partial<APIGatewayTokenAuthorizerEvent>).authorizationToken;
        if (typeof value !== "string" || value.length === 0) {
            return { ok: false, reason: "missing_token" };
        }
        return parseBearer(value);
    }
    if (e.type === "REQUEST") {
        const request = e as Partial<APIGatewayRequestAuthorizerEvent>;
        const values = headerValues(request.headers, request.multiValueHeaders, "authorization");
        if (values.length === 0) {
            return { ok: false, reason: "missing_token" };
        }
        if (values.length > 1) {
            return { ok: false, reason: "ambiguous_token" };
        }
        return parseBearer(values[0]);
    }
    return { ok: false, reason: "unsupported_event" };
}
