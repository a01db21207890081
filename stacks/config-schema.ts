/**
 * A small, typed schema language for stack config: each spec parses an
 * untyped value, records every problem with the full key path, and describes
 * what it expects so error messages can say what is allowed.
 */

export interface Spec<T> {
    /** What the spec accepts, for messages: "a number above 0", "one of dev, prod". */
    readonly expected: string;
    /** true when the key may be left out. */
    readonly optional: boolean;
    /** true when the value is a string: a top-level config value is then taken as written, never JSON-decoded. */
    readonly text?: boolean;
    parse(value: unknown, path: string, errors: string[]): T | undefined;
}

export type Infer<S> = S extends Spec<infer T> ? T : never;

function spec<T>(expected: string, check: (value: unknown) => T | undefined): Spec<T> {
    return {
        expected,
        optional: false,
        parse(value, path, errors) {
            const result = check(value);
            if (result === undefined) {
                errors.push(`${path}: expected ${expected}, got ${JSON.stringify(value)}`);
            }
            return result;
        },
    };
}

export const str = (pattern?: RegExp, expected = "a non-empty string"): Spec<string> => ({
    ...spec(expected, (v) => (typeof v === "string" && v.length > 0 && (!pattern || pattern.test(v)) ? v : undefined)),
    text: true,
});

export const num = (min = -Infinity, max = Infinity): Spec<number> =>
    spec(`a number${min > -Infinity ? ` >= ${min}` : ""}${max < Infinity ? ` and <= ${max}` : ""}`, (v) =>
        typeof v === "number" && Number.isFinite(v) && v >= min && v <= max ? v : undefined,
    );

export const int = (min = -Infinity, max = Infinity): Spec<number> =>
    spec(`an integer${min > -Infinity ? ` from ${min}` : ""}${max < Infinity ? ` to ${max}` : ""}`, (v) =>
        typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : undefined,
    );

/** One of a fixed set of numbers (e.g. the retention periods CloudWatch accepts). */
export const numOneOf = (values: readonly number[]): Spec<number> =>
    spec(`one of ${values.join(", ")}`, (v) => (typeof v === "number" && values.includes(v) ? v : undefined));

/**
 * A string checked by a function that says what is wrong with it (e.g. the
 * baseline's `ipv4CidrProblem`): the message carries that reason.
 */
export function checkedStr(expected: string, problem: (value: string) => string | undefined): Spec<string> {
    return {
        expected,
        optional: false,
        text: true,
        parse(value, path, errors) {
            const why = typeof value === "string" ? problem(value) : "is not a string";
            if (why !== undefined) {
                errors.push(`${path}: expected ${expected}, got ${JSON.stringify(value)} (${why})`);
                return undefined;
            }
            return value as string;
        },
    };
}

/** A spec whose parsed value must also pass a whole-value check (e.g. a CIDR list not covering all of IPv4). */
export function refined<T>(inner: Spec<T>, problems: (value: T) => string[]): Spec<T> {
    return {
        ...inner,
        parse(value, path, errors) {
            const parsed = inner.parse(value, path, errors);
            if (parsed === undefined) {
                return undefined;
            }
            const found = problems(parsed);
            found.forEach((p) => errors.push(`${path}: ${p}`));
            return found.length === 0 ? parsed : undefined;
        },
    };
}

export const bool = (): Spec<boolean> => spec("true or false", (v) => (typeof v === "boolean" ? v : undefined));

export const oneOf = <T extends string>(values: readonly T[]): Spec<T> => ({
    ...spec(`one of ${values.join(", ")}`, (v) => ((values as readonly unknown[]).includes(v) ? (v as T) : undefined)),
    text: true,
});

/** Any JSON object (e.g. a JSON schema), unchecked inside. */
export const jsonObject = (): Spec<Record<string, unknown>> =>
    spec("an object", (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined));

export function optional<T>(inner: Spec<T>): Spec<T> {
    return { ...inner, optional: true, parse: inner.parse.bind(inner) };
}

