/**
 * Component resources the gate cannot see inside. Under the offline mocks a
 * remote (multi-language) component is one resource with its inputs and no
 * children; under the real CLI its children exist and the other rules judge them.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { ResourceClass } from "./rule";

/** A resource class for a component type whose package is not installed (it has no SDK class to import). */
export function componentClass(type: string): ResourceClass & { readonly __pulumiType: string } {
    return { name: type.split(":").pop() ?? type, prototype: {}, __pulumiType: type };
}

/** True when `ancestor` is `r`'s parent, or its parent's, and so on. */
export function descendsFrom(r: PolicyResource, ancestor: PolicyResource): boolean {
    const seen = new Set<string>();
    for (let p = r.parent; p && !seen.has(p.urn); p = p.parent) {
        if (p.urn === ancestor.urn) {
            return true;
        }
        seen.add(p.urn);
    }
    return false;
}

/** True when some resource of the stack has `r` as its parent. */
export function hasChildren(r: PolicyResource, resources: readonly PolicyResource[]): boolean {
    return resources.some((c) => c.parent?.urn === r.urn);
}

/**
 * True for a component type token (`pkg:module:Name`). Provider resource
 * tokens name a module and a resource (`aws:s3/bucket:Bucket`,
 * `random:index/randomString:RandomString`); native providers (`*-native`) are
 * provider resources without that slash.
 */
export function isComponentType(type: string): boolean {
    const [pkg, module, name] = type.split(":");
    return name !== undefined && !module.includes("/") && !pkg.endsWith("-native") && pkg !== "pulumi" && pkg !== "pulumi-nodejs";
}
