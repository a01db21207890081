/**
 * How `npm run mutate` splits the configured scope (stryker.config.mjs) into runs Stryker can finish
 * on a 2-core machine: each scope is a folder of code with the specs that test it. Stryker runs every
 * spec of its run for a static mutant (code that runs when a module loads: rule metadata, defaults,
 * limits), so one run over the whole scope would run the whole suite thousands of times; a scope runs
 * only its own specs. A mutant a spec outside its scope would kill counts as survived: the score is a
 * lower bound.
 */
import * as fs from "fs";
import * as path from "path";

/** The two targets of the mutation issue: rules and gate 90%, components and config 85%. */
export const TARGETS = { "rules and gate": 90, "components and config": 85 } as const;
export type TargetGroup = keyof typeof TARGETS;

export interface MutationScope {
    /** The scope's name; its reports and incremental file are under `reports/mutation/<name>/`. */
    name: string;
    group: TargetGroup;
    /** Stryker `mutate` globs. */
    mutate: string[];
    /** The specs (mocha globs) that test it. */
    specs: string[];
    /**
     * What transpiles the TypeScript: SWC reloads the project ~10 times faster for each static mutant;
     * the gate keeps TypeScript's own, because its source-position specs pin the positions ts-node's
     * TypeScript transpile maps (what `npm run plan` runs programs with).
     */
    transpiler: "swc" | "typescript";
    /**
     * Leave static mutants out (Stryker `ignoreStatic`: reported "Ignored", outside the score). Only the gate: its
     * 2,100 static mutants (help text, schemas, message tables loaded with the module) each rerun its 129 specs, some
     * of which start processes, about three hours a run on two cores; its non-static mutants are measured per test.
     */
    ignoreStatic: boolean;
}

/** Specs about every rule, whatever its folder: metadata, peer controls, defaults, and first-preview cases. */
const CATALOG_SPECS = ["test/rules/meta.test.ts", "test/rules/defaults.test.ts", "test/rules/peers.test.ts", "test/rules/preview.test.ts"];

/** Folders holding helpers every rule (or component) uses: tested through all of their users' specs. */
const SHARED = new Set(["lib", "shared"]);

function folders(root: string, dir: string): string[] {
    return fs
        .readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
}

/** The `.ts` files directly in a folder that Stryker mutates (index files only re-export). */
function sources(root: string, dir: string): string[] {
    return fs
        .readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith(".ts") && f !== "index.ts")
        .sort()
        .map((f) => `${dir}/${f}`);
}

/** Specs under a test folder, if it exists. */
function specsIn(root: string, dir: string): string[] {
    return fs.existsSync(path.join(root, dir)) ? [`${dir}/**/*.test.ts`] : [];
}

/**
 * Every spec under a test folder, for a shared helper folder `own`: its own folder's specs first, then the
 * folder's top-level specs, then every other folder's. A static mutant runs the specs in this order until one
 * fails, so the specs most likely to kill it come first; each spec is listed once.
 */
function everySpec(root: string, dir: string, own: string): string[] {
    const others = fs.existsSync(path.join(root, dir)) ? folders(root, dir).filter((f) => f !== own) : [];
    return [...specsIn(root, `${dir}/${own}`), `${dir}/*.test.ts`, ...others.map((f) => `${dir}/${f}/**/*.test.ts`)];
}

