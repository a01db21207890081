/**
 * How a rule is defined: the SDK policy plus its metadata as data (service,
 * severity, peer controls), and a typed config with its JSON schema.
 *
 * A rule file (`policy-pack/rules/<service>/<rule-name>.ts`) has this shape:
 *
 * ```ts
 * export interface XConfig { maxY: number }              // documented, one field per config key
 * export const xConfig = ruleConfig<XConfig>({ maxY: { type: "integer", minimum: 0, default: BASELINE.maxY, description: "..." } });
 * export const x = resourceRule({                          // or stackRule({ inspects: [...], validateStack })
 *     name: "x", service: "apigateway", severity: "high", enforcementLevel: "mandatory",
 *     description: "...", remediationSteps: "...", controls: { checkov: ["CKV_AWS_1"] }, config: xConfig,
 *     validateResource: validateResourceOfType(aws.apigateway.Stage, (stage, args, report) => { ... }),
 * });
 * ```
 *
 * and is listed in its service's `index.ts`, which `../index.ts` concatenates.
 */
import type {
    Policy,
    PolicyConfigSchema,
    ResourceValidation,
    ResourceValidationPolicy,
    Severity,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { known } from "./known";
import { once, redacting, waivable } from "./report";
import { Waiver, WAIVERS_SCHEMA, WaiverTarget } from "./waivers";

/** The AWS services rules are grouped by (one directory each). */
export const SERVICES = [
    "apigateway",
    "cognito",
    "cloudwatch",
    "cloudtrail",
    "s3",
    "wafv2",
    "apigatewayv2",
    "components",
    "lambda",
    "iam",
    "kms",
    "acm",
] as const;
export type Service = (typeof SERVICES)[number];

/** Peer controls a rule implements: it rejects what each of them rejects. */
export interface PeerControls {
    /** AWS Security Hub CSPM control ids, e.g. `APIGateway.3`. */
    readonly securityHub?: readonly string[];
    /** cdk-nag rule ids, e.g. `AwsSolutions-COG1`. */
    readonly cdkNag?: readonly string[];
    /** Checkov check ids, e.g. `CKV_AWS_73`. */
    readonly checkov?: readonly string[];
    /** trivy (tfsec) AVD ids, e.g. `AWS-0003`. */
    readonly trivy?: readonly string[];
}

/** Tag prefix of each peer, in the SDK's `tags` (`checkov:CKV_AWS_73`). */
export const PEER_TAG_PREFIX: Readonly<Record<keyof PeerControls, string>> = {
    securityHub: "securityhub",
    cdkNag: "cdk-nag",
    checkov: "checkov",
    trivy: "trivy",
};

/** One config key of a rule, as documented. */
export interface RuleConfigKey {
    readonly key: string;
    readonly description: string;
    readonly default: unknown;
}

/** What the pack says about a rule, for reports, the README and the gate. */
export interface RuleMetadata {
    readonly name: string;
    readonly service: Service;
    /** `resource`: judged per resource (Analyze); `stack`: over relations between resources (AnalyzeStack). */
    readonly kind: "resource" | "stack";
    readonly description: string;
    readonly remediationSteps: string;
    readonly severity: Severity;
    readonly enforcementLevel: "advisory" | "mandatory";
    readonly controls: PeerControls;
    /** Pulumi type tokens the rule inspects. */
    readonly resourceTypes: readonly string[];
    readonly config: readonly RuleConfigKey[];
    /** The SDK tags (`service:<service>` and one per peer control). */
    readonly tags: readonly string[];
}

/** JSON schema of one config key; its default has the key's type. */
export type ConfigKeySchema<T> = PolicyConfigJSONSchema & { readonly description: string; readonly default: T };

/** A rule's typed config: its schema (defaults from the baseline) and a reader. */
export interface RuleConfig<C> {
    /** Per key schema, as declared. */
    readonly keys: { readonly [K in keyof C]-?: ConfigKeySchema<C[K]> };
    /** The schema in the SDK's form. */
    readonly schema: PolicyConfigSchema;
    /** The default config. */
    readonly defaults: C;
    /** The effective config: the defaults, overridden by what the policy config gives. */
    read(args: { getConfig<T extends object>(): T }): C;
}

/** Declares a rule's config from one schema per key (each with a description and a default). */
export function ruleConfig<C extends object>(keys: { readonly [K in keyof C]-?: ConfigKeySchema<C[K]> }): RuleConfig<C> {
    const entries = Object.entries(keys) as [string, ConfigKeySchema<unknown>][];
    const defaults = Object.fromEntries(entries.map(([k, s]) => [k, s.default])) as C;
    return {
        keys,
        schema: { properties: Object.fromEntries(entries.map(([k, s]) => [k, { ...s }])) },
        defaults,
        read: (args) => ({ ...defaults, ...args.getConfig<Partial<C>>() }),
    };
}

interface RuleDefinition<C> {
    readonly name: string;
    readonly service: Service;
    readonly description: string;
    readonly remediationSteps: string;
    readonly severity: Severity;
    readonly enforcementLevel: "advisory" | "mandatory";
    readonly controls: PeerControls;
    readonly config?: RuleConfig<C>;
}

/** A rule judged per resource; `validateResource` is built with `validateResourceOfType`. */
export interface ResourceRuleDefinition<C> extends RuleDefinition<C> {
    readonly validateResource: ResourceValidation | ResourceValidation[];
}

/** A class of resources a stack rule reads (`aws.s3.Bucket`). */
export interface ResourceClass {
    readonly name: string;
    prototype: object;
}

/** A rule over relations between resources; `inspects` lists the classes it reads. */
export interface StackRuleDefinition<C> extends RuleDefinition<C> {
    readonly inspects: readonly ResourceClass[];
    readonly validateStack: StackValidation;
}

const catalog = new Map<Policy, RuleMetadata>();

/** The Pulumi type token of a resource class or of a validation built by `validateResourceOfType`. */
export function pulumiTypeOf(target: object): string {
    const type = (target as { __pulumiType?: unknown }).__pulumiType;
    if (typeof type !== "string") {
        throw new Error("not a Pulumi resource class or typed validation (no __pulumiType)");
    }
    return type;
}

/** The SDK tags of a rule: its service and one `<peer>:<id>` per control. */
export function tagsOf(service: Service, controls: PeerControls): string[] {
    const peers = (Object.keys(PEER_TAG_PREFIX) as (keyof PeerControls)[]).flatMap((peer) =>
        (controls[peer] ?? []).map((id) => `${PEER_TAG_PREFIX[peer]}:${id}`),
    );
    return [`service:${service}`, ...peers];
}

/** The rule's waivers, from its effective config. */
function waiversOf(args: { getConfig<T extends object>(): T }): readonly Waiver[] {
    return args.getConfig<{ waivers?: Waiver[] }>().waivers ?? [];
}

/** Wraps a typed validation so waivers apply, each finding is stated once and no credential is printed, keeping the type tag the SDK's fast path reads. */
function withWaivers(validation: ResourceValidation): ResourceValidation {
    const wrapped: ResourceValidation = (args, report) => {
        const target = waiverTarget(args);
        return validation(args, redacting(once(waivable(report, waiversOf(args), () => target))));
    };
    const type = (validation as { __pulumiType?: string }).__pulumiType;
    return type === undefined ? wrapped : Object.assign(wrapped, { __pulumiType: type });
}

function withStackWaivers(validation: StackValidation): StackValidation {
    return (args, report) =>
        validation(
            args,
            redacting(
                once(
                    waivable(report, waiversOf(args), (urn) => {
                        const r = urn ? args.resources.find((x) => x.urn === urn) : undefined;
                        return r && waiverTarget(r);
                    }),
                ),
            ),
        );
}

/** What a waiver can name of a resource: its URN, name, type and (for a v2 route) its route key. */
function waiverTarget(r: { urn: string; name: string; type: string; props: unknown }): WaiverTarget {
    const routeKey = known(() => (r.props as { routeKey?: unknown }).routeKey);
    return { urn: r.urn, name: r.name, type: r.type, routeKey: routeKey.known && typeof routeKey.value === "string" ? routeKey.value : undefined };
}

/** Every rule's config schema: its own keys, plus `waivers`. */
function schemaWithWaivers(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
    return { ...schema, properties: { ...schema?.properties, waivers: WAIVERS_SCHEMA } };
}

function register<P extends ResourceValidationPolicy | StackValidationPolicy, C>(
    def: RuleDefinition<C>,
    kind: RuleMetadata["kind"],
    resourceTypes: string[],
    policy: P,
): P {
    const tags = tagsOf(def.service, def.controls);
    const full = { ...policy, severity: def.severity, tags, configSchema: schemaWithWaivers(def.config?.schema) };
    const config = def.config
        ? (Object.entries(def.config.keys) as [string, ConfigKeySchema<unknown>][]).map(([key, s]) => ({ key, description: s.description, default: s.default }))
        : [];
    catalog.set(full, {
        name: def.name,
        service: def.service,
        kind,
        description: def.description,
        remediationSteps: def.remediationSteps,
        severity: def.severity,
        enforcementLevel: def.enforcementLevel,
        controls: def.controls,
        resourceTypes,
        config,
        tags,
    });
    return full;
}

function base<C>(def: RuleDefinition<C>): Policy {
    return { name: def.name, description: def.description, enforcementLevel: def.enforcementLevel, remediationSteps: def.remediationSteps };
}

/** Defines a resource rule (an SDK `ResourceValidationPolicy`) and records its metadata. */
export function resourceRule<C = Record<string, never>>(def: ResourceRuleDefinition<C>): ResourceValidationPolicy {
    const validations = Array.isArray(def.validateResource) ? def.validateResource : [def.validateResource];
    const validateResource = Array.isArray(def.validateResource) ? validations.map(withWaivers) : withWaivers(def.validateResource);
    return register(def, "resource", validations.map(pulumiTypeOf), { ...base(def), validateResource });
}

/** Defines a stack rule (an SDK `StackValidationPolicy`) and records its metadata. */
export function stackRule<C = Record<string, never>>(def: StackRuleDefinition<C>): StackValidationPolicy {
    return register(def, "stack", def.inspects.map(pulumiTypeOf), { ...base(def), validateStack: withStackWaivers(def.validateStack) });
}

/** The metadata of a rule defined with {@link resourceRule} or {@link stackRule}. */
export function metadataOf(policy: Policy): RuleMetadata {
    const found = catalog.get(policy);
    if (!found) {
        throw new Error(`rule ${policy.name} was not defined with resourceRule/stackRule`);
    }
    return found;
}
