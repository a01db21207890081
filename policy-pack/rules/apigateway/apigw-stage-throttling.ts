/** Every API Gateway stage must have stage-wide throttling. */
import * as aws from "@pulumi/aws";
import { known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { appliesToStage, MethodSettingsResource, pendingStageLink } from "../lib/stages";

const STAGE_WIDE = "*/*";

type Throttling = { state: "throttled" } | { state: "unthrottled" } | { state: "unknown"; subject: string; path: string };

/** Whether stage-wide settings throttle: both limits known and positive. */
function throttlingOf(settings: MethodSettingsResource): Throttling {
    const limits = [
        known(() => settings.props.settings?.throttlingRateLimit, "settings.throttlingRateLimit"),
        known(() => settings.props.settings?.throttlingBurstLimit, "settings.throttlingBurstLimit"),
    ];
    // A known limit that is not positive leaves the stage unthrottled, whatever the other one becomes.
    if (limits.some((l) => l.known && !(typeof l.value === "number" && l.value > 0))) {
        return { state: "unthrottled" };
    }
    const unknown = limits.find((l) => !l.known);
    if (unknown && !unknown.known) {
        return { state: "unknown", subject: settings.label, path: unknown.path };
    }
    return { state: "throttled" };
}

export const apigwStageThrottling = stackRule({
    name: "apigw-stage-throttling",
    service: "apigateway",
    description: `Every API Gateway stage must have stage-wide (${STAGE_WIDE}) method settings with throttling limits.`,
    remediationSteps: `Add aws.apigateway.MethodSettings with methodPath "${STAGE_WIDE}" and positive settings.throttlingRateLimit and settings.throttlingBurstLimit for the stage.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: cdk-nag test/rules/APIGW.test.ts (APIGWDefaultThrottling: stage without / with incomplete */* throttling); REST half (v2: apigwv2-stage-throttling).
    controls: { cdkNag: ["Serverless-APIGWDefaultThrottling"] },
    inspects: [aws.apigateway.Stage, aws.apigateway.MethodSettings],
    validateStack: (args, report) => {
        const allSettings = resourcesOf(args.resources, aws.apigateway.MethodSettings);
        for (const stage of resourcesOf(args.resources, aws.apigateway.Stage)) {
            const ofStage = allSettings.filter((s) => appliesToStage(s, stage));
            const paths = ofStage.map((s) => ({ settings: s, path: known(() => s.props.methodPath, "methodPath") }));
            const stageWide = paths.filter((p) => p.path.known && p.path.value === STAGE_WIDE).map((p) => p.settings);
            const verdicts = stageWide.map(throttlingOf);
            if (verdicts.some((v) => v.state === "throttled")) {
                continue;
            }
            const unknownPath = paths.find((p) => !p.path.known);
            const pending = allSettings.map((s) => pendingStageLink(s, stage)).find((l) => l !== undefined);
            const unknownLimit = verdicts.find((v): v is Extract<Throttling, { state: "unknown" }> => v.state === "unknown");
            if (unknownLimit) {
                const what = unknownLimit.path === "settings" ? "set positive throttlingRateLimit and throttlingBurstLimit" : "be positive";
                report(unverifiable(unknownLimit.subject, unknownLimit.path, `${what}, so that ${stage.label} is throttled`), stage.urn);
            } else if (unknownPath && !unknownPath.path.known) {
                report(
                    unverifiable(
                        unknownPath.settings.label,
                        unknownPath.path.path,
                        `be "${STAGE_WIDE}" with positive throttling limits, or ${stage.label} needs other stage-wide method settings`,
                    ),
                    stage.urn,
                );
            } else if (pending) {
                const { unknown, other, prop } = pending;
                report(
                    unverifiable(
                        unknown.label,
                        prop,
                        `be the ${prop} of ${other.label} (with methodPath "${STAGE_WIDE}" and positive throttling limits), or ${stage.label} needs other stage-wide method settings`,
                    ),
                    stage.urn,
                );
            } else if (stageWide.length > 0) {
                report(
                    `${stage.label} has stage-wide method settings (${stageWide.map((s) => s.label).join(", ")}) without positive throttling limits, so one client can exhaust the account's API Gateway limits. ` +
                        "Set settings.throttlingRateLimit and settings.throttlingBurstLimit to positive limits.",
                    stage.urn,
                );
            } else {
                report(
                    `${stage.label} has no stage-wide throttling (no MethodSettings with methodPath "${STAGE_WIDE}" for this stage), so one client can exhaust the account's API Gateway limits. ` +
                        `Add MethodSettings with methodPath "${STAGE_WIDE}" and positive throttlingRateLimit and throttlingBurstLimit for this stage.`,
                    stage.urn,
                );
            }
        }
    },
});
