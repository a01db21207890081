/** Method settings must keep throttling and must not log request bodies. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwMethodSettingsThrottling = resourceRule({
    name: "apigw-method-settings-throttling",
    service: "apigateway",
    description: "Method settings must not disable throttling (rate and burst limits above zero) and must not log full request bodies.",
    remediationSteps: "Set settings.throttlingRateLimit and settings.throttlingBurstLimit above 0, and settings.dataTraceEnabled: false.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: { checkov: ["CKV_AWS_276"] },
    validateResource: validateResourceOfType(aws.apigateway.MethodSettings, (settings, args, report) => {
        const label = describe(args);
        const path = known(() => settings.methodPath, "methodPath");
        const where = `${label} (${path.known ? path.value : "methodPath unknown"})`;
        // A block unknown as a whole is one unknown, not one per setting read from it.
        const block = known(() => settings.settings, "settings");
        if (!block.known) {
            report(unverifiable(label, block.path, "set throttlingRateLimit and throttlingBurstLimit to positive limits, and dataTraceEnabled to false"));
            return;
        }
        const limits = [
            { key: "settings.throttlingRateLimit", value: known(() => settings.settings?.throttlingRateLimit, "settings.throttlingRateLimit") },
            { key: "settings.throttlingBurstLimit", value: known(() => settings.settings?.throttlingBurstLimit, "settings.throttlingBurstLimit") },
        ];
        const unlimited = limits.filter((l) => l.value.known && !(typeof l.value.value === "number" && l.value.value > 0));
        const unknown = limits.find((l) => !l.value.known);
        if (unlimited.length > 0) {
            const what = unlimited.map((l) => `${l.key} is ${l.value.known && l.value.value !== undefined ? l.value.value : "not set"}`);
            report(`${where} leaves throttling unlimited: ${listing(what)}. Set ${listing(unlimited.map((l) => l.key))} to a positive limit.`);
        } else if (unknown && !unknown.value.known) {
            report(unverifiable(label, unknown.value.path, "be a positive limit"));
        }
        const dataTrace = known(() => settings.settings?.dataTraceEnabled, "settings.dataTraceEnabled");
        if (!dataTrace.known) {
            report(unverifiable(label, dataTrace.path, "be false (full request and response bodies must not be logged)"));
        } else if (dataTrace.value === true) {
            report(
                `${where} enables settings.dataTraceEnabled, which writes full request and response bodies (tokens, personal data) to CloudWatch. Set settings.dataTraceEnabled: false.`,
            );
        }
    }),
});
