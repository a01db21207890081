/**
 * `pulumi policy publish` packs policy-pack/ alone (npm pack): the packed files
 * must hold everything the analyzer loads from index.ts, its package.json the
 * dependencies those files import, and nothing else (tests, the offline gate).
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import { ROOT } from "../harness";

const PACK = path.join(ROOT, "policy-pack");

interface PackedFile {
    path: string;
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const packed = (): string[] => {
    const out = execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PACK, encoding: "utf8", timeout: 120_000 });
    return ((JSON.parse(out) as { files: PackedFile[] }[])[0].files.map((f) => f.path) as string[]).sort();
};

const IMPORT = /(?:from\s+|require\(|import\()\s*"([^"]+)"/g;

/** Every file the analyzer loads from the entry (relative imports, transitively), and the packages they import. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
        if (files.has(file)) {
            return;
        }
        files.add(file);
        const source = fs.readFileSync(file, "utf8").replace(/^\s*import type .*$/gm, "");
        for (const [, spec] of source.matchAll(IMPORT)) {
            if (spec.startsWith(".")) {
                const base = path.resolve(path.dirname(file), spec);
                const found = [`${base}.ts`, path.join(base, "index.ts"), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
                assert.ok(found, `${file} imports ${spec}, which does not exist`);
                visit(found);
            } else if (!builtinModules.includes(spec.replace(/^node:/, "").split("/")[0])) {
                packages.add(
                    spec
                        .split("/")
                        .slice(0, spec.startsWith("@") ? 2 : 1)
                        .join("/"),
                );
            }
        }
    };
    visit(entry);
    return { files, packages };
}

describe("policy pack: publish-shaped package", function () {
    this.timeout(180_000);
    let files: string[];
    before(() => (files = packed()));

    it("packs every file the analyzer loads, with PulumiPolicy.yaml, package.json and the tsconfig", () => {
        const loaded = closure(path.join(PACK, "index.ts"));
        const expected = [...loaded.files].map((f) => path.relative(PACK, f).split(path.sep).join("/"));
        assert.ok(expected.length > 50, `only ${expected.length} files loaded?`);
        for (const file of [...expected, "PulumiPolicy.yaml", "package.json", "tsconfig.json"]) {
            assert.ok(files.includes(file), `${file} is loaded but not packed`);
        }
        // Every rule on disk ships (a rule file the index forgot would be caught by test/rules/meta.test.ts).
        const rules = fs.readdirSync(path.join(PACK, "rules"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
        assert.deepStrictEqual(
            files.filter((f) => f.startsWith("rules/")),
            rules.map((f) => `rules/${f.split(path.sep).join("/")}`).sort(),
        );
    });

    it("packs nothing the analyzer does not load: no tests, no offline gate, no stack policy configs", () => {
        const loaded = new Set([...closure(path.join(PACK, "index.ts")).files].map((f) => path.relative(PACK, f).split(path.sep).join("/")));
        const extra = files.filter((f) => !loaded.has(f) && !["PulumiPolicy.yaml", "package.json", "tsconfig.json"].includes(f));
        // Rule files are all shipped; any beyond the loaded closure must still be rules (helpers a rule may import later).
        assert.deepStrictEqual(
            extra.filter((f) => !f.startsWith("rules/")),
            [],
        );
        assert.ok(!files.some((f) => f.startsWith("gate/") || f.startsWith("config/") || /\.test\.ts$/.test(f)));
    });

    it("its package.json is publishable: a name, a version, main, and the dependencies the packed files import (ts-node and typescript for the analyzer)", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8")) as {
            name: string;
            version: string;
            main: string;
            private?: boolean;
            dependencies: Record<string, string>;
        };
        assert.ok(!pkg.private, "a private package cannot be published");
        assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
        assert.strictEqual(pkg.main, "index.ts");
        const imported = [...closure(path.join(PACK, "index.ts")).packages].sort();
        assert.deepStrictEqual(imported, ["@pulumi/aws", "@pulumi/policy", "js-yaml"]);
        const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string>>;
        const rootVersions = { ...root.dependencies, ...root.devDependencies };
        // The CLI starts the pack with @pulumi/pulumi/cmd/run-policy-pack from the pack's own node_modules, which
        // type-checks it with ts-node; without ts-node and typescript it falls back to its vendored TypeScript 3.8.
        const runtime = [...imported, "@pulumi/pulumi", "ts-node", "typescript", "@types/node"];
        for (const name of runtime) {
            assert.strictEqual(pkg.dependencies[name], rootVersions[name], `${name}: the pack's range must be the project's`);
        }
        assert.deepStrictEqual(Object.keys(pkg.dependencies).sort(), runtime.sort());
        const tsconfig = JSON.parse(fs.readFileSync(path.join(PACK, "tsconfig.json"), "utf8")) as { extends?: string };
        assert.strictEqual(tsconfig.extends, undefined, "the tsconfig must not reach outside the packed directory");
    });
});
