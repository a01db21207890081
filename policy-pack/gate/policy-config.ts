/**
 * Policy config in the format of `pulumi preview --policy-pack-config`: how a
 * policy's enforcement level and config are resolved from its schema defaults
 * and the config file, as the Pulumi CLI does.
 */
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { schemaErrors } from "./json-schema";

/** Policy config in the format of `pulumi preview --policy-pack-config`. */
export type PolicyPackConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

/** Raised for config that does not match a policy's schema. */
export class PolicyConfigError extends Error {}

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

type PolicyLike = { name: string; enforcementLevel?: EnforcementLevel; configSchema?: PolicyConfigSchema };

/** Every problem of one policy's entry in the config file: its level, unknown keys and each value against the schema. */
function entryErrors(policy: PolicyLike, entry: unknown): string[] {
    if (typeof entry === "string") {
        return (LEVELS as string[]).includes(entry)
            ? []
            : [`${policy.name}: enforcementLevel must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(entry)}`];
    }
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
        return [`${policy.name}: expected an enforcement level (${LEVELS.join(", ")}) or an object of config keys, got ${JSON.stringify(entry)}`];
    }
    const errors: string[] = [];
    const properties = policy.configSchema?.properties ?? {};
    const allowed = Object.keys(properties);
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
        if (key === "enforcementLevel") {
            if (!(LEVELS as unknown[]).includes(value)) {
                errors.push(`${policy.name}: enforcementLevel must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(value)}`);
            }
        } else if (!(key in properties)) {
            errors.push(`${policy.name}: unknown config key "${key}"; allowed: ${allowed.length ? allowed.join(", ") : "(none, only enforcementLevel)"}`);
        } else {
            errors.push(...schemaErrors(value, properties[key], `${policy.name}.${key}`));
        }
    }
    for (const key of policy.configSchema?.required ?? []) {
        if (!(key in (entry as object)) && properties[key]?.default === undefined) {
            errors.push(`${policy.name}.${key}: is required`);
        }
    }
    return errors;
}

/**
 * Every problem of a whole config file, before anything runs: unknown policy
 * names, bad levels, unknown keys and values outside each policy's JSON schema
 * (type, enum, minimum/maximum, items, required), as the Pulumi CLI validates
 * `--policy-pack-config`.
 */
export function policyConfigErrors(policies: readonly PolicyLike[], file: unknown): string[] {
    if (file === null || typeof file !== "object" || Array.isArray(file)) {
        return [`policy config must be a JSON object of policy names to levels or config, got ${JSON.stringify(file)}`];
    }
    const byName = new Map(policies.map((p) => [p.name, p]));
    const errors: string[] = [];
    for (const [name, entry] of Object.entries(file as Record<string, unknown>)) {
        if (name === "all") {
            errors.push(...entryErrors({ name: "all" }, entry));
            continue;
        }
        const policy = byName.get(name);
        errors.push(...(policy ? entryErrors(policy, entry) : [`policy config names unknown policy "${name}"; known: ${[...byName.keys()].join(", ")}`]));
    }
    return errors;
}

/** Warnings about a valid config that still guts the gate: every mandatory rule turned off or down. */
export function policyConfigWarnings(policies: readonly PolicyLike[], file: PolicyPackConfigFile = {}): string[] {
    const mandatoryByDefault = policies.filter((p) => (p.enforcementLevel ?? "advisory") === "mandatory");
    const stillMandatory = mandatoryByDefault.filter((p) => ["mandatory", "remediate"].includes(resolvePolicyConfig(p, file).level));
    return mandatoryByDefault.length > 0 && stillMandatory.length === 0
        ? [`the policy config turns off or downgrades every mandatory rule (${mandatoryByDefault.length}); nothing this gate reports can fail the run`]
        : [];
}

/** The effective enforcement level and config of one policy, given the pack config. Throws on any problem of its entry. */
export function resolvePolicyConfig(
    policy: PolicyLike,
    packConfig: PolicyPackConfigFile = {},
    packLevel: EnforcementLevel = "advisory",
): { level: EnforcementLevel; config: Record<string, unknown> } {
    const own = packConfig[policy.name];
    const entry = own ?? packConfig["all"];
    const errors = entryErrors(own !== undefined ? policy : { name: "all" }, entry ?? {});
    if (errors.length > 0) {
        throw new PolicyConfigError(errors.join("\n"));
    }
    const config: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (schema.default !== undefined) {
            config[key] = schema.default;
        }
    }
    let level = policy.enforcementLevel ?? packLevel;
    if (typeof entry === "string") {
        level = entry;
    } else if (entry && own !== undefined) {
        const { enforcementLevel, ...values } = entry;
        level = enforcementLevel ?? level;
        Object.assign(config, values);
    } else if (entry && entry.enforcementLevel !== undefined) {
        level = entry.enforcementLevel;
    }
    return { level, config };
}
