/**
 * The command line (`cli`), in process: it reads the process's arguments after the script, writes the report and
 * errors with a newline, exits only after both streams have flushed, and turns an error that escapes the gate
 * (outside a program's run) into exit 2, while one raised during a run is left to the run's own watch.
 */
import * as assert from "assert";
import { CliProcess, cli, USAGE } from "../../policy-pack/gate/plan";
import { runUnderMocks } from "../../policy-pack/gate/runtime";

type Event = readonly [string, string | number];
type Listener = (e: unknown) => void;

/** A process that records every write (flushing at once), listener and exit, in order. */
function fakeProcess(argv: string[]): { proc: CliProcess; events: Event[]; listeners: Map<string, Listener> } {
    const events: Event[] = [];
    const listeners = new Map<string, Listener>();
    const stream = (name: string) => ({
        write(text: string, done?: () => void): boolean {
            events.push([name, text]);
            done?.();
            return true;
        },
    });
    const proc: CliProcess = {
        argv,
        stdout: stream("stdout"),
        stderr: stream("stderr"),
        on(event: string, listener: Listener) {
            listeners.set(event, listener);
            return proc;
        },
        exit(code: number) {
            events.push(["exit", code]);
        },
    };
    return { proc, events, listeners };
}

describe("gate cli: the command line in process", () => {
    it("prints the usage for --help, the arguments read after node and the script, and exits 0 after flushing both streams", async () => {
        const { proc, events } = fakeProcess(["/usr/bin/node", "policy-pack/gate/plan.ts", "--help"]);
        await cli(proc);
        assert.deepStrictEqual(events, [
            ["stdout", `${USAGE}\n`],
            ["stdout", ""],
            ["stderr", ""],
            ["exit", 0],
        ]);
    });

    it("writes a usage error to stderr with the usage and exits 2", async () => {
        const { proc, events } = fakeProcess(["node", "plan", "--bogus"]);
        await cli(proc);
        assert.deepStrictEqual(events, [
            ["stderr", `error: unknown argument "--bogus"\n\n${USAGE}\n`],
            ["stdout", ""],
            ["stderr", ""],
            ["exit", 2],
        ]);
    });

    it("watches for unhandled rejections and uncaught exceptions, each failing the command with exit 2 outside a run", async () => {
        const { proc, events, listeners } = fakeProcess(["node", "plan", "--help"]);
        await cli(proc);
        assert.deepStrictEqual([...listeners.keys()], ["unhandledRejection", "uncaughtException"]);
        events.length = 0;
        listeners.get("unhandledRejection")?.(new Error("late rejection"));
        listeners.get("uncaughtException")?.("thrown string");
        assert.deepStrictEqual(events, [
            ["stderr", "error: the program failed: late rejection\n"],
            ["stdout", ""],
            ["stderr", ""],
            ["exit", 2],
            ["stderr", "error: the program failed: thrown string\n"],
            ["stdout", ""],
            ["stderr", ""],
            ["exit", 2],
        ]);
    });

    it("leaves an error raised during a program's run to the run (no output, no exit)", async () => {
        const { proc, events, listeners } = fakeProcess(["node", "plan", "--help"]);
        await cli(proc);
        events.length = 0;
        await runUnderMocks(
            () => {
                listeners.get("uncaughtException")?.(new Error("during the run"));
                listeners.get("unhandledRejection")?.(new Error("during the run"));
            },
            { project: "p", stack: "dev" },
        );
        assert.deepStrictEqual(events, []);
    });
});
