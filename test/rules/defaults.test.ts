/**
 * The defaults that make the pack strict, pinned to literal values written
 * here, never to the constants the code reads: a default loosened in the
 * baseline or in a rule's schema (a limit raised tenfold, a required field
 * dropped, a switch turned off) fails this spec, and so does a new rule with
 * config that no one pinned.
 */
import * as assert from "assert";
import * as baseline from "../../policy-pack/baseline";
import { policies } from "../../policy-pack/rules";

/** Every rule's config defaults (waivers aside): what the pack enforces when no policy config relaxes it. */
const RULE_DEFAULTS: Record<string, Record<string, unknown>> = {
    "apigw-method-requires-authorization": { allowedAnonymousMethods: [] },
    "apigw-authorizer-cache-ttl": { maxTtlSeconds: 3600 },
    "apigw-cors-restricted-origins": { allowedOrigins: [], allowWildcard: false },
    "apigw-component-routes-authorized": { allowedAnonymousRoutes: [] },
    "apigw-api-key-generated": { allowImportedKeys: false, minimumLength: 40 },
    "apigw-public-api-resource-policy": { allowOpenApis: {} },
    "apigw-backend-client-certificate": { scope: "http-backends" },
    "cognito-password-policy": { minimumLength: 12 },
    "cognito-mfa": { requiredMfa: "ON" },
    "cognito-advanced-security": { requiredMode: "ENFORCED" },
    "cognito-app-client-secure": { allowedPasswordAuthFlows: [], maxRefreshTokenDays: 30 },
    "cognito-user-pool-self-sign-up": { allowSelfSignUp: false },
    "cognito-user-pool-deletion-protection": { required: true },
    "cognito-app-client-identity-providers": { allowedProviders: [] },
    "log-group-retention": { minRetentionDays: 90 },
    "s3-bucket-public-access": { publicBuckets: {} },
    "s3-bucket-kms-encryption": { requireKmsFor: ["audit", "truststore"] },
    "s3-bucket-durability": { requireAccessLogging: true },
    "waf-managed-rules-and-rate-limit": {
        requiredRuleGroups: [
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet",
        ],
        maxRateLimit: 10000,
    },
    "waf-managed-rule-overrides": {
        requiredRuleGroups: [
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet",
        ],
        allowedOverrides: [],
    },
    "apigwv2-route-authorization": { allowedAnonymousRoutes: [] },
    "apigwv2-cors-restricted-origins": { allowedOrigins: [] },
    "remote-component-unverified": { allowedTypes: [] },
    "lambda-permission-scoped": { accountScopedServices: [] },
    "iam-backend-role-least-privilege": { allowedPolicyArns: [], allowedActions: [] },
    "iam-cross-account-role-trust": { trustedAccountIds: [], requireMfa: false, maxSessionSeconds: 3600 },
    "kms-key-policy-secure": { allowScopedWildcardPrincipal: false },
    "kms-key-deletion-window": { minDeletionWindowDays: 30 },
    "acm-certificate-key-strength": { minRsaKeyBits: 2048 },
    "acm-certificate-no-wildcard": { allowedWildcardDomains: [] },
};

function defaultsOf(policy: (typeof policies)[number]): Record<string, unknown> {
    const props = policy.configSchema?.properties ?? {};
    return Object.fromEntries(
        Object.entries(props)
            .filter(([key]) => key !== "waivers")
            .map(([key, schema]) => [key, (schema as { default?: unknown }).default]),
    );
}

