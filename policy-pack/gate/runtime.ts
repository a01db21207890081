/**
 * Runs a Pulumi program under the mock runtime, in update or preview mode, and
 * returns every resource it registered (see recorder.ts) and its stack outputs.
 * This is what the offline plan and the tests inspect, and what the policy
 * engine validates.
 */
import * as pulumi from "@pulumi/pulumi";
import { createPlatformMocks, PlanMode, PlatformMockOptions } from "./mocks";
import { RecordedResource, RecordingMonitor } from "./recorder";

export { normalizeValue, RecordedResource } from "./recorder";

/** How to run a program under mocks. */
export interface MockRunOptions extends PlatformMockOptions {
    /** Pulumi project name (first part of config keys). */
    project: string;
    /** Stack name returned by `pulumi.getStack()`. */
    stack: string;
    /** Config as Pulumi passes it to a program: `namespace:key` to string (objects as JSON). */
    config?: Record<string, string>;
    /** Config keys whose values are secrets. */
    secretKeys?: string[];
}

/** One stack output, resolved. */
export interface ResolvedOutput {
    /** The value; undefined when it is not known (preview). */
    value: unknown;
    secret: boolean;
    /** false when the value is only known after deployment (preview mode). */
    known: boolean;
}

/** What a program run under mocks produced. */
export interface MockRunResult {
    mode: PlanMode;
    resources: RecordedResource[];
    outputs: Record<string, ResolvedOutput>;
}

/** The program threw; carries what it had registered by then. */
export class ProgramError extends Error {
    constructor(readonly error: unknown, readonly resources: RecordedResource[]) {
        super(error instanceof Error ? error.message : String(error));
        this.name = "ProgramError";
    }
}

/** The SDK's view of an output: whether it is known, and its value. */
interface OutputInternals<T> {
    isKnown: Promise<boolean>;
    promise(): Promise<T>;
}

async function resolveOutput(value: unknown): Promise<ResolvedOutput> {
    const out = pulumi.output(value as pulumi.Input<unknown>) as unknown as OutputInternals<unknown> & pulumi.Output<unknown>;
    const secret = await pulumi.isSecret(out);
    const known = await out.isKnown;
    return { value: known ? await out.promise() : undefined, secret, known };
}

/**
 * Runs `program` as the body of a Pulumi stack under the mock runtime and returns
 * every registered resource and the resolved stack outputs.
 */
export async function runUnderMocks(program: () => unknown, options: MockRunOptions): Promise<MockRunResult> {
    const mode = options.mode ?? "update";
    const preview = mode === "preview";
    const mocks = createPlatformMocks(options);
    const monitor = new RecordingMonitor(mocks, options.resolveFrom);
    // setMocks switches the runtime's feature flags to mock mode; then our recording monitor replaces its plain one.
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, preview);
    pulumi.runtime.setMockOptions(monitor, options.project, options.stack, preview);
    pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ?? []);
    let exported: Record<string, unknown> | undefined;
    let failure: ProgramError | undefined;
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            const result = await program();
            // A plain object of values becomes the stack outputs (as a program's exports do).
            exported = result !== null && typeof result === "object" && !pulumi.Resource.isInstance(result)
                ? (result as Record<string, unknown>)
                : undefined;
            return exported;
        });
    } catch (err) {
        failure = new ProgramError(err, monitor.recorded);
    } finally {
        await pulumi.runtime.disconnect();
    }
    if (failure) {
        throw failure;
    }
    const outputs: Record<string, ResolvedOutput> = {};
    for (const [key, value] of Object.entries(exported ?? {})) {
        outputs[key] = await resolveOutput(value);
    }
    return { mode, resources: monitor.recorded, outputs };
}
