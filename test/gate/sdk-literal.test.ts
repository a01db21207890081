/**
 * Pins which Pulumi packages a program runs with, in-process, on temporary programs: its own
 * node_modules chain first (version without a leading v, "unknown" when unstated), the gate's otherwise
 * or when both are the same directory, @pulumi/policy always the gate's; loadSdk's own-SDK loading;
 * and withFallback's resolution of bare requires the program lacks, its refusals and its undo.
 */
import * as assert from "assert";
import * as fs from "fs";
import Module = require("module");
import * as os from "os";
import * as path from "path";
import { loadSdk, MixedSdkError, packageFor, packagesFor, REPORTED_PACKAGES, withFallback } from "../../policy-pack/gate/sdk";

const ROOT = path.resolve(__dirname, "..", "..");
/** The gate's node_modules, by real path (Node resolves symlinks; a Stryker sandbox finds them further up). */
const GATE_MODULES = path.resolve(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "..", "..");
/** The version the gate's @pulumi/policy declares, without its leading "v". */
const GATE_POLICY_VERSION = String(
    (JSON.parse(fs.readFileSync(path.join(GATE_MODULES, "@pulumi/policy/package.json"), "utf8")) as { version: unknown }).version,
).replace(/^v/, "");
const real = (dir: string | undefined) => (dir === undefined ? undefined : fs.realpathSync(dir));
const resolver = Module as unknown as { _resolveFilename: unknown };

