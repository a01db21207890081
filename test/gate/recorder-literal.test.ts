/**
 * Pins the recorder in-process: how registration values are normalized (references to ids, secrets and
 * outputs unwrapped, unknowns kept), the secret paths it notes, the program line it attributes a resource
 * to, and what the recording monitor records for registrations and reads (inputs, outputs, ids, auto-names,
 * provider-declared secret outputs, remote components, transforms inherited from a parent), driven with the
 * SDK's real protobuf requests and its real MockMonitor.
 */
import * as assert from "assert";
import * as path from "path";
import { MockMonitor, MockResourceArgs, MockResourceResult } from "@pulumi/pulumi/runtime/mocks";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as sourceproto from "@pulumi/pulumi/proto/source_pb";
import * as callbackproto from "@pulumi/pulumi/proto/callback_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { createRecordingMonitor, Json, normalizeValue, programLocation, RecordingMonitor, secretPaths } from "../../policy-pack/gate/recorder";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const PARENT = "urn:pulumi:s::p::acme:index:Comp::parent";
const EMPTY = () => structproto.Struct.fromJavaScript({});

const secret = (value: Json): Json => ({ [SIG]: SECRET, value });
const ref = (urn: string, id?: string): Json => (id === undefined ? { [SIG]: RESOURCE, urn } : { [SIG]: RESOURCE, urn, id });

const pos = (uri: string, line = 7, column = 3) => new sourceproto.SourcePosition().setUri(uri).setLine(line).setColumn(column);
const trace = (...uris: string[]) => new sourceproto.StackTrace().setFramesList(uris.map((u, i) => new sourceproto.StackFrame().setPc(pos(u, 10 + i, 1))));

/** A monitor whose mocks answer with `state` (and record what they were asked). */
function monitor(answer: (args: MockResourceArgs) => MockResourceResult, programDir?: string) {
    const asked: MockResourceArgs[] = [];
    const pendingSeen: number[] = [];
    const mon: RecordingMonitor = createRecordingMonitor(
        MockMonitor,
        {
            newResource: (args) => {
                asked.push(args);
                pendingSeen.push(mon.pending);
                return answer(args);
            },
            call: () => ({}),
        },
        undefined,
        programDir,
    );
    return { mon, asked, pendingSeen };
}

function registration(type: string, name: string, object?: { [key: string]: Json }, custom = true) {
    const req = new resproto.RegisterResourceRequest().setType(type).setName(name).setCustom(custom);
    if (object) {
        req.setObject(structproto.Struct.fromJavaScript(object as Parameters<typeof structproto.Struct.fromJavaScript>[0]));
    }
    return req;
}

async function register(mon: RecordingMonitor, req: resproto.RegisterResourceRequest) {
    let seen: { err: unknown; response: resproto.RegisterResourceResponse | undefined } | undefined;
    await mon.registerResource(req, (err, response) => (seen = { err, response: response as resproto.RegisterResourceResponse | undefined }));
    return seen!;
}

const tail = (urn: string) => urn.split("::").slice(2).join("::");

