import * as assert from "assert";
import { isSet, isUnknown, known, knownDeep, snapshot, UNKNOWN, unknownPaths } from "../../../policy-pack/rules/lib/known";
import { previewProps, U } from "./preview-values";

describe("lib/known: reading values that may be unknown at preview", () => {
    const props = previewProps({
        kmsKeyId: U,
        retentionInDays: 90,
        accessLogSettings: { destinationArn: U, format: "{}" },
        rules: [{ name: "a", priority: U }, U],
        tags: { env: "dev" },
    });

    it("known: a known value, and the path of an unknown one (the SDK's error caught)", () => {
        assert.deepStrictEqual(
            known(() => props.retentionInDays),
            { known: true, value: 90 },
        );
        assert.deepStrictEqual(
            known(() => props.kmsKeyId),
            { known: false, path: "kmsKeyId" },
        );
        assert.deepStrictEqual(
            known(() => props.accessLogSettings.destinationArn),
            { known: false, path: "accessLogSettings.destinationArn" },
        );
        assert.deepStrictEqual(
            known(() => props.accessLogSettings.format),
            { known: true, value: "{}" },
        );
    });

    it("known: a parent of an unknown value is known (shallow), and a raw sentinel counts as unknown", () => {
        assert.strictEqual(known(() => props.accessLogSettings).known, true);
        assert.deepStrictEqual(
            known(() => U, "x.y"),
            { known: false, path: "x.y" },
        );
        assert.deepStrictEqual(
            known(() => undefined),
            { known: true, value: undefined },
        );
    });

    it("known: rethrows anything but the SDK's unknown-value error", () => {
        assert.throws(
            () =>
                known(() => {
                    throw new TypeError("boom");
                }),
            /boom/,
        );
        const missing: { a?: { b: string } } = {};
        assert.throws(() => known(() => missing.a!.b), TypeError);
    });

    it("presence: an unknown value is set; undefined, null and empty strings are not", () => {
        assert.ok(isSet(known(() => props.kmsKeyId)));
        assert.ok(isSet(known(() => props.retentionInDays)));
        for (const v of [undefined, null, ""]) {
            assert.ok(!isSet(known(() => v)), String(v));
        }
        // The `in` operator never throws: presence can be tested without reading.
        assert.ok("kmsKeyId" in props);
    });

    it("snapshot: a plain copy with the unknown parts marked, never throwing", () => {
        const copy = snapshot(() => props.rules);
        assert.deepStrictEqual(copy, [{ name: "a", priority: UNKNOWN }, UNKNOWN]);
        assert.deepStrictEqual(unknownPaths(copy, "rules"), ["rules.0.priority", "rules.1"]);
        assert.ok(isUnknown(snapshot(() => props.kmsKeyId)));
        assert.deepStrictEqual(
            snapshot(() => props.tags),
            { env: "dev" },
        );
    });

    it("knownDeep: a fully known plain copy, or the first unknown path", () => {
        assert.deepStrictEqual(
            knownDeep(() => props.tags),
            { known: true, value: { env: "dev" } },
        );
        assert.deepStrictEqual(
            knownDeep(() => props.rules, "rules"),
            { known: false, path: "rules.0.priority" },
        );
        assert.deepStrictEqual(
            knownDeep(() => props.kmsKeyId),
            { known: false, path: "kmsKeyId" },
        );
        assert.deepStrictEqual(
            knownDeep(() => [U, 1], "pair"),
            { known: false, path: "pair.0" },
        );
    });
});
