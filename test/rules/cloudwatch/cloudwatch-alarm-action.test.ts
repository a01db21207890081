import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cloudwatch-alarm-action";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:alarms";
type AlarmArgs = Partial<aws.cloudwatch.MetricAlarmArgs>;
function alarm(name: string, args: AlarmArgs = {}): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(name, {
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 1,
        metricName: "5XXError",
        namespace: "AWS/ApiGateway",
        period: 60,
        statistic: "Sum",
        threshold: 1,
        alarmActions: [TOPIC],
        ...args,
    });
}

describe(RULE, () => {
    it("passes the compliant baseline: an ALARM action, actions enabled (explicitly or by default), also from a topic created in the program", async () => {
        assertNoFindings(await ruleFindings(RULE, () => alarm("alarm")));
        assertNoFindings(await ruleFindings(RULE, () => alarm("alarm", { actionsEnabled: true })));
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const topic = new aws.sns.Topic("topic", { kmsMasterKeyId: "alias/aws/sns" });
                alarm("alarm", { alarmActions: [topic.arn] });
            }),
        );
    });

    it("reports (advisory) actionsEnabled false", async () => {
        assertFindings(await ruleFindings(RULE, () => alarm("alarm", { actionsEnabled: false })), RULE, "advisory", [
            { resource: "alarm", message: [/actionsEnabled is false/] },
        ]);
    });

    it("reports no ALARM action, unset or empty, even with OK or INSUFFICIENT_DATA actions", async () => {
        assertFindings(await ruleFindings(RULE, () => alarm("alarm", { alarmActions: undefined, okActions: [TOPIC] })), RULE, "advisory", [
            { resource: "alarm", message: [/no ALARM action \(alarmActions is not set\)/] },
        ]);
        assertFindings(await ruleFindings(RULE, () => alarm("alarm", { alarmActions: [], insufficientDataActions: [TOPIC] })), RULE, "advisory", [
            { resource: "alarm", message: [/alarmActions is empty/] },
        ]);
    });

    it("reports both problems of one alarm, and every alarm", async () => {
        const found = await ruleFindings(RULE, () => {
            alarm("a", { actionsEnabled: false, alarmActions: undefined });
            alarm("b", { alarmActions: [] });
            alarm("c");
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "a", message: [/actionsEnabled is false/] },
            { resource: "a", message: [/alarmActions is not set/] },
            { resource: "b", message: [/alarmActions is empty/] },
        ]);
    });

    it("actionsEnabled built from outputs is judged once known, and reported as unverifiable at a first preview; an action list built from outputs is a list", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            alarm("enabled", { actionsEnabled: afterDeployment(false) });
            alarm("actions", { alarmActions: afterDeployment([TOPIC]) });
        });
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "enabled", message: [/MetricAlarm "enabled"\.actionsEnabled is unknown; it must not be false/] },
        ]);
        assertFindings(found.update, RULE, "advisory", [{ resource: "enabled", message: [/actionsEnabled is false/] }]);
    });
});
