import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { methodSettingsPath, slug } from "./naming";
import { HttpMethod } from "./routes";
import { ComponentArgumentError, intInRange, matches, oneOf, positive } from "./validation";

export const QUOTA_PERIODS = ["DAY", "WEEK", "MONTH"] as const;

/** One tier of service (e.g. free, standard, premium). */
export interface UsageTierArgs {
    /** Steady-state requests per second per key. */
    rateLimit: number;
    /** Burst of requests per key. */
    burstLimit: number;
    /** Requests allowed per quota period. */
    quotaLimit: number;
    /** DAY, WEEK or MONTH. */
    quotaPeriod: (typeof QUOTA_PERIODS)[number];
}

/** An API key for one client. */
export interface ApiClientArgs {
    /** Client name (used for the key's name). */
    name: string;
    /** Tier the client's key belongs to. */
    tier: string;
}

/** A per-method throttle applied inside every tier. */
export interface MethodThrottleArgs {
    path: string;
    method: HttpMethod;
    rateLimit: number;
    burstLimit: number;
}

/** Arguments of {@link UsagePlans}. */
export interface UsagePlansArgs {
    /** REST API id. */
    restApiId: pulumi.Input<string>;
    /** Stage the plans apply to. */
    stageName: pulumi.Input<string>;
    /** Tiers by name (lower-case letters, digits, -). */
    tiers: Record<string, UsageTierArgs>;
    /** Clients, each getting one key attached to its tier's plan. */
    clients: ApiClientArgs[];
    /** Per-method throttles applied in every plan (never above the tier's own limits). */
    methodThrottles?: MethodThrottleArgs[];
    /** Tags. */
    tags?: Record<string, string>;
}

/** Validates tiers, clients and throttles; returns the tier names. */
export function validateUsagePlans(args: Pick<UsagePlansArgs, "tiers" | "clients" | "methodThrottles">): string[] {
    const C = "UsagePlans";
    const tierNames = Object.keys(args.tiers ?? {});
    if (tierNames.length === 0) {
        throw new ComponentArgumentError(C, "tiers", "must define at least one tier");
    }
    for (const name of tierNames) {
        const tier = args.tiers[name];
        matches(C, `tiers.${name}`, name, /^[a-z0-9-]{1,64}$/, "a lower-case name (letters, digits, -)");
        positive(C, `tiers.${name}.rateLimit`, tier.rateLimit);
        intInRange(C, `tiers.${name}.burstLimit`, tier.burstLimit, 1, 5000);
        intInRange(C, `tiers.${name}.quotaLimit`, tier.quotaLimit, 1, 2_000_000_000);
        oneOf(C, `tiers.${name}.quotaPeriod`, tier.quotaPeriod, QUOTA_PERIODS);
    }
    const clientNames = new Set<string>();
    (args.clients ?? []).forEach((client, i) => {
        matches(C, `clients[${i}].name`, client.name, /^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ or -");
        if (clientNames.has(client.name)) {
            throw new ComponentArgumentError(C, `clients[${i}].name`, `duplicates client ${JSON.stringify(client.name)}`);
        }
        clientNames.add(client.name);
        oneOf(C, `clients[${i}].tier`, client.tier, tierNames);
    });
    (args.methodThrottles ?? []).forEach((t, i) => {
        positive(C, `methodThrottles[${i}].rateLimit`, t.rateLimit);
        intInRange(C, `methodThrottles[${i}].burstLimit`, t.burstLimit, 1, 5000);
    });
    return tierNames;
}

/**
 * Usage plans per tier (throttling and quota), one API key per client,
 * attached to its tier's plan. Key values are only ever exposed as secrets.
 */
export class UsagePlans extends pulumi.ComponentResource {
    /** Tier name to usage plan id. */
    public readonly usagePlanIds: pulumi.Output<Record<string, string>>;
    /** Client name to API key id. */
    public readonly apiKeyIds: pulumi.Output<Record<string, string>>;
    /** Client name to API key value (secret). */
    public readonly apiKeyValues: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: UsagePlansArgs, opts?: pulumi.ComponentResourceOptions) {
        const tierNames = validateUsagePlans(args);
        super("secure-api:apigateway:UsagePlans", name, {}, opts);
        const parent = { parent: this };
        const plans = new Map<string, aws.apigateway.UsagePlan>();
        for (const tierName of tierNames) {
            const tier = args.tiers[tierName];
            plans.set(tierName, new aws.apigateway.UsagePlan(`${name}-${tierName}`, {
                description: `${tierName} tier`,
                apiStages: [{
                    apiId: args.restApiId,
                    stage: args.stageName,
                    throttles: (args.methodThrottles ?? []).map((t) => ({
                        path: `/${methodSettingsPath(t.method, t.path)}`,
                        rateLimit: Math.min(t.rateLimit, tier.rateLimit),
                        burstLimit: Math.min(t.burstLimit, tier.burstLimit),
                    })),
                }],
                throttleSettings: { rateLimit: tier.rateLimit, burstLimit: tier.burstLimit },
                quotaSettings: { limit: tier.quotaLimit, period: tier.quotaPeriod },
                tags: args.tags,
            }, parent));
        }
        const keys = args.clients.map((client) => {
            const key = new aws.apigateway.ApiKey(`${name}-${slug(client.name)}`, {
                description: `API key of ${client.name} (${client.tier} tier)`,
                enabled: true,
                tags: { ...args.tags, client: client.name, tier: client.tier },
            }, { parent: this, additionalSecretOutputs: ["value"] });
            new aws.apigateway.UsagePlanKey(`${name}-${slug(client.name)}`, {
                keyId: key.id,
                keyType: "API_KEY",
                usagePlanId: plans.get(client.tier)!.id,
            }, parent);
            return { client, key };
        });
        const record = (values: pulumi.Output<string>[], names: string[]) =>
            pulumi.all(values).apply((vs) => Object.fromEntries(vs.map((v, i) => [names[i], v])));
        this.usagePlanIds = record(tierNames.map((t) => plans.get(t)!.id), tierNames);
        this.apiKeyIds = record(keys.map((k) => k.key.id), keys.map((k) => k.client.name));
        this.apiKeyValues = pulumi.secret(record(keys.map((k) => k.key.value), keys.map((k) => k.client.name)));
        this.registerOutputs({ usagePlanIds: this.usagePlanIds, apiKeyIds: this.apiKeyIds, apiKeyValues: this.apiKeyValues });
    }
}
