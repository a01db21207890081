/** Arguments of CognitoUserPool and their validation (before any resource exists). */
import { AdvancedSecurityMode, ADVANCED_SECURITY_MODES, ENVIRONMENT_BASELINE, MFA_MODES, MfaMode, PASSWORD } from "../../policy-pack/baseline";
import { advancedSecurityChoices, mfaChoices } from "../shared/limits";
import { ComponentArgumentError, Environment, ENVIRONMENTS, intInRange, matches, oneOf } from "../shared/validation";
import { IdentityProviderArgs, validateIdentityProviders } from "./identity-providers";

export * from "./identity-providers";

/** MFA modes a pool may use (never OFF); which of them an environment allows comes from `ENVIRONMENT_BASELINE`. */
export type PoolMfaMode = Exclude<MfaMode, "OFF">;
/** Advanced security modes a pool may use (never OFF). */
export type PoolAdvancedSecurityMode = Exclude<AdvancedSecurityMode, "OFF">;
const POOL_MFA_MODES = MFA_MODES.filter((m): m is PoolMfaMode => m !== "OFF");
const POOL_SECURITY_MODES = ADVANCED_SECURITY_MODES.filter((m): m is PoolAdvancedSecurityMode => m !== "OFF");

/** An OAuth scope of the API's resource server. */
export interface ScopeArgs {
    /** Scope name, e.g. `orders.read`. */
    name: string;
    /** What the scope grants. */
    description: string;
}

/** An app client of the pool. */
export interface UserPoolClientArgs {
    /** Client name, unique in the pool. */
    name: string;
    /**
     * `spa`: a browser app, no client secret, authorization code flow with PKCE.
     * `m2m`: a service, with a client secret, client credentials flow.
     */
    kind: "spa" | "m2m";
    /**
     * https callback URLs (spa only, required there; http://localhost where the environment allows localhost origins).
     * @default undefined
     */
    callbackUrls?: string[];
    /**
     * Logout URLs (spa only).
     * @default []
     */
    logoutUrls?: string[];
    /**
     * Resource server scope names the client may request (required for m2m).
     * @default [] (spa: openid and email only)
     */
    scopes?: string[];
    /**
     * spa only: sign-in providers the client accepts: `COGNITO` (the pool's own users) and names of the
     * pool's `identityProviders`; a name the pool does not define is refused.
     * @default ["COGNITO"]
     */
    identityProviders?: string[];
}

/** The pool settings a stack configures. */
export interface CognitoUserPoolSettings {
    /**
     * MFA: OPTIONAL or ON (OFF is not offered); the environment's `ENVIRONMENT_BASELINE.minMfa` or stronger.
     * @default the environment's minimum: "OPTIONAL" in dev, "ON" in prod
     */
    mfa?: PoolMfaMode;
    /**
     * Minimum password length, `PASSWORD.minLength`–`maxLength` (12–99). Upper, lower, digit and symbol are always required.
     * @default 14 (`PASSWORD.defaultLength`)
     */
    passwordMinimumLength?: number;
    /**
     * Advanced security (compromised credentials, adaptive auth): AUDIT or ENFORCED; the environment's
     * `ENVIRONMENT_BASELINE.minAdvancedSecurity` or stronger.
     * @default "ENFORCED"
     */
    advancedSecurityMode?: PoolAdvancedSecurityMode;
    /** Resource server identifier (usually the API URL or a URN), e.g. `https://api.example.com`. */
    resourceServerIdentifier: string;
    /** Scopes of the resource server. */
    scopes: ScopeArgs[];
    /** App clients. */
    clients: UserPoolClientArgs[];
    /**
     * Prefix of the hosted domain (`<prefix>.auth.<region>.amazoncognito.com`); needed for OAuth flows.
     * @default undefined (no hosted domain)
     */
    domainPrefix?: string;
    /**
     * Access/ID token validity in minutes, 5-1440.
     * @default 60
     */
    tokenValidityMinutes?: number;
    /**
     * Federated identity providers (OIDC, SAML, Google, Facebook, LoginWithAmazon, SignInWithApple); clients opt in
     * with `identityProviders`.
     * @default [] (the pool's own users only)
     */
    identityProviders?: IdentityProviderArgs[];
}

/** Arguments of {@link CognitoUserPool}. */
export interface CognitoUserPoolArgs extends CognitoUserPoolSettings {
    /** dev: MFA optional by default. prod: MFA required, deletion protection on (`ENVIRONMENT_BASELINE`). */
    environment: Environment;
    /**
     * Tags for the pool.
     * @default {}
     */
    tags?: Record<string, string>;
}

const SCOPE = /^[A-Za-z0-9._-]{1,256}$/;

