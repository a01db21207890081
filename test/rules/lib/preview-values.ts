/**
 * Values as a first preview hands them to rules: props wrapped in the SDK's
 * `unknownCheckingProxy`, with the engine's unknown sentinel where a value is
 * not known yet; and stack resources built by hand around such props.
 */
import * as policySdk from "@pulumi/policy";
import type { PolicyResource } from "@pulumi/policy";

/** The engine's sentinel for an unknown string (the one the engine sends for any unknown value). */
export const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const proxy = policySdk.unknownCheckingProxy as unknown as <T extends object>(value: T) => T;

/** Props as the analyzer hands them to a rule: reading an unknown value throws UnknownValueError. */
export function previewProps<T extends object>(props: T): T {
    return proxy(props);
}

/** True for the SDK's unknown-value error. */
export function isUnknownValueError(err: unknown): boolean {
    return err instanceof (policySdk.UnknownValueError as unknown as abstract new (...args: never[]) => Error);
}

/** A stack resource of a type token, with preview props and dependency records (property to resources). */
export function policyResource(
    type: string,
    name: string,
    props: Record<string, unknown>,
    propertyDependencies: Record<string, PolicyResource[]> = {},
): PolicyResource {
    const guarded = previewProps(props);
    const isType = (cls: unknown) => (cls as { __pulumiType?: string }).__pulumiType === type;
    return {
        type,
        name,
        urn: `urn:pulumi:test::p::${type}::${name}`,
        props: guarded,
        opts: {
            protect: false,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
        },
        dependencies: Object.values(propertyDependencies).flat(),
        propertyDependencies,
        isType,
        asType: ((cls: unknown) => (isType(cls) ? guarded : undefined)) as PolicyResource["asType"],
    };
}
