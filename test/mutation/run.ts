/**
 * `npm run mutate`: runs Stryker (stryker.config.mjs) once per scope of test/mutation/scopes.ts,
 * each with only the specs that test it, then prints the score of every scope and of the two target
 * groups, and the survivors test/mutation-survivors.md does not explain.
 *
 *   npm run mutate                          every scope (hours on 2 cores; incremental after that)
 *   npm run mutate -- --only rules-s3,gate  the named scopes; --list names them all
 *   npm run mutate -- --report              scores of the runs already made, nothing run
 *   npm run mutate -- --only rules-s3 --force   every mutant again, ignoring the incremental file
 *   npm run mutate -- --checker stryker     Stryker's own TypeScript checker instead of file-checker.mjs
 *   npm run mutate -- --only gate --part args,coverage   only those files of the scope, merged into its
 *                                           report (test/mutation/merge.ts); the rest keep their last result
 *
 * --force matters after a spec change meant to kill static mutants (metadata, config schemas,
 * defaults): Stryker's incremental diff re-tests a mutant when its code or a test covering it changed,
 * and a static mutant has no per-test coverage, so its old result is reused (seen with Stryker 9.5).
 *
 * Exit 0 only when every group that was measured in full meets its target and every survivor is
 * explained; 1 otherwise; 2 on bad arguments or when Stryker itself fails.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { mergePart, StrykerReport } from "./merge";
import { filesOf, MutationScope, mutationScopes, TARGETS, TargetGroup } from "./scopes";
import { add, emptyTally, notMeasured, MutationReport, score, survivors, Tally, tally, unexplained } from "./scores";

const ROOT = path.resolve(__dirname, "../..");
const SURVIVORS_FILE = "test/mutation-survivors.md";
/** Unexplained survivors printed; the rest are in the reports. */
const SHOWN = 40;
/** A scope's committed incremental file, and this machine's JSON report of its last run. */
const incremental = (scope: string) => path.join(ROOT, "test/mutation/incremental", `${scope}.json`);
const localReport = (scope: string) => path.join(ROOT, "reports/mutation", scope, "mutation.json");
/**
 * A scope's last result: this machine's report, else the committed incremental file (the same schema,
 * written by the same run), so `--report` on a fresh clone prints the scores the last runs measured.
 */
function reportOf(scope: string): string | undefined {
    return [localReport(scope), incremental(scope)].find((f) => fs.existsSync(f));
}

function usage(message: string): never {
    process.stderr.write(
        `mutate: ${message}\nusage: npm run mutate -- [--only SCOPE[,SCOPE...] [--part FILE[,FILE...]]] [--force] [--checker files|stryker] [--list] [--report]\n`,
    );
    process.exit(2);
}

interface Options {
    scopes: MutationScope[];
    run: boolean;
    list: boolean;
    force: boolean;
    /** "files": test/mutation/file-checker.mjs (the default); "stryker": @stryker-mutator/typescript-checker. */
    checker: "files" | "stryker";
    /** With one scope: only these of its files (paths, or names without `.ts`), merged into its report. */
    part?: string[];
}

function parse(argv: string[], all: MutationScope[]): Options {
    let scopes = all;
    let run = true;
    let list = false;
    let force = false;
    let checker: Options["checker"] = "files";
    let part: string[] | undefined;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--only") {
            const names = (argv[++i] ?? "").split(",").filter(Boolean);
            const unknown = names.filter((n) => !all.some((s) => s.name === n));
            if (names.length === 0 || unknown.length > 0) {
                usage(`--only must name scopes among ${all.map((s) => s.name).join(", ")} (got ${JSON.stringify(argv[i] ?? "")})`);
            }
            scopes = all.filter((s) => names.includes(s.name));
        } else if (a === "--part") {
            part = (argv[++i] ?? "").split(",").filter(Boolean);
        } else if (a === "--report") {
            run = false;
        } else if (a === "--list") {
            list = true;
        } else if (a === "--force") {
            force = true;
        } else if (a === "--checker") {
            const name = argv[++i];
            if (name !== "files" && name !== "stryker") {
                usage(`--checker must be "files" (test/mutation/file-checker.mjs) or "stryker" (got ${JSON.stringify(name ?? "")})`);
            }
            checker = name;
        } else {
            usage(`unknown argument ${JSON.stringify(a)}`);
        }
    }
    if (part !== undefined) {
        if (scopes.length !== 1) {
            usage(`--part needs --only naming exactly one scope (got ${scopes.length === all.length ? "none" : scopes.map((s) => s.name).join(", ")})`);
        }
        const files = filesOf(ROOT, scopes[0].mutate);
        const given = part;
        const names = (f: string, p: string) => f === p || path.basename(f, ".ts") === p;
        part = files.filter((f) => given.some((p) => names(f, p)));
        const unknown = given.filter((p) => !files.some((f) => names(f, p)));
        if (given.length === 0 || unknown.length > 0) {
            usage(
                `--part must name files of scope ${scopes[0].name} among ${files.map((f) => path.basename(f, ".ts")).join(", ")} (got ${JSON.stringify(unknown.join(",") || argv.join(" "))})`,
            );
        }
    }
    return { scopes, run, list, force, checker, part };
}

