/**
 * JSON Schema validation of policy config values, for the keywords a
 * `PolicyConfigJSONSchema` can carry (draft 7, as the Pulumi CLI validates
 * `--policy-pack-config` against each policy's `configSchema`). Every problem is
 * returned, each naming the path, the value given and what is allowed.
 */
import type { PolicyConfigJSONSchema, PolicyConfigJSONSchemaDefinition } from "@pulumi/policy/schema";

const show = (v: unknown) => JSON.stringify(v);

function typeOf(value: unknown): string[] {
    if (value === null) {
        return ["null"];
    }
    if (Array.isArray(value)) {
        return ["array"];
    }
    if (typeof value === "number") {
        return Number.isInteger(value) ? ["integer", "number"] : ["number"];
    }
    return [typeof value];
}

function equal(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** Problems of `value` against `schema`, each prefixed with `path`. */
export function schemaErrors(value: unknown, schema: PolicyConfigJSONSchemaDefinition, path: string): string[] {
    if (schema === true) {
        return [];
    }
    if (schema === false) {
        return [`${path}: is not allowed`];
    }
    const s: PolicyConfigJSONSchema = schema;
    if (s.type !== undefined) {
        const allowed = Array.isArray(s.type) ? s.type : [s.type];
        if (!typeOf(value).some((t) => (allowed as string[]).includes(t))) {
            return [`${path}: expected ${allowed.join(" or ")}, got ${show(value)}`];
        }
    }
    const errors: string[] = [];
    const fail = (problem: string) => errors.push(`${path}: ${problem}, got ${show(value)}`);
    if (s.enum !== undefined && !s.enum.some((e) => equal(e, value))) {
        fail(`must be one of ${s.enum.map(show).join(", ")}`);
    }
    if (s.const !== undefined && !equal(s.const, value)) {
        fail(`must be ${show(s.const)}`);
    }
    if (typeof value === "number") {
        if (s.minimum !== undefined && value < s.minimum) fail(`must be at least ${s.minimum}`);
        if (s.maximum !== undefined && value > s.maximum) fail(`must be at most ${s.maximum}`);
        if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) fail(`must be above ${s.exclusiveMinimum}`);
        if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) fail(`must be below ${s.exclusiveMaximum}`);
        if (s.multipleOf !== undefined && value % s.multipleOf !== 0) fail(`must be a multiple of ${s.multipleOf}`);
    }
    if (typeof value === "string") {
        if (s.minLength !== undefined && [...value].length < s.minLength) fail(`must be at least ${s.minLength} characters`);
        if (s.maxLength !== undefined && [...value].length > s.maxLength) fail(`must be at most ${s.maxLength} characters`);
        if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value)) fail(`must match ${s.pattern}`);
        if (s.format === "date" && !isDate(value)) fail("must be a date (YYYY-MM-DD)");
    }
    if (Array.isArray(value)) {
        if (s.minItems !== undefined && value.length < s.minItems) fail(`must have at least ${s.minItems} items`);
        if (s.maxItems !== undefined && value.length > s.maxItems) fail(`must have at most ${s.maxItems} items`);
        if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail("must not repeat items");
        if (s.items !== undefined) {
            value.forEach((item, i) => {
                const itemSchema = Array.isArray(s.items) ? (s.items[i] ?? s.additionalItems ?? true) : s.items!;
                errors.push(...schemaErrors(item, itemSchema, `${path}[${i}]`));
            });
        }
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        errors.push(...objectErrors(value as Record<string, unknown>, s, path));
    }
    return errors;
}

function objectErrors(value: Record<string, unknown>, s: PolicyConfigJSONSchema, path: string): string[] {
    const errors: string[] = [];
    for (const key of s.required ?? []) {
        if (!(key in value)) {
            errors.push(`${path}.${key}: is required`);
        }
    }
    const known = Object.keys(s.properties ?? {});
    for (const [key, v] of Object.entries(value)) {
        const own = s.properties?.[key];
        const patterned = Object.entries(s.patternProperties ?? {}).filter(([p]) => new RegExp(p, "u").test(key));
        if (own !== undefined) {
            errors.push(...schemaErrors(v, own, `${path}.${key}`));
        }
        patterned.forEach(([, ps]) => errors.push(...schemaErrors(v, ps, `${path}.${key}`)));
        if (own === undefined && patterned.length === 0 && s.additionalProperties !== undefined) {
            errors.push(
                ...(s.additionalProperties === false
                    ? [`${path}.${key}: unknown key; allowed: ${known.join(", ") || "(none)"}`]
                    : schemaErrors(v, s.additionalProperties, `${path}.${key}`)),
            );
        }
    }
    return errors;
}

/** true for a real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return false;
    }
    const d = new Date(`${value}T00:00:00Z`);
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
