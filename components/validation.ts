/**
 * Argument checks shared by the components. Every check throws before a
 * component creates any child resource, with a message naming the component,
 * the argument, what was given and what is allowed.
 */

/** Raised for invalid component arguments. */
export class ComponentArgumentError extends Error {
    constructor(component: string, argument: string, problem: string) {
        super(`${component}: ${argument} ${problem}`);
        this.name = "ComponentArgumentError";
    }
}

export function oneOf<T extends string>(component: string, argument: string, value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) {
        throw new ComponentArgumentError(component, argument, `must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
    }
    return value as T;
}

export function intInRange(component: string, argument: string, value: number, min: number, max: number): number {
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new ComponentArgumentError(component, argument, `must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
    }
    return value;
}

export function positive(component: string, argument: string, value: number): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        throw new ComponentArgumentError(component, argument, `must be a number above 0 (got ${JSON.stringify(value)})`);
    }
    return value;
}

export function nonEmpty<T>(component: string, argument: string, value: readonly T[] | undefined): readonly T[] {
    if (!value || value.length === 0) {
        throw new ComponentArgumentError(component, argument, "must list at least one entry");
    }
    return value;
}

export function matches(component: string, argument: string, value: string, pattern: RegExp, expected: string): string {
    if (typeof value !== "string" || !pattern.test(value)) {
        throw new ComponentArgumentError(component, argument, `must be ${expected} (got ${JSON.stringify(value)})`);
    }
    return value;
}

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

export function cidrs(component: string, argument: string, values: readonly string[]): readonly string[] {
    values.forEach((v, i) => matches(component, `${argument}[${i}]`, v, IPV4_CIDR, "an IPv4 CIDR such as 10.0.0.0/16"));
    if (values.includes("0.0.0.0/0")) {
        throw new ComponentArgumentError(component, argument, "must not contain 0.0.0.0/0; list the networks that may connect");
    }
    return values;
}

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function logRetention(component: string, argument: string, value: number): number {
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(value)) {
        throw new ComponentArgumentError(component, argument, `must be one of ${LOG_RETENTION_DAYS.join(", ")} days (got ${JSON.stringify(value)})`);
    }
    return value;
}

export const ENVIRONMENTS = ["dev", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
