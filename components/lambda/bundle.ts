/**
 * Bundles the JWT authorizer handler into one CommonJS file with esbuild when
 * the program runs: jose and the handler's own modules are bundled in, for
 * Node.js 20 and later, minified. Only what handler.ts imports is included
 * (never a test). The result is computed once per process, and kept on disk
 * (node_modules/.cache/secure-api-platform) with a digest of every file esbuild
 * read: a run whose sources are unchanged reuses it without starting esbuild.
 */
import type { BuildOptions } from "esbuild";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

/** The bundled handler. */
export interface AuthorizerBundle {
    /** Contents of `index.js` (exports `handler`). */
    code: string;
    /** Source files esbuild read, relative to the project root. */
    inputs: string[];
}

const ROOT = path.resolve(__dirname, "..", "..");
const CACHE_FILE = path.join(ROOT, "node_modules", ".cache", "secure-api-platform", "jwt-authorizer-bundle.json");
/** Bundles made in this process, by cache file. */
const made = new Map<string, AuthorizerBundle>();

const options = (entry: string): BuildOptions & { write: false; metafile: true } => ({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    sourcemap: false,
    write: false,
    metafile: true,
    logLevel: "silent",
    // Lambda's Node.js runtimes ship no AWS SDK the handler needs; nothing is left external.
    external: [],
});

/** Digest of what a bundle is built from: esbuild's version, the options, and every input's path and content. */
function digest(entry: string, inputs: readonly string[]): string | undefined {
    const hash = crypto.createHash("sha256");
    hash.update(JSON.stringify([(require("esbuild/package.json") as { version: string }).version, options(entry)]));
    try {
        for (const input of inputs) {
            hash.update(`\0${input}\0`).update(fs.readFileSync(path.join(ROOT, input)));
        }
    } catch {
        return undefined;
    }
    return hash.digest("hex");
}

/** The bundle kept by an earlier run, if every file it was built from is unchanged. */
function fromDisk(entry: string, cacheFile: string): AuthorizerBundle | undefined {
    try {
        const kept = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as AuthorizerBundle & { digest: string };
        // A kept file without a digest is never reused: an input that cannot be read digests to undefined too.
        return typeof kept.code === "string" && Array.isArray(kept.inputs) && typeof kept.digest === "string" && digest(entry, kept.inputs) === kept.digest
            ? { code: kept.code, inputs: kept.inputs }
            : undefined;
    } catch {
        return undefined;
    }
}

function toDisk(entry: string, bundle: AuthorizerBundle, cacheFile: string): void {
    try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        const partial = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(partial, JSON.stringify({ ...bundle, digest: digest(entry, bundle.inputs) }));
        fs.renameSync(partial, cacheFile);
    } catch {
        // An unwritable cache only costs the next run the bundling.
    }
}

/** The handler's entry file: the TypeScript source, or its compiled JavaScript beside this file. */
function entryPoint(): string {
    const candidates = ["handler.ts", "handler.js"].map((f) => path.join(__dirname, "jwt-authorizer", f));
    const found = candidates.find((f) => fs.existsSync(f));
    if (!found) {
        throw new Error(`JwtAuthorizerFunction: the handler source is missing (looked for ${candidates.join(", ")})`);
    }
    return found;
}

/**
 * Bundles the handler (once per process), or reuses the bundle kept in `cacheFile` when every file
 * it was built from is unchanged.
 * @param cacheFile where the bundle is kept between runs
 * @default node_modules/.cache/secure-api-platform/jwt-authorizer-bundle.json
 */
export function bundleJwtAuthorizer(cacheFile: string = CACHE_FILE): AuthorizerBundle {
    const done = made.get(cacheFile);
    if (done) {
        return done;
    }
    const entry = entryPoint();
    const bundle = fromDisk(entry, cacheFile) ?? build(entry, cacheFile);
    made.set(cacheFile, bundle);
    return bundle;
}

function build(entry: string, cacheFile: string): AuthorizerBundle {
    // Loaded only to bundle: esbuild starts its own service process.
    const { buildSync } = require("esbuild") as typeof import("esbuild");
    const result = buildSync(options(entry));
    if (result.errors.length > 0 || result.outputFiles.length !== 1) {
        throw new Error(`JwtAuthorizerFunction: bundling the handler failed: ${result.errors.map((e) => e.text).join("; ")}`);
    }
    const bundle = { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs).sort() };
    toDisk(entry, bundle, cacheFile);
    return bundle;
}