let base: string;
/** Writes files (path relative to `base` to content). */
function write(files: Record<string, string>): void {
    for (const [rel, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
        fs.writeFileSync(path.join(base, rel), content);
    }
}
const at = (...parts: string[]) => path.join(base, ...parts);
const resolveFrom = (file: string, request: string) => Module.createRequire(file).resolve(request);
const code = (fn: () => unknown): string | undefined => {
    try {
        fn();
    } catch (err) {
        return (err as { code?: string }).code;
    }
    return "resolved";
};

describe("gate: sdk (literal)", () => {
    before(() => {
        base = fs.mkdtempSync(path.join(os.tmpdir(), "gate-sdk-literal-"));
        write({
            "own/node_modules/@pulumi/pulumi/package.json": '{"version":"v9.8.7"}',
            "own/node_modules/@pulumi/aws/package.json": '{"name":"@pulumi/aws"}',
            "own/node_modules/@pulumi/policy/package.json": '{"version":"0.0.1"}',
            "own/node_modules/left-only/package.json": '{"version":"1.2.3-v4"}',
            "own/src/deep/.keep": "",
            "sdk/node_modules/@pulumi/pulumi/package.json": '{"version":"1.0.0"}',
            "sdk/node_modules/@pulumi/pulumi/index.js": 'module.exports = { marker: "own", yaml: require("js-yaml").load("a: 1") };',
            "sdk/node_modules/@pulumi/pulumi/runtime/mocks.js": "exports.MockMonitor = class FakeMonitor {};",
            "app/.keep": "",
            "half/node_modules/@pulumi/aws/index.js": "",
            "app2/.keep": "",
            "exp/node_modules/js-yaml/package.json": '{"version":"1.0.0","exports":{".":"./i.js"}}',
            "exp/node_modules/js-yaml/i.js": "",
        });
        fs.symlinkSync(GATE_MODULES, at("linked-node_modules"));
        fs.mkdirSync(at("linked"));
        fs.symlinkSync(at("linked-node_modules"), at("linked", "node_modules"));
    });
    after(() => {
        for (const file of Object.keys(require.cache).filter((f) => f.startsWith(base + path.sep))) {
            delete require.cache[file];
        }
        fs.rmSync(base, { recursive: true, force: true });
    });

    it("a program without node_modules uses the gate's packages; a package nowhere is undefined", () => {
        const use = packageFor("@pulumi/pulumi", at("app"));
        assert.deepStrictEqual(
            { ...use, version: undefined, dir: real(use?.dir) },
            { name: "@pulumi/pulumi", version: undefined, dir: path.join(GATE_MODULES, "@pulumi", "pulumi"), origin: "gate" },
        );
        assert.match(use!.version, /^\d+\.\d+\.\d+/);
        assert.strictEqual(packageFor("no-such-package-anywhere", at("app")), undefined);
        assert.deepStrictEqual(REPORTED_PACKAGES, ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/policy"]);
        assert.deepStrictEqual(
            packagesFor(at("app")).map((p) => [p.name, p.origin]),
            [
                ["@pulumi/pulumi", "gate"],
                ["@pulumi/aws", "gate"],
                ["@pulumi/policy", "gate"],
            ],
        );
    });

    it("a program's own packages win, found up its directory chain; @pulumi/policy is always the gate's", () => {
        assert.deepStrictEqual(
            packagesFor(at("own", "src", "deep")).map((p) => [p.name, p.version, p.origin, real(p.dir)]),
            [
                ["@pulumi/pulumi", "9.8.7", "program", real(at("own", "node_modules", "@pulumi", "pulumi"))],
                ["@pulumi/aws", "unknown", "program", real(at("own", "node_modules", "@pulumi", "aws"))],
                // The gate's own @pulumi/policy (1.21.0 declares itself "v1.21.0"; the "v9.8.7" case pins the stripping).
                ["@pulumi/policy", GATE_POLICY_VERSION, "gate", path.join(GATE_MODULES, "@pulumi", "policy")],
            ],
        );
        assert.deepStrictEqual(packageFor("left-only", at("own")), {
            name: "left-only",
            version: "1.2.3-v4",
            dir: at("own", "node_modules", "left-only"),
            origin: "program",
        });
    });

    it("a program whose node_modules is the gate's own (by real path) runs on the gate's", () => {
        assert.strictEqual(packageFor("@pulumi/pulumi", at("linked"))!.origin, "gate");
        assert.strictEqual(packageFor("@pulumi/pulumi", path.join(ROOT, "test", "fixtures"))!.origin, "gate");
        // A package directory without a package.json is not an installed package.
        assert.strictEqual(packageFor("@pulumi/aws", at("half"))!.origin, "gate");
    });

    it("loadSdk loads the program's own SDK, resolving what it lacks from the gate's, then undoes the fallback", () => {
        const saved = resolver._resolveFilename;
        const sdk = loadSdk(at("sdk"));
        assert.strictEqual(resolver._resolveFilename, saved);
        assert.deepStrictEqual(sdk.pulumi, { marker: "own", yaml: { a: 1 } });
        assert.strictEqual(sdk.MockMonitor.name, "FakeMonitor");
        assert.strictEqual(sdk.dir, at("sdk", "node_modules", "@pulumi", "pulumi"));
        assert.deepStrictEqual(sdk.use, { name: "@pulumi/pulumi", version: "1.0.0", dir: sdk.dir, origin: "program" });
        assert.strictEqual(real(loadSdk(at("app")).dir), path.join(GATE_MODULES, "@pulumi", "pulumi"));
    });

    it("withFallback resolves a bare require the program lacks from the gate's node_modules, until undone", () => {
        const file = at("app", "index.js");
        assert.strictEqual(
            code(() => resolveFrom(file, "js-yaml")),
            "MODULE_NOT_FOUND",
        );
        const release = withFallback(at("app"));
        try {
            assert.strictEqual(resolveFrom(file, "js-yaml"), require.resolve("js-yaml"));
            assert.strictEqual(resolveFrom(at("app", "src", "x.js"), "@pulumi/aws/package.json"), require.resolve("@pulumi/aws/package.json"));
            // Not bare, not from the program (a sibling directory is not inside it), or not a missing module: Node's error stands.
            assert.strictEqual(
                code(() => resolveFrom(file, "./package.json")),
                "MODULE_NOT_FOUND",
            );
            assert.strictEqual(
                code(() => resolveFrom(at("app2", "index.js"), "js-yaml")),
                "MODULE_NOT_FOUND",
            );
        } finally {
            release();
        }
        assert.strictEqual(
            code(() => resolveFrom(file, "js-yaml")),
            "MODULE_NOT_FOUND",
        );
        const releaseExp = withFallback(at("exp"));
        try {
            assert.strictEqual(
                code(() => resolveFrom(at("exp", "index.js"), "js-yaml/package.json")),
                "ERR_PACKAGE_PATH_NOT_EXPORTED",
            );
        } finally {
            releaseExp();
        }
    });

    it("with its own @pulumi/pulumi, a program lacking another @pulumi package is refused, naming it and the requiring file", () => {
        const release = withFallback(at("sdk"));
        try {
            let thrown: unknown;
            try {
                resolveFrom(at("sdk", "src", "index.js"), "@pulumi/aws/s3");
            } catch (err) {
                thrown = err;
            }
            assert.ok(thrown instanceof MixedSdkError);
            assert.strictEqual(
                thrown.message,
                `the program's node_modules has its own @pulumi/pulumi but not @pulumi/aws (required by ${path.join("src", "index.js")}); ` +
                    "the gate's @pulumi/aws would register its resources with another copy of @pulumi/pulumi. " +
                    `Install it in the program (npm install in ${at("sdk")}), or remove the program's node_modules to run on the gate's packages`,
            );
            // Other packages, and parts of @pulumi/pulumi its copy lacks, still come from the gate.
            assert.strictEqual(resolveFrom(at("sdk", "index.js"), "js-yaml"), require.resolve("js-yaml"));
            assert.strictEqual(resolveFrom(at("sdk", "index.js"), "@pulumi/pulumi/runtime/state"), require.resolve("@pulumi/pulumi/runtime/state"));
        } finally {
            release();
        }
    });
});
