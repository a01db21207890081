/**
 * `--program` outside this project: without node_modules the gate's packages
 * serve it; with its own, the mocks hook the program's copy of @pulumi/pulumi.
 * Errors point at the program's line; offline hints name the --config file.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../harness";
import { fixture, planHere } from "../support/cli";

/** A fresh directory outside the project (os.tmpdir is not under it). */
function outside(): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "gate-program-")));
    assert.ok(!dir.startsWith(ROOT + path.sep));
    return dir;
}

/** A copy of a fixture program in a directory outside the project, without node_modules. */
function copied(name: string): string {
    const dir = outside();
    fs.cpSync(path.join(ROOT, fixture(name)), dir, { recursive: true });
    return dir;
}

/** A program in a fresh outside directory from its index.ts source. */
function program(source: string, files: Record<string, string> = {}): string {
    const dir = outside();
    fs.writeFileSync(path.join(dir, "index.ts"), source);
    for (const [file, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

/** Installs packages in the program's node_modules as copies at a new path (hard links: same content, another module path). */
function install(dir: string, ...names: string[]): void {
    for (const name of names) {
        const target = path.join(dir, "node_modules", ...name.split("/"));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const source = fs.realpathSync(path.join(ROOT, "node_modules", name));
        if (spawnSync("cp", ["-al", source, target]).status !== 0) {
            fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
        }
    }
}

interface JsonReport {
    packages: { name: string; version: string; dir: string; origin: string }[];
    violations: { policyName: string; resourceName: string }[];
    outputs: Record<string, { value: unknown }>;
}

const json = async (...args: string[]): Promise<JsonReport> => {
    const r = await planHere(...args, "--json");
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return JSON.parse(r.stdout) as JsonReport;
};

const findings = (report: JsonReport) => report.violations.map((v) => `${v.policyName} ${v.resourceName}`).sort();

describe("gate: a program in any directory", function () {
    this.timeout(300_000);
    // Type-checking is test/gate/typecheck.test.ts's subject; here it runs once (the first case: the gate's
    // packages resolve for the checker too) and is turned off after, the way Pulumi allows, to keep the suite quick.
    const transpileOnly = process.env["PULUMI_NODEJS_TRANSPILE_ONLY"];
    afterEach(() => (process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] = "true"));
    after(() =>
        transpileOnly === undefined ? delete process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] : (process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] = transpileOnly),
    );

    it("without node_modules, runs on the gate's packages, finds what it finds in place, and says which packages ran", async () => {
        const dir = copied("open-api");
        assert.ok(!fs.existsSync(path.join(dir, "node_modules")));
        const here = await json("--program", fixture("open-api"));
        const there = await json("--program", dir);
        assert.ok(there.violations.length > 0);
        assert.deepStrictEqual(findings(there), findings(here));
        const pulumiPkg = there.packages.find((p) => p.name === "@pulumi/pulumi")!;
        assert.strictEqual(pulumiPkg.origin, "gate");
        assert.strictEqual(path.resolve(ROOT, pulumiPkg.dir), path.join(ROOT, "node_modules", "@pulumi", "pulumi"));
        assert.deepStrictEqual(
            there.packages.map((p) => p.name),
            ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/policy"],
        );
        const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/aws/package.json"), "utf8")) as { version: string }).version;
        assert.strictEqual(there.packages.find((p) => p.name === "@pulumi/aws")!.version, version);
        // SARIF points at the copied program's own lines and names the packages in the driver and the invocation.
        const sarif = JSON.parse((await planHere("--program", dir, "--sarif")).stdout);
        const uris = new Set<string>(
            sarif.runs[0].results.map(
                (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri,
            ),
        );
        assert.deepStrictEqual(
            [...uris].map((u) => path.resolve(ROOT, u)),
            [path.join(dir, "index.ts")],
        );
        assert.strictEqual(sarif.runs[0].tool.driver.properties.packages.length, 3);
        assert.match(sarif.runs[0].invocations[0].properties.packages[0], /^@pulumi\/pulumi \d+\.\d+\.\d+ \(the gate's, /);
        const text = (await planHere("--program", dir)).stdout;
        assert.match(text, /^Packages: @pulumi\/pulumi \d+\.\d+\.\d+ \(the gate's, node_modules\/@pulumi\/pulumi\); @pulumi\/aws /m);
    });

    it("with its own node_modules, the mocks hook the program's copy of @pulumi/pulumi (another module path than the gate's)", async () => {
        const dir = copied("open-api");
        install(dir, "@pulumi/pulumi", "@pulumi/aws");
        fs.appendFileSync(path.join(dir, "index.ts"), '\nexport const sdk = require.resolve("@pulumi/pulumi");\n');
        const report = await json("--program", dir, "--mode", "update");
        // The program's own copy is the one it loaded, and the one its resources were registered with (they were recorded).
        assert.strictEqual(report.outputs.sdk.value, path.join(dir, "node_modules", "@pulumi", "pulumi", "index.js"));
        assert.notStrictEqual(report.outputs.sdk.value, require.resolve("@pulumi/pulumi"));
        assert.deepStrictEqual(findings(report), findings(await json("--program", fixture("open-api"), "--mode", "update")));
        const origins = Object.fromEntries(report.packages.map((p) => [p.name, [p.origin, path.resolve(ROOT, p.dir)]]));
        assert.deepStrictEqual(origins, {
            "@pulumi/pulumi": ["program", path.join(dir, "node_modules", "@pulumi", "pulumi")],
            "@pulumi/aws": ["program", path.join(dir, "node_modules", "@pulumi", "aws")],
            "@pulumi/policy": ["gate", path.join(ROOT, "node_modules", "@pulumi", "policy")],
        });
    });

    it("refuses a program whose node_modules has @pulumi/pulumi but not @pulumi/aws, naming both remedies", async () => {
        const dir = copied("open-api");
        install(dir, "@pulumi/pulumi");
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /has its own @pulumi\/pulumi but not @pulumi\/aws/);
        assert.match(r.stderr, /npm install in .*remove the program's node_modules/);
    });

    it("a program error prints the program's file:line:column, from the TypeScript source", async () => {
        const dir = copied("broken");
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2);
        const line = fs
            .readFileSync(path.join(dir, "index.ts"), "utf8")
            .split("\n")
            .findIndex((l) => l.startsWith("throw new Error"));
        const at = `${path.relative(ROOT, path.join(dir, "index.ts"))}:${line + 1}:7`;
        assert.strictEqual(r.stderr, `error: the program failed at ${at}: backend URL is not configured (set backendUrl)\n`);
    });

    it("an error inside a helper module points at the helper's line", async () => {
        const dir = program('import { build } from "./helper";\nbuild();\n', {
            "helper.ts": "export function build(): void {\n    const cfg: { api?: { API: string } } = {};\n    console.log(cfg.api!.API);\n}\n",
        });
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2);
        assert.match(
            r.stderr,
            new RegExp(`^error: the program failed at ${path.relative(ROOT, dir)}/helper\\.ts:3:\\d+: Cannot read properties of undefined \\(reading 'API'\\)`),
        );
    });

    it("a missing config key says to add it to the --config file, not `pulumi config set`", async () => {
        const dir = program('import * as pulumi from "@pulumi/pulumi";\nnew pulumi.Config().require("backendUrl");\n', {
            "Pulumi.yaml": "name: orders\nruntime: nodejs\n",
        });
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2);
        assert.match(
            r.stderr,
            /Missing required configuration variable 'orders:backendUrl': add orders:backendUrl to the --config file \(e\.g\. Pulumi\.ci\.yaml\)/,
        );
        assert.doesNotMatch(r.stderr, /pulumi config set/);
        fs.writeFileSync(path.join(dir, "Pulumi.ci.yaml"), "config:\n  orders:other: x\n");
        const named = await planHere("--program", dir, "--config", path.join(dir, "Pulumi.ci.yaml"));
        assert.match(named.stderr, new RegExp(`add orders:backendUrl to the --config file \\(${path.relative(ROOT, dir)}/Pulumi\\.ci\\.yaml\\)`));
    });

    it("a missing region says to add aws:region to the --config file", async () => {
        const dir = program('import * as aws from "@pulumi/aws";\nexport const region = aws.config.requireRegion();\n');
        const r = await planHere("--program", dir);
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /No AWS region has been configured: add aws:region to the --config file \(e\.g\. Pulumi\.ci\.yaml\)/);
    });
});
