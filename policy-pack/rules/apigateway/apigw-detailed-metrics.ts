/** Stage-wide method settings should publish detailed (per-method) CloudWatch metrics. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwDetailedMetrics = resourceRule({
    name: "apigw-detailed-metrics",
    service: "apigateway",
    description: "Stage-wide (*/*) method settings should enable detailed CloudWatch metrics (settings.metricsEnabled).",
    remediationSteps: 'Set settings.metricsEnabled: true on the stage\'s "*/*" method settings.',
    severity: "low",
    enforcementLevel: "advisory",
    // CKV2_AWS_4 requires */* settings with INFO/ERROR logging AND metrics_enabled: the logging half is apigw-execution-logging's.
    controls: { checkov: ["CKV2_AWS_4"] },
    validateResource: validateResourceOfType(aws.apigateway.MethodSettings, (settings, args, report) => {
        const label = describe(args);
        const metrics = known(() => settings.settings?.metricsEnabled, "settings.metricsEnabled");
        if (metrics.known && metrics.value === true) {
            return;
        }
        const path = known(() => settings.methodPath, "methodPath");
        if (!path.known) {
            report(unverifiable(label, path.path, 'be known: stage-wide ("*/*") settings must enable detailed metrics'));
            return;
        }
        if (path.value !== "*/*") {
            return;
        }
        if (!metrics.known) {
            report(unverifiable(label, metrics.path, "be true"));
        } else if (metrics.value !== true) {
            report(
                `${label} does not enable detailed CloudWatch metrics (settings.metricsEnabled is ${metrics.value ?? "not set"}); set settings.metricsEnabled: true so alarms see per-method data.`,
            );
        }
    }),
});
