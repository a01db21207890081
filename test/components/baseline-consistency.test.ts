/**
 * One definition of every limit: no component default or accepted bound, and
 * no value the stack config accepts, lies outside what the matching policy rule
 * accepts under that environment's policy config. The rules' values are read
 * from the rules themselves (`policies`, by rule name and config key: their
 * schema defaults) merged with `policy-pack/config/<env>.json`, so the test
 * follows the rules when they change.
 */
import * as assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import {
    ADVANCED_SECURITY_MODES,
    AUTHORIZER_TTL,
    ENVIRONMENTS,
    Environment,
    LOG_RETENTION_DAYS,
    MFA_MODES,
    PASSWORD,
    WAF,
    accessLogFormat,
    advancedSecurityChoices,
    lambdaAuthorizerIdentitySource,
    logRetention,
    logRetentionChoices,
    mfaChoices,
    PROD_POLICY_MIN_LOG_RETENTION_DAYS,
    validateCognitoUserPoolArgs,
    validateWebAclArgs,
    webAclRules,
    ENVIRONMENT_BASELINE,
} from "../../components";
import { REQUIRED_ACCESS_LOG_FIELDS as RULE_ACCESS_LOG_FIELDS } from "../../policy-pack/baseline";
import { policies } from "../../policy-pack/rules";
import { ConfigError, parsePlatformConfig } from "../../stacks/config";
import { ROOT, stackConfig } from "../harness";

/** A rule's config value: its schema default, overridden by the environment's policy config file. */
function ruleValue<T>(env: Environment, rule: string, key: string): T {
    const policy = policies.find((p) => p.name === rule);
    assert.ok(policy, `no rule named ${rule}`);
    const schema = policy.configSchema?.properties?.[key] as { default?: unknown } | undefined;
    assert.ok(schema && "default" in schema, `rule ${rule} has no config key ${key} with a default`);
    const file = JSON.parse(readFileSync(join(ROOT, "policy-pack", "config", `${env}.json`), "utf8")) as Record<string, unknown>;
    const entry = file[rule];
    const override = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>)[key] : undefined;
    return (override ?? schema.default) as T;
}

const throwsArg = (fn: () => unknown) => {
    try {
        fn();
        return false;
    } catch {
        return true;
    }
};
/** Config problems of the environment's stack file with overrides. */
function configRefuses(env: Environment, overrides: Record<string, unknown>): boolean {
    try {
        parsePlatformConfig(stackConfig(env, overrides), `Pulumi.${env}.yaml`);
        return false;
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return true;
    }
}
const stackValue = (env: Environment, key: string) => JSON.parse(stackConfig(env)[`secure-api-platform:${key}`]);

const pool = (env: Environment, extra: object = {}) => ({
    environment: env,
    resourceServerIdentifier: "https://api.example.com",
    scopes: [{ name: "a", description: "a" }],
    clients: [{ name: "svc", kind: "m2m" as const, scopes: ["a"] }],
    ...extra,
});

