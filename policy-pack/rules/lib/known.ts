/**
 * Reading property values that may be unknown during `pulumi preview`.
 *
 * On a first preview the analyzer (`@pulumi/policy` server.js) hands rules
 * their properties wrapped in `unknownCheckingProxy`: reading a value that is
 * not known yet (an id, an ARN, anything derived from another resource's
 * outputs) throws `UnknownValueError`, and the SDK then silently skips the rule
 * for that resource (a stack rule: for the whole stack). Rules therefore read
 * every value that may be unknown through this module, which catches exactly
 * that error (and recognises the raw sentinels, for values that are not
 * proxied) and rethrows anything else.
 *
 * - `known(() => props.a.b)`: one value, shallow (a known object may still hold unknown children).
 * - `knownDeep(() => props.a)`: a plain, fully known copy, or unknown if any part is.
 * - `snapshot(() => props.a)`: a plain copy in which unknown parts are the `UNKNOWN` marker.
 */
import * as policySdk from "@pulumi/policy";

/** What the SDK's unknown-value error carries: the property path that was unknown. */
interface UnknownValueErrorShape extends Error {
    readonly props: ReadonlyArray<PropertyKey>;
}

// The SDK's typings re-export UnknownValueError from a declaration file that declares nothing; this gives it its real shape.
const UnknownValueError = policySdk.UnknownValueError as unknown as abstract new (...args: never[]) => UnknownValueErrorShape;

/** The engine's sentinels for values unknown during preview (boolean, number, string, array, asset, archive, object). */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** A value read from a resource: known (possibly undefined), or unknown until deployment at `path`. */
export type Known<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly path: string };

/** Marker for an unknown part of a {@link snapshot}. */
export const UNKNOWN: unique symbol = Symbol("unknown until deployment");
export type Unknown = typeof UNKNOWN;

/** True for one of the engine's raw unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** True for the {@link UNKNOWN} marker of a snapshot. */
export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN;
}

function pathOf(err: UnknownValueErrorShape): string {
    return err.props.map(String).join(".");
}

/**
 * Reads one value. Unknown (the read threw the SDK's `UnknownValueError`, or
 * returned a raw sentinel) gives `{ known: false, path }`; any other error is
 * rethrown. `path` names the property for messages when the value was a raw
 * sentinel (the SDK's error carries its own path).
 */
export function known<T>(read: () => T, path = ""): Known<T> {
    try {
        const value = read();
        return isUnknownSentinel(value) ? { known: false, path } : { known: true, value };
    } catch (err) {
        if (err instanceof UnknownValueError) {
            return { known: false, path: pathOf(err) || path };
        }
        throw err;
    }
}

/**
 * A plain copy of a value, read through the SDK's proxy, with every unknown
 * part replaced by {@link UNKNOWN}. Never throws `UnknownValueError`.
 */
export function snapshot(read: () => unknown): unknown {
    const root = known(read);
    return root.known ? copy(root.value) : UNKNOWN;
}

function copy(value: unknown): unknown {
    if (isUnknownSentinel(value)) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
            out.push(snapshot(() => value[i]));
        }
        return out;
    }
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const record = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(record)) {
            out[key] = snapshot(() => record[key]);
        }
        return out;
    }
    return value;
}

/** Dotted paths of the unknown parts of a snapshot ("" for the value itself). */
export function unknownPaths(value: unknown, prefix = ""): string[] {
    if (isUnknown(value)) {
        return [prefix];
    }
    const join = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => unknownPaths(v, join(i)));
    }
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, join(k)));
    }
    return [];
}

/** A fully known plain copy of a value, or unknown (with the first unknown part's path) if any part of it is. */
export function knownDeep<T>(read: () => T, path = ""): Known<T> {
    const root = known(read, path);
    if (!root.known) {
        return root;
    }
    const value = copy(root.value);
    const unknown = unknownPaths(value, path);
    return unknown.length > 0 ? { known: false, path: unknown[0] } : { known: true, value: value as T };
}

/**
 * True when a property holds a value: a known value other than undefined,
 * null and "", or an unknown one (a value the program derived from another
 * resource, e.g. `kmsKeyId: key.arn`, is set even before it is known).
 */
export function isSet(value: Known<unknown>): boolean {
    return !value.known || (value.value !== undefined && value.value !== null && value.value !== "");
}
