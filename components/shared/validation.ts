/**
 * Argument checks shared by the components. Every check throws before a
 * component creates any child resource, with a message naming the component,
 * the argument, what was given and what is allowed.
 *
 * The allowed values themselves are not defined here: they come from the
 * guardrail baseline (`policy-pack/baseline`), the same module the stack
 * config schema and the policy rules read, so the three cannot drift apart.
 */
import { allowListProblems, Environment, ENVIRONMENTS, ipv4CidrProblem, LOG_RETENTION_DAYS } from "../../policy-pack/baseline";
import { logRetentionChoices } from "./limits";

export { Environment, ENVIRONMENTS, LOG_RETENTION_DAYS };

/** Raised for invalid component arguments. */
export class ComponentArgumentError extends Error {
    constructor(
        readonly component: string,
        readonly argument: string,
        readonly problem: string,
    ) {
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

export function positive(component: string, argument: string, value: number, max = Infinity): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > max) {
        throw new ComponentArgumentError(
            component,
            argument,
            `must be a number above 0${max < Infinity ? ` and at most ${max}` : ""} (got ${JSON.stringify(value)})`,
        );
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

/**
 * A list of IPv4 CIDRs that admits callers: each entry canonical, none `/0`
 * however spelled, and the list as a whole not covering all of IPv4
 * (`0.0.0.0/1` + `128.0.0.0/1` is everyone too). Compared as address ranges
 * by the baseline's {@link allowListProblems}.
 */
export function cidrs(component: string, argument: string, values: readonly string[]): readonly string[] {
    values.forEach((v, i) => {
        const problem = ipv4CidrProblem(v);
        if (problem !== undefined) {
            throw new ComponentArgumentError(component, `${argument}[${i}]`, `must be an IPv4 CIDR such as 10.0.0.0/16: ${JSON.stringify(v)} ${problem}`);
        }
    });
    const problems = allowListProblems(values);
    if (problems.length > 0) {
        throw new ComponentArgumentError(
            component,
            argument,
            `must not contain 0.0.0.0/0 or open the service to every IPv4 address; list the networks that may connect (${problems.join("; ")})`,
        );
    }
    return values;
}

/**
 * A log retention CloudWatch accepts; with an environment, one the
 * environment's baseline allows (dev keeps at least 14 days, prod at least
 * its policy config's minimum).
 */
export function logRetention(component: string, argument: string, value: number, environment?: Environment): number {
    const allowed: readonly number[] = environment ? logRetentionChoices(environment) : LOG_RETENTION_DAYS;
    if (!allowed.includes(value)) {
        throw new ComponentArgumentError(
            component,
            argument,
            `must be one of ${allowed.join(", ")} days${environment ? ` in ${environment}` : ""} (got ${JSON.stringify(value)})`,
        );
    }
    return value;
}
