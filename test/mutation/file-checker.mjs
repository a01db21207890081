// A Stryker checker (plugin "typescript-files") that judges a mutant "does not compile" exactly as
// `tsc -p <tsconfig>` would, about ten times faster than @stryker-mutator/typescript-checker on this
// project's 2-core machines: it keeps one TypeScript language service and, per mutant, re-checks the
// mutated file and only the files its change can reach.
//
// For a mutant in file F it checks F (syntax and types). When F still compiles, it compares F's
// declaration output (.d.ts) with the original's: when they are equal, no other file can see the
// change, because what a module exports is exactly what its declarations say. When they differ, it
// checks F's importers the same way, and so on. Mutants of different files are checked in one program
// (groups of up to GROUP_SIZE) when none changes its file's declarations, else each alone: a program
// costs about a second here whatever it checks. Stryker's checker instead rebuilds the project per
// mutant (about 4 s here); `npm run mutate -- --checker stryker` still uses it, and
// test/mutation/file-checker.test.ts checks that both judge the same mutants on sample files.
//
// Written as JavaScript because Stryker loads plugins with `import()`, without ts-node.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import { CheckStatus } from "@stryker-mutator/api/check";
import { commonTokens, declareClassPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";

/** @typedef {{ fileName: string, location: { start: { line: number, column: number }, end: { line: number, column: number } }, replacement: string, id: string }} MutantLike */

const norm = (f) => path.resolve(f).split(path.sep).join("/");

/** The language-service side of the checker, usable without Stryker (the spec drives it directly). */
export class FileTypeChecker {
    /** @param {string} tsconfigFile */
    constructor(tsconfigFile) {
        const configPath = path.resolve(tsconfigFile);
        const read = ts.readConfigFile(configPath, ts.sys.readFile);
        if (read.error) {
            throw new Error(`file-checker: cannot read ${tsconfigFile}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
        }
        const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
        // As Stryker's checker: code-quality options off (a mutant may leave a local unused or code unreachable;
        // that is not a compile error). Declarations are emitted in memory only, to tell whether a change
        // is visible to importers.
        this.options = {
            ...parsed.options,
            allowUnreachableCode: true,
            noUnusedLocals: false,
            noUnusedParameters: false,
            noEmit: false,
            declaration: true,
            emitDeclarationOnly: true,
            incremental: false,
            composite: false,
        };
        /** @type {Map<string, { text: string, version: number }>} */
        this.files = new Map(parsed.fileNames.map((f) => [norm(f), { text: fs.readFileSync(f, "utf8"), version: 0 }]));
        /** @type {Map<string, string>} the original text of the project's files */
        this.originals = new Map([...this.files].map(([f, s]) => [f, s.text]));
        const host = {
            getScriptFileNames: () => [...this.files.keys()],
            getScriptVersion: (f) => String(this.files.get(norm(f))?.version ?? 0),
            getScriptSnapshot: (f) => {
                const own = this.files.get(norm(f));
                const text = own ? own.text : ts.sys.readFile(f);
                return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
            },
            getCurrentDirectory: () => path.dirname(configPath),
            getCompilationSettings: () => this.options,
            getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
            fileExists: ts.sys.fileExists,
            readFile: ts.sys.readFile,
            readDirectory: ts.sys.readDirectory,
            directoryExists: ts.sys.directoryExists,
            getDirectories: ts.sys.getDirectories,
        };
        this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
        /** @type {Map<string, string>} the original declaration output of each file, computed when first needed */
        this.declarations = new Map();
        this.importers = this.importGraph();
    }

    /** Which project files import each project file. */
    importGraph() {
        const program = this.service.getProgram();
        /** @type {Map<string, Set<string>>} */
        const importers = new Map();
        for (const file of this.files.keys()) {
            const source = program.getSourceFile(file);
            for (const imported of source?.imports ?? []) {
                const resolved = ts.resolveModuleName(imported.text, file, this.options, ts.sys).resolvedModule;
                const target = resolved && norm(resolved.resolvedFileName);
                if (target && this.files.has(target)) {
                    importers.set(target, (importers.get(target) ?? new Set()).add(file));
                }
            }
        }
        return importers;
    }

    /** Every error of the unmutated project (a dry run: Stryker needs a project that compiles). */
    projectErrors() {
        return [...this.files.keys()].flatMap((f) => this.errors(f));
    }

    /** @param {string} file */
    errors(file) {
        // The program's diagnostics, not the service's: the service adds declaration-emit errors, which `tsc --noEmit` does not give.
        const program = this.service.getProgram();
        const source = program.getSourceFile(file);
        return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].filter(
            (d) => d.category === ts.DiagnosticCategory.Error,
        );
    }

    /** @param {string} file */
    declaration(file) {
        const out = this.service.getEmitOutput(file, true);
        return out.outputFiles.map((o) => o.text).join("\n");
    }

    /** @param {string} file @param {string} text */
    write(file, text) {
        const entry = this.files.get(file);
        entry.text = text;
        entry.version++;
    }

    /** The mutated text of a mutant's file. @param {MutantLike} mutant */
    mutated(mutant) {
        const file = norm(mutant.fileName);
        const original = this.originals.get(file);
        const source = ts.createSourceFile(file, original, ts.ScriptTarget.Latest, false);
        const start = source.getPositionOfLineAndCharacter(mutant.location.start.line, mutant.location.start.column);
        const end = source.getPositionOfLineAndCharacter(mutant.location.end.line, mutant.location.end.column);
        return `${original.slice(0, start)}${mutant.replacement}${original.slice(end)}`;
    }

    /** Applies mutants (at most one per file), runs `fn`, and restores every file. */
    withMutants(mutants, fn) {
        const files = mutants.map((m) => norm(m.fileName));
        try {
            mutants.forEach((m, i) => this.write(files[i], this.mutated(m)));
            return fn(files);
        } finally {
            files.forEach((f) => this.write(f, this.originals.get(f)));
        }
    }

    /**
     * The declaration output of the unmutated `file`, computed once; `applied` are the mutants applied now,
     * undone meanwhile. @param {string} file @param {MutantLike[]} applied
     */
    originalDeclaration(file, applied = []) {
        if (!this.declarations.has(file)) {
            applied.forEach((m) => this.write(norm(m.fileName), this.originals.get(norm(m.fileName))));
            this.declarations.set(file, this.declaration(file));
            applied.forEach((m) => this.write(norm(m.fileName), this.mutated(m)));
        }
        return this.declarations.get(file);
    }

    /** Whether a file's mutated declarations differ from its original ones. */
    changesDeclarations(file, applied) {
        return this.declaration(file) !== this.originalDeclaration(file, applied);
    }

    /**
     * The errors a mutant causes, in the mutated file or any file its change reaches; none when it compiles.
     * @param {MutantLike} mutant
     */
    mutantErrors(mutant) {
        if (!this.originals.has(norm(mutant.fileName))) {
            return []; // not part of the TypeScript project: nothing to check
        }
        return this.withMutants([mutant], ([file]) => {
            const queue = [file];
            const seen = new Set(queue);
            while (queue.length > 0) {
                const next = queue.shift();
                const errors = this.errors(next);
                if (errors.length > 0) {
                    return errors;
                }
                if (this.changesDeclarations(next, [mutant])) {
                    for (const importer of this.importers.get(next) ?? []) {
                        if (!seen.has(importer)) {
                            seen.add(importer);
                            queue.push(importer);
                        }
                    }
                }
            }
            return [];
        });
    }

    /**
     * The errors of each mutant of a group (at most one per file), checked in one program: a file's errors are
     * its mutant's when no mutant of the group changes its file's declarations (nothing else then sees any
     * change); otherwise each mutant is checked alone. One program for the group shares its cost (the
     * checker's view of @pulumi/aws and the rest), about a second here, among the group's mutants.
     * @param {MutantLike[]} mutants @returns {Map<string, ts.Diagnostic[]>}
     */
    groupErrors(mutants) {
        const inProject = mutants.filter((m) => this.originals.has(norm(m.fileName)));
        const result = new Map(mutants.map((m) => [m.id, []]));
        const files = inProject.map((m) => norm(m.fileName));
        if (new Set(files).size !== files.length) {
            throw new Error(`file-checker: a group holds two mutants of one file (${files.join(", ")})`);
        }
        if (inProject.length <= 1) {
            inProject.forEach((m) => result.set(m.id, this.mutantErrors(m)));
            return result;
        }
        const alone = this.withMutants(inProject, () => {
            if (files.some((f) => this.changesDeclarations(f, inProject))) {
                return true;
            }
            inProject.forEach((m, i) => result.set(m.id, this.errors(files[i])));
            return false;
        });
        if (alone) {
            inProject.forEach((m) => result.set(m.id, this.mutantErrors(m)));
        }
        return result;
    }
}

/** Mutants checked in one program at most (one per file). */
export const GROUP_SIZE = 8;

/**
 * Groups of mutant ids for {@link FileTypeChecker.groupErrors}: at most {@link GROUP_SIZE}, one mutant per file,
 * taken from the files in turn. @param {MutantLike[]} mutants @returns {string[][]}
 */
export function groupMutants(mutants) {
    /** @type {Map<string, MutantLike[]>} */
    const byFile = new Map();
    mutants.forEach((m) => byFile.set(norm(m.fileName), [...(byFile.get(norm(m.fileName)) ?? []), m]));
    const queues = [...byFile.values()];
    const groups = [];
    let group = [];
    while (queues.some((q) => q.length > 0)) {
        for (const q of queues) {
            if (q.length > 0) {
                group.push(q.shift().id);
                if (group.length === GROUP_SIZE) {
                    groups.push(group);
                    group = [];
                }
            }
        }
        if (group.length > 0) {
            groups.push(group);
            group = [];
        }
    }
    return groups;
}

const describe = (errors) =>
    errors
        .slice(0, 3)
        .map((d) => {
            const where = d.file ? `${path.relative(process.cwd(), d.file.fileName)}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : "";
            return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
        })
        .join("; ");

export class StrykerFileChecker {
    static inject = tokens(commonTokens.logger, commonTokens.options);
    constructor(logger, options) {
        this.logger = logger;
        this.tsconfigFile = options.tsconfigFile ?? "tsconfig.json";
    }
    async init() {
        this.checker = new FileTypeChecker(this.tsconfigFile);
        const errors = this.checker.projectErrors();
        if (errors.length > 0) {
            throw new Error(`file-checker: the unmutated project does not compile: ${describe(errors)}`);
        }
    }
    /** @param {MutantLike[]} mutants */
    async group(mutants) {
        return groupMutants(mutants);
    }
    /** @param {MutantLike[]} mutants */
    async check(mutants) {
        const errors = this.checker.groupErrors(mutants);
        return Object.fromEntries(
            mutants.map((m) => {
                const e = errors.get(m.id);
                return [m.id, e.length > 0 ? { status: CheckStatus.CompileError, reason: describe(e) } : { status: CheckStatus.Passed }];
            }),
        );
    }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Checker, "typescript-files", StrykerFileChecker)];
