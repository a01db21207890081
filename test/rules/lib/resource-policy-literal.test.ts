/**
 * privateApiPolicyProblems and openInvokeStatements, literally: which statements of an API Gateway resource
 * policy a wildcard principal can use unscoped, which Deny statements scope every caller, how Action /
 * NotAction patterns are matched against execute-api:Invoke, which Resource values cover the whole API, and
 * which condition operators and values count as scoping.
 */
import * as assert from "assert";
import { openInvokeStatements, privateApiPolicyProblems } from "../../../policy-pack/rules/lib/resource-policy";

type Statement = Record<string, unknown>;
const doc = (...Statement: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const ROOT = "arn:aws:iam::111122223333:root";
const API_ARN = "arn:aws:execute-api:us-east-1:111122223333:abc123/*";

describe("privateApiPolicyProblems (literal)", () => {
    const openAllow: Statement = { Sid: "Open", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };
    const problem = 'statement "Open" allows principal "*" without an aws:SourceVpce or aws:SourceVpc condition';
    const deny = (Condition: Statement, Principal: unknown = "*"): Statement => ({
        Effect: "Deny",
        Principal,
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
        Condition,
    });

    it("finds a wildcard under one principal type beside a named principal of another type", () => {
        assert.deepStrictEqual(privateApiPolicyProblems(doc({ ...openAllow, Principal: { AWS: [ROOT], Service: "*" } })), [problem]);
    });

    const unscoped = (sid: string, operator: string) =>
        `statement "${sid}" allows principal "*" under ${operator} on aws:SourceVpce or aws:SourceVpc, which does not limit callers to VPC endpoints (a negated operator admits every other endpoint, ForAllValues: and …IfExists also a request without the key, * every value); use StringEquals with your endpoint IDs`;

    it("reports an Allow with StringNotEquals aws:SourceVpce (every other endpoint gets in), which scopes no other statement", () => {
        const notEqualsAllow = { ...openAllow, Sid: "Vpce", Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } } };
        assert.deepStrictEqual(privateApiPolicyProblems(doc(notEqualsAllow, openAllow)), [unscoped("Vpce", "StringNotEquals"), problem]);
    });

    it("reports an Allow whose VPC condition also holds without the key (ForAllValues:, IfExists) or for every value", () => {
        for (const [operator, value] of [
            ["ForAllValues:StringEquals", "vpce-1"],
            ["StringEqualsIfExists", "vpce-1"],
            ["StringLike", "*"],
        ]) {
            const allow = { ...openAllow, Condition: { [operator]: { "aws:SourceVpc": value } } };
            assert.deepStrictEqual(privateApiPolicyProblems(doc(allow)), [unscoped("Open", operator)], operator);
        }
        const twoOperators = {
            ...openAllow,
            Condition: {
                Bool: { "aws:SecureTransport": "true" },
                StringNotEquals: { "aws:SourceVpce": "vpce-1" },
                StringNotLike: { "aws:SourceVpc": "vpc-1*" },
            },
        };
        assert.deepStrictEqual(privateApiPolicyProblems(doc(twoOperators)), [unscoped("Open", "StringNotEquals, StringNotLike")]);
        const besideOtherKey = { ...openAllow, Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1", "aws:PrincipalAccount": "111122223333" } } };
        assert.deepStrictEqual(privateApiPolicyProblems(doc(besideOtherKey)), [unscoped("Open", "StringNotEquals")]);
        const anyValue = { ...openAllow, Condition: { "ForAnyValue:StringEquals": { "aws:SourceVpce": ["vpce-1", "vpce-2"] } } };
        assert.deepStrictEqual(privateApiPolicyProblems(doc(anyValue)), []);
        assert.deepStrictEqual(privateApiPolicyProblems(doc({ ...openAllow, Principal: undefined, NotPrincipal: { AWS: ROOT } })), [problem]);
    });

    it("is not scoped by a Deny that a request without the key escapes, or that covers only part of the API or other actions", () => {
        const vpce = { "aws:SourceVpce": "vpce-1" };
        assert.deepStrictEqual(privateApiPolicyProblems(doc(deny({ "ForAnyValue:StringNotEquals": vpce }), openAllow)), [problem]);
        assert.deepStrictEqual(privateApiPolicyProblems(doc({ ...deny({ StringNotEquals: vpce }), Resource: "execute-api:/*/GET/pets" }, openAllow)), [
            problem,
        ]);
        assert.deepStrictEqual(privateApiPolicyProblems(doc({ ...deny({ StringNotEquals: vpce }), Action: "execute-api:ManageConnections" }, openAllow)), [
            problem,
        ]);
        assert.deepStrictEqual(privateApiPolicyProblems(doc(deny({ StringNotEqualsIfExists: vpce }), openAllow)), []);
    });

    it("is not scoped by a Deny of a named principal only", () => {
        assert.deepStrictEqual(privateApiPolicyProblems(doc(deny({ StringNotEquals: { "aws:SourceVpce": "vpce-1" } }, { AWS: ROOT }), openAllow)), [problem]);
    });

    it("is scoped by a Deny with StringNotEquals on a VPC key beside other operators and keys", () => {
        const condition = { Bool: { "aws:SecureTransport": "false" }, StringNotEquals: { "aws:PrincipalAccount": "111122223333", "aws:SourceVpce": "vpce-1" } };
        assert.deepStrictEqual(privateApiPolicyProblems(doc(deny(condition), openAllow)), []);
    });

    it("is not scoped by a Deny whose VPC key is under StringEquals, or whose StringNotEquals names no VPC key", () => {
        assert.deepStrictEqual(privateApiPolicyProblems(doc(deny({ StringEquals: { "aws:SourceVpce": "vpce-1" } }), openAllow)), [problem]);
        assert.deepStrictEqual(privateApiPolicyProblems(doc(deny({ StringNotEquals: { "aws:SourceIp": "203.0.113.0/24" } }), openAllow)), [problem]);
    });
});

