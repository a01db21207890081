/**
 * Joins between the resources of a stack rule without comparing every pair.
 *
 * A stack rule that asks, for each stage, which of the stack's APIs (or
 * integrations, associations...) it is linked to would compare every pair: a
 * program of a few thousand resources then spends most of its policy time in
 * one rule. An index narrows each question to the resources that share a join
 * key with it; the rule still confirms each candidate with its own predicate
 * (`refersTo`, `sameOrigin`, ...), so its verdicts are unchanged. Keys are the
 * same two links those predicates use: a URN the engine's dependency record
 * names, and a known, non-empty string value.
 */
import { known } from "./known";
import type { StackResource } from "./resources";

/** The value key of a read: `value:<v>` for a known, non-empty string (what `sameKnownString` can match), else none. */
function valueKey(read: () => unknown): string[] {
    const value = known(read);
    return value.known && typeof value.value === "string" && value.value !== "" ? [`value:${value.value}`] : [];
}

/** Join keys of a resource: what its property came from, and its known value. */
export function linkKeys(r: StackResource<unknown>, prop: string): string[] {
    const keys = (r.resource.propertyDependencies[prop] ?? []).map((d) => `urn:${d.urn}`);
    return [...keys, ...valueKey(() => (r.props as Record<string, unknown>)[prop])];
}

/** Join keys of a resource as the target of a reference: its URN, and its known identifying values. */
export function targetKeys<Q>(r: StackResource<Q>, identifying: ReadonlyArray<(props: Q) => unknown>): string[] {
    return [`urn:${r.urn}`, ...identifying.flatMap((id) => valueKey(() => id(r.props)))];
}

/** Items indexed by join keys: `candidates(keys)` are the items sharing one of them, in the items' order. */
export class JoinIndex<T> {
    private readonly byKey = new Map<string, number[]>();

    constructor(
        private readonly items: readonly T[],
        keysOf: (item: T) => readonly string[],
    ) {
        items.forEach((item, i) => {
            for (const key of new Set(keysOf(item))) {
                const at = this.byKey.get(key);
                if (at) {
                    at.push(i);
                } else {
                    this.byKey.set(key, [i]);
                }
            }
        });
    }

    candidates(keys: readonly string[]): T[] {
        const found = new Set<number>();
        for (const key of keys) {
            for (const i of this.byKey.get(key) ?? []) {
                found.add(i);
            }
        }
        return [...found].sort((a, b) => a - b).map((i) => this.items[i]);
    }
}
