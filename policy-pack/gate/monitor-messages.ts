/** The parts of the engine's resource-monitor requests and responses the recorder reads (the SDK's generated protobuf classes, structurally). */
import type { Json } from "./recorder";
import type { TransformCallback } from "./transforms";

export interface StructLike {
    toJavaScript(): { [key: string]: Json };
}
export interface StructClass {
    fromJavaScript(value: { [key: string]: Json }): StructLike;
}
export interface PositionLike {
    getUri(): string;
    getLine(): number;
    getColumn(): number;
}
export interface RequestBase {
    getSourceposition(): PositionLike | undefined;
    getStacktrace(): { getFramesList(): { getPc(): PositionLike | undefined }[] } | undefined;
    getType(): string;
    getName(): string;
    getParent(): string;
    getDependenciesList(): string[];
}
export interface RegisterRequest extends RequestBase {
    getCustom(): boolean;
    getRemote(): boolean;
    getObject(): StructLike | undefined;
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getAdditionalsecretoutputsList(): string[];
    getTransformsList(): TransformCallback[];
}
export interface RegisterResponse {
    getUrn(): string;
    getId(): string;
    getObject(): StructLike | undefined;
    setObject(value: StructLike): void;
}
export interface ReadRequest extends RequestBase {
    getId(): string;
    getProperties(): StructLike | undefined;
}
export interface ReadResponse {
    getUrn(): string;
    getProperties(): StructLike | undefined;
}
export type Callback = (err: unknown, response: unknown) => void;
