/**
 * Pins coverageOf on literal resources and rules: every API surface type (and only those), which
 * components count as opaque, the "*" rule applied to opaque components only, rules accumulated per
 * type in catalog order, and the uninspected-type counts (custom, created, sorted by type).
 */
import * as assert from "assert";
import type { RuleMetadata } from "../../policy-pack/rules";
import { coverageOf } from "../../policy-pack/gate/coverage";
import type { RecordedResource } from "../../policy-pack/gate/recorder";

const resource = (type: string, name: string, extra: Partial<RecordedResource> = {}): RecordedResource => ({
    urn: `urn:pulumi:s::p::${type}::${name}`,
    type,
    name,
    custom: true,
    read: false,
    props: {},
    dependencies: [],
    propertyDependencies: {},
    secretPaths: [],
    ...extra,
});
/** Only the name and types of a rule matter to coverage. */
const rule = (name: string, ...resourceTypes: string[]) => ({ name, resourceTypes }) as unknown as RuleMetadata;

describe("gate: coverage (literal)", () => {
    it("lists every API Gateway REST and v2 surface no rule inspects, and nothing else", () => {
        const surfaces = [
            "aws:apigateway/restApi:RestApi",
            "aws:apigateway/stage:Stage",
            "aws:apigateway/method:Method",
            "aws:apigateway/domainName:DomainName",
            "aws:apigatewayv2/api:Api",
            "aws:apigatewayv2/route:Route",
            "aws:apigatewayv2/stage:Stage",
            "aws:apigatewayv2/domainName:DomainName",
        ];
        const others = [
            "aws:apigateway/restApiPolicy:RestApiPolicy",
            "aws:apigateway/integration:Integration",
            "aws:apigatewayv2/apiMapping:ApiMapping",
            "aws:apigatewayv2/integration:Integration",
            "xaws:apigateway/restApi:RestApi",
            "aws:lambda/function:Function",
        ];
        const resources = [...surfaces, ...others].map((t, i) => resource(t, `r${i}`));
        assert.deepStrictEqual(
            coverageOf(resources, []).uninspectedSurfaces.map((s) => s.type),
            surfaces,
        );
        const first = coverageOf(resources, [rule("rest", surfaces[0])]).uninspectedSurfaces[0];
        assert.deepStrictEqual(first, { urn: "urn:pulumi:s::p::aws:apigateway/stage:Stage::r1", type: "aws:apigateway/stage:Stage", name: "r1" });
    });

    it("a component is opaque only when it is from another package and has no children; * rules inspect only those", () => {
        const parent = resource("acme:index:Parent", "parent", { custom: false });
        const resources = [
            resource("acme:index:Leaf", "leaf", { custom: false }),
            parent,
            resource("aws:s3/bucket:Bucket", "child", { parent: parent.urn }),
            resource("pulumi:pulumi:Stack", "stack", { custom: false }),
            resource("secure-api:index:RestApi", "ours", { custom: false }),
            resource("acme:index:Custom", "custom"),
        ];
        const none = coverageOf(resources, []);
        assert.deepStrictEqual(
            none.uninspectedSurfaces.map((s) => s.name),
            ["leaf"],
        );
        const star = coverageOf(resources, [rule("any", "*"), rule("also-any", "*")]);
        assert.deepStrictEqual([...star.inspectedBy.values()], [["any", "also-any"], [], [], [], [], []]);
        assert.deepStrictEqual(star.uninspectedSurfaces, []);
    });

    it("collects a type's rules in catalog order and counts uninspected created custom resources by type, sorted", () => {
        const resources = [
            resource("aws:sqs/queue:Queue", "q1"),
            resource("aws:sqs/queue:Queue", "q2"),
            resource("aws:kms/key:Key", "k"),
            resource("aws:iam/role:Role", "read", { read: true }),
            resource("acme:index:Comp", "comp", { custom: false }),
            resource("aws:s3/bucket:Bucket", "b"),
        ];
        const coverage = coverageOf(resources, [rule("one", "aws:s3/bucket:Bucket"), rule("two", "aws:kms/key:Key", "aws:s3/bucket:Bucket")]);
        assert.deepStrictEqual(coverage.inspectedBy.get("urn:pulumi:s::p::aws:s3/bucket:Bucket::b"), ["one", "two"]);
        assert.deepStrictEqual(coverage.inspectedBy.get("urn:pulumi:s::p::aws:kms/key:Key::k"), ["two"]);
        assert.deepStrictEqual(coverage.inspectedBy.get("urn:pulumi:s::p::aws:sqs/queue:Queue::q1"), []);
        assert.deepStrictEqual(coverage.uninspectedTypes, [{ type: "aws:sqs/queue:Queue", count: 2 }]);
        const unsorted = coverageOf([resource("b:x:Y", "1"), resource("a:x:Y", "2"), resource("c:x:Y", "3")], []);
        assert.deepStrictEqual(
            unsorted.uninspectedTypes.map((t) => t.type),
            ["a:x:Y", "b:x:Y", "c:x:Y"],
        );
    });
});
