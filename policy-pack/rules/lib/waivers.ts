/**
 * Waivers, like cdk-nag suppressions: always with a reason. Every rule takes a
 * `waivers` config key — a list of `{ resource, reason, expires? }` — in the
 * policy config (`--policy-pack-config` format, so the real CLI and the
 * offline gate read the same file). A waiver names the resource by URN, by
 * Pulumi resource name, or, for an API route, as the route (`GET /health`:
 * a REST method the platform names `<api>-get-health`, or an HTTP API route
 * whose route key it is; a key not of the form `METHOD /path`, such as
 * `$default` or a WebSocket route's, is waived by name or URN). An active
 * waiver silences that rule on that resource; an expired one turns back into
 * the finding, saying it expired.
 */
import * as aws from "@pulumi/aws";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { HTTP_METHODS, slug } from "../../baseline";

/** One waiver of one rule. */
export interface Waiver {
    /** URN, resource name, or route (`GET /health`). */
    readonly resource: string;
    /** Why the finding is accepted: at least a sentence. */
    readonly reason: string;
    /** Last day (YYYY-MM-DD, UTC) the waiver holds; afterwards the finding is back. */
    readonly expires?: string;
}

/** The smallest reason a waiver may give. */
export const MIN_WAIVER_REASON_LENGTH = 12;

/** JSON schema of the `waivers` key every rule's config has. */
export const WAIVERS_SCHEMA: PolicyConfigJSONSchema & { description: string; default: Waiver[] } = {
    type: "array",
    default: [],
    description: 'Findings of this rule accepted on purpose: [{ resource: URN | resource name | route such as "GET /health", reason, expires?: YYYY-MM-DD }].',
    items: {
        type: "object",
        required: ["resource", "reason"],
        additionalProperties: false,
        properties: {
            resource: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: MIN_WAIVER_REASON_LENGTH },
            expires: { type: "string", format: "date" },
        },
    },
};

/** What a waiver is matched against. */
export interface WaiverTarget {
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    /** An HTTP/WebSocket route's `routeKey`, when known. */
    readonly routeKey?: string;
}

const ROUTE = new RegExp(`^(${[...HTTP_METHODS, "OPTIONS"].join("|")}) (/\\S*)$`);

/** true when the waiver names the target. */
export function waives(waiver: Waiver, target: WaiverTarget): boolean {
    if (waiver.resource === target.urn || waiver.resource === target.name) {
        return true;
    }
    const route = ROUTE.exec(waiver.resource);
    if (!route) {
        return false;
    }
    if (target.type === (aws.apigateway.Method as unknown as { __pulumiType: string }).__pulumiType) {
        const suffix = slug(route[1], route[2]);
        return target.name === suffix || target.name.endsWith(`-${suffix}`);
    }
    return target.routeKey === waiver.resource;
}

/** true once the waiver's last day has passed. */
export function expired(waiver: Waiver, now: Date = new Date()): boolean {
    return waiver.expires !== undefined && waiver.expires < now.toISOString().slice(0, 10);
}

/** The finding an expired waiver gives back. */
export function expiredMessage(waiver: Waiver, message: string): string {
    return `the waiver for ${waiver.resource} expired on ${waiver.expires} (it said: ${waiver.reason}); ${message}`;
}

/** What becomes of a finding under a rule's waivers. */
export type WaiverOutcome = { kind: "none" } | { kind: "waived"; waiver: Waiver } | { kind: "expired"; waiver: Waiver };

export function waiverOutcome(waivers: readonly Waiver[], target: WaiverTarget | undefined, now: Date = new Date()): WaiverOutcome {
    const waiver = target ? waivers.find((w) => waives(w, target)) : undefined;
    if (!waiver) {
        return { kind: "none" };
    }
    return expired(waiver, now) ? { kind: "expired", waiver } : { kind: "waived", waiver };
}
