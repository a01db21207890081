/** Usage plans must throttle and set a quota. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { QUOTA, THROTTLE } from "../../baseline";
import { known, Known } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const PERIODS: readonly string[] = QUOTA.periods;

export const apigwUsagePlanLimits = resourceRule({
    name: "apigw-usage-plan-limits",
    service: "apigateway",
    description: "Usage plans must set both throttling (rate and burst) and a quota.",
    remediationSteps: `Set throttleSettings.rateLimit above 0, throttleSettings.burstLimit of at least ${THROTTLE.minBurstLimit}, and quotaSettings.limit (at least ${QUOTA.minLimit}) with a period (${QUOTA.periods.join(", ")}).`,
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigateway.UsagePlan, (plan, args, report) => {
        const label = describe(args);
        const checks: { path: string; value: Known<unknown>; ok: (v: unknown) => boolean; must: string }[] = [
            {
                path: "throttleSettings.rateLimit",
                value: known(() => plan.throttleSettings?.rateLimit, "throttleSettings.rateLimit"),
                ok: (v) => typeof v === "number" && v > 0,
                must: "be above 0",
            },
            {
                path: "throttleSettings.burstLimit",
                value: known(() => plan.throttleSettings?.burstLimit, "throttleSettings.burstLimit"),
                ok: (v) => typeof v === "number" && v >= THROTTLE.minBurstLimit,
                must: `be at least ${THROTTLE.minBurstLimit}`,
            },
            {
                path: "quotaSettings.limit",
                value: known(() => plan.quotaSettings?.limit, "quotaSettings.limit"),
                ok: (v) => typeof v === "number" && v >= QUOTA.minLimit,
                must: `be at least ${QUOTA.minLimit}`,
            },
            {
                path: "quotaSettings.period",
                value: known(() => plan.quotaSettings?.period, "quotaSettings.period"),
                ok: (v) => typeof v === "string" && PERIODS.includes(v),
                must: `be one of ${QUOTA.periods.join(", ")}`,
            },
        ];
        const failing = checks.filter((c) => c.value.known && !c.ok(c.value.value));
        if (failing.length > 0) {
            const what = failing.map((c) => `${c.path} is ${c.value.known && c.value.value !== undefined ? JSON.stringify(c.value.value) : "not set"}`);
            report(
                `${label} does not limit its API keys (${listing(what)}), so one key can use unlimited capacity. ` +
                    `Set ${listing(failing.map((c) => `${c.path} to ${c.must.replace(/^be /, "")}`))}.`,
            );
            return;
        }
        const unknown = checks.find((c) => !c.value.known);
        if (unknown && !unknown.value.known) {
            // A block unknown as a whole (e.g. throttleSettings) is named with every limit it must set.
            const at = unknown.value.path;
            const covered = checks.filter((c) => !c.value.known && c.value.path === at && c.path !== at);
            const must =
                covered.length > 0 ? `set ${listing(covered.map((c) => `${c.path.slice(at.length + 1)} to ${c.must.replace(/^be /, "")}`))}` : unknown.must;
            report(unverifiable(label, at, must));
        }
    }),
});
