/**
 * The authorizer's settings, checked once for both sides: the handler checks
 * its environment at cold start (config.ts), the component checks its
 * arguments before creating anything (jwt-authorizer-function.ts). Each check
 * throws a {@link SettingError} naming what is wrong; each side names the
 * setting its own way (env var or argument). No Pulumi or AWS imports: this
 * module is bundled into the function.
 */
import { parseRouteKey, RouteTemplate, ScopedRoute } from "./routes";

/**
 * Asymmetric JWS algorithms the authorizer can verify with a JWKS public key.
 * `none` and the HMAC algorithms (HS256/384/512) are never allowed: with an
 * HMAC algorithm the issuer's public key, which anyone can fetch, would be
 * accepted as the shared secret.
 */
export const JWT_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** Algorithms allowed when none are configured. */
export const DEFAULT_ALGORITHMS: readonly JwtAlgorithm[] = ["RS256", "ES256"];

/** Clock skew tolerated on `exp` and `nbf`, seconds. */
export const CLOCK_SKEW_SECONDS = { default: 60, min: 0, max: 300 } as const;

/** Required scopes per route key (`GET /orders/{id}`); `[]` means a valid token suffices. */
export type RouteScopes = Readonly<Record<string, readonly string[]>>;

/** Environment variable names the handler reads. */
export const ENV = {
    issuer: "ISSUER",
    audience: "AUDIENCE",
    jwksUri: "JWKS_URI",
    algorithms: "ALLOWED_ALGORITHMS",
    clockSkewSeconds: "CLOCK_SKEW_SECONDS",
    routeScopes: "ROUTE_SCOPES",
    /** Tests only: lets JWKS_URI be `http://127.0.0.1:PORT/...`. Refused inside Lambda. */
    allowLoopbackHttp: "JWKS_ALLOW_LOOPBACK_HTTP_FOR_TESTS",
} as const;

/** A setting is invalid. `at` locates the bad part inside it (e.g. `["GET /a"][0]`). */
export class SettingError extends Error {
    constructor(
        readonly problem: string,
        readonly at = "",
    ) {
        super(problem);
        this.name = "SettingError";
    }
}

const show = (value: unknown): string => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}...` : text;
};
// Control characters and whitespace never belong in identifiers compared exactly.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\s\u0000-\u001f\u007f]/;

function parseUrl(value: unknown, expected: string): URL {
    if (typeof value !== "string" || value.length === 0 || UNPRINTABLE.test(value)) {
        throw new SettingError(`must be ${expected} (got ${show(value)})`);
    }
    try {
        return new URL(value);
    } catch {
        throw new SettingError(`must be ${expected} (got ${show(value)})`);
    }
}

/** The issuer (`iss` must equal it exactly): an https URL without query, fragment or credentials. */
export function checkIssuer(value: unknown): string {
    const expected = "an https URL without query or fragment, e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc";
    const url = parseUrl(value, expected);
    if (url.protocol !== "https:" || url.search || url.hash || url.username || url.password) {
        throw new SettingError(`must be ${expected} (got ${show(value)})`);
    }
    return value as string;
}

/** The audience (`aud` must contain it): a non-empty string without whitespace. */
export function checkAudience(value: unknown): string {
    if (typeof value !== "string" || value.length === 0 || value.length > 512 || UNPRINTABLE.test(value)) {
        throw new SettingError(`must be a non-empty string of at most 512 characters without whitespace (got ${show(value)})`);
    }
    return value;
}

/**
 * The JWKS URL: https, no credentials or fragment. `allowLoopbackHttp` (tests
 * only) also accepts `http://127.0.0.1[:port]/...`, and nothing else over http.
 */
export function checkJwksUri(value: unknown, allowLoopbackHttp = false): string {
    const expected = allowLoopbackHttp ? "an https URL (or http://127.0.0.1 in tests)" : "an https URL";
    const url = parseUrl(value, expected);
    const loopback = allowLoopbackHttp && url.protocol === "http:" && url.hostname === "127.0.0.1";
    if ((url.protocol !== "https:" && !loopback) || url.hash || url.username || url.password) {
        throw new SettingError(`must be ${expected} without credentials or fragment (got ${show(value)})`);
    }
    return value as string;
}

