/**
 * Type-checks a TypeScript program before it runs, as `pulumi preview` does
 * (Pulumi's nodejs runtime registers ts-node with type checking unless told
 * otherwise). The same opt-outs apply: `PULUMI_NODEJS_TRANSPILE_ONLY=true`,
 * `"noCheck": true` in the tsconfig (`PULUMI_NODEJS_TSCONFIG_PATH`, default
 * `tsconfig.json` in the project directory) and `runtime.options.typescript:
 * false` in Pulumi.yaml. JavaScript programs are not checked. A clean result
 * is cached by the content of every program file and the versions of its
 * packages, so an unchanged program is not checked twice.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as TS from "typescript";
import { packageFor } from "./sdk";

const GATE_ROOT = path.resolve(__dirname, "..", "..");

/** The program fails type-checking: exit 2 with every error and its location. */
export class TypeCheckError extends Error {}

/** ts-node's default ignored diagnostics: 6059 (rootDir), 18002 / 18003 (no inputs in the tsconfig). */
const IGNORED = new Set([6059, 18002, 18003]);
const MAX_LISTED = 20;

export interface TypeCheckTarget {
    /** The program's entry file (resolved). */
    entryFile: string;
    /** The project directory (Pulumi.yaml's; where Pulumi runs the program and looks for the tsconfig). */
    projectDir: string;
    /** Pulumi.yaml `runtime.options.typescript`. @default true */
    typescript?: boolean;
}

/** Why a program is not type-checked, or undefined when it is. */
export function typeCheckSkipped(target: TypeCheckTarget, env: NodeJS.ProcessEnv = process.env): string | undefined {
    if (!/\.(ts|tsx|mts|cts)$/.test(target.entryFile) || target.entryFile.endsWith(".d.ts")) {
        return "a JavaScript program";
    }
    if (target.typescript === false) {
        return "runtime.options.typescript is false in Pulumi.yaml";
    }
    const flag = env["PULUMI_NODEJS_TRANSPILE_ONLY"];
    if (flag) {
        return flag === "true" ? "PULUMI_NODEJS_TRANSPILE_ONLY=true" : undefined;
    }
    return undefined;
}

/** The TypeScript a program is checked with: its own, else the gate's (loaded only when a check runs: ~9 MB of JS). */
function typescriptDir(projectDir: string): string {
    return packageFor("typescript", projectDir)?.dir ?? path.dirname(require.resolve("typescript/package.json"));
}

/** What a cached result depends on besides the files: TypeScript's version, the entry, the tsconfig's text (and its extends'), the types fallback. */
function cacheKey(target: TypeCheckTarget, env: NodeJS.ProcessEnv): string {
    const version = (JSON.parse(fs.readFileSync(path.join(typescriptDir(target.projectDir), "package.json"), "utf8")) as { version: string }).version;
    const tsconfig = path.resolve(target.projectDir, env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? "tsconfig.json");
    const text = fs.existsSync(tsconfig) ? fs.readFileSync(tsconfig, "utf8") : "";
    const base = /"extends"\s*:\s*"(\.[^"]+)"/.exec(text)?.[1];
    const baseFile = base ? path.resolve(path.dirname(tsconfig), base.endsWith(".json") ? base : `${base}.json`) : undefined;
    const baseText = baseFile && fs.existsSync(baseFile) ? fs.readFileSync(baseFile, "utf8") : "";
    return hash(JSON.stringify([version, target.entryFile, tsconfig, text, baseText, hasOwnTypes(target.projectDir)]));
}

/** The compiler options as ts-node would use them, and the tsconfig's `noCheck`. */
function compilerOptions(ts: typeof TS, projectDir: string, env: NodeJS.ProcessEnv): { options: TS.CompilerOptions; noCheck: boolean; tsconfig?: string } {
    const tsconfig = path.resolve(projectDir, env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? "tsconfig.json");
    const defaults: TS.CompilerOptions = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
    if (!fs.existsSync(tsconfig)) {
        return { options: defaults, noCheck: false };
    }
    const read = ts.readConfigFile(tsconfig, (f) => ts.sys.readFile(f));
    if (read.error) {
        throw new TypeCheckError(`${path.relative(process.cwd(), tsconfig)}: ${ts.flattenDiagnosticMessageText(read.error.messageText, "\n")}`);
    }
    // Only the compiler options count (ts-node checks the files the program loads), so the include globs are not walked.
    const parsed = ts.parseJsonConfigFileContent({ ...read.config, files: [], include: [] }, ts.sys, path.dirname(tsconfig), undefined, tsconfig);
    if (parsed.errors.some((e) => !IGNORED.has(e.code))) {
        throw new TypeCheckError(
            `${path.relative(process.cwd(), tsconfig)}: ${parsed.errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, " ")).join("; ")}`,
        );
    }
    const noCheck = (parsed.options as { noCheck?: boolean }).noCheck === true;
    return { options: { ...parsed.options, noEmit: true }, noCheck, tsconfig };
}

