/**
 * The stack config of the platform: every key of `Pulumi.<stack>.yaml`, its
 * type and allowed values. `parsePlatformConfig` turns the raw config map
 * into a typed object or throws a ConfigError listing every problem, naming
 * the key, what is expected and the file.
 */
import {
    ADVANCED_SECURITY_MODES,
    allowListProblems,
    API_NAME,
    AUTH_KINDS,
    CORS_MAX_AGE,
    ENVIRONMENTS,
    EXECUTION_LOG_LEVELS,
    HTTP_METHODS,
    INTEGRATION_TIMEOUT_MS,
    ipv4CidrProblem,
    LOG_RETENTION_DAYS,
    MFA_MODES,
    parseIpv4Cidr,
    PASSWORD,
    QUOTA,
    THROTTLE,
    WAF,
} from "../policy-pack/baseline";
import { MAX_KEY_GENERATION, OWNERSHIP, PREVIOUS_GENERATION_ACTIONS } from "../components";
import { environmentProblems } from "./config-environment";
import { identityProvidersSpec, lambdaAuthorizerSpec, partnersSpec, plaintextSecretProblems, resourcePolicySpec } from "./config-identity";
import { openApiApisSpec } from "./config-openapi";
import { decodeConfigValue, didYouMean, namespaceProblem, splitConfigKey } from "./config-source";
import { arr, bool, checkedStr, Infer, int, jsonObject, num, numOneOf, obj, oneOf, optional, record, refined, Spec, str, tagged } from "./config-schema";

export const PROJECT = "secure-api-platform";