/** Allowed algorithms: a non-empty subset of {@link JWT_ALGORITHMS}, without duplicates. */
export function checkAlgorithms(value: unknown): JwtAlgorithm[] {
    if (!Array.isArray(value) || value.length === 0) {
        throw new SettingError(`must list at least one of ${JWT_ALGORITHMS.join(", ")} (got ${show(value)})`);
    }
    value.forEach((alg: unknown, i) => {
        if (typeof alg === "string" && (alg.toLowerCase() === "none" || /^HS\d+$/i.test(alg))) {
            throw new SettingError(
                `must not be ${show(alg)}: unsigned and HMAC tokens are never accepted ` +
                    `(an HMAC check would take the issuer's public key as the secret); allowed: ${JWT_ALGORITHMS.join(", ")}`,
                `[${i}]`,
            );
        }
        if (!(JWT_ALGORITHMS as readonly unknown[]).includes(alg)) {
            throw new SettingError(`must be one of ${JWT_ALGORITHMS.join(", ")} (got ${show(alg)})`, `[${i}]`);
        }
        if (value.indexOf(alg) !== i) {
            throw new SettingError(`repeats ${show(alg)}`, `[${i}]`);
        }
    });
    return value as JwtAlgorithm[];
}

/** Clock skew in whole seconds, within {@link CLOCK_SKEW_SECONDS}. */
export function checkClockSkew(value: unknown): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < CLOCK_SKEW_SECONDS.min || value > CLOCK_SKEW_SECONDS.max) {
        throw new SettingError(`must be an integer from ${CLOCK_SKEW_SECONDS.min} to ${CLOCK_SKEW_SECONDS.max} seconds (got ${show(value)})`);
    }
    return value;
}

/** An OAuth scope token (RFC 6749 section 3.3): printable ASCII except space, `"` and `\`. */
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;

/**
 * Route scopes: an object with at least one route key, each mapped to a list
 * (possibly empty) of distinct scope tokens. Returns the parsed routes.
 */
export function checkRouteScopes(value: unknown): ScopedRoute[] {
    const example = `e.g. {"GET /orders/{id}": ["orders.read"]}`;
    if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
        throw new SettingError(`must map at least one route key to its required scopes, ${example} (got ${show(value)})`);
    }
    return Object.entries(value as Record<string, unknown>).map(([key, scopes]): ScopedRoute => {
        const at = `[${JSON.stringify(key)}]`;
        const template: RouteTemplate | string = parseRouteKey(key);
        if (typeof template === "string") {
            throw new SettingError(`key ${template} (got ${show(key)})`, at);
        }
        if (!Array.isArray(scopes)) {
            throw new SettingError(`must be a list of scopes, [] for none (got ${show(scopes)})`, at);
        }
        scopes.forEach((scope: unknown, i) => {
            if (typeof scope !== "string" || !SCOPE.test(scope)) {
                throw new SettingError(`must be an OAuth scope: 1-256 printable characters without space, " or \\ (got ${show(scope)})`, `${at}[${i}]`);
            }
            if (scopes.indexOf(scope) !== i) {
                throw new SettingError(`repeats ${show(scope)}`, `${at}[${i}]`);
            }
        });
        return { template, scopes: scopes as string[] };
    });
}

/** Everything the handler needs, as the component hands it over. */
export interface AuthorizerSettings {
    issuer: string;
    audience: string;
    jwksUri: string;
    algorithms: readonly JwtAlgorithm[];
    clockSkewSeconds: number;
    routeScopes: RouteScopes;
}

/** The handler's environment for a set of (already checked) settings. */
export function toEnvironment(settings: AuthorizerSettings): Record<string, string> {
    return {
        [ENV.issuer]: settings.issuer,
        [ENV.audience]: settings.audience,
        [ENV.jwksUri]: settings.jwksUri,
        [ENV.algorithms]: settings.algorithms.join(","),
        [ENV.clockSkewSeconds]: String(settings.clockSkewSeconds),
        [ENV.routeScopes]: JSON.stringify(settings.routeScopes),
    };
}
