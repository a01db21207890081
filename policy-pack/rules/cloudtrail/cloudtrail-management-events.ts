/** Trails must record every management event, read and write. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { snapshot, unknownPaths } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";
import { asArray, asRecord, asString } from "../lib/values";

const MUST = "record management events, read and write, with no event source excluded";

/** True for a basic event selector that records every management event (includeManagementEvents and readWriteType default to true and All). */
function fullBasic(selector: unknown): boolean {
    const s = asRecord(selector);
    return s.includeManagementEvents !== false && (s.readWriteType ?? "All") === "All" && asArray(s.excludeManagementEventSources).length === 0;
}

/** True for an advanced selector on eventCategory Management with no readOnly or eventSource restriction. */
function fullAdvanced(selector: unknown): boolean {
    const fields = asArray(asRecord(selector).fieldSelectors).map(asRecord);
    const category = fields.find((f) => asString(f.field) === "eventCategory");
    return (
        category !== undefined &&
        asArray(category.equals).includes("Management") &&
        !fields.some((f) => asString(f.field) === "readOnly" || asString(f.field) === "eventSource")
    );
}

export const cloudtrailManagementEvents = resourceRule({
    name: "cloudtrail-management-events",
    service: "cloudtrail",
    description:
        "CloudTrail trails must record all management events, read and write: an event selector with includeManagementEvents and readWriteType All, or an advanced selector on eventCategory Management without readOnly or eventSource filters.",
    remediationSteps:
        'Leave eventSelectors unset, or add { readWriteType: "All", includeManagementEvents: true } without excludeManagementEventSources; with advancedEventSelectors, select eventCategory equals ["Management"] and filter neither readOnly nor eventSource.',
    severity: "high",
    enforcementLevel: "mandatory",
    // Security Hub CloudTrail.1: a multi-Region trail (cloudtrail-secure-trail) with read and write management events (this rule).
    controls: { securityHub: ["CloudTrail.1"] },
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (trail, args, report) => {
        const label = describe(args);
        const basic = snapshot(() => trail.eventSelectors);
        const advanced = snapshot(() => trail.advancedEventSelectors);
        const unknown = [...unknownPaths(basic, "eventSelectors"), ...unknownPaths(advanced, "advancedEventSelectors")].filter(
            // Data resources and the values of field selectors (bucket or function ARNs) do not decide management events.
            (p) => !p.includes(".dataResources") && !/fieldSelectors\.\d+\.(equals|notEquals|startsWiths|notStartsWiths|endsWiths|notEndsWiths)/.test(p),
        );
        // A wholly unknown list is its own path ("eventSelectors"), so this covers it too.
        if (unknown.length > 0) {
            report(unverifiable(label, unknown[0], MUST));
            return;
        }
        const basics = asArray(basic);
        const advanceds = asArray(advanced);
        if (advanceds.length > 0) {
            if (!advanceds.some(fullAdvanced)) {
                report(
                    `${label} advancedEventSelectors record no full set of management events (no selector on eventCategory equals "Management" without a readOnly or eventSource filter), ` +
                        'so API calls that change or read the account go unrecorded. Add an advanced selector with only fieldSelectors [{ field: "eventCategory", equals: ["Management"] }].',
                );
            }
        } else if (basics.length > 0 && !basics.some(fullBasic)) {
            report(
                `${label} eventSelectors record no full set of management events (none has includeManagementEvents true, readWriteType "All" and no excludeManagementEventSources), ` +
                    'so API calls that change or read the account go unrecorded. Set readWriteType: "All" and includeManagementEvents: true on an event selector.',
            );
        }
    }),
});
