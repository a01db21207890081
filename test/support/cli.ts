/** Runs the offline plan command as a separate process, the way CI runs it. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../policy-pack/gate/plan";
import { ROOT } from "../harness";

/** Exit code and output of one plan run. */
export interface Result {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function plan(...args: string[]): Result {
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(ROOT, "policy-pack", "gate", "plan.ts"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 90_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same command, run in this process (much faster than a new process).
 * For everything but what needs a process of its own: a hung program, exit
 * on an empty event loop, process-level rejection handlers.
 */
export async function planHere(...args: string[]): Promise<Result> {
    const out: string[] = [];
    const err: string[] = [];
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
        const code = await main(
            args,
            (t) => out.push(`${t}\n`),
            (t) => err.push(`${t}\n`),
        );
        return { code, stdout: out.join(""), stderr: err.join("") };
    } finally {
        process.chdir(cwd);
    }
}

/** A program under test/fixtures/programs, relative to the project root. */
export const fixture = (name: string) => path.join("test", "fixtures", "programs", name);

/** A path in a fresh temporary directory. */
export const tmp = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-")), name);
