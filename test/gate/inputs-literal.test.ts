/**
 * gate/inputs, literally: what `resolvePlan` resolves for one of this project's stacks and for another
 * program (a directory with or without Pulumi.yaml and its `main`, an entry file, the stack named by a
 * --config file's name or given, the sibling stack file), the usage errors it raises, and how
 * `readPolicyConfig` reads, refuses (missing, not JSON) and validates a policy config file.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlanOptions, UsageError } from "../../policy-pack/gate/args";
import { PolicyConfigError } from "../../policy-pack/gate/engine";
import { readPolicyConfig, resolvePlan, ROOT } from "../../policy-pack/gate/inputs";

const REPO = path.resolve(__dirname, "..", "..");
const opts = (extra: Partial<PlanOptions>): PlanOptions => ({ format: "text", mode: "preview", stackOutputs: {}, ...extra });

/** Asserts that `fn` raises `type` with exactly `message`. */
const raises = (fn: () => unknown, type: typeof UsageError | typeof PolicyConfigError, message: string): void => {
    assert.throws(fn, (err: unknown) => {
        assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
        assert.strictEqual(err.message, message);
        return true;
    });
};

describe("gate/inputs (literal)", () => {
    let tmp: string;
    const write = (rel: string, text = ""): string => {
        const file = path.join(tmp, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    };

    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gate-inputs-"));
    });
    afterEach(() => {
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    describe("resolvePlan: this project's stacks", () => {
        it("is rooted at the repository", () => {
            assert.strictEqual(ROOT, REPO);
        });

        it("runs stacks/ of this project with the stack's file and its default policy config", () => {
            assert.deepStrictEqual(resolvePlan(opts({ stack: "dev" })), {
                stack: "dev",
                project: "secure-api-platform",
                entry: path.join(REPO, "stacks") + path.sep,
                programDir: path.join(REPO, "stacks"),
                projectDir: REPO,
                typescript: true,
                configFile: path.join(REPO, "Pulumi.dev.yaml"),
                policyConfigFile: path.join(REPO, "policy-pack", "config", "dev.json"),
            });
        });

        it("uses the policy config given instead of the stack's default", () => {
            const plan = resolvePlan(opts({ stack: "prod", policyConfig: "mine.json" }));
            assert.strictEqual(plan.policyConfigFile, "mine.json");
            assert.strictEqual(plan.configFile, path.join(REPO, "Pulumi.prod.yaml"));
        });

        it("refuses a stack this project does not have, listing those it has", () => {
            raises(() => resolvePlan(opts({ stack: "qa" })), UsageError, 'unknown stack "qa"; this project has: dev, prod');
        });
    });

    describe("resolvePlan: another program", () => {
        it("refuses a program path that does not exist, as it was given", () => {
            raises(() => resolvePlan(opts({ program: path.join(tmp, "nope") })), UsageError, `--program ${path.join(tmp, "nope")}: no such file or directory`);
        });

        it("runs a directory without Pulumi.yaml as itself, named after it, as stack offline", () => {
            const dir = path.join(tmp, "my-app");
            write("my-app/index.ts");
            assert.deepStrictEqual(resolvePlan(opts({ program: dir })), {
                stack: "offline",
                project: "my-app",
                entry: dir + path.sep,
                programDir: dir,
                projectDir: dir,
                typescript: undefined,
                configFile: undefined,
                policyConfigFile: undefined,
            });
        });

        it("runs Pulumi.yaml's main when it names a file, with the project's name, typescript option and sibling stack file", () => {
            write("app/Pulumi.yaml", "name: demo\nmain: src/main.ts\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n");
            write("app/src/main.ts");
            const sibling = write("app/Pulumi.offline.yaml", "config: {}\n");
            const dir = path.join(tmp, "app");
            assert.deepStrictEqual(resolvePlan(opts({ program: dir, policyConfig: "pc.json" })), {
                stack: "offline",
                project: "demo",
                entry: path.join(dir, "src", "main.ts"),
                programDir: dir,
                projectDir: dir,
                typescript: false,
                configFile: sibling,
                policyConfigFile: "pc.json",
            });
        });

        it("runs Pulumi.yaml's main as a directory when it names one or nothing that exists", () => {
            write("app/Pulumi.yaml", "name: demo\nmain: src\n");
            write("app/src/index.ts");
            const dir = path.join(tmp, "app");
            assert.strictEqual(resolvePlan(opts({ program: dir })).entry, path.join(dir, "src") + path.sep);
            write("app/Pulumi.yaml", "name: demo\nmain: missing.ts\n");
            assert.strictEqual(resolvePlan(opts({ program: dir })).entry, path.join(dir, "missing.ts") + path.sep);
        });

        it("runs an entry file given directly, from its directory, whatever Pulumi.yaml's main says", () => {
            write("app/Pulumi.yaml", "name: demo\nmain: src/main.ts\n");
            const file = write("app/other.ts");
            const plan = resolvePlan(opts({ program: file }));
            assert.strictEqual(plan.entry, file);
            assert.strictEqual(plan.programDir, path.join(tmp, "app"));
            assert.strictEqual(plan.project, "demo");
        });

        it("takes the stack from --stack, finding its sibling stack file", () => {
            const dir = path.join(tmp, "app");
            const qa = write("app/Pulumi.qa.yaml");
            write("app/Pulumi.offline.yaml");
            const plan = resolvePlan(opts({ program: dir, stack: "qa" }));
            assert.strictEqual(plan.stack, "qa");
            assert.strictEqual(plan.configFile, qa);
            assert.strictEqual(resolvePlan(opts({ program: dir, stack: "prod" })).configFile, undefined);
        });

        it("takes the stack from a --config file named Pulumi.<stack>.yaml, resolving its path", () => {
            const dir = path.join(tmp, "app");
            write("app/index.ts");
            const config = write("elsewhere/Pulumi.staging.eu.yaml");
            const plan = resolvePlan(opts({ program: dir, config: path.relative(process.cwd(), config) }));
            assert.strictEqual(plan.stack, "staging.eu");
            assert.strictEqual(plan.configFile, config);
            assert.strictEqual(resolvePlan(opts({ program: dir, config, stack: "qa" })).stack, "qa");
        });

        it("plans stack offline with a --config file named otherwise", () => {
            const dir = path.join(tmp, "app");
            write("app/index.ts");
            for (const name of ["cfg.yaml", "PulumiXqa.yaml", "Pulumi.qa.yaml.bak", "Pulumi..yaml", "Pulumi.qaXyaml"]) {
                const config = write(`cfg/${name}`);
                const plan = resolvePlan(opts({ program: dir, config }));
                assert.strictEqual(plan.stack, "offline", name);
                assert.strictEqual(plan.configFile, config, name);
            }
        });

        it("refuses a --config file that does not exist, as it was given", () => {
            write("app/index.ts");
            const missing = path.join(tmp, "Pulumi.qa.yaml");
            raises(() => resolvePlan(opts({ program: path.join(tmp, "app"), config: missing })), UsageError, `--config ${missing}: no such file`);
        });
    });

    describe("readPolicyConfig", () => {
        it("reads nothing without a file", () => {
            assert.strictEqual(readPolicyConfig(undefined), undefined);
            assert.strictEqual(readPolicyConfig(""), undefined);
        });

        it("refuses a file that does not exist", () => {
            const missing = path.join(tmp, "none.json");
            raises(() => readPolicyConfig(missing), UsageError, `policy config ${missing}: no such file`);
        });

        it("refuses a file that is not JSON, with the parser's message", () => {
            const file = write("bad.json", "{ nope");
            // This Node's own message for the same text (its wording differs between Node versions).
            const parser = (() => {
                try {
                    return String(JSON.parse("{ nope"));
                } catch (err) {
                    return (err as Error).message;
                }
            })();
            assert.match(parser, /position 2/);
            assert.throws(
                () => readPolicyConfig(file),
                (err: unknown) => err instanceof UsageError && err.message === `policy config ${file} is not valid JSON: ${parser}`,
            );
        });

        it("returns a valid config as parsed", () => {
            const file = write("ok.json", '{ "log-group-retention": { "minRetentionDays": 30 }, "all": "advisory" }');
            assert.deepStrictEqual(readPolicyConfig(file), { "log-group-retention": { minRetentionDays: 30 }, all: "advisory" });
        });

        it("lists every problem of an invalid config, one a line, naming the file", () => {
            const file = write("invalid.json", '{ "log-group-retention": "loud", "all": { "minRetentionDays": 1 } }');
            raises(
                () => readPolicyConfig(file),
                PolicyConfigError,
                `invalid policy config ${file}:\n` +
                    '  - log-group-retention: enforcementLevel must be one of advisory, mandatory, remediate, disabled, got "loud"\n' +
                    '  - all: unknown config key "minRetentionDays"; allowed: (none, only enforcementLevel)',
            );
        });
    });
});
