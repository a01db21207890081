/**
 * Which copies of the Pulumi packages a program runs with. A program with its
 * own `node_modules` uses them (the mocks are installed on ITS `@pulumi/pulumi`);
 * a package it does not have resolves from the gate's own `node_modules`, for
 * that run only, as `NODE_PATH` would. The policy engine always uses the gate's.
 */
import * as fs from "fs";
import Module = require("module");
import * as path from "path";
import type * as pulumiModule from "@pulumi/pulumi";
import type { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

/** The gate's own root: its `node_modules` are the fallback. */
const GATE_ROOT = path.resolve(__dirname, "..", "..");

export type PulumiSdk = typeof pulumiModule;
export type MockMonitorClass = typeof MockMonitor;

/** One package as a run uses it. */
export interface PackageUse {
    name: string;
    version: string;
    /** Absolute path of the package directory. */
    dir: string;
    /** `program`: from the program's node_modules; `gate`: the gate's own copy (the program has none). */
    origin: "program" | "gate";
}

/** The packages a report names. */
export const REPORTED_PACKAGES = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/policy"] as const;

/** The package's directory in the `node_modules` chain of `from` (as Node looks it up), if any. */
function lookup(name: string, from: string): string | undefined {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", ...name.split("/"));
        if (fs.existsSync(path.join(candidate, "package.json"))) {
            return candidate;
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}

function use(name: string, dir: string, origin: PackageUse["origin"]): PackageUse {
    const version = (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version?: string }).version?.replace(/^v/, "") ?? "unknown";
    return { name, version, dir, origin };
}

/**
 * Where `name` comes from for a program in `programDir`: its own node_modules
 * chain, else the gate's. `@pulumi/policy` is always the gate's: the gate runs the policies.
 */
export function packageFor(name: string, programDir: string): PackageUse | undefined {
    const gate = lookup(name, GATE_ROOT);
    const own = name === "@pulumi/policy" ? undefined : lookup(name, programDir);
    // A program inside this project finds the gate's own copy through its node_modules chain.
    if (own && (!gate || fs.realpathSync(own) !== fs.realpathSync(gate))) {
        return use(name, own, "program");
    }
    return gate ? use(name, gate, "gate") : undefined;
}

/** The reported packages of a run of a program in `programDir`. */
export function packagesFor(programDir: string): PackageUse[] {
    return REPORTED_PACKAGES.map((name) => packageFor(name, programDir)).filter((p): p is PackageUse => p !== undefined);
}

/** The `@pulumi/pulumi` a program in `programDir` loads, and its mock monitor class. */
export function loadSdk(programDir: string): { pulumi: PulumiSdk; MockMonitor: MockMonitorClass; dir: string; use: PackageUse } {
    const pulumiUse = packageFor("@pulumi/pulumi", programDir);
    if (!pulumiUse) {
        throw new Error(`@pulumi/pulumi is installed neither in the program's node_modules (${programDir}) nor in the gate's (${GATE_ROOT})`);
    }
    // The program's copy loads its own dependencies; those it lacks come from the gate's (see withFallback).
    const release = withFallback(programDir);
    try {
        const pulumi = require(pulumiUse.dir) as PulumiSdk;
        const mocks = require(path.join(pulumiUse.dir, "runtime", "mocks")) as { MockMonitor: MockMonitorClass };
        return { pulumi, MockMonitor: mocks.MockMonitor, dir: pulumiUse.dir, use: pulumiUse };
    } finally {
        release();
    }
}

interface ResolvingModule {
    _resolveFilename(request: string, parent: { filename?: string | null } | undefined, isMain: boolean, options?: { paths?: string[] }): string;
}

const isBare = (request: string) => !request.startsWith(".") && !path.isAbsolute(request) && !request.startsWith("node:");
const packageName = (request: string) =>
    request
        .split("/")
        .slice(0, request.startsWith("@") ? 2 : 1)
        .join("/");

/** The program has its own `@pulumi/pulumi` but not `name`, whose gate copy would load another `@pulumi/pulumi`. */
export class MixedSdkError extends Error {}

/**
 * For the duration of a run, a bare `require` from a file of the program (or
 * of its node_modules) that Node cannot resolve is resolved from the gate's
 * node_modules instead, as a `NODE_PATH` entry would be (the program's own
 * packages always win). A `@pulumi/*` package taken from the gate while the
 * program has its own `@pulumi/pulumi` is refused: it would register its
 * resources with another copy of the SDK. Returns the function that undoes it.
 */
export function withFallback(programDir: string): () => void {
    const resolver = Module as unknown as ResolvingModule;
    const original = resolver._resolveFilename;
    const prefix = path.resolve(programDir) + path.sep;
    const ownSdk = packageFor("@pulumi/pulumi", programDir)?.origin === "program";
    resolver._resolveFilename = function (request, parent, isMain, options) {
        try {
            return original.call(this, request, parent, isMain, options);
        } catch (err) {
            const from = parent?.filename ?? "";
            if ((err as { code?: string }).code !== "MODULE_NOT_FOUND" || !isBare(request) || !from.startsWith(prefix)) {
                throw err;
            }
            const name = packageName(request);
            if (ownSdk && name.startsWith("@pulumi/") && name !== "@pulumi/pulumi") {
                throw new MixedSdkError(
                    `the program's node_modules has its own @pulumi/pulumi but not ${name} (required by ${path.relative(programDir, from)}); ` +
                        `the gate's ${name} would register its resources with another copy of @pulumi/pulumi. ` +
                        `Install it in the program (npm install in ${programDir}), or remove the program's node_modules to run on the gate's packages`,
                );
            }
            return original.call(this, request, parent, isMain, { paths: [GATE_ROOT] });
        }
    };
    return () => {
        resolver._resolveFilename = original;
    };
}
