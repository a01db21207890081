/**
 * The stack-reference module, literally and in-process: the exact remedy and
 * error texts, which output names a `--stack-outputs` file keeps secret, the
 * `NAME=FILE` pattern, the state the mock monitor answers, and how
 * `getOutput` / `requireOutput` answer outputs a referenced stack does not
 * list (unknown, undefined or an error naming the output and its source).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import {
    guardStackReferenceOutputs,
    MissingStackReferenceError,
    parseStackOutputsArg,
    readStackOutputsFile,
    ReferencedStack,
    stackOutputsRemedy,
    stackReferenceState,
} from "../../policy-pack/gate/stack-references";
import { runUnderMocks } from "../../policy-pack/gate/runtime";
import { thrown } from "../harness";

const STACK = "o/p/s";
const REMEDY = `pass --stack-outputs ${STACK}=FILE with FILE written by \`pulumi stack output --json --show-secrets\` in that stack`;
const REQUIRE_TAIL = "requireOutput needs every output it names to exist (at a first preview, an output a file does not list is unknown instead)";

/** The SDK's view of an output (as runtime.ts reads it). */
interface OutputInternals {
    isKnown: Promise<boolean>;
    promise(): Promise<unknown>;
}
const internals = (o: pulumi.Output<unknown>) => o as unknown as OutputInternals;