describe("the pack's strict defaults, pinned", () => {
    it("every rule with config is pinned here, and no pinned rule is gone", () => {
        const withConfig = policies.filter((p) => Object.keys(defaultsOf(p)).length > 0).map((p) => p.name);
        assert.deepStrictEqual([...withConfig].sort(), Object.keys(RULE_DEFAULTS).sort());
    });

    for (const [rule, expected] of Object.entries(RULE_DEFAULTS)) {
        it(`${rule}: defaults ${JSON.stringify(expected)}`, () => {
            const policy = policies.find((p) => p.name === rule);
            assert.ok(policy, `no rule ${rule}`);
            assert.deepStrictEqual(defaultsOf(policy), expected);
        });
    }

    it("the baseline's limits and required values", () => {
        assert.deepStrictEqual(baseline.THROTTLE, { maxRateLimit: 10000, minBurstLimit: 1, maxBurstLimit: 5000 });
        assert.deepStrictEqual(baseline.QUOTA, { minLimit: 1, maxLimit: 2_000_000_000, periods: ["DAY", "WEEK", "MONTH"] });
        assert.deepStrictEqual(baseline.REQUIRED_ACCESS_LOG_FIELDS, ["$context.requestId", "$context.identity.sourceIp", "$context.status"]);
        assert.deepStrictEqual(baseline.AUTHORIZER_TTL, { min: 0, max: 3600, apiGatewayDefault: 300 });
        assert.deepStrictEqual(baseline.WAF, {
            requiredManagedRuleGroups: [
                "AWSManagedRulesAmazonIpReputationList",
                "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesSQLiRuleSet",
            ],
            minRateLimit: 10,
            maxRateLimit: 10000,
            defaultRateLimit: 2000,
        });
        assert.deepStrictEqual(baseline.PASSWORD, { minLength: 12, maxLength: 99, defaultLength: 14, maxTemporaryValidityDays: 7 });
        assert.strictEqual(baseline.TLS_SECURITY_POLICY, "TLS_1_2");
        assert.deepStrictEqual(baseline.CORS_MAX_AGE, { max: 7200, default: 600 });
        assert.deepStrictEqual(baseline.INTEGRATION_TIMEOUT_MS, { min: 50, max: 29000 });
        assert.deepStrictEqual(baseline.EXECUTION_LOG_LEVELS, ["INFO", "ERROR"]);
        assert.deepStrictEqual(baseline.REFRESH_TOKEN_VALIDITY_DAYS, { max: 30, cognitoDefault: 30 });
        assert.deepStrictEqual(baseline.API_KEY_VALUE, { minLength: 20, maxLength: 128, defaultMinimumLength: 40 });
        assert.deepStrictEqual(baseline.KMS_DELETION_WINDOW_DAYS, { min: 7, max: 30, kmsDefault: 30, defaultMinimum: 30 });
        assert.deepStrictEqual(baseline.CROSS_ACCOUNT_ROLE, {
            iamMinSessionSeconds: 3600,
            iamMaxSessionSeconds: 43200,
            iamDefaultSessionSeconds: 3600,
            maxSessionSeconds: 3600,
        });
        assert.deepStrictEqual(baseline.ACM_CERTIFICATE, { minRsaKeyBits: 2048, maxRsaKeyBits: 4096, acmDefaultKeyAlgorithm: "RSA_2048" });
        assert.deepStrictEqual(baseline.COGNITO_POOL_PROTECTION, { allowSelfSignUp: false, requireDeletionProtection: true });
        assert.strictEqual(baseline.S3_REQUIRE_ACCESS_LOGGING, true);
        assert.strictEqual(baseline.KMS_ALLOW_SCOPED_WILDCARD_PRINCIPAL, false);
    });

    it("prod is the default baseline and dev relaxes only what it names", () => {
        assert.deepStrictEqual(baseline.ENVIRONMENT_BASELINE, {
            prod: { minLogRetentionDays: 90, minMfa: "ON", minAdvancedSecurity: "ENFORCED", allowLocalhostOrigins: false },
            dev: { minLogRetentionDays: 14, minMfa: "OPTIONAL", minAdvancedSecurity: "AUDIT", allowLocalhostOrigins: true },
        });
        assert.strictEqual(baseline.DEFAULT_BASELINE, baseline.ENVIRONMENT_BASELINE.prod);
    });
});
