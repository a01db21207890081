/** The report functions rules are handed: waived findings left out, each finding stated once, no credential printed. */
import type { ReportViolation } from "@pulumi/policy";
import { redactCredentials } from "./secrets";
import { expiredMessage, Waiver, waiverOutcome, WaiverTarget } from "./waivers";

/** A report function that leaves out findings an active waiver covers, and says so when a waiver has expired. */
export function waivable(report: ReportViolation, waivers: readonly Waiver[], targetOf: (urn?: string) => WaiverTarget | undefined): ReportViolation {
    if (waivers.length === 0) {
        return report;
    }
    return (message, urn) => {
        const outcome = waiverOutcome(waivers, targetOf(urn));
        if (outcome.kind === "waived") {
            return;
        }
        report(outcome.kind === "expired" ? expiredMessage(outcome.waiver, message) : message, urn);
    };
}

/**
 * A report function that states each finding once: a rule that meets the same gap twice on one
 * resource (two unknown entries of one list, one unknown object behind several checks) reports one
 * finding, not copies of it.
 */
export function once(report: ReportViolation): ReportViolation {
    const seen = new Set<string>();
    return (message, urn) => {
        const key = `${urn ?? ""}\n${message}`;
        if (!seen.has(key)) {
            seen.add(key);
            report(message, urn);
        }
    };
}

/**
 * A report function that never prints a credential: a substring in a credential format (an access key
 * id, a token, a URL with a password) that a rule quotes from a resource is replaced, under the real
 * CLI as in the offline gate (which also replaces the plan's Pulumi secrets).
 */
export function redacting(report: ReportViolation): ReportViolation {
    return (message, urn) => report(redactCredentials(message), urn);
}
