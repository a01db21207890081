/**
 * The schema language of stack config (`stacks/config-schema.ts`) and the key
 * helpers of `stacks/config-source.ts`, spec by spec: what each says it
 * expects, the exact problem it records (path, value given, what is allowed),
 * its numeric boundaries, and that a failed part makes the whole undefined.
 */
import * as assert from "assert";
import { arr, bool, checkedStr, int, jsonObject, num, obj, oneOf, optional, record, refined, Spec, str, tagged } from "../stacks/config-schema";
import { didYouMean, editDistance, namespaceProblem, splitConfigKey } from "../stacks/config-source";
import { ConfigError } from "../stacks/config";

/** Parses `value` at path "k": the result and the problems recorded. */
function run<T>(s: Spec<T>, value: unknown): { value: T | undefined; errors: string[] } {
    const errors: string[] = [];
    return { value: s.parse(value, "k", errors), errors };
}

describe("config schema specs, literally", () => {
    it("every spec is required unless wrapped in optional(); string specs are text, others are not", () => {
        const required: Spec<unknown>[] = [str(), num(), int(), bool(), oneOf(["a"]), jsonObject(), checkedStr("x", () => undefined)];
        required.push(arr(str()), obj({ a: str() }), record(str(), /^a$/, "a"), tagged("kind", { a: obj({}) }));
        required.forEach((s) => assert.strictEqual(s.optional, false, s.expected));
        assert.strictEqual(optional(num()).optional, true);
        assert.deepStrictEqual(
            [str(), checkedStr("x", () => undefined), oneOf(["a"]), num(), int(), bool(), jsonObject()].map((s) => s.text),
            [true, true, true, undefined, undefined, undefined, undefined],
        );
    });

    it("str() refuses the empty string and says it expects a non-empty string", () => {
        assert.deepStrictEqual(run(str(), ""), { value: undefined, errors: ['k: expected a non-empty string, got ""'] });
        assert.deepStrictEqual(run(str(), "a"), { value: "a", errors: [] });
        assert.deepStrictEqual(run(str(/^b/, "a b-word"), "a"), { value: undefined, errors: ['k: expected a b-word, got "a"'] });
    });

    it("num() states its bounds and accepts both ends, not one step beyond", () => {
        assert.deepStrictEqual([num().expected, num(1).expected, num(-Infinity, 5).expected], ["a number", "a number >= 1", "a number and <= 5"]);
        assert.strictEqual(num(0, 100).expected, "a number >= 0 and <= 100");
        assert.deepStrictEqual([run(num(0, 100), 0).value, run(num(0, 100), 100).value, run(num(), -1e300).value], [0, 100, -1e300]);
        assert.deepStrictEqual(run(num(0, 100), 100.01).errors, ["k: expected a number >= 0 and <= 100, got 100.01"]);
        assert.deepStrictEqual(run(num(0, 100), -0.01).errors, ["k: expected a number >= 0 and <= 100, got -0.01"]);
        assert.strictEqual(run(num(), 1e300).value, 1e300);
    });

    it("int() states its range and accepts both ends, not one beyond", () => {
        assert.deepStrictEqual([int().expected, int(1).expected, int(-Infinity, 3).expected], ["an integer", "an integer from 1", "an integer to 3"]);
        assert.strictEqual(int(5, 1440).expected, "an integer from 5 to 1440");
        assert.deepStrictEqual([run(int(5, 1440), 5).value, run(int(5, 1440), 1440).value, run(int(), -7).value], [5, 1440, -7]);
        assert.deepStrictEqual(run(int(5, 1440), 1441).errors, ["k: expected an integer from 5 to 1440, got 1441"]);
        assert.deepStrictEqual(run(int(5, 1440), 4).errors, ["k: expected an integer from 5 to 1440, got 4"]);
    });

    it("checkedStr() reports a non-string as such, with the checker's reason otherwise", () => {
        const s = checkedStr("an even word", (v) => (v.length % 2 === 0 ? undefined : "has odd length"));
        assert.deepStrictEqual(run(s, 5), { value: undefined, errors: ["k: expected an even word, got 5 (is not a string)"] });
        assert.deepStrictEqual(run(s, "abc"), { value: undefined, errors: ['k: expected an even word, got "abc" (has odd length)'] });
        assert.deepStrictEqual(run(s, "ab"), { value: "ab", errors: [] });
    });

    it("refined() returns undefined when the whole-value check finds a problem", () => {
        const s = refined(arr(str()), (v) => (v.length > 1 ? ["too many"] : []));
        assert.deepStrictEqual(run(s, ["a", "b"]), { value: undefined, errors: ["k: too many"] });
        assert.deepStrictEqual(run(s, ["a"]), { value: ["a"], errors: [] });
    });

    it("bool() and jsonObject() say what they expect; jsonObject refuses null, lists and strings", () => {
        assert.deepStrictEqual(run(bool(), "yes").errors, ['k: expected true or false, got "yes"']);
        assert.deepStrictEqual(run(jsonObject(), null).errors, ["k: expected an object, got null"]);
        assert.deepStrictEqual(run(jsonObject(), []).errors, ["k: expected an object, got []"]);
        assert.deepStrictEqual(run(jsonObject(), "x").errors, ['k: expected an object, got "x"']);
        assert.deepStrictEqual(run(jsonObject(), { a: 1 }), { value: { a: 1 }, errors: [] });
    });

    it("arr() names its minimum only when there is one, and fails as a whole when an item fails", () => {
        assert.strictEqual(arr(str()).expected, "a list of a non-empty string");
        assert.deepStrictEqual(run(arr(str()), "x").errors, ['k: expected a list (of a non-empty string), got "x"']);
        assert.deepStrictEqual(run(arr(str()), []), { value: [], errors: [] });
        assert.deepStrictEqual(run(arr(str(), 1), []).errors, ["k: expected a list of at least 1 (of a non-empty string), got []"]);
        assert.deepStrictEqual(run(arr(str(), 2), ["a"]).errors, ['k: expected a list of at least 2 (of a non-empty string), got ["a"]']);
        assert.deepStrictEqual(run(arr(str(), 2), ["a", "b"]).value, ["a", "b"]);
        assert.deepStrictEqual(run(arr(str()), ["", "b"]), { value: undefined, errors: ['k[0]: expected a non-empty string, got ""'] });
    });

    it("obj() refuses null, lists and scalars naming its keys, treats null fields as missing, and fails on a bad field", () => {
        const s = obj({ a: str(), b: optional(int()) });
        for (const [value, shown] of [
            [null, "null"],
            [[], "[]"],
            ["x", '"x"'],
        ] as const) {
            assert.deepStrictEqual(run(s, value), { value: undefined, errors: [`k: expected an object with keys a, b, got ${shown}`] });
        }
        assert.deepStrictEqual(run(s, { a: null }).errors, ["k.a: is required (expected a non-empty string)"]);
        assert.deepStrictEqual(run(s, { a: "x", b: 1.5 }), { value: undefined, errors: ["k.b: expected an integer, got 1.5"] });
        assert.deepStrictEqual(run(s, { a: "x" }), { value: { a: "x" }, errors: [] });
    });

    it("record() refuses empty maps and non-objects, names bad keys, and fails when a key or value is bad", () => {
        const s = record(int(1), /^[a-z]+$/, "a lower-case name");
        assert.strictEqual(s.expected, "a map of a lower-case name to an integer from 1");
        for (const [value, shown] of [
            [null, "null"],
            [[], "[]"],
            [{}, "{}"],
            [[1], "[1]"],
            [3, "3"],
        ] as const) {
            assert.deepStrictEqual(run(s, value), {
                value: undefined,
                errors: [`k: expected a non-empty map of a lower-case name to an integer from 1, got ${shown}`],
            });
        }
        assert.deepStrictEqual(run(s, { Bad: 1, ok: 2 }), { value: undefined, errors: ["k.Bad: key must be a lower-case name"] });
        assert.deepStrictEqual(run(s, { ok: 0 }), { value: undefined, errors: ["k.ok: expected an integer from 1, got 0"] });
        assert.deepStrictEqual(run(s, { ok: 2 }), { value: { ok: 2 }, errors: [] });
    });

    it("tagged() names its variants, reports a missing tag for null/undefined/scalars, and fails when the variant fails", () => {
        const s = tagged("kind", { a: obj({ x: int() }), b: obj({}) });
        assert.strictEqual(s.expected, "an object with kind: a | b");
        for (const value of [null, undefined, "a"]) {
            assert.deepStrictEqual(run(s, value), { value: undefined, errors: ["k.kind: expected one of a, b, got undefined"] });
        }
        assert.deepStrictEqual(run(s, { kind: "a", x: "1" }), { value: undefined, errors: ['k.x: expected an integer, got "1"'] });
        assert.deepStrictEqual(run(s, { kind: "a", x: 1 }), { value: { kind: "a", x: 1 }, errors: [] });
    });
});

