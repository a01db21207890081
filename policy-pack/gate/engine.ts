/**
 * Applies the pack's policies to a list of resource snapshots, outside the
 * Pulumi CLI: the offline plan and the tests use it on resources recorded under
 * the mock runtime. It builds the same arguments the policy SDK hands to
 * `validateResource` / `validateStack`, so the rules run unchanged.
 */
import type {
    EnforcementLevel,
    Policies,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { unknownCheckingProxy, UnknownValueError } from "@pulumi/policy";
import { expiredMessage, Waiver, waiverOutcome } from "../rules/lib/waivers";
import { policyConfigErrors, PolicyConfigError, PolicyPackConfigFile, resolvePolicyConfig } from "./policy-config";

export { policyConfigErrors, PolicyConfigError, PolicyPackConfigFile, policyConfigWarnings, resolvePolicyConfig } from "./policy-config";

/** A resource as a policy sees it: its type, name and (plain, resolved) properties. */
export interface PlainResource {
    urn: string;
    type: string;
    name: string;
    /** URN of the parent resource, if any. */
    parent?: string;
    /** Its inputs, as `Analyze` (resource policies) sees them. */
    props: Record<string, unknown>;
    /** Its outputs, as `AnalyzeStack` (stack policies) sees them. Default: `props`. */
    outputs?: Record<string, unknown>;
    /** Read, not created (`StackReference`, `.get`): the engine analyzes reads only as part of the stack. */
    read?: boolean;
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
    /**
     * true when the rule could not decide because a value it read is unknown
     * (a first preview): the SDK would skip the rule; the gate reports it at the
     * rule's own level instead, so nothing passes unseen.
     */
    unverified?: boolean;
    /** Accepted on purpose by a waiver in the policy config: reported, never counted. */
    waived?: { reason: string; expires?: string };
    urn?: string;
    /** Pulumi type and name of the resource, where the violation is about one. */
    resourceType?: string;
    resourceName?: string;
}

/** A rule threw something other than the SDK's unknown-value error: the run cannot be trusted. */
export class RuleError extends Error {
    constructor(
        readonly policyName: string,
        readonly urn: string | undefined,
        cause: unknown,
    ) {
        super(`rule ${policyName} failed${urn ? ` on ${urn}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`);
        this.name = "RuleError";
    }
}

/**
 * What `notApplicable()` throws. Not an Error: nothing reads its stack, and a
 * stack captured for every (rule, resource) pair that does not apply is most of
 * the cost of a large plan.
 */
class NotApplicable {
    constructor(readonly reason?: string) {}
}

interface TypedClass {
    __pulumiType?: string;
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
    return (resourceClass as TypedClass).__pulumiType === type;
}

/** The `isType` / `asType` pair the SDK gives both resource and stack validations. */
function typeChecks(type: string, props: Record<string, unknown>): Pick<ResourceValidationArgs, "isType" | "asType"> & Pick<PolicyResource, "asType"> {
    return {
        isType: (cls) => isTypeOf(type, cls),
        asType: ((cls: unknown) => (isTypeOf(type, cls) ? props : undefined)) as ResourceValidationArgs["asType"] & PolicyResource["asType"],
    };
}

/** Properties as the SDK hands them to rules: reading an unknown value throws `UnknownValueError`. */
function guarded(props: Record<string, unknown>): Record<string, unknown> {
    return unknownCheckingProxy(props) as Record<string, unknown>;
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
        const props = guarded(r.outputs ?? r.props);
        const pr: PolicyResource = {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: defaultOpts(r.parent),
            dependencies: [],
            propertyDependencies: {},
            ...typeChecks(r.type, props),
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

/** The type a validation built by `validateResourceOfType` is for (the SDK's `getPulumiType`), if any. */
function typeOfValidation(validation: unknown): string | undefined {
    const type = (validation as TypedClass | undefined)?.__pulumiType;
    return typeof type === "string" && type.length > 0 ? type : undefined;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
    /** Config in `--policy-pack-config` format. */
    config?: PolicyPackConfigFile;
    /** Enforcement level of policies that set none. */
    packEnforcementLevel?: EnforcementLevel;
}

/**
 * Runs every policy over the resources and returns the violations, in policy order.
 * Errors thrown meanwhile carry no stack: each unknown value a rule reads at a
 * first preview throws the SDK's UnknownValueError, which only its message and
 * path are read from, and a stack captured for each is most of a large plan's
 * time. A rule that fails is reported by its message (RuleError).
 */
export async function evaluatePolicies(policies: Policies, resources: PlainResource[], options: EvaluateOptions = {}): Promise<Violation[]> {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return await evaluate(policies, resources, options);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

async function evaluate(policies: Policies, resources: PlainResource[], options: EvaluateOptions): Promise<Violation[]> {
    const configErrors = policyConfigErrors(policies, options.config ?? {});
    if (configErrors.length > 0) {
        throw new PolicyConfigError(configErrors.join("\n"));
    }
    const violations: Violation[] = [];
    const policyResources = toPolicyResources(resources);
    const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
    const stackTags = new Map<string, string>();
    const allCreated = resources.filter((x) => !x.read);
    const created = new Map<string, PlainResource[]>();
    for (const r of allCreated) {
        const ofType = created.get(r.type);
        if (ofType) {
            ofType.push(r);
        } else {
            created.set(r.type, [r]);
        }
    }
    const notApplicable = (reason?: string): never => {
        throw new NotApplicable(reason);
    };
    for (const policy of policies) {
        const { level, config } = resolvePolicyConfig(policy, options.config, options.packEnforcementLevel);
        if (level === "disabled") {
            continue;
        }
        const enforcementLevel = level === "remediate" ? "mandatory" : level;
        // The gate applies waivers itself, so a waived finding is shown as waived (with its reason) instead of vanishing.
        const waivers = Array.isArray(config.waivers) ? (config.waivers as Waiver[]) : [];
        const ruleConfig = "waivers" in config ? { ...config, waivers: [] } : config;
        const report = (fallback?: PlainResource) => (message: string, urn?: string) => {
            const target = (urn ? byUrn.get(urn) : undefined) ?? fallback;
            const routeKey = target?.props.routeKey;
            const outcome = waiverOutcome(
                waivers,
                target && { urn: target.urn, name: target.name, type: target.type, routeKey: typeof routeKey === "string" ? routeKey : undefined },
            );
            violations.push({
                policyName: policy.name,
                enforcementLevel,
                message: outcome.kind === "expired" ? expiredMessage(outcome.waiver, message) : message,
                urn: urn ?? fallback?.urn,
                resourceType: target?.type,
                resourceName: target?.name,
                ...(outcome.kind === "waived" ? { waived: { reason: outcome.waiver.reason, expires: outcome.waiver.expires } } : {}),
            });
        };
        const getConfig = <T extends object>(): T => ruleConfig as T;
        /** Turns what a rule threw into the gate's answer: skipped (not applicable), unverified (unknown value) or a failed run. */
        const handle = (err: unknown, target?: PlainResource) => {
            if (err instanceof NotApplicable) {
                return;
            }
            if (err instanceof UnknownValueError) {
                violations.push({
                    policyName: policy.name,
                    enforcementLevel,
                    unverified: true,
                    message: `could not be checked: ${(err as Error).message}; the rule reads a value that is unknown until deployment, so it cannot vouch for ${target ? "this resource" : "the stack"}.`,
                    urn: target?.urn,
                    resourceType: target?.type,
                    resourceName: target?.name,
                });
                return;
            }
            throw err instanceof RuleError ? err : new RuleError(policy.name, target?.urn, err);
        };
        if ("validateStack" in policy) {
            try {
                await (policy as StackValidationPolicy).validateStack({ resources: policyResources, stackTags, getConfig, notApplicable }, report());
            } catch (err) {
                handle(err);
            }
            continue;
        }
        const validate = (policy as ResourceValidationPolicy).validateResource;
        const validations = validate === undefined ? [] : Array.isArray(validate) ? validate : [validate];
        // As the SDK's analyzer: a validation built for one type (validateResourceOfType) never runs on another.
        const types = validations.map(typeOfValidation);
        const typeSet = new Set(types);
        const targets = typeSet.has(undefined)
            ? allCreated
            : typeSet.size === 1
              ? (created.get(types[0] as string) ?? [])
              : allCreated.filter((r) => typeSet.has(r.type));
        for (const r of targets) {
            const props = guarded(r.props);
            const args: ResourceValidationArgs = {
                type: r.type,
                props,
                urn: r.urn,
                name: r.name,
                opts: defaultOpts(r.parent),
                stackTags,
                ...typeChecks(r.type, props),
                getConfig,
                notApplicable,
            };
            for (const [i, v] of validations.entries()) {
                if (types[i] !== undefined && types[i] !== r.type) {
                    continue;
                }
                try {
                    await v(args, report(r));
                } catch (err) {
                    handle(err, r);
                }
            }
        }
    }
    return violations;
}