describe("openInvokeStatements (literal)", () => {
    const allow = (extra: Statement): Statement => ({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*", ...extra });
    const scopingDeny = (extra: Statement): Statement => ({
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
        Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
        ...extra,
    });
    const open = (...statements: Statement[]) => openInvokeStatements(doc(...statements));

    it("names a statement without Sid as (no Sid)", () => {
        assert.deepStrictEqual(open({ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke" }), ['"(no Sid)"']);
    });

    it("applies a NotAction statement to execute-api:Invoke unless NotAction matches it", () => {
        assert.deepStrictEqual(open(allow({ Action: undefined, NotAction: "s3:*" })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Action: undefined, NotAction: "execute-api:*" })), []);
        assert.deepStrictEqual(open(allow({ Action: undefined, NotAction: ["execute-api:*", "s3:*"] })), []);
        assert.deepStrictEqual(open(allow({ Action: undefined, NotAction: [5, "s3:*"] })), ['"Open"']);
    });

    it("applies an Action list when any entry matches execute-api:Invoke", () => {
        assert.deepStrictEqual(open(allow({ Action: ["s3:GetObject", "execute-api:Invoke"] })), ['"Open"']);
    });

    it("matches action patterns case-insensitively, with ? as one character and other characters literally", () => {
        assert.deepStrictEqual(open(allow({ Action: "Execute-API:invoke" })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Action: "execute-api:Invok?" })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Action: "execute-api:Inv.oke" })), []);
        assert.deepStrictEqual(open(allow({ Action: "execute-api:Invoke+" })), []);
    });

    it("does not count an Allow of a named principal", () => {
        assert.deepStrictEqual(open(allow({ Principal: { AWS: ROOT } })), []);
        assert.deepStrictEqual(open(allow({ Principal: undefined, NotPrincipal: { AWS: ROOT } })), ['"Open"']);
    });

    it("treats a negated condition on an Allow as no scope, whatever Deny-looking condition it carries", () => {
        assert.deepStrictEqual(open(allow({ Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } } })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Condition: { ArnNotEquals: { "aws:SourceVpce": "vpce-1" } } })), ['"Open"']);
    });

    it("scopes by a Deny without Resource, or with a Resource list that covers the whole API", () => {
        assert.deepStrictEqual(open(scopingDeny({ Resource: undefined }), allow({})), []);
        assert.deepStrictEqual(open(scopingDeny({ Resource: ["execute-api:/*", "execute-api:/prod/GET/pets"] }), allow({})), []);
        assert.deepStrictEqual(open(scopingDeny({ Resource: API_ARN }), allow({})), []);
        assert.deepStrictEqual(open(scopingDeny({ Resource: "arn:aws-cn:execute-api:cn-north-1:111122223333:abc123/*" }), allow({})), []);
    });

    it("does not scope by a Deny limited to part of the API", () => {
        assert.deepStrictEqual(open(scopingDeny({ Resource: "execute-api:/*/GET/pets" }), allow({})), ['"Open"']);
        assert.deepStrictEqual(open(scopingDeny({ Resource: "execute-api:/prod/GET/*" }), allow({})), ['"Open"']);
        assert.deepStrictEqual(open(scopingDeny({ Resource: `${API_ARN}/GET/pets` }), allow({})), ['"Open"']);
    });

    it("reads a set-operator prefix and the IfExists suffix off a negated operator in a Deny, and ArnNot as negated", () => {
        const condition = (operator: string) => ({ Condition: { [operator]: { "aws:SourceVpce": "vpce-1" } } });
        assert.deepStrictEqual(open(scopingDeny(condition("ForAllValues:StringNotEqualsIfExists")), allow({})), []);
        assert.deepStrictEqual(open(scopingDeny(condition("ArnNotLike")), allow({})), []);
    });

    it("does not scope by an Allow condition that holds without the key, nor by a Deny that a request without it escapes", () => {
        const vpce = { "aws:SourceVpce": "vpce-1" };
        assert.deepStrictEqual(open(allow({ Condition: { "ForAllValues:StringEquals": vpce } })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Condition: { IpAddressIfExists: { "aws:SourceIp": "203.0.113.0/24" } } })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Condition: { "ForAnyValue:StringEquals": vpce } })), []);
        assert.deepStrictEqual(open(scopingDeny({ Condition: { "ForAnyValue:StringNotEquals": vpce } }), allow({})), ['"Open"']);
        assert.deepStrictEqual(open(scopingDeny({ Condition: { NotIpAddressIfExists: { "aws:SourceIp": "203.0.113.0/24" } } }), allow({})), []);
    });

    it("does not scope by Null, with or without a set prefix or IfExists", () => {
        for (const operator of ["Null", "ForAnyValue:Null", "NullIfExists"]) {
            assert.deepStrictEqual(open(allow({ Condition: { [operator]: { "aws:SourceVpce": "false" } } })), ['"Open"'], operator);
        }
        assert.deepStrictEqual(open(allow({ Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } })), []);
    });

    it("does not scope by a key with no values, or with * (even padded) among its values", () => {
        assert.deepStrictEqual(open(allow({ Condition: { StringEquals: { "aws:SourceVpce": [] } } })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Condition: { StringLike: { "aws:SourceVpce": ["vpce-1", "*"] } } })), ['"Open"']);
        assert.deepStrictEqual(open(allow({ Condition: { StringLike: { "aws:SourceVpce": " * " } } })), ['"Open"']);
    });
});
