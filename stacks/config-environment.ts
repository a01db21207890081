/** What each environment allows, by the baseline, checked over the parsed stack config. */
import { ENVIRONMENT_BASELINE } from "../policy-pack/baseline";
import { advancedSecurityChoices, logRetentionChoices, mfaChoices } from "../components";
import type { PlatformConfig } from "./config";
import { PROJECT } from "./config";

/**
 * What the config's environment does not allow, by the baseline
 * (`ENVIRONMENT_BASELINE`, `logRetentionValues`), named by config key.
 */
export function environmentProblems(config: PlatformConfig, project: string = PROJECT): string[] {
    const env = config.environment;
    const baseline = ENVIRONMENT_BASELINE[env];
    const problems: string[] = [];
    const retention = logRetentionChoices(env);
    if (!retention.includes(config.logging.retentionInDays)) {
        problems.push(`${project}:logging.retentionInDays: expected one of ${retention.join(", ")} in ${env}, got ${config.logging.retentionInDays}`);
    }
    if (env === "prod" && config.cors?.allowWildcard) {
        problems.push(`${project}:cors.allowWildcard: must not be true in prod`);
    }
    config.cors?.allowedOrigins.forEach((origin, i) => {
        if (!baseline.allowLocalhostOrigins && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) {
            problems.push(`${project}:cors.allowedOrigins[${i}]: localhost origins are not allowed in ${env}, got ${JSON.stringify(origin)}`);
        }
    });
    if (config.cognito?.mfa !== undefined && !(mfaChoices(env) as string[]).includes(config.cognito.mfa)) {
        problems.push(`${project}:cognito.mfa: expected ${mfaChoices(env).join(" or ")} in ${env}, got ${JSON.stringify(config.cognito.mfa)}`);
    }
    const security = config.cognito?.advancedSecurityMode;
    if (security !== undefined && !(advancedSecurityChoices(env) as string[]).includes(security)) {
        problems.push(
            `${project}:cognito.advancedSecurityMode: expected ${advancedSecurityChoices(env).join(" or ")} in ${env}, got ${JSON.stringify(security)}`,
        );
    }
    return problems;
}
