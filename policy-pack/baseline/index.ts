/**
 * The guardrail baseline: every enumeration and limit the platform enforces,
 * defined once. The stack config schema, the components' argument checks and
 * defaults, and the policy rules' default config all read these values, so a
 * value the config accepts is one the components build and the pack passes.
 *
 * It lives in the policy pack because the pack must stay publishable on its
 * own (`pulumi policy publish` packs `policy-pack/` alone); the components and
 * stacks import it from here. No Pulumi or AWS SDK imports: plain data.
 */
export * from "./cidr";

/** Environments a stack can be. */
export const ENVIRONMENTS = ["dev", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Route methods. OPTIONS is reserved for CORS preflights the platform generates. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ANY"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a route is authorized: Cognito user pool JWT, Lambda authorizer, SigV4 (AWS_IAM), or nothing. */
export const AUTH_KINDS = ["cognito", "lambda", "iam", "none"] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** API Gateway `authorization` value of each auth kind. */
export const AUTHORIZATION_TYPES: Readonly<Record<AuthKind, string>> = {
    cognito: "COGNITO_USER_POOLS",
    lambda: "CUSTOM",
    iam: "AWS_IAM",
    none: "NONE",
};

/**
 * Stage, route and usage plan throttling. API Gateway's default account quota
 * is 10,000 requests/s with a burst of 5,000; a limit above that is never
 * reached, so it is refused as a likely mistake.
 */
export const THROTTLE = {
    /** Requests per second: above 0, at most this. */
    maxRateLimit: 10000,
    /** Burst: an integer from 1 to this. */
    minBurstLimit: 1,
    maxBurstLimit: 5000,
} as const;

/** Usage plan quota: requests per period. */
export const QUOTA = { minLimit: 1, maxLimit: 2_000_000_000, periods: ["DAY", "WEEK", "MONTH"] as const } as const;

/** Retention periods CloudWatch Logs accepts (PutRetentionPolicy), in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** REST stage execution log levels the platform allows (OFF is not offered). */
export const EXECUTION_LOG_LEVELS = ["INFO", "ERROR"] as const;
export type ExecutionLogLevel = (typeof EXECUTION_LOG_LEVELS)[number];

/** Context variables every access log format must contain to trace a request to a caller. */
export const REQUIRED_ACCESS_LOG_FIELDS = ["$context.requestId", "$context.identity.sourceIp", "$context.status"] as const;

/** Lambda authorizer result cache, seconds. API Gateway accepts 0-3600 and caches 300 s when unset. */
export const AUTHORIZER_TTL = { min: 0, max: 3600, apiGatewayDefault: 300 } as const;

/** WAFv2 web ACLs in front of public stages. */
export const WAF = {
    /** AWS managed rule groups every web ACL must block with. */
    requiredManagedRuleGroups: [
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesSQLiRuleSet",
    ],
    /** Rate-based rule limit, requests per 5 minutes per IP: WAF's minimum is 10; above the maximum a flood passes. */
    minRateLimit: 10,
    maxRateLimit: 10000,
    defaultRateLimit: 2000,
} as const;

/** Cognito password policy. Cognito accepts minimum lengths of 6-99. */
export const PASSWORD = { minLength: 12, maxLength: 99, defaultLength: 14, maxTemporaryValidityDays: 7 } as const;

/** Cognito MFA and advanced security modes, weakest first. */
export const MFA_MODES = ["OFF", "OPTIONAL", "ON"] as const;
export type MfaMode = (typeof MFA_MODES)[number];
export const ADVANCED_SECURITY_MODES = ["OFF", "AUDIT", "ENFORCED"] as const;
export type AdvancedSecurityMode = (typeof ADVANCED_SECURITY_MODES)[number];

/** TLS policy of custom domains and REST APIs. */
export const TLS_SECURITY_POLICY = "TLS_1_2";

/** CORS preflight cache, seconds (browsers cap it at 7200). */
export const CORS_MAX_AGE = { max: 7200, default: 600 } as const;

/** HTTP integration timeout, milliseconds (API Gateway: 50-29000). */
export const INTEGRATION_TIMEOUT_MS = { min: 50, max: 29000 } as const;

/** API and stage names. */
export const API_NAME = { pattern: /^[A-Za-z0-9 _-]{1,128}$/, expected: "1-128 letters, digits, spaces, _ or -" } as const;
export const STAGE_NAME = { pattern: /^[A-Za-z0-9_-]{1,128}$/, expected: "1-128 letters, digits, _ or -" } as const;

/**
 * What each environment may relax. `prod` is the pack's default config: the
 * rules' schema defaults are these values. `dev` matches
 * `policy-pack/config/dev.json`; a test keeps the two equal.
 */
export interface EnvironmentBaseline {
    /** Shortest log retention, days. */
    minLogRetentionDays: number;
    /** Weakest Cognito MFA mode. */
    minMfa: Exclude<MfaMode, "OFF">;
    /** Weakest Cognito advanced security mode. */
    minAdvancedSecurity: Exclude<AdvancedSecurityMode, "OFF">;
    /** Whether `http://localhost` origins are accepted for CORS and callbacks. */
    allowLocalhostOrigins: boolean;
}

export const ENVIRONMENT_BASELINE: Readonly<Record<Environment, EnvironmentBaseline>> = {
    prod: { minLogRetentionDays: 90, minMfa: "ON", minAdvancedSecurity: "ENFORCED", allowLocalhostOrigins: false },
    dev: { minLogRetentionDays: 14, minMfa: "OPTIONAL", minAdvancedSecurity: "AUDIT", allowLocalhostOrigins: true },
};

/** The strict baseline: what the pack enforces when no policy config relaxes it. */
export const DEFAULT_BASELINE: EnvironmentBaseline = ENVIRONMENT_BASELINE.prod;

/** Log retention values allowed in an environment. */
export function logRetentionValues(environment: Environment): number[] {
    return LOG_RETENTION_DAYS.filter((d) => d >= ENVIRONMENT_BASELINE[environment].minLogRetentionDays);
}

/**
 * Naming the platform's components use and the pack relies on (route
 * waivers): a slug is lower-case and dash-separated, and the methods of a
 * route are named `<api>-<slug(method, path)>`.
 */
export function slug(...parts: string[]): string {
    return parts
        .join("-")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
}

// ---------------------------------------------------------------------------
// Backends and the roles behind the API (lambda, iam rules).
// ---------------------------------------------------------------------------

/**
 * AWS-managed policies (`arn:aws:iam::aws:policy/...`) no role behind the API
 * may hold: full administrator, power user, and every `*FullAccess` policy.
 */
export const FORBIDDEN_AWS_MANAGED_POLICIES = {
    names: ["AdministratorAccess", "PowerUserAccess"],
    /** Any AWS-managed policy whose name ends with this grants a whole service. */
    suffix: "FullAccess",
} as const;

/**
 * Lambda runtimes AWS has deprecated (no security patches): "Runtime deprecation",
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated
 */
export const DEPRECATED_LAMBDA_RUNTIMES = [
    "nodejs",
    "nodejs4.3",
    "nodejs4.3-edge",
    "nodejs6.10",
    "nodejs8.10",
    "nodejs10.x",
    "nodejs12.x",
    "nodejs14.x",
    "nodejs16.x",
    "python2.7",
    "python3.6",
    "python3.7",
    "python3.8",
    "java8",
    "dotnetcore1.0",
    "dotnetcore2.0",
    "dotnetcore2.1",
    "dotnetcore3.1",
    "dotnet5.0",
    "dotnet6",
    "dotnet7",
    "go1.x",
    "ruby2.5",
    "ruby2.7",
    "ruby3.2",
    "provided",
] as const;

/** Cognito app client refresh tokens, days (Cognito: 60 minutes to 3650 days; its default is 30 days). */
export const REFRESH_TOKEN_VALIDITY_DAYS = { max: 30, cognitoDefault: 30 } as const;

/** Cognito app client auth flows that send the password itself (no SRP): accepted only when configured. */
export const PASSWORD_AUTH_FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"] as const;

// ---------------------------------------------------------------------------
// Secrets (rule apigw-api-key-generated).
// ---------------------------------------------------------------------------

/**
 * Imported API key values (ApiKey.value). API Gateway accepts 20-128
 * characters and generates 40-character keys; an imported key must be at
 * least as long as a generated one by default.
 */
export const API_KEY_VALUE = { minLength: 20, maxLength: 128, defaultMinimumLength: 40 } as const;

// ---------------------------------------------------------------------------
// S3 buckets (rules under policy-pack/rules/s3)
// ---------------------------------------------------------------------------

/** Bucket purposes that must use SSE-KMS with a customer-managed key by default. */
export const S3_KMS_REQUIRED_FOR = ["audit", "truststore"] as const;

/** Whether every bucket (except access-log targets) must have server access logging by default (SecureBucket logs to its own access-log bucket). */
export const S3_REQUIRE_ACCESS_LOGGING = true;

// ---------------------------------------------------------------------------
// Issue 13 items 3, 5, 7, 9: cache encryption, backend certificates, WAF rule
// overrides and metrics, KMS keys, CloudTrail management events, alarm actions.
// ---------------------------------------------------------------------------

/**
 * KMS key deletion window, days. KMS accepts 7-30 and waits 30 days when
 * deletionWindowInDays is not set (terraform-provider-aws
 * internal/service/kms/key.go: IntBetween(7, 30)); the platform key keeps the full 30 by default.
 */
export const KMS_DELETION_WINDOW_DAYS = { min: 7, max: 30, kmsDefault: 30, defaultMinimum: 30 } as const;

/**
 * Rule actions inside a required AWS managed rule group that disable the rule
 * (it only counts, or lets the request through): `ruleActionOverrides[].actionToUse`.
 */
export const WAF_DISABLING_RULE_ACTIONS = ["count", "allow"] as const;

/** Which stages need a backend client certificate by default: only those of APIs with HTTP/HTTP_PROXY integrations. */
export const BACKEND_CLIENT_CERTIFICATE_SCOPE = "http-backends" as const;

/**
 * Whether a KMS key policy may allow a wildcard principal ("*") when a
 * condition scopes it to an account, organization or source (kms:CallerAccount,
 * aws:PrincipalOrgID, ...). Off by default: key policies name their principals.
 */
export const KMS_ALLOW_SCOPED_WILDCARD_PRINCIPAL = false;

// ---------------------------------------------------------------------------
// Cognito pools and cross-account role trust (rules cognito-user-pool-self-sign-up,
// cognito-user-pool-deletion-protection, cognito-app-client-identity-providers,
// iam-cross-account-role-trust).
// ---------------------------------------------------------------------------

/**
 * User pool defaults of the pack: self sign-up refused unless allowed;
 * deletion protection required (Security Hub Cognito.6 fails every pool
 * without it), relaxed only where the policy config says so
 * (`policy-pack/config/dev.json`: dev pools are meant to be destroyable).
 */
export const COGNITO_POOL_PROTECTION = { allowSelfSignUp: false, requireDeletionProtection: true } as const;

/**
 * Roles another account may assume. IAM accepts maxSessionDuration of
 * 3600-43200 s and uses 3600 when unset (CreateRole, MaxSessionDuration);
 * the pack allows an hour by default, the partner role's default.
 */
export const CROSS_ACCOUNT_ROLE = { iamMinSessionSeconds: 3600, iamMaxSessionSeconds: 43200, iamDefaultSessionSeconds: 3600, maxSessionSeconds: 3600 } as const;

// ---------------------------------------------------------------------------
// ACM certificates (rules acm-certificate-key-strength, acm-certificate-transparency,
// acm-certificate-no-wildcard).
// ---------------------------------------------------------------------------

/**
 * Certificate keys: RSA moduli of at least 2048 bits (Security Hub ACM.2 /
 * AWS Config acm-certificate-rsa-check). ACM imports RSA keys of 1024-4096
 * bits (ImportCertificate, "Prerequisites for importing certificates");
 * RequestCertificate's keyAlgorithm defaults to RSA_2048.
 */
export const ACM_CERTIFICATE = { minRsaKeyBits: 2048, maxRsaKeyBits: 4096, acmDefaultKeyAlgorithm: "RSA_2048" } as const;
