/**
 * isWildcardAction and wildcardGrants, literally: which action patterns grant everything or a whole
 * service, and how a grant's scope is written (NotResource, `Resource "*"`, or the listed resources,
 * non-string ones as JSON).
 */
import * as assert from "assert";
import { isWildcardAction, wildcardGrants } from "../../../policy-pack/rules/lib/iam-documents";

const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("isWildcardAction (literal)", () => {
    it("is true for * and a whole service", () => {
        assert.strictEqual(isWildcardAction("*"), true);
        assert.strictEqual(isWildcardAction("aws-portal:*"), true);
    });

    it("is false for a wildcard that ends an action name, or one after a second colon", () => {
        assert.strictEqual(isWildcardAction("s3:*Object"), false);
        assert.strictEqual(isWildcardAction("s3:Object:*"), false);
        assert.strictEqual(isWildcardAction("s3:Get*"), false);
    });
});

describe("wildcardGrants (literal)", () => {
    it("writes a NotResource scope as every resource but NotResource", () => {
        const statement = { Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::logs/*" };
        assert.deepStrictEqual(wildcardGrants(doc(statement), []), ['"s3:*" on every resource but NotResource']);
    });

    it("lists the resources, comma-separated, a non-string one as JSON", () => {
        const statement = { Effect: "Allow", Action: ["s3:*", "sqs:*"], Resource: ["arn:aws:s3:::a", { "Fn::GetAtt": ["Q", "Arn"] }] };
        assert.deepStrictEqual(wildcardGrants(doc(statement), ["SQS:*"]), ['"s3:*" on Resource arn:aws:s3:::a, {"Fn::GetAtt":["Q","Arn"]}']);
    });

    it('writes a list holding * as Resource "*"', () => {
        const statement = { Action: "*", Resource: ["arn:aws:s3:::a", "*"] };
        assert.deepStrictEqual(wildcardGrants(doc(statement), []), ['"*" on Resource "*"']);
    });
});
