#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * secure-api-gate: the offline plan and policy gate as a command, for CI in any repository:
 *
 *   npx secure-api-gate --program . --config Pulumi.ci.yaml --sarif --out policy.sarif
 *
 * Programs are TypeScript, run through ts-node without type-checking (the gate type-checks them
 * itself first, as `pulumi preview` does: policy-pack/gate/typecheck.ts). The gate's own TypeScript
 * is transpiled with the gate's compiler options, once per file content, and kept in a cache
 * (SECURE_API_GATE_CACHE, default <tmpdir>/secure-api-gate-cache): an unchanged gate is not
 * transpiled again, and the app team's tsconfig never applies to it.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const cacheDir = path.join(process.env.SECURE_API_GATE_CACHE || path.join(os.tmpdir(), "secure-api-gate-cache"), "transpiled");

/** TypeScript and ts-node load only when needed (a file to transpile, a program outside the gate): ~9 MB of JS to compile. */
let typescript;
const ts = () => (typescript = typescript || require("typescript"));
let tsNodeLoader;
function programLoader() {
    if (!tsNodeLoader) {
        const gateLoader = require.extensions[".ts"];
        // ts-node wraps the loader it finds: it must find Node's own, not this one (which hands it programs).
        delete require.extensions[".ts"];
        // The program's tsconfig (found from the working directory, as ts-node does) applies to the program; without
        // one, the defaults the gate type-checks with (policy-pack/gate/typecheck.ts), not ts-node's node16 module mode.
        const programTsconfig = ts().findConfigFile(process.cwd(), ts().sys.fileExists);
        require("ts-node").register(
            programTsconfig
                ? { transpileOnly: true }
                : { transpileOnly: true, skipProject: true, compilerOptions: { target: "es2020", module: "commonjs", moduleResolution: "node" } },
        );
        tsNodeLoader = require.extensions[".ts"];
        require.extensions[".ts"] = gateLoader;
    }
    return tsNodeLoader;
}
const support = require(require.resolve("@cspotcode/source-map-support", { paths: [require.resolve("ts-node")] }));

const tsconfigText = fs.readFileSync(path.join(root, "tsconfig.json"), "utf8");
const tsVersion = JSON.parse(fs.readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
const optionsKey = JSON.stringify([tsVersion, tsconfigText]);
function compilerOptions() {
    const { config } = ts().parseConfigFileTextToJson("tsconfig.json", tsconfigText);
    const { options } = ts().convertCompilerOptionsFromJson(config.compilerOptions, root);
    return { ...options, sourceMap: true, inlineSourceMap: false, inlineSources: false, declaration: false, noEmit: false };
}
/** Source maps of the files transpiled here, for stack traces and the resources' source positions. */
const maps = new Map();
support.install({ environment: "node", retrieveSourceMap: (file) => (maps.has(file) ? { url: file, map: maps.get(file) } : null) });

/** The gate's files (and this project's own programs): under the package root, outside node_modules. */
const ours = (file) => file.startsWith(root + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`);

function transpiled(file) {
    const source = fs.readFileSync(file, "utf8");
    const key = crypto.createHash("sha256").update(optionsKey).update(file).update("\0").update(source).digest("hex");
    const cached = path.join(cacheDir, `${key}.json`);
    try {
        return JSON.parse(fs.readFileSync(cached, "utf8"));
    } catch {
        const out = ts().transpileModule(source, { compilerOptions: compilerOptions(), fileName: file });
        const entry = { js: out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"), map: out.sourceMapText };
        try {
            fs.mkdirSync(cacheDir, { recursive: true });
            const partial = `${cached}.${process.pid}`;
            fs.writeFileSync(partial, JSON.stringify(entry));
            fs.renameSync(partial, cached);
        } catch {
            // An unwritable cache only costs the next run the transpile.
        }
        return entry;
    }
}

require.extensions[".ts"] = function (module, file) {
    if (!ours(file)) {
        return programLoader()(module, file);
    }
    const { js, map } = transpiled(file);
    maps.set(file, map);
    module._compile(js, file);
};

void require(path.join(root, "policy-pack", "gate", "plan.ts")).cli();
