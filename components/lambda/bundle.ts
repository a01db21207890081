/**
 * Bundles the JWT authorizer handler into one CommonJS file with esbuild when
 * the program runs: jose and the handler's own modules are bundled in, for
 * Node.js 20 and later, minified. Only what handler.ts imports is included
 * (never a test). The result is computed once per process.
 */
import { buildSync } from "esbuild";
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
let cached: AuthorizerBundle | undefined;

/** The handler's entry file: the TypeScript source, or its compiled JavaScript beside this file. */
function entryPoint(): string {
    const candidates = ["handler.ts", "handler.js"].map((f) => path.join(__dirname, "jwt-authorizer", f));
    const found = candidates.find((f) => fs.existsSync(f));
    if (!found) {
        throw new Error(`JwtAuthorizerFunction: the handler source is missing (looked for ${candidates.join(", ")})`);
    }
    return found;
}

/** Bundles the handler (once per process). */
export function bundleJwtAuthorizer(): AuthorizerBundle {
    if (cached) {
        return cached;
    }
    const result = buildSync({
        entryPoints: [entryPoint()],
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
    if (result.errors.length > 0 || result.outputFiles.length !== 1) {
        throw new Error(`JwtAuthorizerFunction: bundling the handler failed: ${result.errors.map((e) => e.text).join("; ")}`);
    }
    cached = { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs).sort() };
    return cached;
}
