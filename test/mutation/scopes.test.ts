/** `npm run mutate`'s scopes cover the configured code once each, every scope has specs, and scores are Stryker's. */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { expand, filesOf, mutationScopes } from "./scopes";
import { explainedPlaces, notMeasured, MutationReport, score, survivors, tally, unexplained } from "./scores";

const ROOT = path.resolve(__dirname, "../..");
const glob = (g: string) => expand(ROOT, g);

/** A field of stryker.config.mjs itself (an ES module, read by a child Node, MUTATE unset, `env` added). */
function configured<T = string[]>(field: "mutate" | "checkers" | "plugins" | "incrementalFile" | "jsonReporter.fileName", env: Record<string, string> = {}): T {
    const script = `import("./stryker.config.mjs").then((c) => process.stdout.write(JSON.stringify(c.default.${field})))`;
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.MUTATE;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: childEnv, encoding: "utf8" })) as T;
}
const configuredMutate = () => configured("mutate");

describe("mutation scopes", () => {
    const scopes = mutationScopes(ROOT);

    it("mutate every file the Stryker config names (rules, baseline, gate, stack config, components), each in one scope", () => {
        const configured = filesOf(ROOT, configuredMutate());
        assert.ok(configured.length > 150, `${configured.length} files`);
        const owners = new Map<string, string[]>();
        for (const s of scopes) {
            for (const f of filesOf(ROOT, s.mutate)) {
                owners.set(f, [...(owners.get(f) ?? []), s.name]);
            }
        }
        assert.deepStrictEqual(
            configured.filter((f) => owners.get(f)?.length !== 1).map((f) => `${f}: ${owners.get(f)?.join(", ") ?? "no scope"}`),
            [],
        );
        assert.deepStrictEqual(
            [...owners.keys()].filter((f) => !configured.includes(f)),
            [],
        );
    });

    it("each run the specs of its folder, and every spec glob finds a spec", () => {
        const s3 = scopes.find((s) => s.name === "rules-s3");
        // A shared helper folder is tested by every rule spec: its own folder's first, each spec once.
        const lib = scopes.find((s) => s.name === "rules-lib")?.specs ?? [];
        assert.deepStrictEqual(lib.slice(0, 2), ["test/rules/lib/**/*.test.ts", "test/rules/*.test.ts"]);
        const libFiles = lib.flatMap(glob);
        assert.deepStrictEqual([...libFiles].sort(), [...new Set(glob("test/rules/**/*.test.ts"))].sort());
        assert.strictEqual(new Set(libFiles).size, libFiles.length);
        // Elsewhere the catalog specs come first: they kill most static mutants (rule metadata).
        assert.deepStrictEqual(s3?.specs, [
            "test/rules/meta.test.ts",
            "test/rules/defaults.test.ts",
            "test/rules/peers.test.ts",
            "test/rules/preview.test.ts",
            "test/rules/s3/**/*.test.ts",
        ]);
        const gate = scopes.find((s) => s.name === "gate");
        assert.strictEqual(gate?.group, "rules and gate");
        // The gate's in-process specs first, those that start processes last; every gate spec once but the bin's (its mode).
        const gateFiles = gate?.specs ?? [];
        assert.deepStrictEqual(
            [...gateFiles].sort(),
            [...glob("test/gate/**/*.test.ts").filter((f) => f !== "test/gate/bin.test.ts"), "test/plan-cli.test.ts", "test/policy-engine.test.ts"].sort(),
        );
        const firstSpawning = gateFiles.indexOf("test/gate/any-directory.test.ts");
        assert.ok(
            firstSpawning > gateFiles.indexOf("test/gate/mocks.test.ts") && firstSpawning > gateFiles.indexOf("test/policy-engine.test.ts"),
            gateFiles.join(", "),
        );
        assert.ok(gateFiles.indexOf("test/gate/pack-publish.test.ts") > gateFiles.indexOf("test/gate/waivers.test.ts"), gateFiles.join(", "));
        assert.strictEqual(scopes.find((s) => s.name === "components-waf")?.group, "components and config");
        for (const s of scopes) {
            for (const spec of s.specs) {
                assert.ok(glob(spec).length > 0, `${s.name}: ${spec} finds no spec`);
            }
        }
    });
});