for (const env of ENVIRONMENTS) {
    describe(`baseline consistency: ${env} components and config vs the rules under policy-pack/config/${env}.json`, () => {
        it("apigw-authorizer-cache-ttl.maxTtlSeconds: the default TTL is accepted, longer ones are refused", () => {
            const max = ruleValue<number>(env, "apigw-authorizer-cache-ttl", "maxTtlSeconds");
            const settings = { functionArn: "arn:aws:lambda:us-east-1:123456789012:function:f", type: "TOKEN" as const };
            assert.ok(AUTHORIZER_TTL.apiGatewayDefault <= max && AUTHORIZER_TTL.max <= max);
            assert.ok(!throwsArg(() => lambdaAuthorizerIdentitySource("C", settings)), "default TTL");
            assert.ok(
                throwsArg(() => lambdaAuthorizerIdentitySource("C", { ...settings, resultTtlSeconds: max + 1 })),
                "component refuses max + 1",
            );
            assert.ok(
                configRefuses(env, { lambdaAuthorizer: { ...stackValue(env, "lambdaAuthorizer"), resultTtlSeconds: max + 1 } }),
                "config refuses max + 1",
            );
        });

        it("waf-managed-rules-and-rate-limit.maxRateLimit and requiredRuleGroups: defaults pass, higher limits are refused, every group is in the ACL", () => {
            const max = ruleValue<number>(env, "waf-managed-rules-and-rate-limit", "maxRateLimit");
            const groups = ruleValue<string[]>(env, "waf-managed-rules-and-rate-limit", "requiredRuleGroups");
            assert.ok(WAF.defaultRateLimit <= max && WAF.maxRateLimit <= max);
            assert.strictEqual(validateWebAclArgs({ logRetentionInDays: 365 }), WAF.defaultRateLimit);
            assert.ok(
                throwsArg(() => validateWebAclArgs({ logRetentionInDays: 365, rateLimit: max + 1 })),
                "component refuses max + 1",
            );
            assert.ok(configRefuses(env, { waf: { rateLimit: max + 1 } }), "config refuses max + 1");
            const inAcl = webAclRules("x", WAF.defaultRateLimit, undefined, undefined).map(
                (r) => (r.statement as { managedRuleGroupStatement?: { name: string } }).managedRuleGroupStatement?.name,
            );
            for (const group of groups) {
                assert.ok(inAcl.includes(group), `the web ACL lacks ${group}`);
            }
        });

        it("log-group-retention.minRetentionDays: every retention the environment accepts is long enough", () => {
            const min = ruleValue<number>(env, "log-group-retention", "minRetentionDays");
            const accepted = logRetentionChoices(env);
            assert.ok(accepted.length > 0 && accepted.every((d) => d >= min), `${env} accepts ${accepted[0]} < ${min}`);
            for (const days of LOG_RETENTION_DAYS.filter((d) => d < min)) {
                assert.ok(
                    throwsArg(() => logRetention("C", "r", days, env)),
                    `component refuses ${days}`,
                );
                assert.ok(configRefuses(env, { logging: { ...stackValue(env, "logging"), retentionInDays: days } }), `config refuses ${days}`);
            }
            assert.ok(stackValue(env, "logging").retentionInDays >= min, "the stack file itself");
            // No stricter than needed: the shortest accepted value is the rule's (or the baseline's) minimum,
            // so the local PROD_POLICY_MIN_LOG_RETENTION_DAYS stays equal to prod.json.
            const expected = Math.max(min, ENVIRONMENT_BASELINE[env].minLogRetentionDays);
            assert.strictEqual(
                accepted[0],
                LOG_RETENTION_DAYS.find((d) => d >= expected),
                `components/shared/limits.ts (PROD_POLICY_MIN_LOG_RETENTION_DAYS = ${PROD_POLICY_MIN_LOG_RETENTION_DAYS}) no longer matches the ${env} policy config`,
            );
        });

        it("cognito-password-policy.minimumLength: the default and shortest accepted length are long enough", () => {
            const min = ruleValue<number>(env, "cognito-password-policy", "minimumLength");
            assert.ok(PASSWORD.minLength >= min && PASSWORD.defaultLength >= min);
            assert.ok(throwsArg(() => validateCognitoUserPoolArgs(pool(env, { passwordMinimumLength: PASSWORD.minLength - 1 }))));
            assert.ok(!throwsArg(() => validateCognitoUserPoolArgs(pool(env, { passwordMinimumLength: PASSWORD.minLength }))));
        });

        it("cognito-mfa.requiredMfa and cognito-advanced-security.requiredMode: defaults and every accepted mode are strong enough", () => {
            const mfa = ruleValue<string>(env, "cognito-mfa", "requiredMfa");
            const security = ruleValue<string>(env, "cognito-advanced-security", "requiredMode");
            const strength = (modes: readonly string[], m: string) => modes.indexOf(m);
            const defaults = validateCognitoUserPoolArgs(pool(env));
            assert.ok(strength(MFA_MODES, defaults.mfa) >= strength(MFA_MODES, mfa));
            assert.ok(strength(ADVANCED_SECURITY_MODES, defaults.security) >= strength(ADVANCED_SECURITY_MODES, security));
            assert.ok(
                mfaChoices(env).every((m) => strength(MFA_MODES, m) >= strength(MFA_MODES, mfa)),
                `${env} accepts MFA ${mfaChoices(env)}`,
            );
            assert.ok(advancedSecurityChoices(env).every((m) => strength(ADVANCED_SECURITY_MODES, m) >= strength(ADVANCED_SECURITY_MODES, security)));
            for (const weaker of MFA_MODES.filter((m) => strength(MFA_MODES, m) < strength(MFA_MODES, mfa))) {
                assert.ok(
                    throwsArg(() => validateCognitoUserPoolArgs(pool(env, { mfa: weaker }))),
                    `component refuses MFA ${weaker}`,
                );
                assert.ok(configRefuses(env, { cognito: { ...stackValue(env, "cognito"), mfa: weaker } }), `config refuses MFA ${weaker}`);
            }
            for (const weaker of ADVANCED_SECURITY_MODES.filter((m) => strength(ADVANCED_SECURITY_MODES, m) < strength(ADVANCED_SECURITY_MODES, security))) {
                assert.ok(
                    throwsArg(() => validateCognitoUserPoolArgs(pool(env, { advancedSecurityMode: weaker }))),
                    `component refuses ${weaker}`,
                );
                assert.ok(configRefuses(env, { cognito: { ...stackValue(env, "cognito"), advancedSecurityMode: weaker } }), `config refuses ${weaker}`);
            }
        });
    });
}

describe("baseline consistency: access log format", () => {
    it("contains every field the access-logging rule requires", () => {
        for (const field of RULE_ACCESS_LOG_FIELDS) {
            assert.ok(accessLogFormat().includes(field), field);
        }
        assert.throws(() => accessLogFormat({ requestId: "$context.requestId" }), /must include \$context\.identity\.sourceIp, \$context\.status/);
    });
});
