/**
 * The fast checker (test/mutation/file-checker.mjs) judges a mutant "does not compile" as `tsc` with
 * Stryker's overrides would: errors in the mutated file, errors a changed export causes in importers,
 * and no error for code-quality options Stryker turns off. It runs as ESM, as Stryker loads it.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const PROJECT = "test/fixtures/file-checker";

interface Mutant {
    id: string;
    fileName: string;
    location: { start: { line: number; column: number }; end: { line: number; column: number } };
    replacement: string;
}

/** Mutant `id` replacing the one occurrence of `original` in the fixture's `file` with `replacement`. */
function mutant(id: string, file: string, original: string, replacement: string): Mutant {
    const text = fs.readFileSync(path.join(ROOT, PROJECT, file), "utf8");
    const at = text.indexOf(original);
    assert.ok(at >= 0 && text.indexOf(original, at + 1) < 0, `${original} once in ${file}`);
    const position = (offset: number) => {
        const before = text.slice(0, offset).split("\n");
        return { line: before.length - 1, column: before[before.length - 1].length };
    };
    return { id, fileName: `${PROJECT}/${file}`, location: { start: position(at), end: position(at + original.length) }, replacement };
}

type Results = Record<string, { status: string; reason?: string }>;

/**
 * Stryker's view: the checker plugin's results for groups of mutants, checked in this order by one checker
 * (a group of one is a mutant alone), and the groups it makes of all of them.
 */
function check(groups: Mutant[][]): { results: Results; grouped: string[][] } {
    const script = `
        import { StrykerFileChecker, strykerPlugins } from ${JSON.stringify(path.join(ROOT, "test/mutation/file-checker.mjs"))};
        const checker = new StrykerFileChecker({}, { tsconfigFile: ${JSON.stringify(`${PROJECT}/tsconfig.json`)} });
        await checker.init();
        const groups = JSON.parse(process.argv[1]);
        const results = {};
        for (const g of groups) Object.assign(results, await checker.check(g));
        const grouped = await checker.group(groups.flat());
        console.log(JSON.stringify({ plugin: strykerPlugins.map((p) => [p.kind, p.name]), results, grouped }));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(groups)], { cwd: ROOT, encoding: "utf8" });
    const parsed = JSON.parse(out) as { plugin: [string, string][]; results: Results; grouped: string[][] };
    assert.deepStrictEqual(parsed.plugin, [["Checker", "typescript-files"]]);
    return parsed;
}

const statuses = (results: Results) => Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.status]));

describe("mutation: the fast TypeScript checker", function () {
    this.timeout(60_000);

    it("flags errors in the mutated file and in importers its change reaches, and passes what compiles", () => {
        const { results } = check(
            [
                // An error in the mutated file itself.
                mutant("own-error", "rule.ts", '? "mandatory"', '? ""'),
                // Compiles: the same file right after, so the previous mutant was undone.
                mutant("compiles", "rule.ts", "> cap", ">= cap"),
                // The export's type changes (3600 → 7200), and only the importer rule.ts fails.
                mutant("importer-error", "limits.ts", "3600", "7200"),
                // A body change that leaves the exports as they were: nothing else is checked, nothing fails.
                mutant("same-exports", "limits.ts", "Math.min", "Math.max"),
                // noUnusedLocals is on in the fixture, off for mutants (as Stryker's checker): `cap` unused is no error.
                mutant("unused-local", "rule.ts", '{\n    return clamp(ttl) > cap ? "mandatory" : "advisory";\n}', '{ return "advisory"; }'),
            ].map((m) => [m]),
        );
        assert.deepStrictEqual(statuses(results), {
            "own-error": "compileError",
            compiles: "passed",
            "importer-error": "compileError",
            "same-exports": "passed",
            "unused-local": "passed",
        });
        assert.match(results["own-error"].reason ?? "", /rule\.ts\(9\): Type '""' is not assignable to type 'Level'/);
        assert.match(results["importer-error"].reason ?? "", /rule\.ts\(6\): Type '7200' is not assignable to type '3600'/);
    });

    it("checks mutants of different files in one program, each alone when one changes its file's exports", () => {
        const { results, grouped } = check([
            // Neither changes its file's declarations: one program, each file's errors are its mutant's.
            [mutant("own-error", "rule.ts", '? "mandatory"', '? ""'), mutant("same-exports", "limits.ts", "Math.min", "Math.max")],
            // limits.ts's declarations change: both are checked alone, and the importer's error is the limit's.
            [mutant("compiles", "rule.ts", "> cap", ">= cap"), mutant("importer-error", "limits.ts", "3600", "7200")],
        ]);
        assert.deepStrictEqual(statuses(results), {
            "own-error": "compileError",
            "same-exports": "passed",
            compiles: "passed",
            "importer-error": "compileError",
        });
        // Groups take one mutant of each file in turn: never two of one file.
        assert.deepStrictEqual(grouped, [
            ["own-error", "same-exports"],
            ["compiles", "importer-error"],
        ]);
    });
});
