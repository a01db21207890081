/**
 * The package's command (`npx secure-api-gate`), run the way an app team's CI
 * runs it: from the app's repository, on its program, writing SARIF.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../harness";

const BIN = path.join(ROOT, "bin", "secure-api-gate.js");

/** An app repository outside this project: a Pulumi.yaml, a CI stack config and a program with an anonymous API method. */
function appRepository(): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "gate-app-")));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: orders\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "Pulumi.ci.yaml"), "config:\n  aws:region: eu-west-1\n  orders:api: a1b2c3d4e5\n");
    fs.writeFileSync(
        path.join(dir, "index.ts"),
        [
            'import * as pulumi from "@pulumi/pulumi";',
            "class Method extends pulumi.CustomResource {",
            "    constructor(name: string, args: Record<string, unknown>) {",
            '        super("aws:apigateway/method:Method", name, args);',
            "    }",
            "}",
            'const api = new pulumi.Config().require("api");',
            'new Method("items-get", { restApi: api, resourceId: "root", httpMethod: "GET", authorization: "NONE" });',
            "",
        ].join("\n"),
    );
    return dir;
}

describe("package command: secure-api-gate", function () {
    this.timeout(300_000);

    it("package.json names it as the bin, an executable node script", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
        assert.deepStrictEqual(pkg.bin, { "secure-api-gate": "bin/secure-api-gate.js" });
        assert.match(fs.readFileSync(BIN, "utf8"), /^#!\/usr\/bin\/env node\n/);
        assert.ok((fs.statSync(BIN).mode & 0o111) !== 0, "not executable");
    });

    it("from another repository: --program . --config Pulumi.ci.yaml --sarif --out policy.sarif", () => {
        const repo = appRepository();
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "gate-bin-cache-"));
        const run = () =>
            spawnSync(process.execPath, [BIN, "--program", ".", "--config", "Pulumi.ci.yaml", "--sarif", "--out", "policy.sarif"], {
                cwd: repo,
                encoding: "utf8",
                env: { ...process.env, SECURE_API_GATE_CACHE: cache },
                timeout: 240_000,
            });
        const first = run();
        assert.ok(first.status === 0 || first.status === 1, first.stderr);
        assert.match(first.stdout, /^Offline plan of stack "ci" \(project orders, program \.\/?, config Pulumi\.ci\.yaml\)$/m);
        assert.match(first.stdout, /Report written to policy\.sarif/);
        const sarif = JSON.parse(fs.readFileSync(path.join(repo, "policy.sarif"), "utf8"));
        assert.strictEqual(sarif.version, "2.1.0");
        const results = (sarif.runs[0].results as { ruleId: string }[]).filter((r) => r.ruleId === "apigw-method-requires-authorization") as unknown as {
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
        assert.ok(results.length > 0, first.stdout);
        // Relative to the repository (code scanning resolves URIs from the checkout), at the line that created the resource.
        for (const r of results) {
            assert.deepStrictEqual(r.locations[0].physicalLocation.artifactLocation, { uri: "index.ts" });
            assert.strictEqual(r.locations[0].physicalLocation.region.startLine, 8);
        }
        // The gate's transpiled files are cached: a second run finds them and reports the same.
        assert.ok(fs.readdirSync(path.join(cache, "transpiled")).length > 50);
        const second = run();
        assert.strictEqual(second.status, first.status, second.stderr);
        assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(repo, "policy.sarif"), "utf8")).runs[0].results, sarif.runs[0].results);
    });

    it("writes a whole large JSON report to a pipe before it exits (dev's report is far beyond a pipe's buffer)", () => {
        const r = spawnSync(process.execPath, [BIN, "--stack", "dev", "--json"], {
            cwd: ROOT,
            encoding: "utf8",
            maxBuffer: 256 * 1024 * 1024,
            timeout: 240_000,
        });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.ok(r.stdout.length > 65_536, `only ${r.stdout.length} characters`);
        const report = JSON.parse(r.stdout) as { violations: unknown[]; summary: { resources: number } };
        assert.deepStrictEqual(report.violations, []);
        assert.ok(report.summary.resources > 100);
    });

    it("a program error from the command prints the program's line, never a stack trace", () => {
        const repo = appRepository();
        fs.writeFileSync(path.join(repo, "Pulumi.ci.yaml"), "config:\n  aws:region: eu-west-1\n");
        const r = spawnSync(process.execPath, [BIN, "--program", ".", "--config", "Pulumi.ci.yaml"], { cwd: repo, encoding: "utf8", timeout: 240_000 });
        assert.strictEqual(r.status, 2);
        assert.strictEqual(
            r.stderr,
            "error: the program failed at index.ts:7:33: Missing required configuration variable 'orders:api': add orders:api to the --config file (Pulumi.ci.yaml)\n",
        );
    });
});
