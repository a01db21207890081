/** Program source positions: where a program's error was thrown. */
import * as path from "path";
import { pathToFileURL } from "url";
import type { SourceLocation } from "./recorder";

/** A V8 stack frame line, `at fn (file:line:column)` or `at file:line:column`. */
const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

const insideProgram = (file: string, programDir: string) => file.startsWith(programDir + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`);

/**
 * The program's own line an error was thrown from: the first frame of its
 * stack inside the program's directory (not its node_modules). The stack is
 * already mapped to the TypeScript source (ts-node installs source maps).
 */
export function errorLocation(err: unknown, programDir: string | undefined): SourceLocation | undefined {
    const stack = err instanceof Error && typeof err.stack === "string" ? err.stack : undefined;
    if (!stack || !programDir) {
        return undefined;
    }
    for (const line of stack.split("\n").slice(1)) {
        const m = FRAME.exec(line);
        const file = m?.[1].startsWith("file://") ? new URL(m[1]).pathname : m?.[1];
        if (m && file && insideProgram(file, programDir)) {
            return { file, line: Number(m[2]), column: Number(m[3]) };
        }
    }
    return undefined;
}

/** The parts of a V8 CallSite a resource's stack trace needs. */
interface CallSite {
    getFileName(): string | null | undefined;
    getLineNumber(): number | null;
    getColumnNumber(): number | null;
    getFunctionName(): string | null;
    isToplevel(): boolean;
    isConstructor(): boolean;
}

interface StackTracing {
    stackTrace(skip: number): ({ uri: string; line: number; column: number } | undefined)[];
}

type WrapCallSite = (frame: CallSite) => CallSite;

/** source-map-support's frame mapping, the instance ts-node installed (its source maps), if loaded. */
function sourceMapping(): WrapCallSite | undefined {
    try {
        const tsNode = require.resolve("ts-node");
        const support = require(require.resolve("@cspotcode/source-map-support", { paths: [tsNode] })) as { wrapCallSite: WrapCallSite };
        return support.wrapCallSite;
    } catch {
        return undefined;
    }
}

const rawCallSites = (_: Error, sites: CallSite[]) => sites;

/**
 * Makes the SDK capture each resource's stack trace cheaply: the SDK formats
 * the full stack (`Error.stackTraceLimit = Infinity`) through source-map-support
 * and parses the text back, for every resource. This reads V8's call sites
 * directly and maps only the frames outside node_modules (the program's and
 * its local modules', the only ones a finding points at); installed packages'
 * frames keep their JavaScript positions. Frames, order and skip count are the
 * SDK's: a frame the text format prints without `(file:line:column)` (a
 * top-level anonymous one) or in `node:` internals has no position, as there.
 * With `debuggable` (the SDK's runtime/debuggable module), its promises are
 * not stamped nor tracked (see untrackedPromises).
 * Returns the function that restores the SDK's own.
 */
export function fastStackTraces(resource: unknown, debuggable?: Debuggable): () => void {
    const target = resource as StackTracing;
    const original = target.stackTrace;
    const wrap = sourceMapping();
    const uris = new Map<string, string>();
    const uriOf = (file: string) => {
        let uri = uris.get(file);
        if (uri === undefined) {
            uri = pathToFileURL(file).toString();
            uris.set(file, uri);
        }
        return uri;
    };
    type Position = { uri: string; line: number; column: number } | undefined;
    const position = (file: string | null | undefined, line: number | null, column: number | null): Position =>
        file && line && column ? { uri: uriOf(file), line, column } : undefined;
    const mappedPositions = new Map<string, Position>();
    function stackTrace(skip: number): ({ uri: string; line: number; column: number } | undefined)[] {
        const limit = Error.stackTraceLimit;
        const prepare = Error.prepareStackTrace;
        const holder: { stack?: unknown } = {};
        try {
            Error.stackTraceLimit = Number.POSITIVE_INFINITY;
            Error.prepareStackTrace = rawCallSites as unknown as typeof Error.prepareStackTrace;
            Error.captureStackTrace(holder);
            void holder.stack;
        } finally {
            Error.prepareStackTrace = prepare;
            Error.stackTraceLimit = limit;
        }
        // The SDK's frames start at its callsites(), then stackTrace (skip + 1 dropped); ours at stackTrace.
        const sites = (holder.stack as CallSite[]).slice(skip);
        return sites.map((site) => {
            const raw = site.getFileName();
            if (!raw || raw.startsWith("node:") || (site.isToplevel() && !site.isConstructor() && !site.getFunctionName())) {
                return undefined;
            }
            if (!wrap || raw.includes(`${path.sep}node_modules${path.sep}`)) {
                return position(raw, site.getLineNumber(), site.getColumnNumber());
            }
            // The same program line creates many resources (a loop, a component): each position is mapped once.
            const key = `${raw}:${site.getLineNumber()}:${site.getColumnNumber()}`;
            if (!mappedPositions.has(key)) {
                const mapped = wrap(site);
                mappedPositions.set(key, position(mapped.getFileName(), mapped.getLineNumber(), mapped.getColumnNumber()));
            }
            return mappedPositions.get(key);
        });
    }
    target.stackTrace = stackTrace;
    const restorePromises = debuggable ? untrackedPromises(debuggable) : () => undefined;
    return () => {
        target.stackTrace = original;
        restorePromises();
    };
}

interface Debuggable {
    debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
}

/**
 * The SDK stamps every internal promise (three per output property of every
 * resource) with `new Error().stack`, formatted at once through source-map-support,
 * keeps it, and chains two more promises to track it: for 4,000 resources,
 * hundreds of MB and most of the run's time. They only feed the SDK's message
 * about promises still pending at process exit, which the gate replaces with
 * its own (RunWatch in runtime.ts: the run fails closed, naming what it waited
 * for), so its promises are passed through as they are.
 */
function untrackedPromises(debuggable: Debuggable): () => void {
    const original = debuggable.debuggablePromise;
    debuggable.debuggablePromise = <T>(p: Promise<T>): Promise<T> => p;
    return () => {
        debuggable.debuggablePromise = original;
    };
}
