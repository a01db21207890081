/**
 * Runs a Pulumi program under the mock runtime, in update or preview mode, and
 * returns every resource it registered (see recorder.ts) and its stack outputs.
 * This is what the offline plan and the tests inspect, and what the policy
 * engine validates.
 */
import * as ownSdk from "@pulumi/pulumi";
import * as path from "path";
import { allReferences, createPlatformMocks, PlanMode, PlatformMockOptions } from "./mocks";
import { guardStackReferenceOutputs } from "./stack-references";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { createRecordingMonitor, RecordedResource, SourceLocation } from "./recorder";
import { errorLocation, fastStackTraces } from "./sources";
import type { MockMonitorClass, PulumiSdk } from "./sdk";
import { enableTransforms } from "./transforms";

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
    /** The program's directory: a resource's source location is the first stack frame inside it. */
    programDir?: string;
    /** Longest the program may take, in milliseconds, before the run fails. Default 300000 (5 minutes). */
    timeoutMs?: number;
    /**
     * The copy of `@pulumi/pulumi` the program loads (the mocks are installed on it) and its MockMonitor.
     * @default the gate's own copy
     */
    sdk?: { pulumi: PulumiSdk; MockMonitor: MockMonitorClass; dir: string };
}

/** Default time limit of a run. */
export const DEFAULT_TIMEOUT_MS = 300_000;

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
    constructor(
        readonly error: unknown,
        readonly resources: RecordedResource[],
        /** The program's line that threw, from the error's stack (mapped to the TypeScript source). */
        readonly location?: SourceLocation,
    ) {
        super(error instanceof Error ? error.message : String(error));
        this.name = "ProgramError";
    }
}

/**
 * The program did not finish: it awaits something that never settles, exceeded
 * the time limit, or left a promise rejection or exception unhandled. The run
 * cannot vouch for anything, so the gate fails (exit 2).
 */
export class IncompleteRunError extends ProgramError {
    constructor(message: string, resources: RecordedResource[]) {
        super(new Error(message), resources);
        this.name = "IncompleteRunError";
    }
}

let activeRuns = 0;

/** true while a program runs under a watch (which records unhandled rejections and exceptions itself). */
export function isRunActive(): boolean {
    return activeRuns > 0;
}

/**
 * Waits briefly after a failed run, swallowing the rejections its failed
 * registrations leave behind, so they are not blamed on the next run.
 */
export async function settleLeftovers(ms = 50): Promise<void> {
    const swallow = () => undefined;
    activeRuns++;
    process.on("unhandledRejection", swallow);
    try {
        await new Promise((r) => setTimeout(r, ms));
    } finally {
        process.off("unhandledRejection", swallow);
        activeRuns--;
    }
}

/** Active handles (timers, file reads, sockets) by type, as Node reports what keeps the event loop alive. */
function activeResources(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const type of process.getActiveResourcesInfo()) {
        counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return counts;
}

/** true while the program still has timers, reads or sockets of its own beyond what was active before it started. */
function programStillBusy(baseline: Map<string, number>): boolean {
    for (const [type, n] of activeResources()) {
        if (n > (baseline.get(type) ?? 0)) {
            return true;
        }
    }
    return false;
}

/**
 * Watches a run for the ways a program can end without finishing: the event
 * loop empties while it waits (a promise that never settles), the time limit
 * passes, or a rejection or exception goes unhandled. `failed` rejects with the
 * first of these, naming what was being waited for.
 */