/** Raised for invalid stack config; lists every problem. */
export class ConfigError extends Error {
    constructor(
        readonly source: string,
        readonly problems: string[],
    ) {
        super(`invalid stack config in ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ConfigError";
    }
}

/**
 * Smallest rate limit the config accepts. The baseline says "above 0"; the
 * schema language needs an inclusive bound, so this stands for it.
 */
const MIN_RATE = 0.001;
const throttle = obj({ rateLimit: num(MIN_RATE, THROTTLE.maxRateLimit), burstLimit: int(THROTTLE.minBurstLimit, THROTTLE.maxBurstLimit) });
/** An IPv4 CIDR, parsed by the baseline (canonical, no host bits, prefix 0-32). */
const cidr = checkedStr("an IPv4 CIDR such as 10.0.0.0/16", ipv4CidrProblem);
/** CIDRs that admit or block callers: never /0 however spelled, and never together all of IPv4. */
const cidrList = (minItems = 0) => refined(arr(cidr, minItems), (values) => allowListProblems(values));
const vpcCidr = checkedStr("an IPv4 CIDR from /16 to /24 such as 10.0.0.0/16", (v) => {
    const problem = ipv4CidrProblem(v);
    const prefix = problem === undefined ? parseIpv4Cidr(v)!.prefix : undefined;
    return problem ?? (prefix! < 16 || prefix! > 24 ? `is /${prefix}` : undefined);
});
const poolMfaModes = MFA_MODES.filter((m) => m !== "OFF");
const poolSecurityModes = ADVANCED_SECURITY_MODES.filter((m) => m !== "OFF");

const route = obj({
    path: str(/^\//, "a path starting with /"),
    method: oneOf(HTTP_METHODS),
    auth: oneOf(AUTH_KINDS),
    scopes: optional(arr(str())),
    apiKeyRequired: optional(bool()),
    requestSchema: optional(jsonObject()),
    requiredParameters: optional(arr(str())),
    throttle: optional(throttle),
    integration: tagged("kind", {
        mock: obj({ responseBody: jsonObject() }),
        http: obj({ uri: str(/^https:\/\//, "an https:// URL"), timeoutMs: optional(int(INTEGRATION_TIMEOUT_MS.min, INTEGRATION_TIMEOUT_MS.max)) }),
        lambda: obj({ functionArn: str(/^arn:aws[a-z-]*:lambda:/, "a Lambda function ARN") }),
    }),
});

/** Every config key in the project namespace, with its spec. Bounds and enumerations come from the baseline. */
export const CONFIG_KEYS = {
    environment: oneOf(ENVIRONMENTS),
    apiName: str(API_NAME.pattern, API_NAME.expected),
    description: optional(str()),
    exposure: oneOf(["public", "private"] as const),
    network: optional(
        obj({
            allowedCidrs: cidrList(1),
            vpcId: optional(str(/^vpc-[0-9a-f]+$/, "a VPC id such as vpc-0abc123")),
            subnetIds: optional(arr(str(/^subnet-[0-9a-f]+$/, "a subnet id such as subnet-0abc123"), 1)),
            vpcCidr: optional(vpcCidr),
        }),
    ),
    routes: arr(route, 1),
    cors: optional(
        obj({
            allowedOrigins: arr(str(), 1),
            allowWildcard: optional(bool()),
            allowHeaders: optional(arr(str())),
            maxAgeSeconds: optional(int(0, CORS_MAX_AGE.max)),
        }),
    ),
    throttle,
    logging: obj({ retentionInDays: numOneOf(LOG_RETENTION_DAYS), executionLevel: optional(oneOf(EXECUTION_LOG_LEVELS)) }),
    cognito: optional(
        obj({
            mfa: optional(oneOf(poolMfaModes)),
            passwordMinimumLength: optional(int(PASSWORD.minLength, PASSWORD.maxLength)),
            advancedSecurityMode: optional(oneOf(poolSecurityModes)),
            resourceServerIdentifier: str(),
            scopes: arr(obj({ name: str(), description: str() }), 1),
            clients: arr(
                obj({
                    name: str(),
                    kind: oneOf(["spa", "m2m"] as const),
                    callbackUrls: optional(arr(str())),
                    logoutUrls: optional(arr(str())),
                    scopes: optional(arr(str())),
                    identityProviders: optional(arr(str(), 1)),
                }),
                1,
            ),
            domainPrefix: optional(str()),
            tokenValidityMinutes: optional(int(5, 1440)),
            identityProviders: identityProvidersSpec,
        }),
    ),
    lambdaAuthorizer: lambdaAuthorizerSpec,
    resourcePolicy: resourcePolicySpec,
    partners: partnersSpec,
    canary: optional(
        obj({
            percentTraffic: num(0, 100),
            stageVariableOverrides: optional(
                record(
                    str(/^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/, "1-512 letters, digits or -._~:/?#&=,"),
                    /^[A-Za-z0-9_]{1,64}$/,
                    "a stage variable name (letters, digits, _)",
                ),
            ),
            useStageCache: optional(bool()),
            promote: optional(bool()),
            rollback: optional(bool()),
        }),
    ),
    waf: optional(
        obj({
            enabled: optional(bool()),
            rateLimit: optional(int(WAF.minRateLimit, WAF.maxRateLimit)),
            allowedIpCidrs: optional(cidrList()),
            blockedIpCidrs: optional(cidrList()),
            countOnlyManagedRules: optional(arr(str())),
        }),
    ),
    domain: optional(
        obj({
            domainName: str(),
            hostedZoneId: optional(str(/^Z[A-Z0-9]+$/, "a Route 53 hosted zone id such as Z0123456789ABC")),
            certificateArn: optional(str(/^arn:aws[a-z-]*:acm:/, "an ACM certificate ARN")),
            basePath: optional(str()),
            mtlsCaBundleFile: optional(str(/\.pem$/, "a path to a .pem file, relative to the project")),
        }),
    ),
    usagePlans: optional(
        obj({
            tiers: record(
                obj({
                    rateLimit: num(MIN_RATE, THROTTLE.maxRateLimit),
                    burstLimit: int(THROTTLE.minBurstLimit, THROTTLE.maxBurstLimit),
                    quotaLimit: int(QUOTA.minLimit, QUOTA.maxLimit),
                    quotaPeriod: oneOf(QUOTA.periods),
                }),
                /^[a-z0-9-]{1,64}$/,
                "a lower-case tier name",
            ),
            clients: arr(
                obj({
                    name: str(),
                    tier: str(),
                    generation: optional(int(1, MAX_KEY_GENERATION)),
                    previousGeneration: optional(oneOf(PREVIOUS_GENERATION_ACTIONS)),
                    secret: optional(obj({ readerRoleArn: str(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN") })),
                }),
            ),
            methodThrottles: optional(
                arr(
                    obj({
                        path: str(/^\//, "a path starting with /"),
                        method: oneOf(HTTP_METHODS),
                        rateLimit: num(MIN_RATE, THROTTLE.maxRateLimit),
                        burstLimit: int(THROTTLE.minBurstLimit, THROTTLE.maxBurstLimit),
                    }),
                ),
            ),
        }),
    ),
    alarms: optional(
        obj({
            clientErrors: optional(int(1)),
            serverErrors: optional(int(1)),
            latencyP99Ms: optional(num(1)),
            throttledRequests: optional(int(1)),
            alarmTopicArns: optional(arr(str(/^arn:aws[a-z-]*:sns:/, "an SNS topic ARN"))),
        }),
    ),
    audit: optional(obj({ enabled: optional(bool()), trailName: optional(str()) })),
    manageAccountSettings: optional(bool()),
    detectiveControls: optional(
        obj({
            enabled: optional(bool()),
            recorder: optional(oneOf(OWNERSHIP)),
            securityHub: optional(oneOf(OWNERSHIP)),
        }),
    ),
    tags: optional(record(str(/^.{0,256}$/, "a tag value"), /^[\w .:/=+@-]{1,128}$/, "a tag key")),
    /** REST APIs from OpenAPI documents in the repository (`stacks/config-openapi.ts`). */
    openApiApis: openApiApisSpec,
};

const platformSpec = obj(CONFIG_KEYS);

/** The typed stack config. */
export type PlatformConfig = Infer<typeof platformSpec>;

/**
 * Parses the raw config map (`namespace:key` to string, as Pulumi hands it to a
 * program) into a PlatformConfig. Throws ConfigError naming each bad key.
 * `isSecretKey(fullKey, path)` says whether the secret at `path` (under the
 * top-level key `fullKey`) is stored encrypted (`storedEncrypted` in the program).
 */
export function parsePlatformConfig(
    raw: Record<string, string>,
    source: string,
    project: string = PROJECT,
    isSecretKey: (fullKey: string, path: string) => boolean = () => false,
): PlatformConfig {
    const errors: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [fullKey, value] of Object.entries(raw)) {
        const [namespace, key] = splitConfigKey(fullKey, project);
        const misplaced = namespaceProblem(fullKey, project);
        if (misplaced) {
            errors.push(misplaced);
            continue;
        }
        if (namespace !== project) {
            continue;
        }
        if (!(key in CONFIG_KEYS)) {
            const suggestion = didYouMean(key, Object.keys(CONFIG_KEYS));
            errors.push(
                `${project}:${key}: unknown key; allowed keys: ${Object.keys(CONFIG_KEYS).join(", ")}${suggestion ? `; did you mean ${project}:${suggestion}?` : ""}`,
            );
            continue;
        }
        values[key] = decodeConfigValue(value, CONFIG_KEYS[key as keyof typeof CONFIG_KEYS] as Spec<unknown>);
    }
    if (!raw["aws:region"]) {
        errors.push("aws:region: is required (expected an AWS region such as us-east-1)");
    }
    errors.push(...plaintextSecretProblems(values, isSecretKey, project, source));
    const parsed = platformSpec.parse(values, project, errors);
    if (parsed === undefined || errors.length > 0) {
        throw new ConfigError(
            source,
            errors.map((e) => e.replace(new RegExp(`^${project}\\.`), `${project}:`)),
        );
    }
    const problems: string[] = [];
    if (parsed.exposure === "private" && !parsed.network) {
        problems.push(`${project}:network: is required when exposure is private (allowedCidrs, and vpcId + subnetIds or vpcCidr)`);
    }
    if (parsed.exposure === "public" && parsed.network) {
        problems.push(`${project}:network: only applies when exposure is private; remove it or set exposure: private`);
    }
    problems.push(...environmentProblems(parsed, project));
    if (problems.length > 0) {
        throw new ConfigError(source, problems);
    }
    return parsed;
}

export { environmentProblems } from "./config-environment";
