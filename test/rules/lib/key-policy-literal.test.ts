/**
 * openKeyPolicyStatements, literally: which Allow statements of a KMS key policy open the key to every
 * principal, and which conditions scope such a statement (a scoping key, under a positive operator, to
 * values none of which is a wildcard).
 */
import * as assert from "assert";
import { openKeyPolicyStatements } from "../../../policy-pack/rules/lib/key-policy";

const ROOT = "arn:aws:iam::111122223333:root";
const policy = (statement: Record<string, unknown>) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Use", Effect: "Allow", Action: "kms:Decrypt", Resource: "*", ...statement }] });
const open = (statement: Record<string, unknown>, allowScoped = true) => openKeyPolicyStatements(policy(statement), allowScoped);

describe("openKeyPolicyStatements (literal)", () => {
    it("finds a wildcard under any one principal type, beside a named principal of another type", () => {
        assert.deepStrictEqual(open({ Principal: { AWS: ROOT, Service: "*" } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: { AWS: ROOT, Service: "logs.amazonaws.com" } }), []);
    });

    it("is scoped by one scoping key among other condition keys", () => {
        const Condition = { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com", "aws:PrincipalAccount": "111122223333" } };
        assert.deepStrictEqual(open({ Principal: "*", Condition }), []);
        assert.deepStrictEqual(open({ Principal: "*", Condition }, false), ['"Use"']);
    });

    it("is not scoped by a scoping key with no values, or with a wildcard among its values", () => {
        assert.deepStrictEqual(open({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": [] } } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { StringLike: { "aws:PrincipalAccount": ["111122223333", "*"] } } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { StringLike: { "aws:PrincipalOrgID": "o-a1b2c3d4e5*" } } }), ['"Use"']);
    });

    it("is not scoped by a set operator over Null (the key only has to exist) or over a negated operator", () => {
        assert.deepStrictEqual(open({ Principal: "*", Condition: { "ForAllValues:Null": { "aws:PrincipalAccount": "false" } } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { "ForAnyValue:Null": { "aws:PrincipalAccount": "false" } } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { "ForAnyValue:StringNotEquals": { "aws:PrincipalAccount": "1" } } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { "ForAnyValue:StringEquals": { "aws:PrincipalAccount": "111122223333" } } }), []);
    });

    it("is not scoped by a condition that holds for a request without the key (ForAllValues:, IfExists)", () => {
        const org = { "aws:PrincipalOrgID": "o-a1b2c3d4e5" };
        assert.deepStrictEqual(open({ Principal: "*", Condition: { "ForAllValues:StringEquals": org } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { StringEqualsIfExists: org } }), ['"Use"']);
        assert.deepStrictEqual(open({ Principal: "*", Condition: { StringEquals: org } }), []);
    });

    it("names an unnamed statement by its position in the document", () => {
        const doc = JSON.stringify({
            Statement: [
                { Sid: "Root", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" },
                { Effect: "Allow", NotPrincipal: { AWS: ROOT }, Action: "kms:*", Resource: "*" },
            ],
        });
        assert.deepStrictEqual(openKeyPolicyStatements(doc, true), ['"(statement 2, no Sid)"']);
        assert.strictEqual(openKeyPolicyStatements("{not json", true), undefined);
    });
});
