/**
 * The authorizer's only log line: one JSON object per decision with a reason
 * code and, when known, the route, the `kid` and (for verified tokens only)
 * the `sub`. Never the token, the Authorization header or the event.
 */

/** What a decision log line holds. */
export interface DecisionLog {
    decision: "allow" | "deny" | "unauthorized" | "error";
    reason: string;
    /** `METHOD /path` of the request, when the method ARN could be read. */
    route?: string;
    kid?: string;
    sub?: string;
}

/** Where log lines go (console by default; tests capture it). */
export type Logger = (entry: DecisionLog) => void;

const bounded = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.replace(/[^\x20-\x7e]/g, "?").slice(0, 256));

/** Writes one JSON line to stdout (CloudWatch Logs through Lambda). */
export const consoleLogger: Logger = (entry) => {
    const line = {
        event: "jwt_authorizer_decision",
        decision: entry.decision,
        reason: entry.reason,
        route: bounded(entry.route),
        kid: bounded(entry.kid),
        sub: bounded(entry.sub),
    };
    const level = entry.decision === "error" ? "error" : entry.decision === "allow" ? "info" : "warn";
    console[level](JSON.stringify(line));
};
