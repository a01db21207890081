/**
 * lib/values, literally: what asRecord, asArray, toNumber and parseJsonDocument give for null, undefined, arrays,
 * blank and numeric strings, non-numbers and documents that do not parse.
 */
import * as assert from "assert";
import { asArray, asRecord, parseJsonDocument, toNumber } from "../../../policy-pack/rules/lib/values";

describe("lib/values (literal)", () => {
    it("asRecord: an object as is; null, an array or a string as an empty record", () => {
        assert.deepStrictEqual(asRecord({ a: 1 }), { a: 1 });
        assert.deepStrictEqual(asRecord(null), {});
        assert.deepStrictEqual(asRecord([1]), {});
        assert.deepStrictEqual(asRecord("a"), {});
    });

    it("asArray: an array as is, null and undefined as empty, anything else as a one-element list", () => {
        assert.deepStrictEqual(asArray([1, 2]), [1, 2]);
        assert.deepStrictEqual(asArray(null), []);
        assert.deepStrictEqual(asArray(undefined), []);
        assert.deepStrictEqual(asArray("x"), ["x"]);
        assert.deepStrictEqual(asArray(0), [0]);
    });

    it("toNumber: a number, or a numeric string (spaces around allowed) as a number", () => {
        assert.strictEqual(toNumber(7), 7);
        assert.strictEqual(toNumber("5"), 5);
        assert.strictEqual(toNumber(" 42 "), 42);
        assert.strictEqual(toNumber("1.5"), 1.5);
    });

    it("toNumber: undefined for a blank or non-numeric string and for a boolean, null or undefined", () => {
        assert.strictEqual(toNumber(""), undefined);
        assert.strictEqual(toNumber("   "), undefined);
        assert.strictEqual(toNumber("abc"), undefined);
        assert.strictEqual(toNumber(true), undefined);
        assert.strictEqual(toNumber(null), undefined);
        assert.strictEqual(toNumber(undefined), undefined);
    });

    it("parseJsonDocument: a JSON string or an object as a record; undefined for bad JSON and for non-objects", () => {
        assert.deepStrictEqual(parseJsonDocument('{"a":1}'), { a: 1 });
        assert.deepStrictEqual(parseJsonDocument("[1]"), {});
        assert.deepStrictEqual(parseJsonDocument({ b: 2 }), { b: 2 });
        assert.strictEqual(parseJsonDocument("{not json"), undefined);
        assert.strictEqual(parseJsonDocument(42), undefined);
        assert.strictEqual(parseJsonDocument(undefined), undefined);
        assert.strictEqual(parseJsonDocument(null), undefined);
    });
});
