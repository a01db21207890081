/**
 * lib/plaintext, literally: a plaintext URI is one that starts with http:// (any case, spaces around ignored), not
 * one that only mentions http:// later (a redirect target in its query).
 */
import * as assert from "assert";
import { isPlaintextUri } from "../../../policy-pack/rules/lib/plaintext";

describe("lib/plaintext (literal)", () => {
    it("takes a URI starting with http://, in any case and with spaces around", () => {
        assert.strictEqual(isPlaintextUri("http://backend.internal/orders"), true);
        assert.strictEqual(isPlaintextUri("  HTTP://backend.internal "), true);
    });

    it("does not take https, an http:// later in the URI, or a non-string", () => {
        assert.strictEqual(isPlaintextUri("https://backend.internal"), false);
        assert.strictEqual(isPlaintextUri("https://backend.internal/login?next=http://other.example"), false);
        assert.strictEqual(isPlaintextUri(undefined), false);
    });
});
