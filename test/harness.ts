/**
 * Test harness: runs real programs (our components, our stacks, raw
 * @pulumi/aws programs) under Pulumi's mock runtime and answers "which
 * resources of type X were created, with what inputs", then runs the real
 * policy pack over them.
 */
import * as assert from "assert";
import * as path from "path";
import { evaluatePolicies, EvaluateOptions, Violation } from "../policy-pack/gate/engine";
import { policies } from "../policy-pack/rules";
import { PROJECT } from "../stacks/config";
import { ProgramError, RecordedResource, ResolvedOutput, runUnderMocks } from "../policy-pack/gate/runtime";
import { PlanMode } from "../policy-pack/gate/mocks";
import { readStackConfig } from "../policy-pack/gate/stack-files";
import { platformProgram } from "../stacks/program";

export const ROOT = path.resolve(__dirname, "..");

/** What a program created. */
export class Plan {
    constructor(
        readonly resources: RecordedResource[],
        readonly outputs: Record<string, ResolvedOutput>,
    ) {}

    /** Resources of a type (e.g. `aws:apigateway/stage:Stage`). */
    ofType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The one resource of a type (optionally with a name); fails the test when there is not exactly one. */
    one(type: string, name?: string): RecordedResource {
        const found = this.ofType(type).filter((r) => name === undefined || r.name === name);
        assert.strictEqual(found.length, 1, `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.map((r) => r.name).join(", ") || "none"}`);
        return found[0];
    }

    /** Inputs of the one resource of a type. */
    props(type: string, name?: string): Record<string, unknown> {
        return this.one(type, name).props;
    }

    /** Custom (cloud) resources, without components and the stack. */
    get cloudResources(): RecordedResource[] {
        return this.resources.filter((r) => r.custom);
    }

    /** Children (direct) of a resource. */
    childrenOf(urn: string): RecordedResource[] {
        return this.resources.filter((r) => r.parent === urn);
    }

    /** Runs the policy pack over the resources. */
    violations(options?: EvaluateOptions): Promise<Violation[]> {
        return evaluatePolicies(policies, this.resources, options);
    }
}

/** Runs a program (a function creating resources) under mocks. */
export async function runProgram(
    program: () => unknown,
    options: {
        project?: string;
        stack?: string;
        config?: Record<string, string>;
        stackOutputs?: Record<string, Record<string, unknown>>;
        mode?: PlanMode;
    } = {},
): Promise<Plan> {
    const result = await runUnderMocks(program, {
        project: options.project ?? PROJECT,
        stack: options.stack ?? "test",
        config: options.config,
        stackOutputs: options.stackOutputs,
        mode: options.mode,
    });
    return new Plan(result.resources, result.outputs);
}

/** The raw config of one of our stacks, with keys (without namespace) overridden; `undefined` removes a key. */
export function stackConfig(stack: string, overrides: Record<string, unknown> = {}): Record<string, string> {
    const { config } = readStackConfig(path.join(ROOT, `Pulumi.${stack}.yaml`), PROJECT);
    for (const [key, value] of Object.entries(overrides)) {
        const fullKey = key.includes(":") ? key : `${PROJECT}:${key}`;
        if (value === undefined) {
            delete config[fullKey];
        } else {
            config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return config;
}

/** Runs the real stack program with a stack's config file (optionally overridden), in update mode unless told. */
export function runStack(stack: string, overrides: Record<string, unknown> = {}, mode: PlanMode = "update"): Promise<Plan> {
    return runProgram(platformProgram, { stack, config: stackConfig(stack, overrides), mode });
}

/** Asserts that a program throws before creating any cloud resource, with a message matching every pattern. */
export async function assertRejectsBeforeCreating(program: () => unknown, ...patterns: RegExp[]): Promise<ProgramError> {
    let plan: Plan | undefined;
    let error: unknown;
    try {
        plan = await runProgram(program);
    } catch (err) {
        error = err;
    }
    assert.ok(error instanceof ProgramError, `expected the program to throw; it created ${plan?.cloudResources.length ?? 0} resources`);
    for (const pattern of patterns) {
        assert.match(error.message, pattern);
    }
    const created = error.resources.filter((r) => r.custom);
    assert.deepStrictEqual(
        created.map((r) => `${r.type} ${r.name}`),
        [],
        "no cloud resource may be created before the error",
    );
    return error;
}

/** Policy names of violations, sorted and de-duplicated. */
export function names(violations: Violation[]): string[] {
    return [...new Set(violations.map((v) => v.policyName))].sort();
}

/** The error `run` throws synchronously; fails the test when it throws nothing or a non-Error. */
export function thrown(run: () => unknown): Error {
    try {
        run();
    } catch (err) {
        assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
        return err;
    }
    assert.fail("expected an error");
}
