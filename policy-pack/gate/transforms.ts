/**
 * `transforms` resource options under the mock runtime. The Pulumi engine
 * calls a program's transforms (registered with the SDK's callback server)
 * before it plans a resource: the resource's own first, then those of its
 * parent, grandparent and so on. The mock monitor never calls them, so the
 * recorder does, through the same callbacks the engine would invoke, and
 * records what they return.
 */
import * as path from "path";
import type * as resprotoTypes from "@pulumi/pulumi/proto/resource_pb";

/** A transform as a registration carries it: a token of the SDK's callback server. */
export interface TransformCallback {
    getToken(): string;
}

interface StructLike {
    toJavaScript(): Record<string, unknown>;
}

/** What the recorder needs of a registration to build the engine's transform request. */
export interface TransformTarget {
    getType(): string;
    getName(): string;
    getCustom(): boolean;
    getParent(): string;
}

/** The SDK's callback server, as far as calling a registered callback goes. */
interface CallbackServerInternals {
    _callbacks: Map<string, (request: Uint8Array) => Promise<{ serializeBinary(): Uint8Array }>>;
}

/** The SDK's runtime store (internal: not in its type declarations). */
interface Store {
    supportsTransforms: boolean;
    callbacks?: unknown;
}
/** The SDK copy the program runs on (its own `@pulumi/pulumi`, or the gate's): its runtime store and protos. */
const DEFAULT_SDK_DIR = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const store = (sdkDir = DEFAULT_SDK_DIR): Store => (require(path.join(sdkDir, "runtime", "state")) as { getStore(): Store }).getStore();
const protos = (sdkDir = DEFAULT_SDK_DIR): typeof resprotoTypes => require(path.join(sdkDir, "proto", "resource_pb")) as typeof resprotoTypes;

/** Lets programs pass `transforms` under mocks (the mock runtime turns the feature off). Call after `setMocks`. */
export function enableTransforms(sdkDir?: string): void {
    store(sdkDir).supportsTransforms = true;
}

/** Runs the transforms with the given tokens on a registration's properties, in order; returns the properties they leave. */
export async function applyTransforms<S extends StructLike>(
    target: TransformTarget,
    properties: S | undefined,
    tokens: readonly string[],
    sdkDir?: string,
): Promise<S | undefined> {
    const resproto = protos(sdkDir);
    const server = store(sdkDir).callbacks as unknown as CallbackServerInternals | undefined;
    let current = properties;
    for (const token of tokens) {
        const callback = server?._callbacks.get(token);
        if (!callback) {
            throw new Error(`transform ${token} of ${target.getType()} ${target.getName()} is not registered with the program's callback server`);
        }
        const request = new resproto.TransformRequest();
        request.setType(target.getType());
        request.setName(target.getName());
        request.setCustom(target.getCustom());
        request.setParent(target.getParent());
        if (current) {
            request.setProperties(current as unknown as Parameters<typeof request.setProperties>[0]);
        }
        request.setOptions(new resproto.TransformResourceOptions());
        const response = resproto.TransformResponse.deserializeBinary((await callback(request.serializeBinary())).serializeBinary());
        current = (response.getProperties() as unknown as S | undefined) ?? current;
    }
    return current;
}
