/**
 * lib/messages, literally: the wording of a finding for a value unknown at preview (one path, several,
 * or none: the subject itself unknown), of a resource's label, and of a listing.
 */
import * as assert from "assert";
import { describe as label, listing, unverifiable } from "../../../policy-pack/rules/lib/messages";

describe("lib/messages (literal)", () => {
    it("unverifiable: names the one unknown path under its subject", () => {
        assert.strictEqual(
            unverifiable('Stage "api-v1"', "accessLogSettings", "name a log group"),
            'cannot be verified at preview: Stage "api-v1".accessLogSettings is unknown; it must name a log group.',
        );
        assert.strictEqual(
            unverifiable('Stage "api-v1"', ["accessLogSettings.format"], "be JSON"),
            'cannot be verified at preview: Stage "api-v1".accessLogSettings.format is unknown; it must be JSON.',
        );
    });

    it("unverifiable: names the subject alone when no path (or an empty one) is given", () => {
        assert.strictEqual(unverifiable('Bucket "logs"', [], "be encrypted"), 'cannot be verified at preview: Bucket "logs" is unknown; it must be encrypted.');
        assert.strictEqual(unverifiable('Bucket "logs"', "", "be encrypted"), 'cannot be verified at preview: Bucket "logs" is unknown; it must be encrypted.');
    });

    it("unverifiable: names several unknown paths together, each in full", () => {
        assert.strictEqual(
            unverifiable('Stage "api-v1"', ["a", "b", "c"], "be set"),
            'cannot be verified at preview: Stage "api-v1".a, Stage "api-v1".b and Stage "api-v1".c are unknown; they must be set.',
        );
    });

    it("describe: the type's last segment and the quoted name", () => {
        assert.strictEqual(label({ type: "aws:apigateway/stage:Stage", name: "api-v1" }), 'Stage "api-v1"');
    });

    it("listing: nothing, one item, two joined by and, more with commas then and", () => {
        assert.strictEqual(listing([]), "");
        assert.strictEqual(listing(["a"]), "a");
        assert.strictEqual(listing(["a", "b"]), "a and b");
        assert.strictEqual(listing(["a", "b", "c"]), "a, b and c");
    });
});
