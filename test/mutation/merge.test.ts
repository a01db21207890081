/** Merging a run of part of a scope into the scope's report, and `npm run mutate -- --part`'s arguments. */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { mergePart, ReportMutant, StrykerReport } from "./merge";

const ROOT = path.resolve(__dirname, "../..");
const SCOPE = ["gate/a.ts", "gate/b.ts", "gate/c.ts", "gate/empty.ts"];

const test = (id: string, name: string, line = 1) => ({ id, name, location: { start: { line, column: 0 } } });
const mutant = (id: string, status: string, coveredBy: string[], killedBy?: string[]): ReportMutant => ({
    id,
    status,
    mutatorName: "BooleanLiteral",
    location: { start: { line: Number(id) + 1 } },
    coveredBy,
    ...(killedBy ? { killedBy } : {}),
});

/** A run of a and b: tests numbered from 7 so no id of the merge's own numbering can be taken by chance. */
const previous = (): StrykerReport => ({
    schemaVersion: "2",
    files: {
        "gate/a.ts": { source: "a old", mutants: [mutant("0", "Survived", ["7"]), mutant("1", "Killed", ["7", "8"], ["8"])] },
        "gate/b.ts": { source: "b", mutants: [mutant("2", "Killed", ["9"], ["9"])] },
    },
    testFiles: { "test/a.test.ts": { tests: [test("7", "a keeps", 3), test("8", "a kills")] }, "test/b.test.ts": { tests: [test("9", "b kills")] } },
    partial: { files: ["gate/c.ts", "gate/empty.ts"] },
});

/** A run of a, c and empty (no mutants, so absent from the report), listing its tests in another order. */
const part = (): StrykerReport => ({
    schemaVersion: "2",
    files: {
        "gate/a.ts": { source: "a new", mutants: [mutant("0", "Killed", ["1"], ["1"])] },
        "gate/c.ts": { source: "c", mutants: [mutant("1", "Killed", ["0", "1"], ["0"])] },
    },
    testFiles: { "test/a.test.ts": { tests: [test("0", "c kills"), test("1", "a keeps", 5)] } },
});

/** Every mutant as `file:status:killedBy names`, so ids are compared through the tests they name. */
function byName(report: StrykerReport): string[] {
    const names = new Map<string, string>();
    for (const [file, entry] of Object.entries(report.testFiles ?? {})) {
        entry.tests.forEach((t) => names.set(t.id, `${file}#${t.name}`));
    }
    return Object.entries(report.files).flatMap(([file, r]) =>
        r.mutants.map((m) => `${file}:${String(m.status)}:${(m.killedBy ?? []).map((id) => names.get(id)).join("+")}/${(m.coveredBy ?? []).length}`),
    );
}

describe("mutation merge (test/mutation/merge.ts)", () => {
    it("replaces the part's files, keeps the others' results and still lists the files no run has measured", () => {
        const merged = mergePart(SCOPE, previous(), part(), ["gate/a.ts", "gate/c.ts", "gate/empty.ts"]);
        assert.deepStrictEqual(byName(merged), [
            "gate/a.ts:Killed:test/a.test.ts#a keeps/1",
            "gate/c.ts:Killed:test/a.test.ts#c kills/2",
            "gate/b.ts:Killed:test/b.test.ts#b kills/1",
        ]);
        assert.strictEqual(merged.files["gate/a.ts"].source, "a new");
        assert.strictEqual(merged.partial, undefined, "a, b, c and empty are all measured now");
        assert.strictEqual(merged.schemaVersion, "2");
    });

    it("numbers mutants and tests once across both reports, a test named in both listed once with the part's location", () => {
        const merged = mergePart(SCOPE, previous(), part(), ["gate/a.ts", "gate/c.ts"]);
        const ids = Object.values(merged.files).flatMap((f) => f.mutants.map((m) => m.id));
        assert.deepStrictEqual(ids, ["0", "1", "2"]);
        const tests = Object.entries(merged.testFiles ?? {}).flatMap(([file, e]) => e.tests.map((t) => `${file}#${t.name}@${t.location?.start.line}:${t.id}`));
        assert.deepStrictEqual(tests, ["test/a.test.ts#c kills@1:0", "test/a.test.ts#a keeps@5:1", "test/a.test.ts#a kills@1:2", "test/b.test.ts#b kills@1:3"]);
        assert.deepStrictEqual(merged.partial, { files: ["gate/empty.ts"] });
    });

    it("on a first part, lists every other file of the scope as not yet measured", () => {
        const merged = mergePart(SCOPE, undefined, part(), ["gate/c.ts", "gate/a.ts"]);
        assert.deepStrictEqual(merged.partial, { files: ["gate/b.ts", "gate/empty.ts"] });
        assert.deepStrictEqual(Object.keys(merged.files), ["gate/a.ts", "gate/c.ts"]);
    });

    it("drops results of files that left the scope", () => {
        const merged = mergePart(["gate/a.ts", "gate/c.ts"], previous(), part(), ["gate/a.ts", "gate/c.ts"]);
        assert.deepStrictEqual(Object.keys(merged.files), ["gate/a.ts", "gate/c.ts"]);
        assert.strictEqual(merged.partial, undefined);
    });

    it("refuses a part outside the scope, a report holding files the part did not name, and a mutant naming an unknown test", () => {
        assert.throws(() => mergePart(SCOPE, previous(), part(), ["gate/a.ts", "gate/c.ts", "gate/z.ts"]), /--part names gate\/z\.ts, not in the scope/);
        assert.throws(() => mergePart(SCOPE, previous(), part(), ["gate/a.ts"]), /holds gate\/c\.ts, which the part did not name/);
        const broken = part();
        broken.files["gate/c.ts"].mutants[0].killedBy = ["42"];
        assert.throws(
            () => mergePart(SCOPE, undefined, broken, ["gate/a.ts", "gate/c.ts"]),
            /for gate\/c\.ts: a mutant names test "42", which the report does not list/,
        );
    });
});

describe("npm run mutate -- --part", () => {
    const mutate = (...args: string[]) =>
        spawnSync(process.execPath, ["-r", "./test/support/register-swc.js", "test/mutation/run.ts", ...args], { cwd: ROOT, encoding: "utf8" });

    it("needs exactly one scope and names the scope's files when given another", () => {
        const none = mutate("--part", "args", "--report");
        assert.strictEqual(none.status, 2);
        assert.match(none.stderr, /--part needs --only naming exactly one scope \(got none\)/);
        const unknown = mutate("--only", "gate", "--part", "args,nope", "--report");
        assert.strictEqual(unknown.status, 2);
        assert.match(unknown.stderr, /--part must name files of scope gate among .*\bargs\b.*\(got "nope"\)/);
    });

    it("accepts the scope's files by name or path (with --report, nothing is run)", () => {
        const ok = mutate("--only", "gate", "--part", "args,policy-pack/gate/coverage.ts", "--report");
        assert.notStrictEqual(ok.status, 2, ok.stderr);
        assert.match(ok.stdout, /Mutation scores/);
    });
});