/** Validates the pool settings; returns the effective MFA and advanced security modes. */
export function validateCognitoUserPoolArgs(args: CognitoUserPoolArgs): { mfa: PoolMfaMode; security: PoolAdvancedSecurityMode } {
    const C = "CognitoUserPool";
    const environment = oneOf(C, "environment", args.environment, ENVIRONMENTS);
    const mfa = oneOf(C, "mfa", args.mfa ?? ENVIRONMENT_BASELINE[environment].minMfa, POOL_MFA_MODES);
    if (!(mfaChoices(environment) as string[]).includes(mfa)) {
        throw new ComponentArgumentError(C, "mfa", `must be ${mfaChoices(environment).join(" or ")} in ${environment}`);
    }
    intInRange(C, "passwordMinimumLength", args.passwordMinimumLength ?? PASSWORD.defaultLength, PASSWORD.minLength, PASSWORD.maxLength);
    const security = oneOf(C, "advancedSecurityMode", args.advancedSecurityMode ?? "ENFORCED", POOL_SECURITY_MODES);
    if (!(advancedSecurityChoices(environment) as string[]).includes(security)) {
        throw new ComponentArgumentError(C, "advancedSecurityMode", `must be ${advancedSecurityChoices(environment).join(" or ")} in ${environment}`);
    }
    intInRange(C, "tokenValidityMinutes", args.tokenValidityMinutes ?? 60, 5, 1440);
    matches(C, "resourceServerIdentifier", args.resourceServerIdentifier, /^[\x21-\x7e]{1,256}$/, "1-256 printable characters without spaces");
    if (!args.scopes?.length) {
        throw new ComponentArgumentError(C, "scopes", "must list at least one scope");
    }
    args.scopes.forEach((s, i) => matches(C, `scopes[${i}].name`, s.name, SCOPE, "letters, digits, . _ -"));
    if (!args.clients?.length) {
        throw new ComponentArgumentError(C, "clients", "must list at least one app client");
    }
    const providerNames = validateIdentityProviders(args.identityProviders ?? []);
    const names = new Set<string>();
    const scopeNames = new Set(args.scopes.map((s) => s.name));
    args.clients.forEach((client, i) => {
        const at = `clients[${i}]`;
        oneOf(C, `${at}.kind`, client.kind, ["spa", "m2m"] as const);
        matches(C, `${at}.name`, client.name, /^[\w\s+=,.@-]{1,128}$/, "1-128 word characters");
        if (names.has(client.name)) {
            throw new ComponentArgumentError(C, `${at}.name`, `duplicates client ${JSON.stringify(client.name)}`);
        }
        names.add(client.name);
        (client.scopes ?? []).forEach((s, j) => {
            if (!scopeNames.has(s)) {
                throw new ComponentArgumentError(
                    C,
                    `${at}.scopes[${j}]`,
                    `must be one of the pool's scopes ${[...scopeNames].join(", ")} (got ${JSON.stringify(s)})`,
                );
            }
        });
        (client.identityProviders ?? []).forEach((p, j) => {
            if (p !== "COGNITO" && !providerNames.has(p)) {
                throw new ComponentArgumentError(
                    C,
                    `${at}.identityProviders[${j}]`,
                    `must be COGNITO or a provider of identityProviders (${[...providerNames].join(", ") || "none defined"}) (got ${JSON.stringify(p)})`,
                );
            }
        });
        if (client.kind === "m2m" && client.identityProviders?.some((p) => p !== "COGNITO")) {
            throw new ComponentArgumentError(C, `${at}.identityProviders`, "only apply to spa clients (an m2m client signs in with its own secret)");
        }
        if (client.kind === "spa") {
            if (!client.callbackUrls?.length) {
                throw new ComponentArgumentError(C, `${at}.callbackUrls`, "must list at least one callback URL for a spa client");
            }
            const urls = [
                ...client.callbackUrls.map((u, j) => ({ u, key: `callbackUrls[${j}]` })),
                ...(client.logoutUrls ?? []).map((u, j) => ({ u, key: `logoutUrls[${j}]` })),
            ];
            urls.forEach(({ u, key }) => {
                const local = ENVIRONMENT_BASELINE[environment].allowLocalhostOrigins && /^http:\/\/localhost(:\d+)?(\/|$)/.test(u);
                if (!/^https:\/\/[^\s]+$/.test(u) && !local) {
                    throw new ComponentArgumentError(
                        C,
                        `${at}.${key}`,
                        `must be an https URL${ENVIRONMENT_BASELINE[environment].allowLocalhostOrigins ? ` (or http://localhost in ${environment})` : ""} (got ${JSON.stringify(u)})`,
                    );
                }
            });
        } else if (!client.scopes?.length) {
            throw new ComponentArgumentError(C, `${at}.scopes`, "must list at least one scope for an m2m client");
        }
    });
    if (args.domainPrefix !== undefined) {
        matches(
            C,
            "domainPrefix",
            args.domainPrefix,
            /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
            "lower-case letters, digits and -, not starting or ending with -",
        );
    }
    return { mfa, security };
}
