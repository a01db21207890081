/**
 * What the gate did and did not look at: per resource, the rules that
 * inspect its type; the resource types present that no rule inspects; and
 * the API surfaces (APIs, stages, methods, routes, components the gate cannot
 * see inside) among them. A plan with an uninspected API surface never passes.
 */
import type { RuleMetadata } from "../rules";
import { RecordedResource } from "./recorder";

/** Types that are an API surface a request reaches: each must be inspected by some rule. */
const API_SURFACE = /^aws:(apigateway\/(restApi|stage|method|domainName)|apigatewayv2\/(api|route|stage|domainName)):/;
/** Component packages the gate sees inside (their children are registered offline too). */
const LOCAL_COMPONENT_PACKAGES = new Set(["pulumi", "secure-api"]);

/** What the gate inspected. */
export interface Coverage {
    /** URN to the rules that inspect that resource's type. */
    inspectedBy: Map<string, string[]>;
    /** Types present that no rule inspects, with how many resources each. */
    uninspectedTypes: { type: string; count: number }[];
    /** API surfaces (by URN and type) no rule inspects. */
    uninspectedSurfaces: { urn: string; type: string; name: string }[];
}

/** true for a component the gate cannot see inside: registered with no children, from a package not of this project. */
function opaqueComponent(r: RecordedResource, parents: ReadonlySet<string>): boolean {
    const pkg = r.type.split(":")[0];
    return !r.custom && !LOCAL_COMPONENT_PACKAGES.has(pkg) && !parents.has(r.urn);
}

export function coverageOf(resources: RecordedResource[], catalog: RuleMetadata[]): Coverage {
    const rulesByType = new Map<string, string[]>();
    for (const rule of catalog) {
        for (const type of rule.resourceTypes) {
            rulesByType.set(type, [...(rulesByType.get(type) ?? []), rule.name]);
        }
    }
    // A rule declaring "*" inspects every component the gate cannot see inside (it reports them as not verified).
    const anyComponent = rulesByType.get("*") ?? [];
    const parents = new Set(resources.flatMap((r) => (r.parent === undefined ? [] : [r.parent])));
    const inspectedBy = new Map<string, string[]>(
        resources.map((r) => [r.urn, [...(rulesByType.get(r.type) ?? []), ...(opaqueComponent(r, parents) ? anyComponent : [])]]),
    );
    const counts = new Map<string, number>();
    for (const r of resources.filter((x) => x.custom && !x.read && (inspectedBy.get(x.urn) ?? []).length === 0)) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    const uninspectedSurfaces = resources
        .filter((r) => (inspectedBy.get(r.urn) ?? []).length === 0 && ((r.custom && API_SURFACE.test(r.type)) || opaqueComponent(r, parents)))
        .map((r) => ({ urn: r.urn, type: r.type, name: r.name }));
    return {
        inspectedBy,
        uninspectedTypes: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
        uninspectedSurfaces,
    };
}
