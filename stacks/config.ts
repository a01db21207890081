/**
 * The stack config of the platform: every key of `Pulumi.<stack>.yaml`, its
 * type and allowed values. `parsePlatformConfig` turns the raw config map
 * into a typed object or throws a ConfigError listing every problem, naming
 * the key, what is expected and the file.
 */
import { arr, bool, Infer, int, jsonObject, num, obj, oneOf, optional, record, str, tagged } from "./config-schema";

export const PROJECT = "secure-api-platform";

/** Raised for invalid stack config; lists every problem. */
export class ConfigError extends Error {
    constructor(readonly source: string, readonly problems: string[]) {
        super(`invalid stack config in ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ConfigError";
    }
}

const throttle = obj({ rateLimit: num(0.001, 10000), burstLimit: int(1, 5000) });
const cidr = str(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, "an IPv4 CIDR such as 10.0.0.0/16");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ANY"] as const;

const route = obj({
    path: str(/^\//, "a path starting with /"),
    method: oneOf(HTTP_METHODS),
    auth: oneOf(["cognito", "lambda", "iam", "none"] as const),
    scopes: optional(arr(str())),
    apiKeyRequired: optional(bool()),
    requestSchema: optional(jsonObject()),
    requiredParameters: optional(arr(str())),
    throttle: optional(throttle),
    integration: tagged("kind", {
        mock: obj({ responseBody: jsonObject() }),
        http: obj({ uri: str(/^https:\/\//, "an https:// URL"), timeoutMs: optional(int(50, 29000)) }),
        lambda: obj({ functionArn: str(/^arn:aws[a-z-]*:lambda:/, "a Lambda function ARN") }),
    }),
});

/** Every config key in the project namespace, with its spec. */
export const CONFIG_KEYS = {
    environment: oneOf(["dev", "prod"] as const),
    apiName: str(/^[A-Za-z0-9 _-]{1,128}$/, "1-128 letters, digits, spaces, _ or -"),
    description: optional(str()),
    exposure: oneOf(["public", "private"] as const),
    network: optional(obj({
        allowedCidrs: arr(cidr, 1),
        vpcId: optional(str(/^vpc-[0-9a-f]+$/, "a VPC id such as vpc-0abc123")),
        subnetIds: optional(arr(str(/^subnet-[0-9a-f]+$/, "a subnet id such as subnet-0abc123"), 1)),
        vpcCidr: optional(cidr),
    })),
    routes: arr(route, 1),
    cors: optional(obj({
        allowedOrigins: arr(str(), 1),
        allowWildcard: optional(bool()),
        allowHeaders: optional(arr(str())),
        maxAgeSeconds: optional(int(0, 7200)),
    })),
    throttle,
    logging: obj({ retentionInDays: int(1, 3653), executionLevel: optional(oneOf(["INFO", "ERROR"] as const)) }),
    cognito: optional(obj({
        mfa: optional(oneOf(["OPTIONAL", "ON"] as const)),
        passwordMinimumLength: optional(int(12, 99)),
        advancedSecurityMode: optional(oneOf(["AUDIT", "ENFORCED"] as const)),
        resourceServerIdentifier: str(),
        scopes: arr(obj({ name: str(), description: str() }), 1),
        clients: arr(obj({
            name: str(),
            kind: oneOf(["spa", "m2m"] as const),
            callbackUrls: optional(arr(str())),
            logoutUrls: optional(arr(str())),
            scopes: optional(arr(str())),
        }), 1),
        domainPrefix: optional(str()),
        tokenValidityMinutes: optional(int(5, 1440)),
    })),
    lambdaAuthorizer: optional(obj({
        functionArn: str(/^arn:aws[a-z-]*:lambda:/, "a Lambda function ARN"),
        type: oneOf(["TOKEN", "REQUEST"] as const),
        identitySources: optional(arr(str(), 1)),
        resultTtlSeconds: optional(int(0, 3600)),
        identityValidationExpression: optional(str()),
    })),
    waf: optional(obj({
        enabled: optional(bool()),
        rateLimit: optional(int(10, 2_000_000)),
        allowedIpCidrs: optional(arr(cidr)),
        blockedIpCidrs: optional(arr(cidr)),
        countOnlyManagedRules: optional(arr(str())),
    })),
    domain: optional(obj({
        domainName: str(),
        hostedZoneId: optional(str(/^Z[A-Z0-9]+$/, "a Route 53 hosted zone id such as Z0123456789ABC")),
        certificateArn: optional(str(/^arn:aws[a-z-]*:acm:/, "an ACM certificate ARN")),
        basePath: optional(str()),
        mtlsCaBundleFile: optional(str(/\.pem$/, "a path to a .pem file, relative to the project")),
    })),
    usagePlans: optional(obj({
        tiers: record(obj({
            rateLimit: num(0.001, 10000),
            burstLimit: int(1, 5000),
            quotaLimit: int(1, 2_000_000_000),
            quotaPeriod: oneOf(["DAY", "WEEK", "MONTH"] as const),
        }), /^[a-z0-9-]{1,64}$/, "a lower-case tier name"),
        clients: arr(obj({ name: str(), tier: str() })),
        methodThrottles: optional(arr(obj({
            path: str(/^\//, "a path starting with /"),
            method: oneOf(HTTP_METHODS),
            rateLimit: num(0.001, 10000),
            burstLimit: int(1, 5000),
        }))),
    })),
    alarms: optional(obj({
        clientErrors: optional(int(1)),
        serverErrors: optional(int(1)),
        latencyP99Ms: optional(num(1)),
        throttledRequests: optional(int(1)),
        alarmTopicArns: optional(arr(str(/^arn:aws[a-z-]*:sns:/, "an SNS topic ARN"))),
    })),
    audit: optional(obj({ enabled: optional(bool()), trailName: optional(str()) })),
    manageAccountSettings: optional(bool()),
    tags: optional(record(str(/^.{0,256}$/, "a tag value"), /^[\w .:/=+@-]{1,128}$/, "a tag key")),
};

const platformSpec = obj(CONFIG_KEYS);

/** The typed stack config. */
export type PlatformConfig = Infer<typeof platformSpec>;

/** Config values arrive as strings; structured ones as JSON. */
function decode(raw: string): unknown {
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

/**
 * Parses the raw config map (`namespace:key` to string, as Pulumi hands it to a
 * program) into a PlatformConfig. Throws ConfigError naming each bad key.
 */
export function parsePlatformConfig(raw: Record<string, string>, source: string, project: string = PROJECT): PlatformConfig {
    const errors: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [fullKey, value] of Object.entries(raw)) {
        const [namespace, key] = fullKey.includes(":") ? fullKey.split(/:(.*)/s, 2) : [project, fullKey];
        if (namespace !== project) {
            continue;
        }
        if (!(key in CONFIG_KEYS)) {
            errors.push(`${project}:${key}: unknown key; allowed keys: ${Object.keys(CONFIG_KEYS).join(", ")}`);
            continue;
        }
        values[key] = decode(value);
    }
    if (!raw["aws:region"]) {
        errors.push("aws:region: is required (expected an AWS region such as us-east-1)");
    }
    const parsed = platformSpec.parse(values, project, errors);
    if (parsed === undefined || errors.length > 0) {
        throw new ConfigError(source, errors.map((e) => e.replace(new RegExp(`^${project}\\.`), `${project}:`)));
    }
    const problems: string[] = [];
    if (parsed.exposure === "private" && !parsed.network) {
        problems.push(`${project}:network: is required when exposure is private (allowedCidrs, and vpcId + subnetIds or vpcCidr)`);
    }
    if (parsed.exposure === "public" && parsed.network) {
        problems.push(`${project}:network: only applies when exposure is private; remove it or set exposure: private`);
    }
    if (parsed.environment === "prod" && parsed.cors?.allowWildcard) {
        problems.push(`${project}:cors.allowWildcard: must not be true in prod`);
    }
    if (problems.length > 0) {
        throw new ConfigError(source, problems);
    }
    return parsed;
}