describe("gate: recorder (literal)", () => {
    it("normalizeValue turns references into ids, unwraps secrets and outputs only when plain, and drops undefined", () => {
        assert.strictEqual(normalizeValue(ref("urn:a", "i-1"), false), "i-1");
        assert.strictEqual(normalizeValue(ref("urn:a", ""), true), UNKNOWN);
        assert.strictEqual(normalizeValue(ref("urn:comp"), false), "urn:comp");
        assert.deepStrictEqual(normalizeValue([ref("urn:a", "i-2"), 3, null, "s"], false), ["i-2", 3, null, "s"]);
        assert.deepStrictEqual(normalizeValue({ s: secret("pw"), o: { [SIG]: OUTPUT, value: [1] } }, true), { s: "pw", o: [1] });
        assert.deepStrictEqual(normalizeValue({ s: secret(ref("urn:a", "i-3")) }, false), { s: { [SIG]: SECRET, value: "i-3" } });
        // An unknown output has no value: dropped from an object, null in an array.
        assert.deepStrictEqual(normalizeValue({ o: { [SIG]: OUTPUT }, k: 1 }, true), { k: 1 });
        assert.deepStrictEqual(normalizeValue([{ [SIG]: OUTPUT }], true), [null]);
        assert.deepStrictEqual(normalizeValue({ [SIG]: "other", x: ref("urn:b", "i-4") }, true), { [SIG]: "other", x: "i-4" });
        assert.strictEqual(normalizeValue(undefined, true), undefined);
        assert.strictEqual(normalizeValue(false, true), false);
        assert.strictEqual(normalizeValue(null, false), null);
    });

    it("secretPaths names each secret as a.b[0], a secret output too, and the whole value as (value)", () => {
        const value = { a: { b: [secret("x"), "plain"] }, c: { [SIG]: OUTPUT, value: "v", secret: true }, d: { [SIG]: OUTPUT, value: { e: secret(1) } } };
        assert.deepStrictEqual(secretPaths(value), ["a.b[0]", "c", "d.e"]);
        assert.deepStrictEqual(secretPaths([["n", secret("y")]]), ["[0][1]"]);
        assert.deepStrictEqual(secretPaths(secret("whole")), ["(value)"]);
        assert.deepStrictEqual(secretPaths({ [SIG]: OUTPUT, value: "v", secret: true }), ["(value)"]);
        assert.deepStrictEqual(secretPaths({ [SIG]: OUTPUT, value: secret("w"), secret: false }), ["(value)"]);
        assert.deepStrictEqual(secretPaths({ [SIG]: OUTPUT, value: "v", secret: "yes" }), []);
        assert.deepStrictEqual(secretPaths({ a: null, b: 2, c: "s" }), []);
        assert.deepStrictEqual(secretPaths(undefined), []);
    });

    it("programLocation takes the first frame inside the program (not its node_modules), else the SDK's position", () => {
        const dir = path.join(path.sep, "work", "app");
        const frames = [
            path.join(path.sep, "work", "app2", "x.ts"),
            path.join(dir, "node_modules", "lib", "y.js"),
            "",
            path.join(dir, "src", "index.ts"),
            path.join(dir, "later.ts"),
        ];
        const req = { getSourceposition: () => pos("file:///sdk/resource.js", 1, 2), getStacktrace: () => trace(...frames) };
        assert.deepStrictEqual(programLocation(req, dir), { file: path.join(dir, "src", "index.ts"), line: 13, column: 1 });
        assert.deepStrictEqual(programLocation(req), { file: "/sdk/resource.js", line: 1, column: 2 });
        const sdkOnly = (uri: string, frames: string[], at?: string) =>
            programLocation({ getSourceposition: () => pos(uri, 4, 5), getStacktrace: () => (frames.length > 0 ? trace(...frames) : undefined) }, at);
        assert.deepStrictEqual(sdkOnly("file:///sdk/r.js", [frames[0], frames[1]], dir), { file: "/sdk/r.js", line: 4, column: 5 });
        assert.deepStrictEqual(sdkOnly("/plain/path.ts", [], dir), { file: "/plain/path.ts", line: 4, column: 5 });
        // Without a program directory no frame is the program's, whatever its path.
        assert.deepStrictEqual(sdkOnly("/sdk/s.js", [`undefined${path.sep}index.ts`]), { file: "/sdk/s.js", line: 4, column: 5 });
        const noPc = new sourceproto.StackTrace().setFramesList([new sourceproto.StackFrame()]);
        assert.strictEqual(programLocation({ getSourceposition: () => undefined, getStacktrace: () => noPc }, dir), undefined);
        assert.strictEqual(programLocation({ getSourceposition: () => pos(""), getStacktrace: () => undefined }), undefined);
    });

    it("records a custom resource: ids for references in what the mocks see, plain inputs, outputs merged with its id", async () => {
        const { mon, asked, pendingSeen } = monitor(() => ({ id: "i-9", state: { b: 3, c: 4 } }), path.join(path.sep, "p"));
        const req = registration("acme:index:Thing", "t", { a: 1, b: 2, r: ref("urn:x", "i-1"), s: secret("pw") });
        req.setParent(PARENT)
            .setDependenciesList(["urn:d1"])
            .setSourceposition(pos("file:///p/index.ts", 5, 6));
        req.getPropertydependenciesMap().set("r", new resproto.RegisterResourceRequest.PropertyDependencies().setUrnsList(["urn:x"]));
        const { err, response } = await register(mon, req);
        assert.strictEqual(err, null);
        assert.strictEqual(response!.getId(), "i-9");
        assert.deepStrictEqual(asked[0].inputs, { a: 1, b: 2, r: "i-1", s: secret("pw") });
        assert.strictEqual(asked[0].custom, true);
        assert.deepStrictEqual(pendingSeen, [1]);
        assert.strictEqual(mon.pending, 0);
        const [r] = mon.recorded;
        assert.strictEqual(tail(r.urn), "acme:index:Comp$acme:index:Thing::t");
        assert.deepStrictEqual(
            { ...r, urn: undefined },
            {
                type: "acme:index:Thing",
                name: "t",
                custom: true,
                read: false,
                parent: PARENT,
                props: { a: 1, b: 2, r: "i-1", s: "pw" },
                dependencies: ["urn:d1"],
                propertyDependencies: { r: ["urn:x"] },
                secretPaths: ["s"],
                source: { file: "/p/index.ts", line: 5, column: 6 },
                urn: undefined,
                outputs: { a: 1, b: 3, c: 4, r: "i-1", s: "pw", id: "i-9" },
            },
        );
    });

    it("a component's outputs are its state alone, a custom resource without an id is unknown, no object records {}", async () => {
        const { mon } = monitor((args) => ({ id: args.custom ? undefined : "ignored", state: { out: "o" } }));
        await register(mon, registration("acme:index:Comp", "c", { in: "i" }, false));
        await register(mon, registration("acme:index:Thing", "t", { in: "i" }));
        await register(mon, registration("acme:index:Empty", "e", {}));
        const [comp, thing, empty] = mon.recorded;
        assert.deepStrictEqual([comp.custom, comp.parent, comp.props, comp.outputs], [false, undefined, { in: "i" }, { out: "o" }]);
        assert.deepStrictEqual(thing.outputs, { in: "i", out: "o", id: UNKNOWN });
        assert.deepStrictEqual([empty.props, empty.secretPaths, empty.propertyDependencies, empty.source], [{}, [], {}, undefined]);
    });

    it("a remote component is planned as custom by the mocks but recorded as a component", async () => {
        const { mon, asked } = monitor(() => ({ id: "", state: {} }));
        await register(mon, registration("acme:index:Remote", "r", { x: 1 }, false).setRemote(true));
        await register(mon, registration("acme:index:Local", "l", { x: 1 }, false));
        assert.deepStrictEqual(
            asked.map((a) => a.custom),
            [true, false],
        );
        assert.deepStrictEqual(
            mon.recorded.map((r) => [r.custom, r.outputs]),
            [
                [false, {}],
                [false, {}],
            ],
        );
    });

    it("the provider's auto-name becomes an input of a custom resource that did not set it", async () => {
        const { mon } = monitor((args) => ({ id: "b-1", state: args.name === "none" ? {} : { bucket: `${args.name}-auto`, arn: "arn:b" } }));
        await register(mon, registration("aws:s3/bucket:Bucket", "auto", { tags: {} }));
        await register(mon, registration("aws:s3/bucket:Bucket", "given", { bucket: "mine" }));
        await register(mon, registration("aws:s3/bucket:Bucket", "none", {}));
        await register(mon, registration("aws:s3/bucket:Bucket", "comp", {}, false));
        assert.deepStrictEqual(
            mon.recorded.map((r) => r.props),
            [{ tags: {}, bucket: "auto-auto" }, { bucket: "mine" }, {}, {}],
        );
    });

    it("outputs the provider declares secret come back secret, once, and only when they have a value", async () => {
        const state = { value: "k", list: [1], obj: { a: "1" }, gone: null, already: secret("s"), other: "o" };
        const { mon } = monitor(() => ({ id: "id", state }));
        const req = registration("acme:index:Key", "k", {}).setAdditionalsecretoutputsList(["value", "value", "list", "obj", "gone", "missing", "already"]);
        const { response } = await register(mon, req);
        assert.deepStrictEqual(response!.getObject()!.toJavaScript(), {
            value: secret("k"),
            list: secret([1]),
            obj: secret({ a: "1" }),
            gone: null,
            already: secret("s"),
            other: "o",
        });
        assert.deepStrictEqual(mon.recorded[0].outputs, { value: "k", list: [1], obj: { a: "1" }, gone: null, already: "s", other: "o", id: "id" });
        const { response: plain } = await register(mon, registration("acme:index:Key", "p", {}));
        assert.deepStrictEqual(plain!.getObject()!.toJavaScript(), { ...state, already: secret("s") });
    });

    it("a failed registration or read is passed on and not recorded", async () => {
        const { mon } = monitor(() => {
            throw new Error("mock refused");
        });
        const { err, response } = await register(mon, registration("acme:index:Thing", "t", {}));
        assert.strictEqual((err as Error).message, "mock refused");
        assert.strictEqual(response, undefined);
        let readErr: unknown;
        await mon.readResource(
            new resproto.ReadResourceRequest().setType("acme:index:Thing").setName("r").setId("i").setProperties(EMPTY()),
            (e) => (readErr = e),
        );
        assert.strictEqual((readErr as Error).message, "mock refused");
        assert.deepStrictEqual([mon.recorded, mon.pending], [[], 0]);
    });

    it("records a read as a custom, read resource with its inputs and the requested id", async () => {
        const { mon, pendingSeen } = monitor(() => ({ id: "ignored", state: { out: secret("o") } }), path.join(path.sep, "p"));
        const req = new resproto.ReadResourceRequest().setType("pulumi:pulumi:StackReference").setName("ref").setId("org/p/s");
        req.setProperties(structproto.Struct.fromJavaScript({ name: "org/p/s", key: secret("k") } as Parameters<typeof structproto.Struct.fromJavaScript>[0]));
        req.setParent(PARENT).setDependenciesList(["urn:d"]).setStacktrace(trace("/p/main.ts"));
        let seen: unknown;
        await mon.readResource(req, (err, response) => (seen = [err, (response as resproto.ReadResourceResponse).getUrn()]));
        const [r] = mon.recorded;
        assert.deepStrictEqual(seen, [null, r.urn]);
        assert.deepStrictEqual(pendingSeen, [1]);
        assert.deepStrictEqual(
            { ...r, urn: tail(r.urn) },
            {
                type: "pulumi:pulumi:StackReference",
                name: "ref",
                custom: true,
                read: true,
                parent: PARENT,
                props: { name: "org/p/s", key: "k" },
                dependencies: ["urn:d"],
                propertyDependencies: {},
                secretPaths: ["key"],
                source: { file: "/p/main.ts", line: 10, column: 1 },
                urn: "acme:index:Comp$pulumi:pulumi:StackReference::ref",
                outputs: { out: "o", id: "org/p/s" },
            },
        );
        await mon.readResource(new resproto.ReadResourceRequest().setType("acme:index:T").setName("bare").setId("").setProperties(EMPTY()), () => undefined);
        assert.deepStrictEqual([mon.recorded[1].parent, mon.recorded[1].props, mon.recorded[1].secretPaths], [undefined, {}, []]);
    });

    it("applies a resource's transforms, then its parent's, before the mocks see it", async () => {
        const store = (require("@pulumi/pulumi/runtime/state") as { getStore(): { callbacks?: unknown } }).getStore();
        const saved = store.callbacks;
        const calls: string[] = [];
        const { mon, asked, pendingSeen } = monitor(() => ({ id: "i", state: {} }));
        const transform = (token: string, add: Record<string, string>) => async (bytes: Uint8Array) => {
            const request = resproto.TransformRequest.deserializeBinary(bytes);
            calls.push(`${token}:${request.getName()}:${mon.pending}`);
            return new resproto.TransformResponse().setProperties(structproto.Struct.fromJavaScript({ ...request.getProperties()!.toJavaScript(), ...add }));
        };
        store.callbacks = {
            _callbacks: new Map([
                ["own", transform("own", { own: "1" })],
                ["parent", transform("parent", { parent: "2" })],
            ]),
        };
        try {
            const token = (t: string) => new callbackproto.Callback().setToken(t);
            const parent = await register(mon, registration("acme:index:Comp", "p", {}, false).setTransformsList([token("parent")]));
            const urn = parent.response!.getUrn();
            await register(
                mon,
                registration("acme:index:Thing", "child", {})
                    .setParent(urn)
                    .setTransformsList([token("own")]),
            );
            await register(mon, registration("acme:index:Thing", "plain", {}).setParent("urn:pulumi:s::p::acme:index:Other::o"));
        } finally {
            store.callbacks = saved;
        }
        assert.deepStrictEqual(calls, ["parent:p:1", "own:child:1", "parent:child:1"]);
        assert.deepStrictEqual(
            asked.map((a) => a.inputs),
            [{ parent: "2" }, { own: "1", parent: "2" }, {}],
        );
        assert.deepStrictEqual(pendingSeen, [1, 1, 1]);
        assert.deepStrictEqual(mon.recorded[1].props, { own: "1", parent: "2" });
    });
});