const readReport = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as StrykerReport;

function runScope(scope: MutationScope, force: boolean, checker: Options["checker"], part?: string[]): void {
    // A part runs as its own Stryker scope, seeded with the scope's last result so unchanged mutants are reused.
    const name = part === undefined ? scope.name : `${scope.name}.part`;
    const mutate = part ?? scope.mutate;
    const previous = reportOf(scope.name);
    if (part !== undefined && previous !== undefined) {
        fs.copyFileSync(previous, incremental(name));
    }
    process.stdout.write(`\n== ${scope.name}: ${mutate.join(" ")} with ${scope.specs.join(" ")}\n`);
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...(force ? ["--force"] : [])], {
        cwd: ROOT,
        stdio: "inherit",
        env: {
            ...process.env,
            SECURE_API_MUTATION_RUN: "1",
            MUTATE_SCOPE: name,
            MUTATE: mutate.join(","),
            MUTATE_SPEC: scope.specs.join(","),
            MUTATE_TRANSPILER: scope.transpiler,
            MUTATE_CHECKER: checker,
            MUTATE_IGNORE_STATIC: scope.ignoreStatic ? "1" : "",
        },
    });
    if (result.status !== 0) {
        process.stderr.write(`mutate: Stryker failed on scope ${name} (exit ${result.status ?? result.signal})\n`);
        process.exit(2);
    }
    if (part !== undefined) {
        const merged = mergePart(filesOf(ROOT, scope.mutate), previous === undefined ? undefined : readReport(previous), readReport(incremental(name)), part);
        fs.writeFileSync(incremental(scope.name), JSON.stringify(merged));
        // This machine's full report of the scope, if any, is now older than the merged one.
        fs.rmSync(localReport(scope.name), { force: true });
        fs.rmSync(incremental(name));
        process.stdout.write(`mutate: ${part.length} file(s) merged into ${path.relative(ROOT, incremental(scope.name))}\n`);
    }
}

const pct = (t: Tally) => {
    const s = score(t);
    return s === undefined ? "-" : `${s.toFixed(1)}%`;
};
const row = (name: string, t: Tally) =>
    `${name.padEnd(28)} ${pct(t).padStart(7)}  killed ${t.killed + t.timeout}, survived ${t.survived}, no coverage ${t.noCoverage}, not compiling ${t.invalid}${t.ignored > 0 ? `, ignored ${t.ignored} (static, not measured)` : ""}`;

function main(): number {
    const all = mutationScopes(ROOT);
    const { scopes, run, list, force, checker, part } = parse(process.argv.slice(2), all);
    if (list) {
        all.forEach((s) => process.stdout.write(`${s.name.padEnd(28)} ${s.group}: ${s.mutate[0]}\n`));
        return 0;
    }
    if (run) {
        scopes.forEach((s) => runScope(s, force, checker, part));
    }
    const explanations = fs.readFileSync(path.join(ROOT, SURVIVORS_FILE), "utf8");
    const groups = new Map<TargetGroup, { tally: Tally; measured: number; of: number }>();
    const lines: string[] = [];
    const open: string[] = [];
    for (const scope of all) {
        const g = groups.get(scope.group) ?? { tally: emptyTally(), measured: 0, of: 0 };
        g.of++;
        groups.set(scope.group, g);
        const file = reportOf(scope.name);
        if (file === undefined) {
            lines.push(`${scope.name.padEnd(28)} not run yet`);
            continue;
        }
        const report = JSON.parse(fs.readFileSync(file, "utf8")) as MutationReport;
        const t = tally(report);
        const missing = notMeasured(report);
        if (missing.length > 0) {
            lines.push(`${row(scope.name, t)}\n${"".padEnd(28)} partly measured (not yet: ${missing.join(", ")})`);
        } else {
            g.tally = add(g.tally, t);
            g.measured++;
            lines.push(row(scope.name, t));
        }
        open.push(...unexplained(survivors(report), explanations).map((s) => `  ${s.file}:${s.line} ${s.mutator} (${s.status})`));
    }
    process.stdout.write(`\nMutation scores (reports/mutation/<scope>/index.html):\n${lines.join("\n")}\n\n`);
    let ok = open.length === 0;
    for (const [group, g] of groups) {
        const s = score(g.tally);
        const complete = g.measured === g.of;
        const met = complete && s !== undefined && s >= TARGETS[group];
        ok &&= met;
        const state = complete ? (met ? "meets" : "BELOW") : `${g.measured} of ${g.of} scopes measured, not yet judged against`;
        process.stdout.write(`${row(group, g.tally)}\n  ${state} the ${TARGETS[group]}% target\n`);
    }
    process.stdout.write(
        open.length === 0
            ? `\nEvery survivor is explained in ${SURVIVORS_FILE}.\n`
            : `\n${open.length} survivor(s) not explained in ${SURVIVORS_FILE}:\n${[...open.slice(0, SHOWN), ...(open.length > SHOWN ? [`  … and ${open.length - SHOWN} more (each scope's mutation.json)`] : [])].join("\n")}\n`,
    );
    return ok ? 0 : 1;
}

process.exitCode = main();
