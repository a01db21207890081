/**
 * Where findings point, literally: `sourceOf` gives the program line of a
 * finding's resource as a `/`-separated path relative to the working
 * directory (or nothing when the resource, its URN or its source is missing),
 * indexing a report's resources once; `fingerprint` is the first 32 hex digits
 * of sha256("rule\nurn"), "(stack)" standing for a stack-level finding.
 */
import * as assert from "assert";
import * as path from "path";
import type { Violation } from "../../policy-pack/gate/engine";
import { fingerprint, sourceOf } from "../../policy-pack/gate/locations";
import type { RecordedResource } from "../../policy-pack/gate/runtime";

const URN = "urn:pulumi:s::p::t::n";

function resource(urn: string, source?: RecordedResource["source"]): RecordedResource {
    return { urn, type: "t", name: "n", props: {}, dependencies: [], propertyDependencies: {}, custom: true, read: false, secretPaths: [], source };
}

const violation = (urn?: string): Violation => ({ policyName: "rule-a", enforcementLevel: "mandatory", message: "m", urn });

describe("gate: finding locations, literally", () => {
    it("gives the resource's source relative to the working directory, with / separators", () => {
        const file = path.join(process.cwd(), "dir", "sub", "index.ts");
        const report = { resources: [resource("urn:other"), resource(URN, { file, line: 12, column: 7 })] };
        assert.deepStrictEqual(sourceOf(report, URN), { uri: "dir/sub/index.ts", line: 12, column: 7 });
    });

    it("gives a source outside the working directory as a ../ path", () => {
        const file = path.join(path.dirname(process.cwd()), "elsewhere", "main.ts");
        const report = { resources: [resource(URN, { file, line: 1, column: 2 })] };
        assert.deepStrictEqual(sourceOf(report, URN), { uri: "../elsewhere/main.ts", line: 1, column: 2 });
    });

    it("gives nothing without a URN, for a URN the report does not have, or for a resource without a source", () => {
        const report = { resources: [resource(URN, { file: path.join(process.cwd(), "a.ts"), line: 3, column: 4 }), resource("urn:nosource")] };
        assert.strictEqual(sourceOf(report, undefined), undefined);
        assert.strictEqual(sourceOf(report, ""), undefined);
        assert.strictEqual(sourceOf(report, "urn:absent"), undefined);
        assert.strictEqual(sourceOf(report, "urn:nosource"), undefined);
        assert.deepStrictEqual(sourceOf(report, URN), { uri: "a.ts", line: 3, column: 4 });
    });

    it("gives nothing for an empty report", () => {
        assert.strictEqual(sourceOf({ resources: [] }, URN), undefined);
    });

    it("indexes a report's resources once: one added later is not found through the same list", () => {
        const resources = [resource(URN, { file: path.join(process.cwd(), "a.ts"), line: 1, column: 1 })];
        assert.deepStrictEqual(sourceOf({ resources }, URN), { uri: "a.ts", line: 1, column: 1 });
        resources.push(resource("urn:late", { file: path.join(process.cwd(), "b.ts"), line: 2, column: 2 }));
        assert.strictEqual(sourceOf({ resources }, "urn:late"), undefined);
        // A new list (another report) is indexed afresh.
        assert.deepStrictEqual(sourceOf({ resources: [...resources] }, "urn:late"), { uri: "b.ts", line: 2, column: 2 });
    });

    it("fingerprints a finding by sha256 of its rule and resource URN, 32 hex digits", () => {
        assert.strictEqual(fingerprint(violation(URN)), "42f7e5518f115bab6a55260f5ec4544d");
    });

    it("fingerprints a stack-level finding with (stack) for its URN", () => {
        assert.strictEqual(fingerprint(violation()), "b44ca40a97669e297ac55305607e507d");
    });

    it("keeps an empty URN as it is (only a missing one is the stack)", () => {
        assert.strictEqual(fingerprint(violation("")), "fa1daa84c7a447537fab5a71c762d772");
    });

    it("does not depend on the message or level", () => {
        const other: Violation = { ...violation(URN), message: "other", enforcementLevel: "advisory", resourceName: "x" };
        assert.strictEqual(fingerprint(other), "42f7e5518f115bab6a55260f5ec4544d");
    });
});
