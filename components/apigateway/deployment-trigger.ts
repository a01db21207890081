/**
 * What decides when a REST API is redeployed.
 *
 * An API Gateway deployment is a snapshot of the API's resources, methods,
 * integrations (URIs, templates, function ARNs), method and integration
 * responses, authorizers, models, request validators, gateway responses and
 * the API's own definition (resource policy, OpenAPI body). A change to any of
 * them is only served after a new deployment. Rather than hashing a
 * hand-picked description of the route table (which forgets every field
 * nobody thought of), every such child is created through
 * {@link DeploymentSnapshot.track}, which records the exact inputs handed to
 * the provider; the trigger is a hash of all of them. Stage settings
 * (throttling, logging, tracing) live on the stage and method settings, which
 * are not tracked, so changing them never redeploys.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

/** Input keys that are not part of what API Gateway snapshots. */
const NOT_SNAPSHOTTED = new Set(["tags", "tagsAll"]);

/** JSON with object keys sorted, so equal inputs always hash equally. */
export function stableJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map((v) => stableJson(v ?? null)).join(",")}]`;
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
    }
    return JSON.stringify(value ?? null);
}

/** The hash of recorded inputs, keyed by child name: independent of the order children were created in. */
export function snapshotHash(entries: Record<string, unknown>): string {
    return createHash("sha256").update(stableJson(entries)).digest("hex");
}

/** Collects the inputs of every child of an API that a deployment snapshots. */
export class DeploymentSnapshot {
    private readonly entries: Record<string, pulumi.Output<unknown>> = {};

    /**
     * Records `args` as the inputs of the snapshotted child `name` (of kind
     * `kind`, e.g. `Method`) and returns them unchanged, to pass to its
     * constructor: `new aws.apigateway.Method(n, snapshot.track("Method", n, {...}))`.
     */
    track<T extends object>(kind: string, name: string, args: T): T {
        const key = `${kind} ${name}`;
        if (key in this.entries) {
            throw new Error(`DeploymentSnapshot: ${key} is recorded twice`);
        }
        const inputs = Object.fromEntries(Object.entries(args).filter(([k]) => !NOT_SNAPSHOTTED.has(k)));
        this.entries[key] = pulumi.output(inputs as Record<string, pulumi.Input<unknown>>);
        return args;
    }

    /** Records something else the deployment must follow, e.g. another stack's deployment id. */
    follow(label: string, value: pulumi.Input<unknown>): void {
        this.entries[`follow ${label}`] = pulumi.output(value);
    }

    /** Names of the recorded children (`Kind name`), sorted: what the trigger covers. */
    get covered(): string[] {
        return Object.keys(this.entries).sort();
    }

    /** The redeployment trigger: a SHA-256 over every recorded input. */
    trigger(): pulumi.Output<string> {
        const keys = Object.keys(this.entries).sort();
        return pulumi.all(keys.map((k) => this.entries[k])).apply((values) => snapshotHash(Object.fromEntries(keys.map((k, i) => [k, values[i]]))));
    }
}
