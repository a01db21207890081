/**
 * Pure CORS helpers: validation of allowed origins and the header mappings that
 * OPTIONS preflights and gateway responses return.
 */
import { CORS_MAX_AGE, ENVIRONMENT_BASELINE } from "../../policy-pack/baseline";
import { ComponentArgumentError, Environment } from "../shared/validation";

/** CORS settings of an API. */
export interface CorsArgs {
    /** Exact origins allowed to call the API from a browser, e.g. `https://app.example.com`. */
    allowedOrigins: string[];
    /**
     * Allow `*` as an origin. Rejected in prod; for throwaway dev stacks only.
     * @default false
     */
    allowWildcard?: boolean;
    /**
     * Request headers browsers may send.
     * @default ["Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token"] ({@link DEFAULT_ALLOW_HEADERS})
     */
    allowHeaders?: string[];
    /**
     * How long browsers may cache a preflight, in seconds (0 to `CORS_MAX_AGE.max`, 7200).
     * @default 600 (`CORS_MAX_AGE.default`)
     */
    maxAgeSeconds?: number;
}

export const DEFAULT_ALLOW_HEADERS = ["Content-Type", "Authorization", "X-Api-Key", "X-Amz-Date", "X-Amz-Security-Token"];

const ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/** Checks origins: https only (http://localhost where the environment's baseline allows it), no paths, `*` only in dev when allowed. */
export function validateCors(component: string, cors: CorsArgs, environment: Environment): Required<CorsArgs> {
    if (!cors.allowedOrigins || cors.allowedOrigins.length === 0) {
        throw new ComponentArgumentError(component, "cors.allowedOrigins", "must list at least one origin such as https://app.example.com");
    }
    cors.allowedOrigins.forEach((origin, i) => {
        if (origin === "*") {
            if (environment === "prod" || cors.allowWildcard !== true) {
                throw new ComponentArgumentError(
                    component,
                    `cors.allowedOrigins[${i}]`,
                    environment === "prod"
                        ? 'must not be "*" in prod; list the exact origins of your web applications'
                        : 'is "*", which needs cors.allowWildcard: true (dev only)',
                );
            }
            return;
        }
        const localhost = ENVIRONMENT_BASELINE[environment]?.allowLocalhostOrigins === true;
        const ok = ORIGIN.test(origin) || (localhost && LOCAL_ORIGIN.test(origin));
        if (!ok) {
            throw new ComponentArgumentError(
                component,
                `cors.allowedOrigins[${i}]`,
                `must be an https origin without a path, e.g. https://app.example.com${localhost ? ` (or http://localhost:PORT in ${environment})` : ""} (got ${JSON.stringify(origin)})`,
            );
        }
    });
    const maxAgeSeconds = cors.maxAgeSeconds ?? CORS_MAX_AGE.default;
    if (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0 || maxAgeSeconds > CORS_MAX_AGE.max) {
        throw new ComponentArgumentError(
            component,
            "cors.maxAgeSeconds",
            `must be an integer from 0 to ${CORS_MAX_AGE.max} (got ${JSON.stringify(maxAgeSeconds)})`,
        );
    }
    return {
        allowedOrigins: [...cors.allowedOrigins],
        allowWildcard: cors.allowWildcard ?? false,
        allowHeaders: cors.allowHeaders ?? DEFAULT_ALLOW_HEADERS,
        maxAgeSeconds,
    };
}

const quote = (v: string) => `'${v}'`;

/** The origin headers every CORS response carries (`method.response.header.*`); the template echoes other allowed origins. */
export function originHeaders(cors: Required<CorsArgs>): Record<string, string> {
    return {
        "method.response.header.Access-Control-Allow-Origin": quote(cors.allowedOrigins[0]),
        "method.response.header.Vary": quote("Origin"),
    };
}

/** Header mappings of a preflight integration response (`method.response.header.*`). */
export function preflightHeaders(cors: Required<CorsArgs>, methods: string[]): Record<string, string> {
    return {
        ...originHeaders(cors),
        "method.response.header.Access-Control-Allow-Methods": quote([...new Set([...methods, "OPTIONS"])].sort().join(",")),
        "method.response.header.Access-Control-Allow-Headers": quote(cors.allowHeaders.join(",")),
        "method.response.header.Access-Control-Max-Age": quote(String(cors.maxAgeSeconds)),
    };
}

/**
 * A mapping template that echoes the request's Origin when it is one of the
 * allowed origins (API Gateway can return only one static value).
 */
export function originEchoTemplate(origins: string[]): string {
    if (origins.length <= 1) {
        return "";
    }
    const test = origins.map((o) => `$origin == "${o}"`).join(" || ");
    return [
        `#set($origin = $input.params().header.get("Origin"))`,
        `#if(${test})`,
        `#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)`,
        `#end`,
    ].join("\n");
}

/** Header mappings of gateway responses (4XX/5XX) so browsers can read API errors. */
export function gatewayResponseHeaders(cors: Required<CorsArgs>): Record<string, string> {
    return {
        "gatewayresponse.header.Access-Control-Allow-Origin": quote(cors.allowedOrigins[0]),
        "gatewayresponse.header.Access-Control-Allow-Headers": quote(cors.allowHeaders.join(",")),
        "gatewayresponse.header.Vary": quote("Origin"),
    };
}
