/** Stage-wide method settings should log execution and publish metrics. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { EXECUTION_LOG_LEVELS } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const LEVELS: readonly string[] = EXECUTION_LOG_LEVELS;
const LEVEL_LIST = EXECUTION_LOG_LEVELS.join(" or ");

export const apigwExecutionLogging = resourceRule({
    name: "apigw-execution-logging",
    service: "apigateway",
    description: `Stage-wide (*/*) method settings should enable execution logging (${LEVEL_LIST}) and detailed metrics.`,
    remediationSteps: `Set settings.loggingLevel to ${LEVEL_LIST} and settings.metricsEnabled: true on the stage's "*/*" method settings.`,
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigateway.MethodSettings, (settings, args, report) => {
        const label = describe(args);
        const path = known(() => settings.methodPath, "methodPath");
        if (!path.known) {
            report(unverifiable(label, path.path, `be known: stage-wide ("*/*") settings must enable ${LEVEL_LIST} execution logging and metrics`));
            return;
        }
        if (path.value !== "*/*") {
            return;
        }
        const level = known(() => settings.settings?.loggingLevel, "settings.loggingLevel");
        if (!level.known) {
            report(unverifiable(label, level.path, `be ${LEVEL_LIST}`));
        } else if (!LEVELS.includes((level.value ?? "OFF").toUpperCase())) {
            report(
                `${label} leaves execution logging ${level.value ?? "OFF (settings.loggingLevel is not set)"}; set settings.loggingLevel to ${LEVEL_LIST} to diagnose authorizer and integration failures.`,
            );
        }
        const metrics = known(() => settings.settings?.metricsEnabled, "settings.metricsEnabled");
        if (!metrics.known) {
            report(unverifiable(label, metrics.path, "be true"));
        } else if (metrics.value !== true) {
            report(
                `${label} does not enable detailed CloudWatch metrics (settings.metricsEnabled is ${metrics.value ?? "not set"}); set settings.metricsEnabled: true so alarms see per-method data.`,
            );
        }
    }),
});
