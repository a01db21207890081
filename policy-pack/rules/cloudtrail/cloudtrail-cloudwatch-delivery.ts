/** CloudTrail trails should also deliver to CloudWatch Logs, for alerting. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known } from "../lib/known";
import { describe, listing } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const cloudtrailCloudwatchDelivery = resourceRule({
    name: "cloudtrail-cloudwatch-delivery",
    service: "cloudtrail",
    description: "CloudTrail trails should also deliver to CloudWatch Logs for alerting.",
    remediationSteps: "Set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {
        securityHub: ["CloudTrail.5"],
        cdkNag: [
            "NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled",
            "PCI.DSS.321-CloudTrailCloudWatchLogsEnabled",
            "HIPAA.Security-CloudTrailCloudWatchLogsEnabled",
        ],
        checkov: ["CKV2_AWS_10"],
        trivy: ["AWS-0162"],
    },
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (trail, args, report) => {
        // ARNs unknown at preview (`logGroup.arn`, `role.arn`) are set.
        const missing = [
            { key: "cloudWatchLogsGroupArn", value: known(() => trail.cloudWatchLogsGroupArn, "cloudWatchLogsGroupArn") },
            { key: "cloudWatchLogsRoleArn", value: known(() => trail.cloudWatchLogsRoleArn, "cloudWatchLogsRoleArn") },
        ]
            .filter((p) => !isSet(p.value))
            .map((p) => p.key);
        if (missing.length > 0) {
            report(
                `${describe(args)} does not deliver to CloudWatch Logs (${listing(missing.map((m) => `${m} is not set`))}); ` +
                    `set ${listing(missing)} so metric filters and alarms can see API calls.`,
            );
        }
    }),
});