export function arr<T>(item: Spec<T>, minItems = 0): Spec<T[]> {
    return {
        expected: `a list of ${item.expected}`,
        optional: false,
        parse(value, path, errors) {
            if (!Array.isArray(value) || value.length < minItems) {
                errors.push(`${path}: expected a list${minItems > 0 ? ` of at least ${minItems}` : ""} (of ${item.expected}), got ${JSON.stringify(value)}`);
                return undefined;
            }
            const out = value.map((v, i) => item.parse(v, `${path}[${i}]`, errors));
            return out.every((v) => v !== undefined) ? (out as T[]) : undefined;
        },
    };
}

type Fields = Record<string, Spec<unknown>>;
type ObjectOf<F extends Fields> = { [K in keyof F as F[K]["optional"] extends true ? never : K]: Infer<F[K]> } & {
    [K in keyof F as F[K]["optional"] extends true ? K : never]?: Infer<F[K]>;
};

/** An object with known fields; unknown fields are errors (they are usually typos). */
export function obj<F extends Fields>(fields: F): Spec<ObjectOf<F>> {
    return {
        expected: `an object with ${Object.keys(fields).join(", ")}`,
        optional: false,
        parse(value, path, errors) {
            if (value === null || typeof value !== "object" || Array.isArray(value)) {
                errors.push(`${path}: expected an object with keys ${Object.keys(fields).join(", ")}, got ${JSON.stringify(value)}`);
                return undefined;
            }
            const input = value as Record<string, unknown>;
            const before = errors.length;
            const out: Record<string, unknown> = {};
            for (const key of Object.keys(input)) {
                if (!(key in fields)) {
                    errors.push(`${path}.${key}: unknown key; allowed keys: ${Object.keys(fields).join(", ")}`);
                }
            }
            for (const [key, field] of Object.entries(fields)) {
                if (input[key] === undefined || input[key] === null) {
                    if (!field.optional) {
                        errors.push(`${path}.${key}: is required (expected ${field.expected})`);
                    }
                    continue;
                }
                out[key] = field.parse(input[key], `${path}.${key}`, errors);
            }
            return errors.length === before ? (out as ObjectOf<F>) : undefined;
        },
    };
}

/** A map from names (matching `keyPattern`) to values. */
export function record<T>(item: Spec<T>, keyPattern: RegExp, keyExpected: string): Spec<Record<string, T>> {
    return {
        expected: `a map of ${keyExpected} to ${item.expected}`,
        optional: false,
        parse(value, path, errors) {
            if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
                errors.push(`${path}: expected a non-empty map of ${keyExpected} to ${item.expected}, got ${JSON.stringify(value)}`);
                return undefined;
            }
            const before = errors.length;
            const out: Record<string, T> = {};
            for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
                if (!keyPattern.test(key)) {
                    errors.push(`${path}.${key}: key must be ${keyExpected}`);
                    continue;
                }
                const parsed = item.parse(v, `${path}.${key}`, errors);
                if (parsed !== undefined) {
                    out[key] = parsed;
                }
            }
            return errors.length === before ? out : undefined;
        },
    };
}

/** A union discriminated by a `kind`-like field. */
export function tagged<K extends string, V extends Record<string, Spec<unknown>>>(
    tag: K,
    variants: V,
): Spec<{ [N in keyof V]: Infer<V[N]> & Record<K, N> }[keyof V]> {
    const names = Object.keys(variants);
    return {
        expected: `an object with ${tag}: ${names.join(" | ")}`,
        optional: false,
        parse(value, path, errors) {
            const kind = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[tag] : undefined;
            if (typeof kind !== "string" || !names.includes(kind)) {
                errors.push(`${path}.${tag}: expected one of ${names.join(", ")}, got ${JSON.stringify(kind)}`);
                return undefined;
            }
            const { [tag]: _tag, ...rest } = value as Record<string, unknown>;
            const parsed = variants[kind].parse(rest, path, errors);
            return parsed === undefined ? undefined : ({ ...(parsed as object), [tag]: kind } as { [N in keyof V]: Infer<V[N]> & Record<K, N> }[keyof V]);
        },
    };
}
