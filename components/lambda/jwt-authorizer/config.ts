/**
 * The handler's configuration, read from its environment once at cold start.
 * Anything invalid stops the function from starting with a {@link ConfigError}
 * that names the variable, what it holds and what is allowed: a misconfigured
 * authorizer never serves a request.
 */
import { ScopedRoute } from "./routes";
import {
    checkAlgorithms,
    checkAudience,
    checkClockSkew,
    checkIssuer,
    checkJwksUri,
    checkRouteScopes,
    CLOCK_SKEW_SECONDS,
    DEFAULT_ALGORITHMS,
    ENV,
    JwtAlgorithm,
    SettingError,
} from "./settings";

/** The checked configuration. */
export interface AuthorizerConfig {
    issuer: string;
    audience: string;
    jwksUri: string;
    algorithms: readonly JwtAlgorithm[];
    clockSkewSeconds: number;
    routes: readonly ScopedRoute[];
}

/** The environment is not a valid configuration. */
export class ConfigError extends Error {
    constructor(variable: string, problem: string) {
        super(`JWT authorizer configuration: ${variable} ${problem}`);
        this.name = "ConfigError";
    }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Runs a check, re-throwing its problem as a ConfigError about `variable`. */
function read<T>(variable: string, check: () => T): T {
    try {
        return check();
    } catch (err) {
        if (err instanceof SettingError) {
            throw new ConfigError(`${variable}${err.at}`, err.problem);
        }
        throw err;
    }
}

function required(env: Env, variable: string): string {
    const value = env[variable];
    if (value === undefined || value === "") {
        throw new ConfigError(variable, "is required");
    }
    return value;
}

function flag(env: Env, variable: string): boolean {
    const value = env[variable];
    if (value === undefined || value === "" || value === "false") {
        return false;
    }
    if (value !== "true") {
        throw new ConfigError(variable, `must be "true" or "false" (got ${JSON.stringify(value)})`);
    }
    return true;
}

function parseAlgorithms(env: Env): JwtAlgorithm[] {
    const raw = env[ENV.algorithms];
    if (raw === undefined || raw === "") {
        return [...DEFAULT_ALGORITHMS];
    }
    return read(ENV.algorithms, () => checkAlgorithms(raw.split(",").map((a) => a.trim())));
}

function parseClockSkew(env: Env): number {
    const raw = env[ENV.clockSkewSeconds];
    if (raw === undefined || raw === "") {
        return CLOCK_SKEW_SECONDS.default;
    }
    return read(ENV.clockSkewSeconds, () => checkClockSkew(/^\d{1,6}$/.test(raw) ? Number(raw) : raw));
}

function parseRouteScopes(env: Env): ScopedRoute[] {
    const raw = required(env, ENV.routeScopes);
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw new ConfigError(ENV.routeScopes, `must be a JSON object such as {"GET /orders": ["orders.read"]} (got text that is not JSON)`);
    }
    return read(ENV.routeScopes, () => checkRouteScopes(parsed));
}

/**
 * Reads and checks the configuration. `JWKS_ALLOW_LOOPBACK_HTTP_FOR_TESTS=true`
 * lets JWKS_URI use http://127.0.0.1 (a test's key server); it is refused when
 * the code runs in Lambda (AWS_LAMBDA_FUNCTION_NAME is set).
 */
export function loadConfig(env: Env): AuthorizerConfig {
    const allowLoopbackHttp = flag(env, ENV.allowLoopbackHttp);
    if (allowLoopbackHttp && env.AWS_LAMBDA_FUNCTION_NAME) {
        throw new ConfigError(ENV.allowLoopbackHttp, "is for tests only and must not be set in a Lambda function");
    }
    return {
        issuer: read(ENV.issuer, () => checkIssuer(required(env, ENV.issuer))),
        audience: read(ENV.audience, () => checkAudience(required(env, ENV.audience))),
        jwksUri: read(ENV.jwksUri, () => checkJwksUri(required(env, ENV.jwksUri), allowLoopbackHttp)),
        algorithms: parseAlgorithms(env),
        clockSkewSeconds: parseClockSkew(env),
        routes: parseRouteScopes(env),
    };
}
