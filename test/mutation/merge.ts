/**
 * Merging a run of part of a scope into the scope's report (`npm run mutate -- --only gate --part
 * args,coverage`). A scope too slow to measure in one run (the gate: hours on 2 cores, and Stryker writes
 * its result only at the end) is measured file by file; each part's report replaces those files' results
 * in the scope's report, and `partial.files` lists the files no part has measured yet, so `--report`
 * shows the scope as partly measured and leaves it out of its group's score until the list is empty.
 *
 * Reports are Stryker's JSON (mutation-testing-report-schema), also its incremental file: mutant ids and
 * test ids are only unique within one report, so the merge renumbers them. A test is the same test in
 * both reports when its spec file and full name are the same (what Stryker's incremental diff matches on).
 */

/** A test as a report lists it under its spec file. */
export interface ReportTest {
    id: string;
    name: string;
    location?: { start: { line: number; column: number } };
}

/** A mutant as a report holds it; fields the merge does not read pass through unchanged. */
export interface ReportMutant {
    id: string;
    coveredBy?: string[];
    killedBy?: string[];
    [field: string]: unknown;
}

/** Stryker's JSON report, with the `partial` field the merge adds. */
export interface StrykerReport {
    files: Record<string, { mutants: ReportMutant[]; [field: string]: unknown }>;
    testFiles?: Record<string, { tests: ReportTest[]; source?: string }>;
    /** The scope's files no run has measured yet; absent once every file is measured. */
    partial?: { files: string[] };
    [field: string]: unknown;
}

/** Ids of tests, by spec file and name, shared by every report being merged. */
class TestIds {
    readonly testFiles: NonNullable<StrykerReport["testFiles"]> = {};
    private readonly ids = new Map<string, string>();
    private count = 0;

    /** The remapping of one report's test ids to merged ids. */
    add(report: StrykerReport): Map<string, string> {
        const remap = new Map<string, string>();
        for (const [file, entry] of Object.entries(report.testFiles ?? {})) {
            const merged = (this.testFiles[file] ??= { tests: [] });
            if (merged.source === undefined && entry.source !== undefined) {
                merged.source = entry.source;
            }
            for (const test of entry.tests) {
                const key = JSON.stringify([file, test.name]);
                let id = this.ids.get(key);
                if (id === undefined) {
                    id = String(this.count++);
                    this.ids.set(key, id);
                    merged.tests.push({ ...test, id });
                }
                remap.set(test.id, id);
            }
        }
        return remap;
    }
}

function remapIds(ids: string[] | undefined, remap: Map<string, string>, file: string): string[] | undefined {
    return ids?.map((id) => {
        const to = remap.get(id);
        if (to === undefined) {
            throw new Error(`mutation report for ${file}: a mutant names test ${JSON.stringify(id)}, which the report does not list`);
        }
        return to;
    });
}

/**
 * The scope's report after a run of `partFiles` (the files that run mutated, including any with no mutants,
 * which Stryker leaves out of its report): the part's results for those files, the previous report's for the
 * others. `previous` undefined means no file of the scope was measured before.
 */
export function mergePart(
    scopeFiles: readonly string[],
    previous: StrykerReport | undefined,
    part: StrykerReport,
    partFiles: readonly string[],
): StrykerReport {
    const outside = partFiles.filter((f) => !scopeFiles.includes(f));
    if (outside.length > 0) {
        throw new Error(`--part names ${outside.join(", ")}, not in the scope (its files: ${scopeFiles.join(", ")})`);
    }
    const stray = Object.keys(part.files).filter((f) => !partFiles.includes(f));
    if (stray.length > 0) {
        throw new Error(`the part's report holds ${stray.join(", ")}, which the part did not name: refusing to merge it`);
    }
    const notYet = (previous === undefined ? scopeFiles : (previous.partial?.files ?? [])).filter((f) => scopeFiles.includes(f) && !partFiles.includes(f));
    const { files: _files, testFiles: _tests, partial: _partial, ...meta } = part;
    const tests = new TestIds();
    const files: StrykerReport["files"] = {};
    let mutantId = 0;
    const take = (report: StrykerReport, keep: (file: string) => boolean) => {
        const remap = tests.add(report);
        for (const [file, result] of Object.entries(report.files)) {
            if (keep(file)) {
                files[file] = {
                    ...result,
                    mutants: result.mutants.map((m) => ({
                        ...m,
                        id: String(mutantId++),
                        ...(m.coveredBy === undefined ? {} : { coveredBy: remapIds(m.coveredBy, remap, file) }),
                        ...(m.killedBy === undefined ? {} : { killedBy: remapIds(m.killedBy, remap, file) }),
                    })),
                };
            }
        }
    };
    // The part first: where both reports list a spec file or test, the part's (newer) source and location win.
    take(part, () => true);
    if (previous !== undefined) {
        take(previous, (f) => !partFiles.includes(f) && scopeFiles.includes(f));
    }
    return { ...meta, files, testFiles: tests.testFiles, ...(notYet.length > 0 ? { partial: { files: [...notYet].sort() } } : {}) };
}
