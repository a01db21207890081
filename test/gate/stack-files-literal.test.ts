/**
 * Reading Pulumi project and stack files, literally: the size limits (1 MiB a
 * file, 100000 values a config key, both inclusive), every error message
 * (missing, too large, invalid YAML with its first line only, no project name,
 * not a mapping, config not a mapping, alias bombs), the project fields kept,
 * how config keys are namespaced and values flattened (secure values as
 * "[secret]"), how `expandedSize` counts and stops, and which file names
 * `listStacks` sees as stacks, sorted.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expandedSize, listStacks, readProjectFile, readStackConfig, StackFileError } from "../../policy-pack/gate/stack-files";
import { thrown } from "../harness";

describe("gate: project and stack files, literally", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };
    /** How the messages name a file: relative to the working directory. */
    const shown = (file: string) => path.relative(process.cwd(), file);
    const fails = (run: () => unknown): string => {
        const err = thrown(run);
        assert.ok(err instanceof StackFileError, String(err));
        return err.message;
    };

    it("counts the values a value expands to, aliases repeated", () => {
        const shared = [1, 2];
        assert.strictEqual(expandedSize("s", 10), 1);
        assert.strictEqual(expandedSize(null, 10), 1);
        assert.strictEqual(expandedSize([], 10), 1);
        assert.strictEqual(expandedSize([1, [2, 3]], 10), 5);
        assert.strictEqual(expandedSize({ a: 1, b: { c: [true, null] } }, 10), 6);
        assert.strictEqual(expandedSize([shared, shared], 10), 7);
    });

    it("stops counting one past the limit", () => {
        const ten = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        assert.strictEqual(expandedSize(ten, 3), 4);
        assert.strictEqual(expandedSize(ten, 0), 1);
        assert.strictEqual(expandedSize(ten, 11), 11);
        assert.strictEqual(expandedSize(ten, 10), 11);
        assert.strictEqual(expandedSize(ten, 9), 10);
    });

    it("has no project without a Pulumi.yaml", () => {
        assert.strictEqual(readProjectFile(dir), undefined);
    });

    it("reads a project's name, main and typescript option", () => {
        write("Pulumi.yaml", "name: app\nmain: src/index.ts\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n");
        assert.deepStrictEqual(readProjectFile(dir), { name: "app", main: "src/index.ts", typescript: false });
        write("Pulumi.yaml", "name: app\nruntime:\n  options:\n    typescript: true\n");
        assert.deepStrictEqual(readProjectFile(dir), { name: "app", main: undefined, typescript: true });
    });

    for (const [label, runtime] of [
        ["a runtime given by name", "runtime: nodejs\n"],
        ["a runtime without options", "runtime:\n  name: nodejs\n"],
        ["a null runtime", "runtime: null\n"],
        ["a typescript option that is not a boolean", "runtime:\n  options:\n    typescript: 'false'\n"],
        ["a main that is not a string", "main: 3\n"],
    ]) {
        it(`leaves out what is not given, with ${label}`, () => {
            write("Pulumi.yaml", `name: app\n${runtime}`);
            assert.deepStrictEqual(readProjectFile(dir), { name: "app", main: undefined, typescript: undefined });
        });
    }

    for (const [label, text] of [
        ["an empty document", "---\n"],
        ["an empty file", ""],
        ["no name", "runtime: nodejs\n"],
        ["a name that is not a string", "name: 3\n"],
    ]) {
        it(`a Pulumi.yaml with ${label} has no project name`, () => {
            write("Pulumi.yaml", text);
            assert.strictEqual(
                fails(() => readProjectFile(dir)),
                `${path.join(dir, "Pulumi.yaml")} has no project name (name: ...)`,
            );
        });
    }

    it("a missing stack file cannot be read", () => {
        const file = path.join(dir, "Pulumi.dev.yaml");
        assert.strictEqual(
            fails(() => readStackConfig(file, "p")),
            `cannot read ${shown(file)}: no such file`,
        );
    });

    it("names the working directory itself in full when it is what is read", () => {
        assert.strictEqual(
            fails(() => readStackConfig(process.cwd(), "p")),
            `cannot read ${process.cwd()}: no such file`,
        );
    });

    it("reads a file of exactly 1 MiB and refuses one byte more", () => {
        const head = "config:\n  a: b\n#";
        const file = write("Pulumi.big.yaml", head + "x".repeat(1024 * 1024 - head.length));
        assert.deepStrictEqual(readStackConfig(file, "p"), { config: { "p:a": "b" }, secretKeys: [] });
        fs.appendFileSync(file, "x");
        assert.strictEqual(
            fails(() => readStackConfig(file, "p")),
            `${shown(file)} is larger than 1048576 bytes; a Pulumi project or stack file never needs to be`,
        );
    });

    it("names invalid YAML with the first line of the parser's message", () => {
        const file = write("Pulumi.dev.yaml", "a: b: c\n");
        assert.strictEqual(
            fails(() => readStackConfig(file, "p")),
            `${shown(file)} is not valid YAML: bad indentation of a mapping entry (1:5)`,
        );
    });

    for (const [label, text] of [
        ["a scalar", "3\n"],
        ["a string", "config\n"],
        ["a list", "- config\n"],
    ]) {
        it(`a stack file holding ${label} is not a mapping`, () => {
            const file = write("Pulumi.dev.yaml", text);
            assert.strictEqual(
                fails(() => readStackConfig(file, "p")),
                `${file} must be a YAML mapping with a config: section`,
            );
        });
    }

    for (const [label, text] of [
        ["a list", "config:\n  - a\n"],
        ["a string", "config: a\n"],
        ["a number", "config: 3\n"],
    ]) {
        it(`a config section holding ${label} is not a mapping`, () => {
            const file = write("Pulumi.dev.yaml", text);
            assert.strictEqual(
                fails(() => readStackConfig(file, "p")),
                `${file}: config must be a mapping of keys to values`,
            );
        });
    }

    it("refuses a file of two YAML documents, naming how many it holds", () => {
        const file = write("Pulumi.dev.yaml", "config: {}\n---\nconfig: {}\n");
        assert.strictEqual(
            fails(() => readStackConfig(file, "p")),
            `${shown(file)} is not valid YAML: it holds 2 documents, a Pulumi project or stack file is one`,
        );
    });

    for (const [label, text] of [
        ["an empty document", "---\n"],
        ["an empty file", ""],
        ["only a comment", "# no config yet\n"],
        ["a null document", "~\n"],
        ["no config section", "encryptionsalt: x\n"],
        ["a null config section", "config:\n"],
        ["an empty config section", "config: {}\n"],
    ]) {
        it(`a stack file with ${label} has no config`, () => {
            assert.deepStrictEqual(readStackConfig(write("Pulumi.dev.yaml", text), "p"), { config: {}, secretKeys: [] });
        });
    }

    it("namespaces bare keys with the project and flattens values to strings, structured ones as JSON", () => {
        const text = [
            "config:",
            "  aws:region: us-east-1",
            "  name: api",
            "  count: 3",
            "  on: true",
            "  nothing: null",
            "  list: [1, a]",
            "  map: {x: {y: 1}}",
            "  notSecure: {secure: v1, other: 1}",
            "  other: {key: 1}",
            "  db:password:",
            "    secure: v1:abc",
            "  token: {secure: v1:def}",
            "",
        ].join("\n");
        assert.deepStrictEqual(readStackConfig(write("Pulumi.dev.yaml", text), "proj"), {
            config: {
                "aws:region": "us-east-1",
                "proj:name": "api",
                "proj:count": "3",
                "proj:on": "true",
                "proj:nothing": "null",
                "proj:list": '[1,"a"]',
                "proj:map": '{"x":{"y":1}}',
                "proj:notSecure": '{"secure":"v1","other":1}',
                "proj:other": '{"key":1}',
                "db:password": "[secret]",
                "proj:token": "[secret]",
            },
            secretKeys: ["db:password", "proj:token"],
        });
    });

    it("accepts a key of exactly 100000 values and refuses one of more, naming it", () => {
        const list = (n: number) => `[${new Array(n).fill("0").join(",")}]`;
        const ok = readStackConfig(write("Pulumi.ok.yaml", `config:\n  big: ${list(99_999)}\n`), "p");
        assert.strictEqual(ok.config["p:big"].length, 2 * 99_999 + 1);
        const file = write("Pulumi.dev.yaml", `config:\n  big: ${list(100_000)}\n`);
        assert.strictEqual(
            fails(() => readStackConfig(file, "p")),
            `${shown(file)}: p:big expands to more than 100000 values (YAML aliases repeating each other?); write the value out instead`,
        );
    });

    it("refuses YAML aliases that expand past the limit", () => {
        const text =
            "config:\n  a: &a [0,0,0,0,0,0,0,0,0,0]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  aws:e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        const file = write("Pulumi.dev.yaml", text);
        assert.match(
            fails(() => readStackConfig(file, "p")),
            /: aws:e expands to more than 100000 values/,
        );
    });

    it("lists the stacks that have a Pulumi.<stack>.yaml, sorted by stack name (not file name)", () => {
        for (const f of ["Pulumi.prod.yaml", "Pulumi.a.b.yaml", "Pulumi.a.yaml", "Pulumi.C.yaml", "Pulumi.dev.yaml", "Pulumi.yaml", "xPulumi.x.yaml"]) {
            write(f, "");
        }
        for (const f of ["Pulumi.bak.yaml.old", "Pulumi.y.yml", "pulumi.z.yaml", "Pulumi..yaml"]) {
            write(f, "");
        }
        assert.deepStrictEqual(listStacks(dir), ["C", "a", "a.b", "dev", "prod"]);
    });

    it("lists no stacks in an empty directory", () => {
        assert.deepStrictEqual(listStacks(dir), []);
    });
});
