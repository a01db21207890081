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

/** Stryker's view: the checker plugin's results for the mutants, checked in this order by one checker. */
function check(mutants: Mutant[]): Record<string, { status: string; reason?: string }> {
    const script = `
        import { StrykerFileChecker, strykerPlugins } from ${JSON.stringify(path.join(ROOT, "test/mutation/file-checker.mjs"))};
        const checker = new StrykerFileChecker({}, { tsconfigFile: ${JSON.stringify(`${PROJECT}/tsconfig.json`)} });
        await checker.init();
        const results = {};
        for (const m of JSON.parse(process.argv[1])) Object.assign(results, await checker.check([m]));
        console.log(JSON.stringify({ plugin: strykerPlugins.map((p) => [p.kind, p.name]), results }));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(mutants)], { cwd: ROOT, encoding: "utf8" });
    const parsed = JSON.parse(out) as { plugin: [string, string][]; results: Record<string, { status: string; reason?: string }> };
    assert.deepStrictEqual(parsed.plugin, [["Checker", "typescript-files"]]);
    return parsed.results;
}

describe("mutation: the fast TypeScript checker", function () {
    this.timeout(60_000);

    it("flags errors in the mutated file and in importers its change reaches, and passes what compiles", () => {
        const results = check([
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
        ]);
        assert.deepStrictEqual(Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.status])), {
            "own-error": "compileError",
            compiles: "passed",
            "importer-error": "compileError",
            "same-exports": "passed",
            "unused-local": "passed",
        });
        assert.match(results["own-error"].reason ?? "", /rule\.ts\(9\): Type '""' is not assignable to type 'Level'/);
        assert.match(results["importer-error"].reason ?? "", /rule\.ts\(6\): Type '7200' is not assignable to type '3600'/);
    });
});
