/** Every REST stage must log execution (ERROR or INFO) for all its methods. */
import * as aws from "@pulumi/aws";
import { EXECUTION_LOG_LEVELS } from "../../baseline";
import { known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { appliesToStage, MethodSettingsResource, pendingStageLink } from "../lib/stages";

const LEVELS: readonly string[] = EXECUTION_LOG_LEVELS;
const LEVEL_LIST = EXECUTION_LOG_LEVELS.join(" or ");

export const apigwExecutionLogging = stackRule({
    name: "apigw-execution-logging",
    service: "apigateway",
    description: `Every REST stage must have stage-wide ("*/*") method settings with execution logging ${LEVEL_LIST}, and no method settings may turn it off.`,
    remediationSteps: `Create an aws.apigateway.MethodSettings with methodPath "*/*" and settings.loggingLevel ${LEVEL_LIST} for each stage; never set loggingLevel OFF on a method.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {
        securityHub: ["APIGateway.1"],
        cdkNag: [
            "AwsSolutions-APIG6",
            "NIST.800.53.R5-APIGWExecutionLoggingEnabled",
            "PCI.DSS.321-APIGWExecutionLoggingEnabled",
            "HIPAA.Security-APIGWExecutionLoggingEnabled",
        ],
        // CKV2_AWS_4's logging half (its metrics half is apigw-detailed-metrics').
        checkov: ["CKV2_AWS_4"],
    },
    inspects: [aws.apigateway.Stage, aws.apigateway.MethodSettings],
    validateStack: (args, report) => {
        const all = resourcesOf(args.resources, aws.apigateway.MethodSettings);
        const stageWide: MethodSettingsResource[] = [];
        const unknownPath: MethodSettingsResource[] = [];
        for (const settings of all) {
            const path = known(() => settings.props.methodPath, "methodPath");
            const level = known(() => settings.props.settings?.loggingLevel, "settings.loggingLevel");
            // An unknown methodPath matters only for an unset level, which fails on "*/*" alone: OFF fails on every path, INFO or ERROR on none.
            const where = !path.known ? "the methods of its methodPath" : path.value === "*/*" ? "every method" : `method ${path.value}`;
            if (!level.known) {
                report(unverifiable(settings.label, level.path, `be ${LEVEL_LIST}`), settings.urn);
            } else if (level.value !== undefined && !LEVELS.includes(level.value.toUpperCase())) {
                report(
                    `${settings.label} turns execution logging ${level.value} for ${where} (settings.loggingLevel), ` +
                        `so its authorizer and integration failures leave no trace. Set settings.loggingLevel to ${LEVEL_LIST}.`,
                    settings.urn,
                );
            } else if (level.value === undefined && !path.known) {
                report(unverifiable(settings.label, path.path, `not be "*/*" while settings.loggingLevel is not set`), settings.urn);
            } else if (level.value === undefined && path.known && path.value === "*/*") {
                report(
                    `${settings.label} leaves stage-wide execution logging off (settings.loggingLevel is not set), so authorizer and integration failures leave no trace. ` +
                        `Set settings.loggingLevel to ${LEVEL_LIST}.`,
                    settings.urn,
                );
            }
            if (!path.known) {
                unknownPath.push(settings);
            } else if (path.value === "*/*") {
                stageWide.push(settings);
            }
        }
        for (const stage of resourcesOf(args.resources, aws.apigateway.Stage)) {
            if (stageWide.some((s) => appliesToStage(s, stage))) {
                continue;
            }
            // Settings that may yet be stage-wide settings of this stage: by an unknown methodPath, or an unknown stageName.
            const why = `${stage.label} has no other stage-wide method settings`;
            const pending = unknownPath.find((s) => appliesToStage(s, stage));
            const link = pending ? undefined : [...stageWide, ...unknownPath].map((s) => pendingStageLink(s, stage)).find((l) => l !== undefined);
            if (pending) {
                report(unverifiable(pending.label, "methodPath", `be "*/*", since ${why}`), stage.urn);
            } else if (link) {
                report(unverifiable(link.unknown.label, link.prop, `be the ${link.prop} of ${link.other.label}, since ${why}`), stage.urn);
            } else {
                report(
                    `${stage.label} has no stage-wide method settings (no aws.apigateway.MethodSettings with methodPath "*/*" for it), so execution logging is off for every method. ` +
                        `Add MethodSettings with methodPath "*/*" and settings.loggingLevel ${LEVEL_LIST}.`,
                    stage.urn,
                );
            }
        }
    },
});