describe("mutation checker", () => {
    it("is the fast file checker unless the run asks for Stryker's own, and both are loaded", () => {
        assert.deepStrictEqual(configured("checkers"), ["typescript-files"]);
        assert.deepStrictEqual(configured("checkers", { MUTATE_CHECKER: "files" }), ["typescript-files"]);
        assert.deepStrictEqual(configured("checkers", { MUTATE_CHECKER: "stryker" }), ["typescript"]);
        assert.deepStrictEqual(configured("plugins"), ["@stryker-mutator/*", "./test/mutation/file-checker.mjs"]);
    });
});

describe("mutation results", () => {
    it("keep each scope's incremental file in a committed folder and its reports in the git-ignored one", () => {
        const env = { MUTATE_SCOPE: "rules-s3" };
        assert.strictEqual(configured<string>("incrementalFile", env), "test/mutation/incremental/rules-s3.json");
        assert.strictEqual(configured<string>("jsonReporter.fileName", env), "reports/mutation/rules-s3/mutation.json");
        const ignored = (file: string) => {
            try {
                execFileSync("git", ["check-ignore", "-q", file], { cwd: ROOT });
                return true;
            } catch {
                return false;
            }
        };
        assert.deepStrictEqual([ignored("test/mutation/incremental/rules-s3.json"), ignored("reports/mutation/rules-s3/mutation.json")], [false, true]);
    });
});

describe("mutation scores", () => {
    const mutant = (id: string, status: MutationReport["files"][string]["mutants"][number]["status"], line: number) => ({
        id,
        mutatorName: "ConditionalExpression",
        status,
        location: { start: { line } },
    });
    const report: MutationReport = {
        files: {
            "policy-pack/rules/a.ts": {
                mutants: [mutant("1", "Killed", 3), mutant("2", "Survived", 7), mutant("3", "CompileError", 9), mutant("4", "Timeout", 11)],
            },
            "policy-pack/rules/b.ts": {
                mutants: [mutant("5", "NoCoverage", 2), mutant("6", "Killed", 4), mutant("7", "RuntimeError", 5), mutant("8", "Ignored", 6)],
            },
        },
    };

    it("count detected over valid mutants, as Stryker does (not compiling and ignored do not count)", () => {
        const t = tally(report);
        assert.deepStrictEqual(t, { killed: 2, timeout: 1, survived: 1, noCoverage: 1, invalid: 2, ignored: 1 });
        assert.strictEqual(score(t), 60);
        assert.strictEqual(score(tally({ files: { "x.ts": { mutants: [mutant("1", "CompileError", 1)] } } })), undefined);
    });

    it("list survivors and uncovered mutants by file and line, and which the survivors file does not explain", () => {
        assert.deepStrictEqual(
            survivors(report).map((s) => `${s.file}:${s.line} ${s.status}`),
            ["policy-pack/rules/a.ts:7 Survived", "policy-pack/rules/b.ts:2 NoCoverage"],
        );
        const md = [
            "| file | mutant | why |",
            "| --- | --- | --- |",
            "| `policy-pack/rules/a.ts:7` (and `policy-pack/rules/c.ts:1`) | x | equivalent |",
            "Prose naming `policy-pack/rules/b.ts:2` explains nothing.",
        ].join("\n");
        assert.deepStrictEqual([...explainedPlaces(md)], ["policy-pack/rules/a.ts:7", "policy-pack/rules/c.ts:1"]);
        assert.deepStrictEqual(
            unexplained(survivors(report), md).map((s) => `${s.file}:${s.line}`),
            ["policy-pack/rules/b.ts:2"],
        );
    });

    it("name the files a merged report of part of a scope has not measured (none for a whole report)", () => {
        assert.deepStrictEqual(notMeasured(report), []);
        assert.deepStrictEqual(notMeasured({ ...report, partial: { files: ["policy-pack/rules/c.ts"] } }), ["policy-pack/rules/c.ts"]);
    });
});
