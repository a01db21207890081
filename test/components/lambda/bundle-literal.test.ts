/**
 * The bundle's settings and cache keys: the default cache file, the process
 * memo, the esbuild options, the sorted input list, the handler-missing error,
 * and what the kept digest covers (esbuild's version, each input's path).
 * Every bundle is made inside its `it`, in a fresh cache file (or a freshly
 * loaded module), so no earlier bundle of the process answers for it.
 */
import * as assert from "assert";
import * as os from "os";
import * as path from "path";
import type { BuildOptions } from "esbuild";
import type { PathLike, PathOrFileDescriptor } from "fs";
import { bundleJwtAuthorizer } from "../../../components/lambda";
import { ROOT } from "../../harness";

type BundleModule = typeof import("../../../components/lambda/bundle");
type Fs = typeof import("fs");

// The fs module itself (not an import's copy of its properties), to watch what the bundler reads.
const fs = require("fs") as Fs;
const BUNDLE_MODULE = require.resolve("../../../components/lambda/bundle");
const HANDLER_DIR = path.join(ROOT, "components", "lambda", "jwt-authorizer");

interface Kept {
    code: string;
    inputs: string[];
    digest?: string;
}

/** Runs `use` on a fresh copy of bundle.ts (its own process memo), loaded and used with `patch` applied to fs. */
function withFreshModule<T>(patch: Partial<Fs>, use: (bundle: BundleModule) => T): T {
    const saved = Object.fromEntries(Object.keys(patch).map((k) => [k, fs[k as keyof Fs]]));
    const cached = require.cache[BUNDLE_MODULE];
    Object.assign(fs, patch);
    try {
        delete require.cache[BUNDLE_MODULE];
        return use(require(BUNDLE_MODULE) as BundleModule);
    } finally {
        Object.assign(fs, saved);
        require.cache[BUNDLE_MODULE] = cached;
    }
}

/** Runs `use` with `exports` standing in for what `require(request)` returns. */
function withExports<T>(request: string, exports: (real: unknown) => unknown, use: () => T): T {
    require(request);
    const mod = require.cache[require.resolve(request)];
    assert.ok(mod, `${request} is loaded`);
    const real: unknown = mod.exports;
    mod.exports = exports(real);
    try {
        return use();
    } finally {
        mod.exports = real;
    }
}

describe("JWT authorizer bundle settings", function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-literal-"));
    const file = (name: string) => path.join(dir, name, "bundle.json");
    const keep = (name: string, kept: Kept): string => {
        fs.mkdirSync(path.dirname(file(name)), { recursive: true });
        fs.writeFileSync(file(name), JSON.stringify(kept));
        return file(name);
    };
    const read = (name: string) => JSON.parse(fs.readFileSync(file(name), "utf8")) as Kept;
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("keeps the bundle in node_modules/.cache/secure-api-platform/jwt-authorizer-bundle.json by default", () => {
        const reads: string[] = [];
        const readFileSync = fs.readFileSync;
        const spy = ((p: PathOrFileDescriptor, ...rest: unknown[]) => {
            reads.push(String(p));
            return (readFileSync as (...a: unknown[]) => unknown)(p, ...rest);
        }) as Fs["readFileSync"];
        withFreshModule({ readFileSync: spy }, (fresh) => {
            reads.length = 0;
            fresh.bundleJwtAuthorizer();
        });
        assert.strictEqual(reads[0], path.join(ROOT, "node_modules/.cache/secure-api-platform/jwt-authorizer-bundle.json"));
    });

    it("bundles once per process: a second call with the same cache file returns the same bundle, not the file's", () => {
        const first = bundleJwtAuthorizer(file("memo"));
        fs.writeFileSync(file("memo"), JSON.stringify({ ...read("memo"), code: "/* changed on disk */" }));
        const second = bundleJwtAuthorizer(file("memo"));
        assert.strictEqual(second, first);
        assert.notStrictEqual(second.code, "/* changed on disk */");
    });

    it("bundles for node20, one minified CommonJS file, with nothing left external", () => {
        const seen: BuildOptions[] = [];
        withExports(
            "esbuild",
            (real) => {
                const { buildSync } = real as typeof import("esbuild");
                return { buildSync: (options: BuildOptions) => (seen.push(options), buildSync(options)) };
            },
            () => bundleJwtAuthorizer(file("options")),
        );
        assert.deepStrictEqual(seen, [
            {
                entryPoints: [path.join(HANDLER_DIR, "handler.ts")],
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
                external: [],
            },
        ]);
    });

    it("lists the files esbuild read in sorted order (esbuild reports them in the order it met them)", () => {
        const { inputs } = bundleJwtAuthorizer(file("sorted"));
        assert.ok(inputs.includes("components/lambda/jwt-authorizer/handler.ts"), inputs.join(", "));
        assert.deepStrictEqual(inputs, [...inputs].sort());
        assert.deepStrictEqual(read("sorted").inputs, inputs);
    });

    it("bundles again a bundle kept by another esbuild version", () => {
        const built = bundleJwtAuthorizer(file("version-source"));
        const kept = keep("other-version", { ...read("version-source"), code: "/* kept by esbuild 0.0.1 */" });
        const bundle = withExports(
            "esbuild/package.json",
            () => ({ version: "0.0.1" }),
            () => bundleJwtAuthorizer(kept),
        );
        assert.strictEqual(bundle.code, built.code);
    });

    it("bundles again a bundle that lists, in an input's place, another file with the same content", () => {
        const built = bundleJwtAuthorizer(file("path-source"));
        const copy = path.join(dir, "copy", "handler.ts");
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        fs.copyFileSync(path.join(HANDLER_DIR, "handler.ts"), copy);
        const source = read("path-source");
        const inputs = source.inputs.map((i) => (i === "components/lambda/jwt-authorizer/handler.ts" ? path.relative(ROOT, copy) : i));
        assert.notDeepStrictEqual(inputs, source.inputs);
        const kept = keep("moved", { ...source, inputs, code: "/* kept from a copy */" });
        assert.strictEqual(bundleJwtAuthorizer(kept).code, built.code);
    });

    it("fails with where it looked when the handler source is missing", () => {
        const existsSync = fs.existsSync;
        const noHandler = ((p: PathLike) => !String(p).startsWith(HANDLER_DIR + path.sep) && existsSync(p)) as Fs["existsSync"];
        const error = withFreshModule({ existsSync: noHandler }, (fresh) => {
            try {
                fresh.bundleJwtAuthorizer(file("no-handler"));
            } catch (err) {
                return err as Error;
            }
            return assert.fail("bundled without a handler");
        });
        assert.strictEqual(
            error.message,
            `JwtAuthorizerFunction: the handler source is missing (looked for ${HANDLER_DIR}/handler.ts, ${HANDLER_DIR}/handler.js)`,
        );
    });
});
