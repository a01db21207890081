import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HttpMethod, QUOTA } from "../../policy-pack/baseline";
import { slug, usagePlanThrottlePath } from "../shared/naming";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError, intInRange, matches, oneOf } from "../shared/validation";
import { generationSuffix, KeyRotationArgs, LiveGenerations, liveGenerations } from "./api-key-rotation";
import { storeKeyInSecretsManager } from "./api-key-secret";

/** Usage plan quota periods (`QUOTA.periods`). */
export const QUOTA_PERIODS = QUOTA.periods;

/** One tier of service (e.g. free, standard, premium): throttling per key, and a quota. */
export interface UsageTierArgs extends ThrottleSettings {
    /** Requests allowed per quota period (`QUOTA.minLimit`–`maxLimit`). */
    quotaLimit: number;
    /** DAY, WEEK or MONTH (`QUOTA.periods`). */
    quotaPeriod: (typeof QUOTA_PERIODS)[number];
}

/** Where a client's current key value is stored for its team to read. */
export interface ApiKeySecretArgs {
    /** IAM role of the client's team (same account) allowed to read the secret. */
    readerRoleArn: string;
}

/** An API key for one client (rotated by raising `generation`, see `api-key-rotation.ts`). */
export interface ApiClientArgs extends KeyRotationArgs {
    /** Client name (used for the key's name). */
    name: string;
    /** Tier the client's key belongs to. */
    tier: string;
    /**
     * Also store the current key in a Secrets Manager secret (KMS-encrypted with `secretsKmsKeyArn`)
     * that only this role (and the account's administrators) may read.
     * @default undefined (the value is only a secret stack output)
     */
    secret?: ApiKeySecretArgs;
}

/** A client's key as the outputs show it. */
export interface ApiKeyStatus {
    /** Id of the current key. */
    keyId: string;
    /** Its generation. */
    generation: number;
    /** Whether the previous generation's key still exists (enabled and attached). */
    previousGenerationLive: boolean;
    /** Id of the previous generation's key, while it is live. */
    previousKeyId?: string;
    /** ARN of the Secrets Manager secret holding the current key, when stored there. */
    secretArn?: string;
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
     * KMS key of the Secrets Manager secrets of clients with `secret`.
     * @default undefined (required when a client has `secret`)
     */
    secretsKmsKeyArn?: pulumi.Input<string>;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates tiers, clients (with their key generations) and throttles; returns the tier names. */
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
        liveGenerations(C, `clients[${i}]`, client);
        if (client.secret !== undefined) {
            matches(C, `clients[${i}].secret.readerRoleArn`, client.secret.readerRoleArn, /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN");
        }
    });
    (args.methodThrottles ?? []).forEach((t, i) => validateThrottle(C, `methodThrottles[${i}]`, t));
    return tierNames;
}

/**
 * Usage plans per tier (throttling and quota), API keys per client attached to
 * its tier's plan, rotated with overlap: the current generation's key, and the
 * previous generation's while it is kept. Key values are only ever exposed as
 * secrets (and optionally stored in Secrets Manager for the client's team).
 */
export class UsagePlans extends pulumi.ComponentResource {
    /** Tier name to usage plan id. */
    public readonly usagePlanIds: pulumi.Output<Record<string, string>>;
    /** Client name to the id of its current API key. */
    public readonly apiKeyIds: pulumi.Output<Record<string, string>>;
    /** Client name to the value of its current API key (secret). */
    public readonly apiKeyValues: pulumi.Output<Record<string, string>>;
    /** Client name to its current key's id and generation, and whether the previous generation is still live. */
    public readonly apiKeys: pulumi.Output<Record<string, ApiKeyStatus>>;
    /** The key resources by `<client> g<generation>`. */
    public readonly keys: ReadonlyMap<string, aws.apigateway.ApiKey>;

