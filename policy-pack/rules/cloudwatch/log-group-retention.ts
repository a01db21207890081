/** CloudWatch log groups must expire their logs, and not too early. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { DEFAULT_BASELINE, LOG_RETENTION_DAYS } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `log-group-retention`. */
export interface LogGroupRetentionConfig {
    /** Shortest allowed retentionInDays (audits and incident response need the logs this long). */
    minRetentionDays: number;
}

export const logGroupRetentionConfig = ruleConfig<LogGroupRetentionConfig>({
    minRetentionDays: {
        type: "integer",
        minimum: LOG_RETENTION_DAYS[0],
        maximum: LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1],
        default: DEFAULT_BASELINE.minLogRetentionDays,
        description: "Shortest allowed retentionInDays.",
    },
});

export const logGroupRetention = resourceRule({
    name: "log-group-retention",
    service: "cloudwatch",
    description: "CloudWatch log groups must set a retention of at least minRetentionDays (logs kept forever cost money and hold personal data indefinitely).",
    remediationSteps: "Set retentionInDays to a value >= minRetentionDays.",
    severity: "medium",
    enforcementLevel: "mandatory",
    // Serverless-CloudWatchLogGroupRetentionPeriod checked against cdk-nag test/rules/CloudWatch.test.ts (the same rule function as the other three: retention unset fails).
    controls: {
        cdkNag: [
            "NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod",
            "PCI.DSS.321-CloudWatchLogGroupRetentionPeriod",
            "HIPAA.Security-CloudWatchLogGroupRetentionPeriod",
            "Serverless-CloudWatchLogGroupRetentionPeriod",
        ],
        checkov: ["CKV_AWS_66"],
    },
    config: logGroupRetentionConfig,
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, args, report) => {
        const { minRetentionDays } = logGroupRetentionConfig.read(args);
        const retention = known(() => group.retentionInDays, "retentionInDays");
        if (!retention.known) {
            report(unverifiable(describe(args), retention.path, `be at least ${minRetentionDays} days`));
        } else if (retention.value === undefined || retention.value === 0) {
            report(
                `${describe(args)} keeps logs forever (retentionInDays is ${retention.value === 0 ? "0" : "not set"}). Set retentionInDays to at least ${minRetentionDays}.`,
            );
        } else if (retention.value < minRetentionDays) {
            report(
                `${describe(args)} keeps logs for ${retention.value} days (retentionInDays), less than the required ${minRetentionDays}; audits and incident response need them. Raise retentionInDays to at least ${minRetentionDays}.`,
            );
        }
    }),
});
