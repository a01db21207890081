/** Rules on usage plans and API keys. */
import { asNumber, asRecord, describe, ofType, refersTo, resourceRule, stackRule, TYPES } from "./util";

export const usagePlanLimits = resourceRule({
    name: "apigw-usage-plan-limits",
    description: "Usage plans must set both throttling (rate and burst) and a quota.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set throttleSettings.rateLimit, throttleSettings.burstLimit and quotaSettings.limit/period.",
    types: [TYPES.usagePlan],
    validate: (props, args, report) => {
        const throttle = asRecord(props.throttleSettings);
        const quota = asRecord(props.quotaSettings);
        const problems: string[] = [];
        if (!((asNumber(throttle.rateLimit) ?? 0) > 0 && (asNumber(throttle.burstLimit) ?? 0) > 0)) {
            problems.push("no throttleSettings with positive rateLimit and burstLimit");
        }
        if (!((asNumber(quota.limit) ?? 0) > 0 && typeof quota.period === "string")) {
            problems.push("no quotaSettings with a positive limit and a period");
        }
        if (problems.length > 0) {
            report(`Usage plan "${args.name}" has ${problems.join(" and ")}, so one API key can use unlimited capacity. Set both throttleSettings and quotaSettings.`);
        }
    },
});

export const apiKeyAttached = stackRule({
    name: "apigw-api-key-attached",
    description: "Every API key must be attached to a usage plan (otherwise it has no throttling or quota).",
    enforcementLevel: "mandatory",
    remediationSteps: "Create an aws.apigateway.UsagePlanKey linking the key to a usage plan, or delete the key.",
    validate: (args, report) => {
        const planKeys = ofType(args.resources, TYPES.usagePlanKey);
        for (const key of ofType(args.resources, TYPES.apiKey)) {
            if (!planKeys.some((pk) => refersTo(pk, "keyId", key, ["id"]))) {
                report(`${describe(key)} is not attached to any usage plan, so calls with it are neither throttled nor counted against a quota. ` +
                    "Add a UsagePlanKey for it, or remove the key.", key.urn);
            }
        }
    },
});
