/**
 * Typed access to the resources of a stack rule, and how resources are linked.
 *
 * Links are found by the engine's dependency record first: `propertyDependencies`
 * names the resources a property's value came from, and is known also during a
 * first preview, when the ids and ARNs themselves are not. Only then are values
 * compared, through the safe reader: a literal id in a program is known and can
 * match; an unknown one matches nothing and is no error.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PolicyResource } from "@pulumi/policy";
import { known, Known, knownDeep } from "./known";
import { describe } from "./messages";

export { describe } from "./messages";

/** The outputs of a resource class as a stack rule sees them (resolved, not `Output`s). */
export type OutputsOf<R> = {
    readonly [K in keyof R as K extends "urn" ? never : R[K] extends pulumi.Output<unknown> ? K : never]: R[K] extends pulumi.Output<infer T> ? T : never;
};

/** A resource of a known class in a stack, with its typed properties (reads may still meet unknowns). */
export interface StackResource<P> {
    readonly resource: PolicyResource;
    readonly props: P;
    readonly urn: string;
    readonly name: string;
    /** `Type "name"`, for messages. */
    readonly label: string;
}

/** The resources of one class, typed. */
export function resourcesOf<R extends pulumi.Resource>(
    resources: readonly PolicyResource[],
    cls: { new (...args: never[]): R },
): StackResource<OutputsOf<R>>[] {
    return resources
        .filter((r) => r.isType(cls as unknown as { new (...rest: unknown[]): pulumi.Resource }))
        .map((r) => ({ resource: r, props: r.props as OutputsOf<R>, urn: r.urn, name: r.name, label: describe(r) }));
}

/** True when the value of `from`'s property `prop` came from `to` (the engine's dependency record). */
export function derivedFrom(from: StackResource<unknown>, prop: string, to: StackResource<unknown>): boolean {
    return (from.resource.propertyDependencies[prop] ?? []).some((d) => d.urn === to.urn);
}

/** True when both values are known, equal, non-empty strings. */
export function sameKnownString(a: () => unknown, b: () => unknown): boolean {
    const x = known(a);
    if (!x.known || typeof x.value !== "string" || x.value === "") {
        return false;
    }
    const y = known(b);
    return y.known && y.value === x.value;
}

/**
 * True when `from.props[prop]` refers to `to`: it came from `to` (dependency
 * record), or its known value equals one of `to`'s known identifying values.
 */
export function refersTo<P, Q>(
    from: StackResource<P>,
    prop: keyof P & string,
    to: StackResource<Q>,
    identifying: ReadonlyArray<(props: Q) => unknown>,
): boolean {
    return (
        derivedFrom(from, prop, to) ||
        identifying.some((id) =>
            sameKnownString(
                () => from.props[prop],
                () => id(to.props),
            ),
        )
    );
}

/** True when `a.props[propA]` and `b.props[propB]` came from a common resource (both dependency records name it). */
export function sameOrigin(a: StackResource<unknown>, propA: string, b: StackResource<unknown>, propB: string): boolean {
    const fromA = new Set((a.resource.propertyDependencies[propA] ?? []).map((d) => d.urn));
    return (b.resource.propertyDependencies[propB] ?? []).some((d) => fromA.has(d.urn));
}

/**
 * True when the program did not set input `prop` of the resource. The engine
 * records a dependency entry for every input the program sets (an empty list
 * when the value came from no resource), so a property without an entry was
 * left to the provider.
 */
export function leftUnset(r: StackResource<unknown>, prop: string): boolean {
    return !Object.prototype.hasOwnProperty.call(r.resource.propertyDependencies, prop);
}

/**
 * Reads an output that the provider computes when the program does not set
 * it (as a plain, fully known copy). On a first preview such an output is unknown even when the program left
 * it unset; then it is read as `undefined` (the provider's default applies,
 * and each rule says what that default is). An output the program did set
 * from values not known yet stays unknown.
 */
export function knownOutput<P, T>(r: StackResource<P>, prop: keyof P & string, read: (props: P) => T): Known<T | undefined> {
    const value = knownDeep(() => read(r.props), prop);
    return value.known || !leftUnset(r, prop) ? value : { known: true, value: undefined };
}

/** One property that links two resources (settings to their stage, an integration to its method). */
export interface Link {
    readonly prop: string;
    /** The resources whose outputs decide this link: a value built from one of them is matched by the dependency record. */
    readonly isLinkTarget: (d: PolicyResource) => boolean;
    /** Whether the link is already known to hold. */
    readonly match: boolean;
}

/** The unknown link property (of `a` or `b`) that may yet link them once known, and the resource on its other side. */
export interface PendingLink {
    readonly unknown: StackResource<unknown>;
    readonly other: StackResource<unknown>;
    readonly prop: string;
}

/** True when `r.props[prop]` is unknown and built from no link target, so its value, once known, may name anything. */
function openLink(r: StackResource<unknown>, prop: string, isLinkTarget: (d: PolicyResource) => boolean): boolean {
    return !known(() => (r.props as Record<string, unknown>)[prop]).known && !(r.resource.propertyDependencies[prop] ?? []).some(isLinkTarget);
}

/**
 * For two resources not known to be linked: the first unmatched link whose value is unknown on a side built from no
 * link target, when every unmatched link is such, so that the two may yet be linked once the values are known (a
 * first preview must not then state they are not); undefined when they cannot be.
 */
export function pendingLink(a: StackResource<unknown>, b: StackResource<unknown>, links: readonly Link[]): PendingLink | undefined {
    const unmatched = links.filter((l) => !l.match);
    if (unmatched.length === 0 || !unmatched.every((l) => openLink(a, l.prop, l.isLinkTarget) || openLink(b, l.prop, l.isLinkTarget))) {
        return undefined;
    }
    const { prop, isLinkTarget } = unmatched[0];
    return openLink(a, prop, isLinkTarget) ? { unknown: a, other: b, prop } : { unknown: b, other: a, prop };
}
