/**
 * Pins the transforms bridge in-process: enableTransforms turns the SDK's feature flag on, and
 * applyTransforms calls the program's registered callbacks in order with the engine's request (type,
 * name, custom, parent, current properties, options), keeps the properties when a transform returns
 * none, and names the resource and token when a callback is not registered.
 */
import * as assert from "assert";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { applyTransforms, enableTransforms } from "../../policy-pack/gate/transforms";

type Callback = (bytes: Uint8Array) => Promise<{ serializeBinary(): Uint8Array }>;
const store = (require("@pulumi/pulumi/runtime/state") as { getStore(): { callbacks?: unknown; supportsTransforms: boolean } }).getStore();
const target = { getType: () => "acme:index:Thing", getName: () => "t", getCustom: () => true, getParent: () => "urn:pulumi:s::p::acme:index:Comp::c" };
const struct = (value: Record<string, string>) => structproto.Struct.fromJavaScript(value);

/** Runs `body` with the SDK's callback server replaced by one holding `callbacks`, then restores it. */
async function withCallbacks<T>(callbacks: Map<string, Callback> | undefined, body: () => Promise<T>): Promise<T> {
    const saved = store.callbacks;
    store.callbacks = callbacks === undefined ? undefined : { _callbacks: callbacks };
    try {
        return await body();
    } finally {
        store.callbacks = saved;
    }
}

describe("gate: transforms (literal)", () => {
    it("enableTransforms switches the SDK's transforms support on", () => {
        const saved = store.supportsTransforms;
        try {
            store.supportsTransforms = false;
            enableTransforms();
            assert.strictEqual(store.supportsTransforms, true);
        } finally {
            store.supportsTransforms = saved;
        }
    });

    it("runs each transform in order on what the previous one left, with the engine's request", async () => {
        const seen: unknown[] = [];
        const transform =
            (add: Record<string, string> | undefined): Callback =>
            async (bytes) => {
                const req = resproto.TransformRequest.deserializeBinary(bytes);
                seen.push([req.getType(), req.getName(), req.getCustom(), req.getParent(), req.getProperties()?.toJavaScript(), req.hasOptions()]);
                const response = new resproto.TransformResponse();
                return add === undefined
                    ? response
                    : response.setProperties(struct({ ...(req.getProperties()?.toJavaScript() as Record<string, string>), ...add }));
            };
        const callbacks = new Map([
            ["one", transform({ one: "1" })],
            ["none", transform(undefined)],
            ["two", transform({ two: "2" })],
        ]);
        const out = await withCallbacks(callbacks, () => applyTransforms(target, struct({ start: "s" }), ["one", "none", "two"]));
        assert.deepStrictEqual(out!.toJavaScript(), { start: "s", one: "1", two: "2" });
        const parent = "urn:pulumi:s::p::acme:index:Comp::c";
        assert.deepStrictEqual(seen, [
            ["acme:index:Thing", "t", true, parent, { start: "s" }, true],
            ["acme:index:Thing", "t", true, parent, { start: "s", one: "1" }, true],
            ["acme:index:Thing", "t", true, parent, { start: "s", one: "1" }, true],
        ]);
    });

    it("a registration without properties is sent without any and stays without when the transform returns none", async () => {
        const seen: boolean[] = [];
        const callbacks = new Map<string, Callback>([
            [
                "t",
                async (bytes) => {
                    seen.push(resproto.TransformRequest.deserializeBinary(bytes).hasProperties());
                    return new resproto.TransformResponse();
                },
            ],
        ]);
        const component = { ...target, getCustom: () => false, getParent: () => "" };
        assert.strictEqual(await withCallbacks(callbacks, () => applyTransforms(component, undefined, ["t"])), undefined);
        assert.deepStrictEqual(seen, [false]);
    });

    it("no tokens leaves the properties as they are, even without a callback server", async () => {
        const props = struct({ a: "b" });
        assert.strictEqual(await withCallbacks(undefined, () => applyTransforms(target, props, [])), props);
    });

    it("a token the callback server does not hold fails, naming the token and the resource", async () => {
        const message = "transform tok-1 of acme:index:Thing t is not registered with the program's callback server";
        await assert.rejects(
            withCallbacks(new Map(), () => applyTransforms(target, undefined, ["tok-1"])),
            (err: Error) => err.message === message,
        );
        await assert.rejects(
            withCallbacks(undefined, () => applyTransforms(target, undefined, ["tok-1"])),
            (err: Error) => err.message === message,
        );
    });
});
