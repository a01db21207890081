/**
 * Policy config in the format of `pulumi preview --policy-pack-config`: how a
 * policy's enforcement level and config are resolved from its schema defaults
 * and the config file, as the Pulumi CLI does.
 */
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";

/** Policy config in the format of `pulumi preview --policy-pack-config`. */
export type PolicyPackConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

/** Raised for config that does not match a policy's schema. */
export class PolicyConfigError extends Error {}

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function levelOf(value: unknown, where: string): EnforcementLevel {
    if (typeof value === "string" && (LEVELS as string[]).includes(value)) {
        return value as EnforcementLevel;
    }
    throw new PolicyConfigError(`${where}: enforcementLevel must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(value)}`);
}

function typeName(schemaType: unknown): string {
    return Array.isArray(schemaType) ? schemaType.join("|") : String(schemaType);
}

function matchesSchemaType(value: unknown, schemaType: unknown): boolean {
    const types = Array.isArray(schemaType) ? schemaType : [schemaType];
    return types.some((t) =>
        t === undefined ||
        (t === "array" && Array.isArray(value)) ||
        (t === "integer" && Number.isInteger(value)) ||
        (t === "object" && value !== null && typeof value === "object" && !Array.isArray(value)) ||
        (t !== "array" && t !== "integer" && t !== "object" && typeof value === t));
}

/** The effective enforcement level and config of one policy, given the pack config. */
export function resolvePolicyConfig(
    policy: { name: string; enforcementLevel?: EnforcementLevel; configSchema?: PolicyConfigSchema },
    packConfig: PolicyPackConfigFile = {},
    packLevel: EnforcementLevel = "advisory",
): { level: EnforcementLevel; config: Record<string, unknown> } {
    const entry = packConfig[policy.name] ?? packConfig["all"];
    const config: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (schema.default !== undefined) {
            config[key] = schema.default;
        }
    }
    let level = policy.enforcementLevel ?? packLevel;
    if (typeof entry === "string") {
        level = levelOf(entry, policy.name);
    } else if (entry && packConfig[policy.name] !== undefined) {
        for (const [key, value] of Object.entries(entry)) {
            if (key === "enforcementLevel") {
                level = levelOf(value, policy.name);
                continue;
            }
            const schema = policy.configSchema?.properties[key];
            if (!schema) {
                const allowed = Object.keys(policy.configSchema?.properties ?? {});
                throw new PolicyConfigError(
                    `${policy.name}: unknown config key "${key}"; allowed: ${allowed.length ? allowed.join(", ") : "(none, only enforcementLevel)"}`);
            }
            if (!matchesSchemaType(value, schema.type)) {
                throw new PolicyConfigError(`${policy.name}.${key}: expected ${typeName(schema.type)}, got ${JSON.stringify(value)}`);
            }
            config[key] = value;
        }
    } else if (entry && typeof entry === "object" && entry.enforcementLevel !== undefined) {
        level = levelOf(entry.enforcementLevel, "all");
    }
    return { level, config };
}

