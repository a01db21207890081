/**
 * The unknown-value readers, literally: the default path of a raw sentinel is "", nested paths of
 * knownDeep start at the given path (none by default), unknownPaths names the value itself "", and
 * snapshot copies plain objects only (any other object is kept as it is).
 */
import * as assert from "assert";
import { known, knownDeep, snapshot, UNKNOWN, unknownPaths } from "../../../policy-pack/rules/lib/known";
import { U } from "./preview-values";

class Point {
    constructor(readonly x: number) {}
}

describe("lib/known (literal)", () => {
    it("known: a raw sentinel read without a path is unknown at the empty path", () => {
        assert.deepStrictEqual(
            known(() => U),
            { known: false, path: "" },
        );
    });

    it("knownDeep: the path of a nested unknown starts at the given path, and at the value itself by default", () => {
        assert.deepStrictEqual(
            knownDeep(() => [{ a: 1 }, { b: U }]),
            { known: false, path: "1.b" },
        );
        assert.deepStrictEqual(
            knownDeep(() => [{ a: 1 }, { b: U }], "rules"),
            { known: false, path: "rules.1.b" },
        );
        assert.deepStrictEqual(
            knownDeep(() => U),
            { known: false, path: "" },
        );
        assert.deepStrictEqual(
            knownDeep(() => ({ a: [1, "x"] })),
            { known: true, value: { a: [1, "x"] } },
        );
    });

    it("unknownPaths: the unknown value itself is at the empty path, or at the prefix", () => {
        assert.deepStrictEqual(unknownPaths(UNKNOWN), [""]);
        assert.deepStrictEqual(unknownPaths(UNKNOWN, "policy"), ["policy"]);
        assert.deepStrictEqual(unknownPaths([1, UNKNOWN, { c: UNKNOWN }]), ["1", "2.c"]);
    });

    it("snapshot: copies plain objects and arrays; keeps any other object as it is", () => {
        const date = new Date(0);
        const point = new Point(1);
        assert.strictEqual(
            snapshot(() => date),
            date,
        );
        assert.strictEqual(
            snapshot(() => point),
            point,
        );
        const snap = snapshot(() => ({ when: date, at: [point], id: U }));
        assert.deepStrictEqual(snap, { when: date, at: [point], id: UNKNOWN });
        assert.strictEqual((snap as { when: Date }).when, date);
    });
});