/** A spec that starts processes of its own (`plan(...)`, spawnSync, execFileSync): seconds a test instead of milliseconds. */
const SPAWNS = /\b(?:spawnSync|spawn|execFileSync|execFile|execSync|fork|plan)\(/;

/**
 * The gate's specs in the order a mutant runs those covering it until one fails: the literal specs of one module each
 * (`*-literal.test.ts`, milliseconds a test) first, then the other in-process specs (some run whole programs), and
 * those that start processes last.
 */
export function gateSpecs(root: string): string[] {
    const files = [
        ...fs
            .readdirSync(path.join(root, "test/gate"), { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".test.ts"))
            .sort()
            .map((f) => `test/gate/${f}`),
        "test/policy-engine.test.ts",
        "test/plan-cli.test.ts",
    ]
        // Stryker's sandbox copies files without their mode, so the bin spec's "an executable node script" fails its dry
        // run; bin/secure-api-gate.js is outside the gate folder, and the spec runs the gate only through a process.
        .filter((f) => f !== "test/gate/bin.test.ts")
        .filter((f) => fs.existsSync(path.join(root, f)));
    const spawns = (f: string) => SPAWNS.test(fs.readFileSync(path.join(root, f), "utf8"));
    const rank = (f: string) => (spawns(f) ? 2 : f.endsWith("-literal.test.ts") ? 0 : 1);
    return [0, 1, 2].flatMap((r) => files.filter((f) => rank(f) === r));
}

/** Files matching a glob of `*` and `**` segments, relative to the root. */
export function expand(root: string, glob: string): string[] {
    const re = new RegExp(
        `^${glob
            .replace(/\./g, "\\.")
            .replace(/\*\*\//g, "(.+/)?")
            .replace(/\*/g, "[^/]*")}$`,
    );
    const walk = (dir: string): string[] =>
        fs.readdirSync(path.join(root, dir || "."), { withFileTypes: true }).flatMap((e) => {
            const rel = dir ? `${dir}/${e.name}` : e.name;
            return e.isDirectory() ? (e.name === "node_modules" || e.name.startsWith(".") || e.name === "reports" ? [] : walk(rel)) : [rel];
        });
    const top = glob.split("/")[0];
    return walk(top.includes("*") ? "" : top).filter((f) => re.test(f));
}

/** The files a scope (or Stryker config) mutates: its globs, less those of its `!` globs. */
export function filesOf(root: string, mutate: readonly string[]): string[] {
    const excluded = new Set(mutate.filter((g) => g.startsWith("!")).flatMap((g) => expand(root, g.slice(1))));
    return mutate.filter((g) => !g.startsWith("!")).flatMap((g) => expand(root, g).filter((f) => !excluded.has(f)));
}

/** Every scope, derived from the folders so a new rule or component is in one without listing it. */
export function mutationScopes(root: string): MutationScope[] {
    const scopes: MutationScope[] = [];
    const folderScope = (name: string, group: TargetGroup, dir: string, specs: string[]) => {
        if (sources(root, dir).length > 0) {
            scopes.push({
                name,
                group,
                mutate: [`${dir}/*.ts`, `!${dir}/index.ts`],
                specs,
                transpiler: name === "gate" ? "typescript" : "swc",
                ignoreStatic: name === "gate",
            });
        }
    };
    for (const service of folders(root, "policy-pack/rules")) {
        const specs = SHARED.has(service)
            ? everySpec(root, "test/rules", service)
            : service === "peers"
              ? CATALOG_SPECS
              : // The catalog specs first: they kill most static mutants (rule metadata), and a static mutant runs
                // every spec of its scope until one fails.
                [...CATALOG_SPECS, ...specsIn(root, `test/rules/${service}`)];
        folderScope(`rules-${service}`, "rules and gate", `policy-pack/rules/${service}`, specs);
    }
    folderScope("baseline", "rules and gate", "policy-pack/baseline", [
        "test/baseline/**/*.test.ts",
        "test/rules/defaults.test.ts",
        "test/components/baseline-consistency.test.ts",
    ]);
    folderScope("gate", "rules and gate", "policy-pack/gate", gateSpecs(root));
    scopes.push({
        name: "stack-config",
        group: "components and config",
        mutate: ["stacks/config*.ts"],
        specs: ["test/config*.test.ts"],
        transpiler: "swc",
        ignoreStatic: false,
    });
    for (const module of folders(root, "components")) {
        const own = specsIn(root, `test/components/${module}`);
        const specs = SHARED.has(module) || own.length === 0 ? everySpec(root, "test/components", module) : [...own, "test/components/*.test.ts"];
        folderScope(`components-${module}`, "components and config", `components/${module}`, specs);
    }
    return scopes;
}
