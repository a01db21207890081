/** Program source positions: where a program's error was thrown. */
import * as path from "path";
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