/** Resolves modules as Node does for the run: the program's node_modules first, then the gate's. */
function fallbackHost(ts: typeof TS, options: TS.CompilerOptions): TS.CompilerHost {
    const host = ts.createCompilerHost(options);
    const gateAnchor = path.join(GATE_ROOT, "index.ts");
    host.resolveModuleNames = (names, containingFile) =>
        names.map(
            (name) =>
                ts.resolveModuleName(name, containingFile, options, host).resolvedModule ??
                ts.resolveModuleName(name, gateAnchor, options, host).resolvedModule,
        );
    return host;
}

function hasOwnTypes(dir: string): boolean {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, "node_modules", "@types"))) {
            return true;
        }
        if (path.dirname(d) === d) {
            return false;
        }
    }
}

interface CacheEntry {
    files: [string, string][];
}

const cacheDir = () => process.env["SECURE_API_GATE_CACHE"] ?? path.join(os.tmpdir(), "secure-api-gate-cache");
const hash = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** The installed package a file belongs to (`.../node_modules/@scope/name`), if any. */
function packageDir(file: string): string | undefined {
    const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) {
        return undefined;
    }
    const rest = file.slice(at + "/node_modules/".length).split(path.sep);
    return file.slice(0, at + "/node_modules/".length) + rest.slice(0, rest[0].startsWith("@") ? 2 : 1).join(path.sep);
}

/**
 * What a check depends on: the content of the program's own files; for an
 * installed package, its package.json (name, version: an install or upgrade changes it).
 */
function fingerprints(files: string[]): [string, string][] {
    const out = new Map<string, string>();
    for (const file of files) {
        const pkg = packageDir(file);
        const key = pkg ? path.join(pkg, "package.json") : file;
        if (!out.has(key)) {
            out.set(key, fingerprint(key, pkg !== undefined));
        }
    }
    return [...out];
}

function fingerprint(file: string, installed: boolean): string {
    if (!fs.existsSync(file)) {
        return "missing";
    }
    const st = fs.statSync(file);
    return hash(`${installed ? `${st.size}:${st.mtimeMs}:` : ""}${fs.readFileSync(file, "utf8")}`);
}

function cachedClean(file: string): boolean {
    try {
        const entry = JSON.parse(fs.readFileSync(file, "utf8")) as CacheEntry;
        return entry.files.every(([f, print]) => fingerprint(f, packageDir(f) !== undefined) === print);
    } catch {
        return false;
    }
}

function formatDiagnostic(ts: typeof TS, d: TS.Diagnostic): string {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n    ");
    if (!d.file || d.start === undefined) {
        return `error TS${d.code}: ${text}`;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(process.cwd(), d.file.fileName) || d.file.fileName}:${line + 1}:${character + 1} - error TS${d.code}: ${text}`;
}

/**
 * Type-checks the program as `pulumi preview` would (only the files the
 * entry imports, as ts-node checks what it loads). Throws TypeCheckError
 * listing the errors. Returns why it was skipped, or undefined when it ran (or was cached clean).
 */
export function typeCheck(target: TypeCheckTarget, env: NodeJS.ProcessEnv = process.env): string | undefined {
    const skipped = typeCheckSkipped(target, env);
    if (skipped) {
        return skipped;
    }
    const cache = path.join(cacheDir(), `${cacheKey(target, env)}.json`);
    if (cachedClean(cache)) {
        return undefined;
    }
    const ts = require(typescriptDir(target.projectDir)) as typeof TS;
    const { options, noCheck, tsconfig } = compilerOptions(ts, target.projectDir, env);
    if (noCheck && !env["PULUMI_NODEJS_TRANSPILE_ONLY"]) {
        return `"noCheck": true in ${path.relative(process.cwd(), tsconfig!)}`;
    }
    // A program without type declarations of its own is checked against the gate's, as it runs on the gate's packages.
    if (options.types === undefined && options.typeRoots === undefined && !hasOwnTypes(target.projectDir)) {
        options.typeRoots = [path.join(GATE_ROOT, "node_modules", "@types")];
        options.types = ["node"];
    }
    const program = ts.createProgram({ rootNames: [target.entryFile], options, host: fallbackHost(ts, options) });
    const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !program.isSourceFileFromExternalLibrary(f));
    const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
    ].filter((d) => d.category === ts.DiagnosticCategory.Error && !IGNORED.has(d.code));
    if (diagnostics.length > 0) {
        const listed = diagnostics.slice(0, MAX_LISTED).map((d) => `  ${formatDiagnostic(ts, d)}`);
        const more = diagnostics.length > MAX_LISTED ? [`  and ${diagnostics.length - MAX_LISTED} more`] : [];
        throw new TypeCheckError(
            `the program fails type-checking (${diagnostics.length} error${diagnostics.length > 1 ? "s" : ""}), as \`pulumi preview\` would fail it:\n` +
                [...listed, ...more].join("\n") +
                `\n(to run it without type-checking, as Pulumi allows: PULUMI_NODEJS_TRANSPILE_ONLY=true, or "noCheck": true in the tsconfig)`,
        );
    }
    const files = fingerprints(program.getSourceFiles().map((f) => path.resolve(f.fileName)));
    try {
        fs.mkdirSync(path.dirname(cache), { recursive: true });
        fs.writeFileSync(cache, JSON.stringify({ files } satisfies CacheEntry));
    } catch {
        // A cache that cannot be written only costs the next run the check.
    }
    return undefined;
}
