/**
 * gate/json-schema, literally: the exact problems `schemaErrors` reports for each JSON Schema keyword a
 * policy config schema can carry (boolean schemas, type, enum, const, numeric bounds, string length,
 * pattern and date format, array size, uniqueness and items, object required / properties /
 * patternProperties / additionalProperties), their order and paths; and which strings `isDate` takes.
 */
import * as assert from "assert";
import type { PolicyConfigJSONSchemaDefinition } from "@pulumi/policy/schema";
import { isDate, schemaErrors } from "../../policy-pack/gate/json-schema";

const check = (value: unknown, schema: PolicyConfigJSONSchemaDefinition): string[] => schemaErrors(value, schema, "p");

describe("gate/json-schema (literal)", () => {
    it("accepts anything against true, nothing against false", () => {
        assert.deepStrictEqual(check({ a: 1 }, true), []);
        assert.deepStrictEqual(check(null, false), ["p: is not allowed"]);
        assert.deepStrictEqual(check({}, {}), []);
    });

    describe("type", () => {
        it("counts a whole number as integer and number, a fraction as number only", () => {
            assert.deepStrictEqual(check(3, { type: "integer" }), []);
            assert.deepStrictEqual(check(3, { type: "number" }), []);
            assert.deepStrictEqual(check(3.5, { type: "number" }), []);
            assert.deepStrictEqual(check(3.5, { type: "integer" }), ["p: expected integer, got 3.5"]);
        });

        it("tells null, arrays and objects apart", () => {
            assert.deepStrictEqual(check(null, { type: "null" }), []);
            assert.deepStrictEqual(check(null, { type: "object" }), ["p: expected object, got null"]);
            assert.deepStrictEqual(check([], { type: "object" }), ["p: expected object, got []"]);
            assert.deepStrictEqual(check({}, { type: "array" }), ["p: expected array, got {}"]);
            assert.deepStrictEqual(check([1], { type: "array" }), []);
            assert.deepStrictEqual(check({ a: 1 }, { type: "object" }), []);
            assert.deepStrictEqual(check(true, { type: "boolean" }), []);
            assert.deepStrictEqual(check(undefined, { type: "string" }), ["p: expected string, got undefined"]);
        });

        it("accepts any of a list of types and names them all when none fits", () => {
            assert.deepStrictEqual(check(null, { type: ["string", "null"] }), []);
            assert.deepStrictEqual(check("s", { type: ["string", "null"] }), []);
            assert.deepStrictEqual(check(1, { type: ["string", "null"] }), ["p: expected string or null, got 1"]);
        });

        it("reports a wrong type alone, before any other keyword", () => {
            assert.deepStrictEqual(check("x", { type: "integer", enum: [1], minimum: 5 }), ['p: expected integer, got "x"']);
        });
    });

    describe("enum and const", () => {
        it("accepts a value equal to one of the enum's, objects compared by their JSON", () => {
            assert.deepStrictEqual(check({ x: 1 }, { enum: ["a", 1, { x: 1 }] }), []);
            assert.deepStrictEqual(check("a", { enum: ["a", 1, { x: 1 }] }), []);
            assert.deepStrictEqual(check("b", { enum: ["a", 1, { x: 1 }] }), ['p: must be one of "a", 1, {"x":1}, got "b"']);
            assert.deepStrictEqual(check("1", { enum: [1] }), ['p: must be one of 1, got "1"']);
        });

        it("accepts only the const, even a falsy one", () => {
            assert.deepStrictEqual(check([1, 2], { const: [1, 2] }), []);
            assert.deepStrictEqual(check([2, 1], { const: [1, 2] }), ["p: must be [1,2], got [2,1]"]);
            assert.deepStrictEqual(check(1, { const: 0 }), ["p: must be 0, got 1"]);
            assert.deepStrictEqual(check(0, { const: 0 }), []);
        });
    });

    describe("numbers", () => {
        it("takes the inclusive bounds themselves and refuses what is past them", () => {
            const s = { minimum: 1, maximum: 10 };
            assert.deepStrictEqual(check(1, s), []);
            assert.deepStrictEqual(check(10, s), []);
            assert.deepStrictEqual(check(0.5, s), ["p: must be at least 1, got 0.5"]);
            assert.deepStrictEqual(check(11, s), ["p: must be at most 10, got 11"]);
            assert.deepStrictEqual(check(-1, { minimum: 0 }), ["p: must be at least 0, got -1"]);
            assert.deepStrictEqual(check(1, { maximum: 0 }), ["p: must be at most 0, got 1"]);
        });

        it("refuses the exclusive bounds themselves", () => {
            const s = { exclusiveMinimum: 0, exclusiveMaximum: 5 };
            assert.deepStrictEqual(check(0.1, s), []);
            assert.deepStrictEqual(check(4.9, s), []);
            assert.deepStrictEqual(check(0, s), ["p: must be above 0, got 0"]);
            assert.deepStrictEqual(check(5, s), ["p: must be below 5, got 5"]);
        });

        it("refuses a number that is not a multiple, and lists every bound it breaks", () => {
            assert.deepStrictEqual(check(9, { multipleOf: 3 }), []);
            assert.deepStrictEqual(check(10, { multipleOf: 3 }), ["p: must be a multiple of 3, got 10"]);
            assert.deepStrictEqual(check(3, { minimum: 5, multipleOf: 2 }), ["p: must be at least 5, got 3", "p: must be a multiple of 2, got 3"]);
        });

        it("applies number keywords to numbers only", () => {
            assert.deepStrictEqual(check("1", { minimum: 5, maximum: 0, exclusiveMinimum: 5, exclusiveMaximum: 0, multipleOf: 7 }), []);
        });
    });

    describe("strings", () => {
        it("counts length in characters (code points), bounds included", () => {
            assert.deepStrictEqual(check("ab", { minLength: 2, maxLength: 2 }), []);
            assert.deepStrictEqual(check("a", { minLength: 2 }), ['p: must be at least 2 characters, got "a"']);
            assert.deepStrictEqual(check("abc", { maxLength: 2 }), ['p: must be at most 2 characters, got "abc"']);
            assert.deepStrictEqual(check("😀", { maxLength: 1 }), []);
            assert.deepStrictEqual(check("😀", { minLength: 2 }), ['p: must be at least 2 characters, got "😀"']);
        });

        it("matches the pattern as a Unicode regular expression", () => {
            assert.deepStrictEqual(check("abc", { pattern: "^[a-z]+$" }), []);
            assert.deepStrictEqual(check("aB", { pattern: "^[a-z]+$" }), ['p: must match ^[a-z]+$, got "aB"']);
            assert.deepStrictEqual(check("😀", { pattern: "^.$" }), []);
            assert.deepStrictEqual(check("Ärger", { pattern: "^\\p{Lu}" }), []);
        });

        it("checks format date only, and as a real calendar date", () => {
            assert.deepStrictEqual(check("2024-02-29", { format: "date" }), []);
            assert.deepStrictEqual(check("2023-02-29", { format: "date" }), ['p: must be a date (YYYY-MM-DD), got "2023-02-29"']);
            assert.deepStrictEqual(check("not a mail", { format: "email" }), []);
        });

        it("applies string keywords to strings only", () => {
            assert.deepStrictEqual(check(5, { minLength: 3, maxLength: 0, pattern: "^x$", format: "date" }), []);
        });
    });

    describe("arrays", () => {
        it("takes the size bounds themselves and refuses what is past them", () => {
            assert.deepStrictEqual(check([1], { minItems: 1, maxItems: 1 }), []);
            assert.deepStrictEqual(check([], { minItems: 1 }), ["p: must have at least 1 items, got []"]);
            assert.deepStrictEqual(check([1, 2, 3], { maxItems: 2 }), ["p: must have at most 2 items, got [1,2,3]"]);
        });

        it("refuses repeated items (by their JSON) only when uniqueItems is set", () => {
            assert.deepStrictEqual(check([1, 1], { uniqueItems: true }), ["p: must not repeat items, got [1,1]"]);
            assert.deepStrictEqual(check([{ a: 1 }, { a: 1 }], { uniqueItems: true }), ['p: must not repeat items, got [{"a":1},{"a":1}]']);
            assert.deepStrictEqual(check([1, "1"], { uniqueItems: true }), []);
            assert.deepStrictEqual(check([1, 1], { uniqueItems: false }), []);
        });

        it("checks every item against items, at its index", () => {
            assert.deepStrictEqual(check([1, "x", 2, true], { items: { type: "integer" } }), [
                'p[1]: expected integer, got "x"',
                "p[3]: expected integer, got true",
            ]);
        });

        it("checks a tuple position by position, extra items against additionalItems (allowed by default)", () => {
            const tuple = { items: [{ type: "string" as const }, { type: "integer" as const }] };
            assert.deepStrictEqual(check(["a", 1, true], tuple), []);
            assert.deepStrictEqual(check([1], tuple), ["p[0]: expected string, got 1"]);
            assert.deepStrictEqual(check(["a", 1, true], { ...tuple, additionalItems: false }), ["p[2]: is not allowed"]);
            assert.deepStrictEqual(check(["a", 1, "s"], { ...tuple, additionalItems: { type: "boolean" } }), ['p[2]: expected boolean, got "s"']);
        });

        it("applies array keywords to arrays only", () => {
            assert.deepStrictEqual(check("ab", { minItems: 5, maxItems: 0, uniqueItems: true, items: false }), []);
        });
    });

    describe("objects", () => {
        it("names each missing required key first, then each bad property, at its path", () => {
            const s = { required: ["a", "b"], properties: { a: { type: "string" as const }, c: { type: "integer" as const } } };
            assert.deepStrictEqual(check({ c: "x" }, s), ["p.a: is required", "p.b: is required", 'p.c: expected integer, got "x"']);
            assert.deepStrictEqual(check({ a: "s", b: 0 }, s), []);
        });

        it("applies object keywords to objects only, never to null, arrays, strings or numbers", () => {
            const s = { required: ["a"], additionalProperties: false as const };
            assert.deepStrictEqual(check(null, s), []);
            assert.deepStrictEqual(check(["x"], s), []);
            assert.deepStrictEqual(check("ab", s), []);
            assert.deepStrictEqual(check(5, s), []);
            assert.deepStrictEqual(check({}, s), ["p.a: is required"]);
        });

        it("checks a key against its own schema and every pattern it matches (Unicode patterns)", () => {
            const s = {
                properties: { "x-b": { minLength: 3 } },
                patternProperties: { "^x-": { maxLength: 1 }, "^\\p{Lu}": { type: "integer" as const } },
                additionalProperties: false as const,
            };
            assert.deepStrictEqual(check({ "x-b": "ab" }, s), [
                'p.x-b: must be at least 3 characters, got "ab"',
                'p.x-b: must be at most 1 characters, got "ab"',
            ]);
            assert.deepStrictEqual(check({ "x-a": "ab", Ärger: 1 }, s), ['p.x-a: must be at most 1 characters, got "ab"']);
            assert.deepStrictEqual(check({ Ärger: "s" }, s), ['p.Ärger: expected integer, got "s"']);
            assert.deepStrictEqual(check({ y: 1 }, s), ["p.y: unknown key; allowed: x-b"]);
        });

        it("refuses other keys when additionalProperties is false, listing the known ones or (none)", () => {
            assert.deepStrictEqual(check({ a: 1, z: 1 }, { properties: { a: {}, b: {} }, additionalProperties: false }), ["p.z: unknown key; allowed: a, b"]);
            assert.deepStrictEqual(check({ z: 1 }, { additionalProperties: false }), ["p.z: unknown key; allowed: (none)"]);
        });

        it("checks other keys against an additionalProperties schema, and allows them without one", () => {
            assert.deepStrictEqual(check({ z: "s", y: 2 }, { additionalProperties: { type: "number" } }), ['p.z: expected number, got "s"']);
            assert.deepStrictEqual(check({ z: "s" }, { additionalProperties: true }), []);
            assert.deepStrictEqual(check({ z: "s" }, { properties: { a: { type: "number" } } }), []);
        });

        it("nests paths through objects and arrays", () => {
            const s = { properties: { list: { items: { properties: { n: { type: "integer" as const } } } } } };
            assert.deepStrictEqual(schemaErrors({ list: [{ n: 1 }, { n: "x" }] }, s, "rule"), ['rule.list[1].n: expected integer, got "x"']);
        });
    });

    describe("isDate", () => {
        it("takes real calendar dates written YYYY-MM-DD", () => {
            for (const value of ["2024-01-01", "2024-02-29", "2030-12-31", "0001-01-01"]) {
                assert.strictEqual(isDate(value), true, value);
            }
        });

        it("refuses a year and month alone, even in the extended year form a Date reads back the same", () => {
            assert.strictEqual(isDate("-000001-01"), false);
            assert.strictEqual(isDate("+010000-01"), false);
        });

        it("refuses impossible dates, other layouts and anything around the date", () => {
            for (const value of [
                "2023-02-29",
                "2024-13-01",
                "2024-00-10",
                "2024-04-31",
                "2024-1-01",
                "2024-01-1",
                "24-01-01",
                "20240-01-01",
                " 2024-01-01",
                "2024-01-01T00:00:00Z",
                "2024/01/01",
                "abcd-ef-gh",
                "",
            ]) {
                assert.strictEqual(isDate(value), false, value);
            }
        });
    });
});