class RunWatch {
    private current = "running the program";
    /** Stack outputs the program exported that have not resolved yet. */
    readonly pendingOutputs = new Set<string>();
    private readonly seen = new Set<string>();
    readonly failed: Promise<never>;
    private fail!: (message: string) => void;
    private readonly timer: NodeJS.Timeout;
    private readonly onBeforeExit = () =>
        this.fail(`the program never finished: nothing was left to run while ${this.phase}, so a promise it awaits never settles`);
    private readonly onRejection = (reason: unknown) =>
        this.seen.add(`unhandled promise rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
    private readonly onException = (err: unknown) => this.seen.add(`uncaught exception: ${err instanceof Error ? err.message : String(err)}`);

    /** Distinct unhandled rejections and exceptions so far, the first few in full. */
    get problems(): string[] {
        const all = [...this.seen];
        return all.length > 3 ? [...all.slice(0, 3), `and ${all.length - 3} more`] : all;
    }

    constructor(timeoutMs: number, recorded: () => RecordedResource[]) {
        this.failed = new Promise<never>(
            (_, reject) => (this.fail = (message) => reject(new IncompleteRunError([message, ...this.problems].join("; "), recorded()))),
        );
        this.failed.catch(() => undefined);
        this.timer = setTimeout(
            () => this.fail(`the program did not finish within ${timeoutMs / 1000} s (while ${this.phase}); raise the limit with --timeout if it is just slow`),
            timeoutMs,
        );
        // Neither the timer nor the watch keeps the process alive: an empty event loop is how a hung program shows itself.
        this.timer.unref();
        activeRuns++;
        process.on("beforeExit", this.onBeforeExit);
        process.on("unhandledRejection", this.onRejection);
        process.on("uncaughtException", this.onException);
    }

    /** What the run is waiting for, for messages. */
    get phase(): string {
        const outputs = [...this.pendingOutputs].map((k) => `"${k}"`);
        return outputs.length > 0 ? `waiting for the stack output${outputs.length > 1 ? "s" : ""} ${outputs.join(", ")}` : this.current;
    }

    /** Resolves with `work`, or rejects when the run fails first. */
    race<T>(phase: string, work: Promise<T>): Promise<T> {
        this.current = phase;
        return Promise.race([work, this.failed]);
    }

    stop(): void {
        activeRuns--;
        clearTimeout(this.timer);
        process.off("beforeExit", this.onBeforeExit);
        process.off("unhandledRejection", this.onRejection);
        process.off("uncaughtException", this.onException);
    }
}

/** The SDK's view of an output: whether it is known, and its value. */
interface OutputInternals<T> {
    isKnown: Promise<boolean>;
    promise(): Promise<T>;
}

async function resolveOutput(pulumi: PulumiSdk, value: unknown): Promise<ResolvedOutput> {
    const out = pulumi.output(value as ownSdk.Input<unknown>) as unknown as OutputInternals<unknown> & ownSdk.Output<unknown>;
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
    const pulumi = options.sdk?.pulumi ?? ownSdk;
    const sdkDir = options.sdk?.dir ?? path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const monitor = createRecordingMonitor(options.sdk?.MockMonitor ?? MockMonitor, mocks, options.resolveFrom, options.programDir, sdkDir);
    // setMocks switches the runtime's feature flags to mock mode; then our recording monitor replaces its plain one.
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, preview);
    pulumi.runtime.setMockOptions(monitor, options.project, options.stack, preview);
    enableTransforms(sdkDir);
    pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ?? []);
    const unguardReferences = guardStackReferenceOutputs(pulumi, allReferences(options), preview);
    const restoreStackTraces = fastStackTraces(pulumi.Resource, require(path.join(sdkDir, "runtime", "debuggable")));
    const unguard = () => {
        restoreStackTraces();
        unguardReferences();
    };
    const baseline = activeResources();
    const watch = new RunWatch(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => monitor.recorded);
    let exported: Record<string, unknown> | undefined;
    const resolving: Record<string, Promise<ResolvedOutput>> = {};
    const outputs: Record<string, ResolvedOutput> = {};
    try {
        await watch.race(
            "running the program",
            pulumi.runtime.runInPulumiStack(async () => {
                const result = await program();
                // A plain object of values becomes the stack outputs (as a program's exports do).
                exported =
                    result !== null && typeof result === "object" && !pulumi.Resource.isInstance(result) ? (result as Record<string, unknown>) : undefined;
                for (const [key, value] of Object.entries(exported ?? {})) {
                    watch.pendingOutputs.add(key);
                    resolving[key] = resolveOutput(pulumi, value).finally(() => watch.pendingOutputs.delete(key));
                }
                return exported;
            }),
        );
        // Work the program started and did not await (timers, reads, registrations inside apply) is part of the program.
        while (monitor.pending > 0 || programStillBusy(baseline)) {
            await watch.race("waiting for work the program started (timers, reads, registrations)", new Promise((r) => setTimeout(r, 5)));
        }
        for (const [key, pending] of Object.entries(resolving)) {
            outputs[key] = await watch.race("resolving the stack outputs", pending);
        }
        // Rejections are reported after the microtask queue drains: give them one turn of the event loop.
        await watch.race("checking for unhandled rejections", new Promise((r) => setImmediate(r)));
        if (watch.problems.length > 0) {
            throw new IncompleteRunError(`the program did not run cleanly: ${watch.problems.join("; ")}`, monitor.recorded);
        }
        // The runtime's outstanding calls must finish too: one that never settles is an incomplete run.
        await watch.race("finishing the program's outstanding calls", pulumi.runtime.disconnect());
    } catch (err) {
        // A failed run is not waited for: its failed registrations may never settle. What they still reject
        // in the next moments belongs to this run, not to the next one in the same process.
        pulumi.runtime.disconnectSync();
        unguard();
        watch.stop();
        await settleLeftovers();
        throw err instanceof ProgramError ? err : new ProgramError(err, monitor.recorded, errorLocation(err, options.programDir));
    }
    unguard();
    watch.stop();
    return { mode, resources: monitor.recorded, outputs };
}
