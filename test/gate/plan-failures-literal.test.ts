/**
 * A failing program, in-process and literal: its message at its line, the
 * offline hint for a missing config value or AWS region (only where the SDK's
 * message stands: anchored, any indentation), a thrown string without a line,
 * a hung program's time limit, a type error before the run, and Node's module
 * resolution left as it was found.
 */
import * as assert from "assert";
import * as path from "path";
import { ROOT } from "../harness";
import { planHere } from "../support/cli";
import { Scratch } from "../support/scratch";

const Module = require("module") as { _resolveFilename: unknown };

const scratch = new Scratch("plan-fail-");
const file = scratch.file;
/** stderr of planning a program that throws `message` (a JS program: no type check). */
const thrown = async (name: string, message: string) =>
    (await planHere("--program", file(`${name}/index.js`, `throw new Error(${JSON.stringify(message)});\n`))).stderr;
const at = (name: string) => `error: the program failed at ${path.relative(ROOT, path.join(scratch.dir, name, "index.js"))}:1:7: `;
const HINT = "the --config file (e.g. Pulumi.ci.yaml)";

describe("gate: a failing program, literal", function () {
    this.timeout(120_000);
    before(scratch.create);
    after(scratch.remove);

    it("a program that throws fails with its line; a missing config value names where to add it", async () => {
        const thrower = file("thrower/index.js", '\nthrow new Error("boom");\n');
        const r = await planHere("--program", thrower);
        assert.deepStrictEqual([r.code, r.stdout], [2, ""]);
        assert.strictEqual(r.stderr, `error: the program failed at ${path.relative(ROOT, thrower)}:2:7: boom\n`);
        const needs = file("needs/index.js", 'const pulumi = require("@pulumi/pulumi");\nnew pulumi.Config().require("url");\n');
        const missing = await planHere("--program", needs);
        assert.match(
            missing.stderr,
            /: Missing required configuration variable 'needs:url': add needs:url to the --config file \(e\.g\. Pulumi\.ci\.yaml\)\n$/,
        );
        const config = file("needs/Pulumi.ci.yaml", "config:\n  needs:other: x\n");
        const given = await planHere("--program", needs, "--config", config);
        assert.match(given.stderr, new RegExp(`add needs:url to the --config file \\(${path.relative(ROOT, config).replace(/\./g, "\\.")}\\)\n$`));
    });

    it("a program's own messages get the offline hints; a thrown string has no line; a hung program times out", async () => {
        const region = file("region/index.js", 'throw new Error("first\\nNo AWS region has been configured");\n');
        assert.strictEqual(
            (await planHere("--program", region)).stderr,
            `error: the program failed at ${path.relative(ROOT, region)}:1:7: first\nNo AWS region has been configured: add aws:region to the --config file (e.g. Pulumi.ci.yaml)\n`,
        );
        assert.strictEqual((await planHere("--program", file("str/index.js", 'throw "plain string";\n'))).stderr, "error: the program failed: plain string\n");
        const hang = await planHere("--program", file("hang/index.js", "exports.x = new Promise(() => {});\n"), "--timeout", "1");
        assert.deepStrictEqual(hang, {
            code: 2,
            stdout: "",
            stderr: 'error: the program did not finish within 1 s (while waiting for the stack output "x"); raise the limit with --timeout if it is just slow\n',
        });
    });

    it("the config hint replaces the SDK's message only at the start, whatever its indentation", async () => {
        const set = "please set a value using the command `pulumi config set a:b <value>`";
        assert.strictEqual(
            await thrown("indent", `Missing required configuration variable 'a:b'\n    ${set}`),
            `${at("indent")}Missing required configuration variable 'a:b': add a:b to ${HINT}\n`,
        );
        const inner = `x Missing required configuration variable 'a:b'\n\t${set}`;
        assert.strictEqual(await thrown("inner", inner), `${at("inner")}${inner}\n`);
    });

    it("the region hint applies to a whole line only, the first such line", async () => {
        const message =
            "a No AWS region has been configured\nNo AWS region has been configured b\nNo AWS region has been configured\nNo AWS region has been configured";
        assert.strictEqual(
            await thrown("lines", message),
            `${at("lines")}a No AWS region has been configured\nNo AWS region has been configured b\nNo AWS region has been configured: add aws:region to ${HINT}\nNo AWS region has been configured\n`,
        );
    });

    it("a TypeScript program is type-checked before it runs", async () => {
        const program = file("typed/index.ts", 'const n: number = "text";\nexport const out = n;\n');
        const r = await planHere("--program", program);
        assert.deepStrictEqual([r.code, r.stdout], [2, ""]);
        assert.match(r.stderr, /^error: .*typed\/index\.ts:1:7.*Type 'string' is not assignable to type 'number'/s);
    });

    it("a plan leaves Node's module resolution as it found it", async () => {
        const before = Module._resolveFilename;
        await planHere("--program", file("plain/index.js", "exports.x = 1;\n"));
        await planHere("--program", file("plain-fail/index.js", 'throw new Error("no");\n'));
        assert.strictEqual(Module._resolveFilename, before);
    });
});
