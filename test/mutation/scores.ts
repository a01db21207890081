/**
 * Scores from Stryker's JSON report (mutation-testing-report-schema), computed as Stryker computes
 * its mutation score: detected (killed, timed out) over valid mutants (detected, survived, no
 * coverage). Mutants that do not compile or that throw while loading are not valid and do not count.
 */

/** A mutant's status as the report writes it. */
export type MutantStatus = "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";

/** The part of Stryker's JSON report the scores read. */
export interface MutationReport {
    /** Set only on a report merged from runs of part of a scope: the scope's files none of them measured. */
    partial?: { files: string[] };
    files: Record<string, { mutants: { id: string; mutatorName: string; status: MutantStatus; location: { start: { line: number } } }[] }>;
}

export interface Tally {
    killed: number;
    timeout: number;
    survived: number;
    noCoverage: number;
    /** Mutants that do not compile (the TypeScript checker) or throw at load: not valid, not counted. */
    invalid: number;
    ignored: number;
}

/** A mutant no test detected, as `file:line` (the form the survivors file lists them in). */
export interface Survivor {
    file: string;
    line: number;
    mutator: string;
    status: "Survived" | "NoCoverage";
}

export const emptyTally = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0, ignored: 0 });

export function tally(report: MutationReport): Tally {
    const t = emptyTally();
    for (const file of Object.values(report.files)) {
        for (const m of file.mutants) {
            switch (m.status) {
                case "Killed":
                    t.killed++;
                    break;
                case "Timeout":
                    t.timeout++;
                    break;
                case "Survived":
                    t.survived++;
                    break;
                case "NoCoverage":
                    t.noCoverage++;
                    break;
                case "CompileError":
                case "RuntimeError":
                    t.invalid++;
                    break;
                default:
                    t.ignored++;
            }
        }
    }
    return t;
}

export function add(a: Tally, b: Tally): Tally {
    return {
        killed: a.killed + b.killed,
        timeout: a.timeout + b.timeout,
        survived: a.survived + b.survived,
        noCoverage: a.noCoverage + b.noCoverage,
        invalid: a.invalid + b.invalid,
        ignored: a.ignored + b.ignored,
    };
}

/** The mutation score in percent, or undefined when there is no valid mutant. */
export function score(t: Tally): number | undefined {
    const valid = t.killed + t.timeout + t.survived + t.noCoverage;
    return valid === 0 ? undefined : (100 * (t.killed + t.timeout)) / valid;
}

/** Every survived or uncovered mutant, files relative to the project as Stryker names them. */
export function survivors(report: MutationReport): Survivor[] {
    return Object.entries(report.files).flatMap(([file, f]) =>
        f.mutants
            .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
            .map((m) => ({ file, line: m.location.start.line, mutator: m.mutatorName, status: m.status as Survivor["status"] })),
    );
}

/**
 * The `file:line` places the survivors file explains: every `` `path.ts:N` `` in the first cell of a
 * table row (a row may name several places).
 */
export function explainedPlaces(markdown: string): Set<string> {
    const places = new Set<string>();
    for (const row of markdown.split("\n").filter((l) => l.startsWith("| `"))) {
        const first = row.split(" | ")[0];
        for (const m of first.matchAll(/`([\w./-]+\.ts):(\d+)/g)) {
            places.add(`${m[1]}:${m[2]}`);
        }
    }
    return places;
}

/** Survivors the survivors file does not explain. */
export function unexplained(found: Survivor[], markdown: string): Survivor[] {
    const places = explainedPlaces(markdown);
    return found.filter((s) => !places.has(`${s.file}:${s.line}`));
}

/**
 * The files of its scope a report has no result for yet: a report merged from runs of part of a scope (one
 * stopped, or made file by file) lists them in `partial`, and such a scope is not scored against its target.
 * (Not derived from the scope's globs: Stryker leaves a file with no mutants out of its report.) Stryker's next
 * run of the scope tests those files and writes a whole report without the field.
 */
export function notMeasured(report: MutationReport): string[] {
    return report.partial?.files ?? [];
}
