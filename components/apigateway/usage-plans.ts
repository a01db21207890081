import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HttpMethod, QUOTA } from "../../policy-pack/baseline";
import { methodSettingsPath, slug } from "../shared/naming";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError, intInRange, matches, oneOf } from "../shared/validation";

/** Usage plan quota periods (`QUOTA.periods`). */
export const QUOTA_PERIODS = QUOTA.periods;

/** One tier of service (e.g. free, standard, premium): throttling per key, and a quota. */
export interface UsageTierArgs extends ThrottleSettings {
    /** Requests allowed per quota period (`QUOTA.minLimit`–`maxLimit`). */
    quotaLimit: number;
    /** DAY, WEEK or MONTH (`QUOTA.periods`). */
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
export interface MethodThrottleArgs extends ThrottleSettings {
    /** Route path, e.g. `/orders`. */
    path: string;
    /** Route method. */
    method: HttpMethod;
}

/** Tiers, clients and per-method throttles: what a stack configures. */
export interface UsagePlansSettings {
    /** Tiers by name (lower-case letters, digits, -). */
    tiers: Record<string, UsageTierArgs>;
    /** Clients, each getting one key attached to its tier's plan. */
    clients: ApiClientArgs[];
    /**
     * Per-method throttles applied in every plan (never above the tier's own limits).
     * @default []
     */
    methodThrottles?: MethodThrottleArgs[];
}

/** Arguments of {@link UsagePlans}. */
export interface UsagePlansArgs extends UsagePlansSettings {
    /** REST API id. */
    restApiId: pulumi.Input<string>;
    /** Stage the plans apply to. */
    stageName: pulumi.Input<string>;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates tiers, clients and throttles; returns the tier names. */
export function validateUsagePlans(args: UsagePlansSettings): string[] {
    const C = "UsagePlans";
    const tierNames = Object.keys(args.tiers ?? {});
    if (tierNames.length === 0) {
        throw new ComponentArgumentError(C, "tiers", "must define at least one tier");
    }
    for (const name of tierNames) {
        const tier = args.tiers[name];
        matches(C, `tiers.${name}`, name, /^[a-z0-9-]{1,64}$/, "a lower-case name (letters, digits, -)");
        validateThrottle(C, `tiers.${name}`, tier);
        intInRange(C, `tiers.${name}.quotaLimit`, tier.quotaLimit, QUOTA.minLimit, QUOTA.maxLimit);
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
    (args.methodThrottles ?? []).forEach((t, i) => validateThrottle(C, `methodThrottles[${i}]`, t));
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
