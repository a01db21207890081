/**
 * Pins the redaction helpers on literal values the redaction spec leaves out: the credential test
 * itself, secret paths into arrays, the defaults (no secret paths), nulls and non-strings kept, unknowns
 * shown inside arrays (and a secret unknown shown as a secret), and non-strings under a secret path.
 */
import * as assert from "assert";
import { KNOWN_AFTER_DEPLOYMENT, looksLikeCredential, REDACTED, redact, secretStrings, shown } from "../../policy-pack/gate/redact";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("gate: redact (literal)", () => {
    it("names its placeholders", () => {
        assert.strictEqual(REDACTED, "[secret]");
        assert.strictEqual(KNOWN_AFTER_DEPLOYMENT, "(known after deployment)");
    });

    it("looksLikeCredential is true for a credential format only", () => {
        assert.strictEqual(looksLikeCredential("AKIAABCDEFGHIJKLMNOP"), true);
        assert.strictEqual(looksLikeCredential("orders-api"), false);
        assert.strictEqual(looksLikeCredential(""), false);
    });

    it("redact follows secret paths into arrays and, by default, replaces credentials only", () => {
        const value = { list: ["a", { key: "b" }, "c"], n: null, k: 1, t: true, cred: "AKIAABCDEFGHIJKLMNOP" };
        assert.deepStrictEqual(redact(value, ["list[1].key", "list[2]"]), {
            list: ["a", { key: REDACTED }, REDACTED],
            n: null,
            k: 1,
            t: true,
            cred: REDACTED,
        });
        assert.deepStrictEqual(redact(value), { list: ["a", { key: "b" }, "c"], n: null, k: 1, t: true, cred: REDACTED });
        assert.deepStrictEqual(redact([["x", "AKIAABCDEFGHIJKLMNOP"]], ["[0][0]"]), [[REDACTED, REDACTED]]);
        assert.strictEqual(redact(null), null);
        assert.strictEqual(redact(7, ["(value)"]), REDACTED);
        assert.strictEqual(redact("plain"), "plain");
    });

    it("shown names unknowns at any depth, by default with no secret paths, and a secret unknown stays secret", () => {
        assert.deepStrictEqual(shown({ a: [UNKNOWN, "x", null], b: { c: UNKNOWN } }), {
            a: [KNOWN_AFTER_DEPLOYMENT, "x", null],
            b: { c: KNOWN_AFTER_DEPLOYMENT },
        });
        assert.deepStrictEqual(shown({ s: UNKNOWN }, ["s"]), { s: REDACTED });
        assert.strictEqual(shown(UNKNOWN), KNOWN_AFTER_DEPLOYMENT);
    });

    it("secretStrings skips non-strings and nulls under a secret path and follows array paths", () => {
        assert.deepStrictEqual(secretStrings({ s: { a: null, b: 1, c: "x", d: [true, "y"] } }, ["s"]), ["x", "y"]);
        assert.deepStrictEqual(secretStrings({ list: ["p", "q"] }, ["list[1]"]), ["q"]);
        assert.deepStrictEqual(secretStrings(null, ["(value)"]), []);
    });
});
