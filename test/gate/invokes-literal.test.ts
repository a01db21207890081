/**
 * The invoke mocks, literally: the policy JSON `aws.iam.getPolicyDocument`
 * renders (one value as a string, several as a list, the anonymous principal
 * as "*", principals and conditions merged by type, test and variable, empty
 * fields left out, in the provider's key order), and every canned answer of
 * `mockCall` with its fallbacks; unknown functions echo a copy of their inputs.
 */
import * as assert from "assert";
import { MOCK_ACCOUNT_ID, MOCK_REGION, mockCall, renderPolicyDocument } from "../../policy-pack/gate/invokes";

/** The rendered statements of one input statement. */
const statement = (s: Record<string, unknown>) => (renderPolicyDocument({ statements: [s] }).Statement as unknown[])[0];
/** Compares as values (no key left undefined) and as JSON text, so key order counts. */
function sameJson(actual: unknown, expected: unknown): void {
    assert.deepStrictEqual(actual, expected);
    assert.strictEqual(JSON.stringify(actual), JSON.stringify(expected));
}

describe("gate: invoke mocks, literally", () => {
    it("has the mock account and region", () => {
        assert.strictEqual(MOCK_ACCOUNT_ID, "123456789012");
        assert.strictEqual(MOCK_REGION, "us-east-1");
    });

    it("renders a document's version, id and statements in the provider's key order", () => {
        sameJson(renderPolicyDocument({}), { Version: "2012-10-17", Statement: [] });
        sameJson(renderPolicyDocument({ version: "2008-10-17", policyId: "pid", statements: [] }), { Version: "2008-10-17", Id: "pid", Statement: [] });
        sameJson(renderPolicyDocument({ version: 2012, policyId: "" }), { Version: "2012-10-17", Statement: [] });
    });

    it("renders every field of a statement, in order, one value as a string", () => {
        const all = {
            conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
            notPrincipals: [{ type: "AWS", identifiers: ["arn:a"] }],
            principals: [{ type: "Service", identifiers: ["s.amazonaws.com"] }],
            notResources: ["nr"],
            resources: ["r"],
            notActions: ["na"],
            actions: ["a"],
            effect: "Deny",
            sid: "S1",
        };
        sameJson(statement(all), {
            Sid: "S1",
            Effect: "Deny",
            Action: "a",
            NotAction: "na",
            Resource: "r",
            NotResource: "nr",
            Principal: { Service: "s.amazonaws.com" },
            NotPrincipal: { AWS: "arn:a" },
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
    });

    it("renders several values as a list, a scalar as one string, and leaves out empty and missing fields", () => {
        sameJson(statement({}), { Effect: "Allow" });
        sameJson(statement({ sid: "", effect: "", actions: [], notActions: null, resources: undefined, notResources: [], principals: [], conditions: [] }), {});
        sameJson(statement({ actions: ["a", "b"], notActions: "na", resources: [1, 2], notResources: 7 }), {
            Effect: "Allow",
            Action: ["a", "b"],
            NotAction: "na",
            Resource: ["1", "2"],
            NotResource: "7",
        });
        sameJson(statement({ notPrincipals: [{ type: "*", identifiers: ["*"] }], notActions: ["x", "y"], notResources: ["p", "q"] }), {
            Effect: "Allow",
            NotAction: ["x", "y"],
            NotResource: ["p", "q"],
            NotPrincipal: "*",
        });
    });

    it("renders the anonymous principal as the string *", () => {
        assert.strictEqual((statement({ principals: [{ type: "*", identifiers: ["*"] }] }) as Record<string, unknown>).Principal, "*");
        assert.strictEqual((statement({ principals: [{ type: "*", identifiers: "*" }] }) as Record<string, unknown>).Principal, "*");
    });

    it("renders other principals as a map of type to identifiers, merging the same type", () => {
        const principal = (principals: unknown[]) => (statement({ principals }) as Record<string, unknown>).Principal;
        assert.deepStrictEqual(principal([{ type: "AWS", identifiers: ["*"] }]), { AWS: "*" });
        assert.deepStrictEqual(principal([{ type: "*", identifiers: ["a"] }]), { "*": "a" });
        assert.deepStrictEqual(principal([{ type: "*", identifiers: ["*", "x"] }]), { "*": ["*", "x"] });
        assert.deepStrictEqual(
            principal([
                { type: "*", identifiers: ["*"] },
                { type: "AWS", identifiers: ["a"] },
            ]),
            { "*": "*", AWS: "a" },
        );
        assert.deepStrictEqual(
            principal([
                { type: "*", identifiers: ["*"] },
                { type: "*", identifiers: ["*"] },
            ]),
            { "*": ["*", "*"] },
        );
        assert.deepStrictEqual(
            principal([
                { type: "AWS", identifiers: ["a"] },
                { type: "Service", identifiers: "s" },
                { type: "AWS", identifiers: ["b", "c"] },
            ]),
            { AWS: ["a", "b", "c"], Service: "s" },
        );
        assert.deepStrictEqual(principal([{ identifiers: ["x"] }, { type: "AWS" }]), { "": "x", AWS: [] });
        assert.deepStrictEqual(principal([{ identifiers: ["x"] }, { identifiers: "y" }]), { "": ["x", "y"] });
    });

    it("renders conditions as test to variable to values, merging the same test and variable", () => {
        const condition = (conditions: unknown[]) => (statement({ conditions }) as Record<string, unknown>).Condition;
        assert.deepStrictEqual(
            condition([
                { test: "StringEquals", variable: "v", values: ["a"] },
                { test: "Bool", variable: "x", values: [true] },
                { test: "StringEquals", variable: "v", values: "b" },
                { test: "StringEquals", variable: "w", values: ["c", "d"] },
            ]),
            { StringEquals: { v: ["a", "b"], w: ["c", "d"] }, Bool: { x: "true" } },
        );
        assert.deepStrictEqual(condition([{ values: ["z"] }, { test: "T", variable: "u" }]), { "": { "": "z" }, T: { u: [] } });
        assert.deepStrictEqual(
            condition([
                { test: "T", values: ["a"] },
                { test: "T", values: "b" },
            ]),
            { T: { "": ["a", "b"] } },
        );
    });

    it("answers getPolicyDocument with its inputs and the rendered document, pretty and minified", () => {
        const inputs = { statements: [{ actions: ["s3:GetObject"], resources: ["*"] }], json: "old" };
        const out = mockCall("aws:iam/getPolicyDocument:getPolicyDocument", inputs);
        const minified = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
        assert.deepStrictEqual(out, {
            statements: inputs.statements,
            json: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}',
            minifiedJson: minified,
            id: "policy-document",
        });
    });

    it("answers the account, region, partition and zone lookups", () => {
        assert.deepStrictEqual(mockCall("aws:index/getCallerIdentity:getCallerIdentity", {}), {
            accountId: "123456789012",
            arn: "arn:aws:iam::123456789012:user/mock",
            userId: "AIDAMOCK",
            id: "123456789012",
        });
        assert.deepStrictEqual(mockCall("aws:index/getRegion:getRegion", {}), {
            name: "us-east-1",
            region: "us-east-1",
            id: "us-east-1",
            endpoint: "ec2.us-east-1.amazonaws.com",
            description: "US East (N. Virginia)",
        });
        assert.deepStrictEqual(mockCall("aws:index/getPartition:getPartition", {}), {
            partition: "aws",
            dnsSuffix: "amazonaws.com",
            reverseDnsPrefix: "com.amazonaws",
            id: "aws",
        });
        assert.deepStrictEqual(mockCall("aws:index/getAvailabilityZones:getAvailabilityZones", {}), {
            names: ["us-east-1a", "us-east-1b", "us-east-1c"],
            zoneIds: ["use1-az1", "use1-az2", "use1-az3"],
            id: "us-east-1",
            groupNames: ["us-east-1"],
        });
    });

    it("answers getRole with the named role, or role when no name is given", () => {
        const role = (name: string) => ({
            name,
            arn: `arn:aws:iam::123456789012:role/${name}`,
            id: name,
            uniqueId: "AROAMOCK",
            path: "/",
            assumeRolePolicy: "{}",
            maxSessionDuration: 3600,
        });
        assert.deepStrictEqual(mockCall("aws:iam/getRole:getRole", { name: "deployer" }), role("deployer"));
        assert.deepStrictEqual(mockCall("aws:iam/getRole:getRole", {}), role("role"));
        assert.deepStrictEqual(mockCall("aws:iam/getRole:getRole", { name: "" }), role("role"));
        assert.deepStrictEqual(mockCall("aws:iam/getRole:getRole", { name: 5 }), role("role"));
    });

    it("answers getPolicy by ARN, else by name, else as policy", () => {
        const policy = (arn: string, name: string) => ({ arn, name, id: arn, path: "/", policy: "{}" });
        assert.deepStrictEqual(
            mockCall("aws:iam/getPolicy:getPolicy", { arn: "arn:aws:iam::aws:policy/path/ReadOnly", name: "x" }),
            policy("arn:aws:iam::aws:policy/path/ReadOnly", "ReadOnly"),
        );
        assert.deepStrictEqual(mockCall("aws:iam/getPolicy:getPolicy", { name: "mine" }), policy("arn:aws:iam::123456789012:policy/mine", "mine"));
        assert.deepStrictEqual(mockCall("aws:iam/getPolicy:getPolicy", { arn: "", name: "" }), policy("arn:aws:iam::123456789012:policy/policy", "policy"));
    });

    it("answers getVpc and kms getKey with the given id, or a mock one", () => {
        assert.deepStrictEqual(mockCall("aws:ec2/getVpc:getVpc", { id: "vpc-9" }), {
            id: "vpc-9",
            cidrBlock: "10.0.0.0/16",
            arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-9",
        });
        assert.deepStrictEqual(mockCall("aws:ec2/getVpc:getVpc", {}), {
            id: "vpc-mock",
            cidrBlock: "10.0.0.0/16",
            arn: "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-mock",
        });
        assert.deepStrictEqual(mockCall("aws:kms/getKey:getKey", { keyId: "alias/k" }), {
            id: "alias/k",
            arn: "arn:aws:kms:us-east-1:123456789012:key/alias/k",
            keyManager: "CUSTOMER",
            keyState: "Enabled",
        });
        assert.deepStrictEqual(mockCall("aws:kms/getKey:getKey", {}), {
            id: "key",
            arn: "arn:aws:kms:us-east-1:123456789012:key/key",
            keyManager: "CUSTOMER",
            keyState: "Enabled",
        });
    });

    it("echoes a copy of the inputs of any other function", () => {
        const inputs = { a: 1, b: ["x"] };
        const out = mockCall("aws:s3/getBucket:getBucket", inputs);
        assert.deepStrictEqual(out, { a: 1, b: ["x"] });
        assert.notStrictEqual(out, inputs);
    });
});
