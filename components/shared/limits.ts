/**
 * Limits the components derive from the guardrail baseline
 * (`policy-pack/baseline`). Nothing here is a second definition of a baseline
 * value, with one documented exception, {@link PROD_POLICY_MIN_LOG_RETENTION_DAYS}.
 */
import {
    Environment,
    ENVIRONMENT_BASELINE,
    LOG_RETENTION_DAYS,
    logRetentionValues,
    MFA_MODES,
    ADVANCED_SECURITY_MODES,
    MfaMode,
    AdvancedSecurityMode,
} from "../../policy-pack/baseline";

/**
 * LOCAL LIMIT (not in the baseline yet): prod's policy config
 * (`policy-pack/config/prod.json`, `log-group-retention.minRetentionDays`)
 * requires 365 days, stricter than the baseline's prod minimum of 90. Without
 * this floor the config and the components would accept 90–180 days in prod
 * and the mandatory rule would then refuse them. `test/components/baseline-consistency.test.ts`
 * keeps it equal to prod.json; it goes away once the baseline carries it (or
 * prod.json is relaxed to the baseline).
 */
export const PROD_POLICY_MIN_LOG_RETENTION_DAYS = 365;

/** Shortest retention an environment's stacks may set, in days. */
export function minLogRetentionDays(environment: Environment): number {
    const baseline = ENVIRONMENT_BASELINE[environment].minLogRetentionDays;
    return environment === "prod" ? Math.max(baseline, PROD_POLICY_MIN_LOG_RETENTION_DAYS) : baseline;
}

/** Retention values (days) CloudWatch accepts and the environment allows: `logRetentionValues(environment)` and the floor above. */
export function logRetentionChoices(environment: Environment): number[] {
    const min = minLogRetentionDays(environment);
    return logRetentionValues(environment).filter((d) => d >= min);
}

/** Every retention CloudWatch accepts, for components used without an environment. */
export const ANY_LOG_RETENTION: readonly number[] = LOG_RETENTION_DAYS;

/** Cognito MFA modes an environment may use, weakest first (never OFF). */
export function mfaChoices(environment: Environment): MfaMode[] {
    return MFA_MODES.slice(MFA_MODES.indexOf(ENVIRONMENT_BASELINE[environment].minMfa));
}

/** Cognito advanced security modes an environment may use, weakest first (never OFF). */
export function advancedSecurityChoices(environment: Environment): AdvancedSecurityMode[] {
    return ADVANCED_SECURITY_MODES.slice(ADVANCED_SECURITY_MODES.indexOf(ENVIRONMENT_BASELINE[environment].minAdvancedSecurity));
}