describe("config key helpers, literally", () => {
    it("editDistance counts every character of the first word", () => {
        assert.deepStrictEqual([editDistance("abc", ""), editDistance("ab", "ab"), editDistance("ab", "ax")], [3, 0, 1]);
    });

    it("didYouMean suggests a candidate exactly at the threshold (distance 2 for short words)", () => {
        assert.strictEqual(didYouMean("ab", ["abcd"]), "abcd");
        assert.strictEqual(didYouMean("a", ["abcd"]), undefined);
    });

    it("splitConfigKey gives a bare key to the project and splits at the first colon, even at 0", () => {
        assert.deepStrictEqual(splitConfigKey("waf", "p"), ["p", "waf"]);
        assert.deepStrictEqual(splitConfigKey(":waf", "p"), ["", "waf"]);
        assert.deepStrictEqual(splitConfigKey("aws:a:b", "p"), ["aws", "a:b"]);
    });

    it("namespaceProblem without a close namespace gives no suggestion", () => {
        assert.strictEqual(
            namespaceProblem("zzzzzzzz:key", "secure-api-platform"),
            'zzzzzzzz:key: unknown namespace "zzzzzzzz" (allowed: secure-api-platform and the providers aws, awsx, pulumi, aws-apigateway, random, tls)',
        );
    });

    it("ConfigError lists each problem on its own line under the file, and is named ConfigError", () => {
        const error = new ConfigError("Pulumi.x.yaml", ["one", "two"]);
        assert.strictEqual(error.message, "invalid stack config in Pulumi.x.yaml:\n  - one\n  - two");
        assert.strictEqual(error.name, "ConfigError");
    });
});