describe("gate: stack references, literally", () => {
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "refs-literal-"))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };

    it("names the stack and the remedy in MissingStackReferenceError", () => {
        const err = new MissingStackReferenceError(STACK, "do X");
        assert.ok(err instanceof Error);
        assert.strictEqual(err.name, "MissingStackReferenceError");
        assert.strictEqual(err.stackName, STACK);
        assert.strictEqual(err.message, `no outputs are known for stack reference "${STACK}"; do X`);
    });

    it("offers --stack-outputs, and the project's own stacks only when a project is given", () => {
        assert.strictEqual(stackOutputsRemedy(STACK), REMEDY);
        assert.strictEqual(stackOutputsRemedy(STACK, ""), REMEDY);
        assert.strictEqual(
            stackOutputsRemedy(STACK, "proj", ["dev", "prod"]),
            `${REMEDY}; or reference one of this project's own stacks (<org>/proj/dev, <org>/proj/prod), which the gate plans offline itself`,
        );
        assert.strictEqual(
            stackOutputsRemedy(STACK, "proj"),
            `${REMEDY}; or reference one of this project's own stacks (), which the gate plans offline itself`,
        );
    });

    it("reads a file of outputs: hidden and credential-named outputs secret, hidden ones left out", () => {
        const outputs = {
            vpcId: "vpc-1",
            count: 3,
            nested: { a: [1] },
            hiddenPlain: "[secret]",
            dbPassword: "pw",
            DB_PASSWD: "pw2",
            apiToken: "t",
            awsCredentials: "c",
            privateKey: "k",
            clientSecret: "s",
            apikey: "1",
            "api-key": "2",
            api_key: "3",
            apiXkey: "not secret",
            apiKeyValues: "[secret]",
            KeyValues: "kv",
            api: "plain",
        };
        const file = write("outputs.json", JSON.stringify(outputs));
        const read = readStackOutputsFile(STACK, file);
        assert.deepStrictEqual(read, {
            values: {
                vpcId: "vpc-1",
                count: 3,
                nested: { a: [1] },
                dbPassword: "pw",
                DB_PASSWD: "pw2",
                apiToken: "t",
                awsCredentials: "c",
                privateKey: "k",
                clientSecret: "s",
                apikey: "1",
                "api-key": "2",
                api_key: "3",
                apiXkey: "not secret",
                KeyValues: "kv",
                api: "plain",
            },
            secretNames: [
                "hiddenPlain",
                "dbPassword",
                "DB_PASSWD",
                "apiToken",
                "awsCredentials",
                "privateKey",
                "clientSecret",
                "apikey",
                "api-key",
                "api_key",
                "apiKeyValues",
                "KeyValues",
            ],
            source: file,
            complete: false,
        } satisfies ReferencedStack);
    });

    it("an empty object file has no outputs", () => {
        const file = write("empty.json", "{}");
        assert.deepStrictEqual(readStackOutputsFile(STACK, file), { values: {}, secretNames: [], source: file, complete: false });
    });

    it("a missing file is named as such", () => {
        const file = path.join(dir, "nope.json");
        assert.strictEqual(thrown(() => readStackOutputsFile(STACK, file)).message, `--stack-outputs ${STACK}=${file}: no such file`);
    });

    it("a file that is not JSON is named with the parser's message", () => {
        const file = write("bad.json", "{");
        const parserMessage = thrown(() => JSON.parse("{")).message;
        assert.ok(parserMessage.length > 0);
        assert.strictEqual(thrown(() => readStackOutputsFile(STACK, file)).message, `--stack-outputs ${STACK}=${file}: not valid JSON: ${parserMessage}`);
    });

    for (const [label, text] of [
        ["null", "null"],
        ["a number", "3"],
        ["a string", '"x"'],
        ["an array", "[1]"],
        ["an empty array", "[]"],
    ]) {
        it(`a file holding ${label} is not a map of outputs`, () => {
            const file = write("not-object.json", text);
            assert.strictEqual(
                thrown(() => readStackOutputsFile(STACK, file)).message,
                `--stack-outputs ${STACK}=${file}: expected a JSON object of output names to values, as \`pulumi stack output --json\` prints`,
            );
        });
    }

    it("parses NAME=FILE, the file keeping any further =", () => {
        assert.deepStrictEqual(parseStackOutputsArg("org/proj/dev=out.json"), { stackName: "org/proj/dev", file: "out.json" });
        assert.deepStrictEqual(parseStackOutputsArg("a/b/c=x=y z.json"), { stackName: "a/b/c", file: "x=y z.json" });
        assert.deepStrictEqual(parseStackOutputsArg("a/b/c/d=f"), { stackName: "a/b/c/d", file: "f" });
    });

    for (const arg of ["network.json", "a/b=f", "a/b/c=", "a/b/c", "x a/b/c=f", "a b/c/d=f", "a=b/c/d=f", "a/b/c=f\nx", "/b/c=f", "a//c=f", "a/b/=f", "=f"]) {
        it(`rejects --stack-outputs ${JSON.stringify(arg)}, quoting it`, () => {
            assert.strictEqual(thrown(() => parseStackOutputsArg(arg)).message, `--stack-outputs expects ORG/PROJECT/STACK=FILE (got ${JSON.stringify(arg)})`);
        });
    }

    it("answers a reference's state with its outputs, secret ones wrapped as secrets", async () => {
        const refs = { [STACK]: { values: { a: "1", pw: "2" }, secretNames: ["pw"], source: "f", complete: false } };
        const state = stackReferenceState(STACK, refs, () => false);
        assert.deepStrictEqual(Object.keys(state), ["name", "outputs", "secretOutputNames"]);
        assert.strictEqual(state.name, STACK);
        assert.deepStrictEqual(state.secretOutputNames, ["pw"]);
        const outputs = state.outputs as Record<string, unknown>;
        assert.deepStrictEqual(Object.keys(outputs), ["a", "pw"]);
        assert.strictEqual(outputs.a, "1");
        const pw = outputs.pw as pulumi.Output<unknown>;
        assert.ok(pulumi.Output.isInstance(pw));
        assert.strictEqual(await pulumi.isSecret(pw), true);
        assert.strictEqual(await internals(pw).promise(), "2");
    });

    it("a reference nobody supplies fails naming the stack, with the remedy fitting whether it is the project's own", () => {
        const seen: string[] = [];
        const other = thrown(() => stackReferenceState(STACK, {}, (n) => (seen.push(n), false)));
        assert.ok(other instanceof MissingStackReferenceError);
        assert.deepStrictEqual(seen, [STACK]);
        assert.strictEqual(other.message, `no outputs are known for stack reference "${STACK}"; ${REMEDY}`);
        const own = thrown(() => stackReferenceState(STACK, {}, () => true));
        assert.strictEqual(
            own.message,
            `no outputs are known for stack reference "${STACK}"; it is one of this project's stacks: it is planned offline first, so this should not happen`,
        );
    });

    describe("guardStackReferenceOutputs", () => {
        const proto = pulumi.StackReference.prototype;
        /** A stand-in for a StackReference read with `values` (what the SDK's methods read of it). */
        const ref = (stack: string, values: Record<string, unknown>) =>
            ({ name: pulumi.output(stack), outputs: pulumi.output(values), secretOutputNames: pulumi.output([]) }) as unknown as pulumi.StackReference;
        const file: ReferencedStack = { values: { there: "v" }, secretNames: [], source: "net.json", complete: false };
        const planned: ReferencedStack = { values: { there: "v" }, secretNames: [], source: "planning", complete: true };
        const refs = { [STACK]: file, "o/p/done": planned };

        async function answer(preview: boolean, method: "getOutput" | "requireOutput", stack: string, key: string): Promise<unknown> {
            const undo = guardStackReferenceOutputs(pulumi, refs, preview);
            try {
                const out = internals(proto[method].call(ref(stack, { there: "v" }), key));
                return (await out.isKnown) ? { value: await out.promise() } : "unknown";
            } finally {
                undo();
            }
        }

        it("restores the SDK's own methods when undone", () => {
            const original = { getOutput: proto.getOutput, requireOutput: proto.requireOutput };
            const undo = guardStackReferenceOutputs(pulumi, refs, false);
            assert.notStrictEqual(proto.getOutput, original.getOutput);
            assert.notStrictEqual(proto.requireOutput, original.requireOutput);
            undo();
            assert.strictEqual(proto.getOutput, original.getOutput);
            assert.strictEqual(proto.requireOutput, original.requireOutput);
        });

        for (const preview of [true, false]) {
            it(`answers a listed output with its value (${preview ? "preview" : "update"})`, async () => {
                for (const stack of [STACK, "o/p/done"]) {
                    assert.deepStrictEqual(await answer(preview, "getOutput", stack, "there"), { value: "v" });
                    assert.deepStrictEqual(await answer(preview, "requireOutput", stack, "there"), { value: "v" });
                }
            });
        }

        it("at a preview, an output a file does not list is unknown, also for a stack nobody supplies", async () => {
            for (const stack of [STACK, "o/p/unknown"]) {
                assert.strictEqual(await answer(true, "getOutput", stack, "missing"), "unknown");
                assert.strictEqual(await answer(true, "requireOutput", stack, "missing"), "unknown");
            }
            assert.strictEqual(await answer(true, "getOutput", STACK, "toString"), "unknown", "an inherited property is not an output");
        });

        it("getOutput of an output the stack does not have is undefined on update, and at a preview of a planned stack", async () => {
            assert.deepStrictEqual(await answer(false, "getOutput", STACK, "missing"), { value: undefined });
            assert.deepStrictEqual(await answer(false, "getOutput", "o/p/unknown", "missing"), { value: undefined });
            assert.deepStrictEqual(await answer(true, "getOutput", "o/p/done", "missing"), { value: undefined });
        });

        it("requireOutput of an output the stack does not have fails naming it and, when known, its source", async () => {
            const cases: [boolean, string, string][] = [
                [false, STACK, `stack reference "${STACK}" has no output "missing" in net.json; ${REQUIRE_TAIL}`],
                [true, "o/p/done", `stack reference "o/p/done" has no output "missing" in planning; ${REQUIRE_TAIL}`],
                [false, "o/p/unknown", `stack reference "o/p/unknown" has no output "missing"; ${REQUIRE_TAIL}`],
            ];
            for (const [preview, stack, message] of cases) {
                await assert.rejects(answer(preview, "requireOutput", stack, "missing"), (err: Error) => (assert.strictEqual(err.message, message), true));
            }
        });

        it("guards a real StackReference in a program run (file outputs, update)", async () => {
            const plan = await runUnderMocks(
                () => {
                    const net = new pulumi.StackReference(STACK);
                    return {
                        there: net.getOutput("there"),
                        viaRequire: net.requireOutput("there"),
                        missing: net.getOutput("missing").apply((v) => v === undefined),
                    };
                },
                { project: "app", stack: "test", mode: "update", references: { [STACK]: file } },
            );
            assert.deepStrictEqual(plan.outputs, {
                there: { value: "v", secret: false, known: true },
                viaRequire: { value: "v", secret: false, known: true },
                missing: { value: true, secret: false, known: true },
            });
        });
    });
});