    constructor(name: string, args: UsagePlansArgs, opts?: pulumi.ComponentResourceOptions) {
        const tierNames = validateUsagePlans(args);
        if (args.clients.some((c) => c.secret !== undefined) && args.secretsKmsKeyArn === undefined) {
            throw new ComponentArgumentError(
                "UsagePlans",
                "secretsKmsKeyArn",
                "is required when a client's key is stored in Secrets Manager (clients[*].secret)",
            );
        }
        super("secure-api:apigateway:UsagePlans", name, {}, opts);
        const parent = { parent: this };
        const plans = new Map<string, aws.apigateway.UsagePlan>();
        for (const tierName of tierNames) {
            const tier = args.tiers[tierName];
            plans.set(
                tierName,
                new aws.apigateway.UsagePlan(
                    `${name}-${tierName}`,
                    {
                        description: `${tierName} tier`,
                        apiStages: [
                            {
                                apiId: args.restApiId,
                                stage: args.stageName,
                                throttles: (args.methodThrottles ?? []).map((t) => ({
                                    path: usagePlanThrottlePath(t.method, t.path),
                                    rateLimit: Math.min(t.rateLimit, tier.rateLimit),
                                    burstLimit: Math.min(t.burstLimit, tier.burstLimit),
                                })),
                            },
                        ],
                        throttleSettings: { rateLimit: tier.rateLimit, burstLimit: tier.burstLimit },
                        quotaSettings: { limit: tier.quotaLimit, period: tier.quotaPeriod },
                        tags: args.tags,
                    },
                    parent,
                ),
            );
        }
        const keys = new Map<string, aws.apigateway.ApiKey>();
        const keyOf = (client: ApiClientArgs, generation: number) => {
            const base = `${name}-${slug(client.name)}`;
            const n = `${base}-${generationSuffix(generation)}`;
            // Generation 1 was named without a suffix before rotation existed: the alias keeps those keys.
            const aliases = generation === 1 ? [{ name: base }] : [];
            const key = new aws.apigateway.ApiKey(
                n,
                {
                    description: `API key of ${client.name}, generation ${generation} (${client.tier} tier)`,
                    enabled: true,
                    tags: { ...args.tags, client: client.name, tier: client.tier, generation: String(generation) },
                },
                { parent: this, aliases, additionalSecretOutputs: ["value"] },
            );
            new aws.apigateway.UsagePlanKey(
                n,
                {
                    keyId: key.id,
                    keyType: "API_KEY",
                    usagePlanId: plans.get(client.tier)!.id,
                },
                { parent: this, aliases },
            );
            keys.set(`${client.name} ${generationSuffix(generation)}`, key);
            return key;
        };
        const clients = args.clients.map((client, i) => {
            const live: LiveGenerations = liveGenerations("UsagePlans", `clients[${i}]`, client);
            const current = keyOf(client, live.current);
            const previous = live.previous !== undefined ? keyOf(client, live.previous) : undefined;
            const secretArn = client.secret
                ? storeKeyInSecretsManager(
                      `${name}-${slug(client.name)}`,
                      {
                          secretName: `${name}/api-keys/${client.name}`,
                          client: client.name,
                          generation: live.current,
                          key: current,
                          readerRoleArn: client.secret.readerRoleArn,
                          kmsKeyArn: args.secretsKmsKeyArn!,
                          tags: args.tags,
                      },
                      this,
                  )
                : undefined;
            const status: pulumi.Output<ApiKeyStatus> = pulumi.all([current.id, previous?.id, secretArn]).apply(([keyId, previousKeyId, arn]) => ({
                keyId,
                generation: live.current,
                previousGenerationLive: previousKeyId !== undefined,
                ...(previousKeyId !== undefined ? { previousKeyId } : {}),
                ...(arn !== undefined ? { secretArn: arn } : {}),
            }));
            return { client, current, status };
        });
        const record = <T>(values: pulumi.Output<T>[], names: string[]) =>
            pulumi.all(values).apply((vs) => Object.fromEntries(vs.map((v, i) => [names[i], v])) as Record<string, T>);
        const clientNames = clients.map((c) => c.client.name);
        this.keys = keys;
        this.usagePlanIds = record(
            tierNames.map((t) => plans.get(t)!.id),
            tierNames,
        );
        this.apiKeyIds = record(
            clients.map((c) => c.current.id),
            clientNames,
        );
        this.apiKeyValues = pulumi.secret(
            record(
                clients.map((c) => c.current.value),
                clientNames,
            ),
        );
        this.apiKeys = record(
            clients.map((c) => c.status),
            clientNames,
        );
        this.registerOutputs({ usagePlanIds: this.usagePlanIds, apiKeyIds: this.apiKeyIds, apiKeyValues: this.apiKeyValues, apiKeys: this.apiKeys });
    }
}
