/** CloudWatch alarms should notify someone: actions enabled and at least one ALARM action. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const cloudwatchAlarmAction = resourceRule({
    name: "cloudwatch-alarm-action",
    service: "cloudwatch",
    description: "CloudWatch metric alarms should keep actions enabled (actionsEnabled not false) and have at least one alarmActions target.",
    remediationSteps: "Set alarmActions to an SNS topic (or other action) ARN and leave actionsEnabled unset or true.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {
        securityHub: ["CloudWatch.15", "CloudWatch.17"],
        cdkNag: ["NIST.800.53.R5-CloudWatchAlarmAction", "HIPAA.Security-CloudWatchAlarmAction"],
        checkov: ["CKV_AWS_319"],
    },
    validateResource: validateResourceOfType(aws.cloudwatch.MetricAlarm, (alarm, args, report) => {
        const label = describe(args);
        const enabled = known(() => alarm.actionsEnabled, "actionsEnabled");
        if (!enabled.known) {
            report(unverifiable(label, enabled.path, "not be false"));
        } else if (enabled.value === false) {
            report(`${label} has its actions turned off (actionsEnabled is false), so nobody is told when it fires. Remove actionsEnabled or set it to true.`);
        }
        // An unknown list (e.g. [topic.arn] at preview) is a list of actions.
        const actions = known(() => alarm.alarmActions, "alarmActions");
        if (actions.known && (actions.value === undefined || actions.value.length === 0)) {
            report(
                `${label} has no ALARM action (alarmActions is ${actions.value === undefined ? "not set" : "empty"}), so it fires unseen. Set alarmActions to an SNS topic ARN.`,
            );
        }
    }),
});
