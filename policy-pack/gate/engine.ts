/**
 * Applies the pack's policies to a list of resource snapshots, outside the
 * Pulumi CLI: the offline plan and the tests use it on resources recorded under
 * the mock runtime. It builds the same arguments the policy SDK hands to
 * `validateResource` / `validateStack`, so the rules run unchanged.
 */
import type {
    EnforcementLevel,
    Policies,
    PolicyConfigSchema,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";

/** A resource as a policy sees it: its type, name and (plain, resolved) input properties. */
export interface PlainResource {
    urn: string;
    type: string;
    name: string;
    /** URN of the parent resource, if any. */
    parent?: string;
    props: Record<string, unknown>;
    /** URNs this resource depends on. */
    dependencies: string[];
    /** Property name to the URNs that property's value came from. */
    propertyDependencies: Record<string, string[]>;
}

/** One reported violation. */
export interface Violation {
    policyName: string;
    enforcementLevel: Exclude<EnforcementLevel, "disabled">;
    message: string;
    urn?: string;
    /** Pulumi type and name of the resource, where the violation is about one. */
    resourceType?: string;
    resourceName?: string;
}

/** Policy config in the format of `pulumi preview --policy-pack-config`. */
export type PolicyPackConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

/** Raised for config that does not match a policy's schema. */
export class PolicyConfigError extends Error {}

class NotApplicable extends Error {}

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

interface TypedClass {
    __pulumiType?: string;
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
    return (resourceClass as TypedClass).__pulumiType === type;
}

/** The `isType` / `asType` pair the SDK gives both resource and stack validations. */
function typeChecks(r: PlainResource): Pick<ResourceValidationArgs, "isType" | "asType"> & Pick<PolicyResource, "asType"> {
    return {
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? r.props : undefined)) as ResourceValidationArgs["asType"] & PolicyResource["asType"],
    };
}

const defaultOpts = (parent?: string): PolicyResourceOptions => ({
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    parent,
});

function toPolicyResources(resources: PlainResource[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const out: PolicyResource[] = resources.map((r) => {
        const pr: PolicyResource = {
            type: r.type,
            props: r.props,
            urn: r.urn,
            name: r.name,
            opts: defaultOpts(r.parent),
            dependencies: [],
            propertyDependencies: {},
            ...typeChecks(r),
        };
        byUrn.set(r.urn, pr);
        return pr;
    });
    resources.forEach((r, i) => {
        const pr = out[i];
        pr.parent = r.parent ? byUrn.get(r.parent) : undefined;
        pr.dependencies = r.dependencies.flatMap((u) => byUrn.get(u) ?? []);
        for (const [key, urns] of Object.entries(r.propertyDependencies)) {
            pr.propertyDependencies[key] = urns.flatMap((u) => byUrn.get(u) ?? []);
        }
    });
    return out;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
    /** Config in `--policy-pack-config` format. */
    config?: PolicyPackConfigFile;
    /** Enforcement level of policies that set none. */
    packEnforcementLevel?: EnforcementLevel;
}

/** Runs every policy over the resources and returns the violations, in policy order. */
export async function evaluatePolicies(
    policies: Policies,
    resources: PlainResource[],
    options: EvaluateOptions = {},
): Promise<Violation[]> {
    for (const name of Object.keys(options.config ?? {})) {
        if (name !== "all" && !policies.some((p) => p.name === name)) {
            throw new PolicyConfigError(`policy config names unknown policy "${name}"; known: ${policies.map((p) => p.name).join(", ")}`);
        }
    }
    const violations: Violation[] = [];
    const policyResources = toPolicyResources(resources);
    const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
    const stackTags = new Map<string, string>();
    const notApplicable = (reason?: string): never => {
        throw new NotApplicable(reason);
    };
    for (const policy of policies) {
        const { level, config } = resolvePolicyConfig(policy, options.config, options.packEnforcementLevel);
        if (level === "disabled") {
            continue;
        }
        const enforcementLevel = level === "remediate" ? "mandatory" : level;
        const report = (fallback?: PlainResource) => (message: string, urn?: string) => {
            const target = (urn ? byUrn.get(urn) : undefined) ?? fallback;
            violations.push({
                policyName: policy.name,
                enforcementLevel,
                message,
                urn: urn ?? fallback?.urn,
                resourceType: target?.type,
                resourceName: target?.name,
            });
        };
        const getConfig = <T extends object>(): T => config as T;
        try {
            if ("validateStack" in policy) {
                await (policy as StackValidationPolicy).validateStack(
                    { resources: policyResources, stackTags, getConfig, notApplicable },
                    report(),
                );
                continue;
            }
            const validate = (policy as ResourceValidationPolicy).validateResource;
            const validations = validate === undefined ? [] : Array.isArray(validate) ? validate : [validate];
            for (const r of resources) {
                const args: ResourceValidationArgs = {
                    type: r.type,
                    props: r.props,
                    urn: r.urn,
                    name: r.name,
                    opts: defaultOpts(r.parent),
                    stackTags,
                    ...typeChecks(r),
                    getConfig,
                    notApplicable,
                };
                for (const v of validations) {
                    try {
                        await v(args, report(r));
                    } catch (err) {
                        if (!(err instanceof NotApplicable)) {
                            throw err;
                        }
                    }
                }
            }
        } catch (err) {
            if (!(err instanceof NotApplicable)) {
                throw err;
            }
        }
    }
    return violations;
}
