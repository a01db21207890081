/**
 * lib/bucket-access, literally: that a trail or companion names a bucket by its literal name or id, that a
 * domain's mutual TLS block built from the bucket makes it a truststore, the public parts of inline grants and
 * of a BucketAclV2's computed grants, a policy object's unknown part, which Deny is a TLS-only deny, a bucket's
 * ARNs, the aws-managed key alias, a service statement's effect, and the inline lifecycle rules.
 */
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import {
    aclOf,
    bucketArnsOf,
    companionsOf,
    isTlsOnlyDeny,
    kmsEncryptionOf,
    lifecycleOf,
    policyDocumentOf,
    publicAclsOf,
    purposesOf,
    unscopedServiceStatements,
} from "../../../policy-pack/rules/lib/bucket-access";
import { bucketsIn } from "../../../policy-pack/rules/lib/buckets";
import { resourcesOf } from "../../../policy-pack/rules/lib/resources";
import { policyResource, U } from "./preview-values";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const ARN = "arn:aws:s3:::logs-bucket";

/** A Bucket named `logs-bucket` with id `logs-0a1b2c3` (as the gate's mocks give it) and `props`, each recorded as set. */
const bucketOf = (props: Record<string, unknown> = {}, type = "aws:s3/bucket:Bucket") =>
    policyResource(type, "logs", { bucket: "logs-bucket", id: "logs-0a1b2c3", ...props }, Object.fromEntries(Object.keys(props).map((k) => [k, []])));
const first = (resources: PolicyResource[]) => bucketsIn(resources)[0];
const acl = (props: Record<string, unknown>, deps: Record<string, PolicyResource[]> = {}) =>
    aclOf(resourcesOf([policyResource("aws:s3/bucketAclV2:BucketAclV2", "a", { bucket: "logs-bucket", ...props }, deps)], aws.s3.BucketAclV2)[0]);
const deny = (Condition: unknown) => ({
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [ARN, `${ARN}/*`],
    ...(Condition === undefined ? {} : { Condition }),
});
const sseOf = (applyServerSideEncryptionByDefault: Record<string, unknown>) => ({ rule: { applyServerSideEncryptionByDefault } });

describe("lib/bucket-access (literal)", () => {
    it("a trail naming the bucket by its literal name or id makes it an audit bucket", () => {
        const b = bucketOf();
        const trail = (s3BucketName: string) => policyResource("aws:cloudtrail/trail:Trail", "t", { s3BucketName });
        assert.deepStrictEqual(purposesOf([b, trail("logs-bucket")], first([b])), ["audit"]);
        assert.deepStrictEqual(purposesOf([b, trail("logs-0a1b2c3")], first([b])), ["audit"]);
        assert.deepStrictEqual(purposesOf([b, trail("other-0a1b2c3")], first([b])), []);
    });

    it("a domain whose mutual TLS block was built from the bucket makes it a truststore, though the URI is unknown", () => {
        const b = bucketOf();
        const domain = policyResource(
            "aws:apigateway/domainName:DomainName",
            "d",
            { mutualTlsAuthentication: { truststoreUri: U } },
            { mutualTlsAuthentication: [b] },
        );
        assert.deepStrictEqual(purposesOf([b, domain], first([b])), ["truststore"]);
    });

    it("companions name the bucket by dependency, literal name or literal id, and no other", () => {
        const b = bucketOf();
        const policies = [
            policyResource("aws:s3/bucketPolicy:BucketPolicy", "by-dep", { bucket: U, policy: "{}" }, { bucket: [b] }),
            policyResource("aws:s3/bucketPolicy:BucketPolicy", "by-name", { bucket: "logs-bucket", policy: "{}" }),
            policyResource("aws:s3/bucketPolicy:BucketPolicy", "by-id", { bucket: "logs-0a1b2c3", policy: "{}" }),
            policyResource("aws:s3/bucketPolicy:BucketPolicy", "other", { bucket: "other-bucket", policy: "{}" }),
        ];
        const found = companionsOf(resourcesOf(policies, aws.s3.BucketPolicy), first([b])).map((p) => p.name);
        assert.deepStrictEqual(found, ["by-dep", "by-name", "by-id"]);
    });

    it("reports an inline grant to everyone as a public part of the bucket's ACL", () => {
        const b = bucketOf({
            acl: "private",
            grants: [
                { type: "Group", uri: ALL_USERS, permissions: ["READ"] },
                { type: "CanonicalUser", id: "abc" },
            ],
        });
        assert.deepStrictEqual(publicAclsOf([b], first([b])), [
            { where: 'Bucket "logs" acl/grants', value: { known: true, value: [`a grant to ${ALL_USERS}`] } },
        ]);
    });

    it("a BucketAclV2 without an accessControlPolicy output has no grants", () => {
        assert.deepStrictEqual(acl({ acl: "private" }), { where: 'BucketAclV2 "a"', value: { known: true, value: [] } });
    });

    it("a BucketAclV2's known computed grants count, though the program left accessControlPolicy unset", () => {
        const policy = { grants: [{ grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" }] };
        assert.deepStrictEqual(acl({ acl: "private", accessControlPolicy: policy }), {
            where: 'BucketAclV2 "a"',
            value: { known: true, value: [`a grant to ${ALL_USERS}`] },
        });
    });

    it("a BucketAclV2 whose accessControlPolicy the program set from unknown values is unknown", () => {
        const source = policyResource("aws:s3/bucket:Bucket", "src", { bucket: "src" });
        assert.deepStrictEqual(acl({ acl: "private", accessControlPolicy: U }, { accessControlPolicy: [source] }), {
            where: 'BucketAclV2 "a"',
            value: { known: false, path: "accessControlPolicy" },
        });
        assert.deepStrictEqual(acl({ acl: "private", accessControlPolicy: U }), { where: 'BucketAclV2 "a"', value: { known: true, value: [] } });
    });

    it("a BucketPolicy given as an object names its unknown part under policy", () => {
        const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: U }] };
        const p = resourcesOf([policyResource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: "logs-bucket", policy: doc })], aws.s3.BucketPolicy)[0];
        assert.deepStrictEqual(policyDocumentOf(p), { where: 'BucketPolicy "p" policy', statements: { known: false, path: "policy.Statement.0.Resource" } });
    });

    it("a TLS-only deny needs aws:SecureTransport false under Bool, beside any other condition", () => {
        const insecure = { "aws:SecureTransport": "false" };
        assert.strictEqual(isTlsOnlyDeny(deny({ Bool: insecure }), [ARN]), true);
        assert.strictEqual(isTlsOnlyDeny(deny({ StringEquals: { "aws:PrincipalAccount": "111122223333" }, Bool: insecure }), [ARN]), true);
        assert.strictEqual(isTlsOnlyDeny(deny({ Bool: { "aws:ViaAWSService": "false", "aws:SecureTransport": false } }), [ARN]), true);
        assert.strictEqual(isTlsOnlyDeny(deny({ Bool: { "aws:SecureTransport": ["true", "false"] } }), [ARN]), true);
        assert.strictEqual(isTlsOnlyDeny(deny(undefined), [ARN]), false);
        assert.strictEqual(isTlsOnlyDeny(deny({ StringEquals: insecure }), [ARN]), false);
        assert.strictEqual(isTlsOnlyDeny(deny({ Bool: { "aws:ViaAWSService": "false" } }), [ARN]), false);
        assert.strictEqual(isTlsOnlyDeny(deny({ Bool: {} }), [ARN]), false);
        assert.strictEqual(isTlsOnlyDeny(deny({ Bool: { "aws:SecureTransport": [] } }), [ARN]), false);
    });

    it("a bucket's ARNs: from its known name and its known arn", () => {
        assert.deepStrictEqual(bucketArnsOf(first([bucketOf({ arn: U })])), { known: true, value: [ARN] });
        assert.deepStrictEqual(bucketArnsOf(first([bucketOf({ arn: ARN })])), { known: true, value: [ARN, ARN] });
        assert.deepStrictEqual(bucketArnsOf(first([bucketOf({ bucket: U, arn: ARN })])), { known: true, value: [ARN] });
    });

    it("an inline aws:kms default without a key is the aws-managed key, where the bucket sets it", () => {
        const b = bucketOf({ serverSideEncryptionConfiguration: sseOf({ sseAlgorithm: "aws:kms" }) });
        assert.deepStrictEqual(kmsEncryptionOf([b], first([b])), { state: "aws-managed", where: 'Bucket "logs" serverSideEncryptionConfiguration' });
        const empty = bucketOf({ serverSideEncryptionConfiguration: sseOf({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "" }) });
        assert.deepStrictEqual(kmsEncryptionOf([empty], first([empty])), { state: "aws-managed", where: 'Bucket "logs" serverSideEncryptionConfiguration' });
    });

    it("a customer alias that holds alias/aws/s3 before its end is a customer-managed key", () => {
        const b = bucketOf({ serverSideEncryptionConfiguration: sseOf({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/team-alias/aws/s3-logs" }) });
        assert.deepStrictEqual(kmsEncryptionOf([b], first([b])), { state: "cmk" });
        const ending = (kmsMasterKeyId: string) => bucketOf({ serverSideEncryptionConfiguration: sseOf({ sseAlgorithm: "aws:kms", kmsMasterKeyId }) });
        const team = ending("arn:aws:kms:us-east-1:111122223333:alias/team-alias/aws/s3");
        assert.deepStrictEqual(kmsEncryptionOf([team], first([team])), { state: "cmk" });
        const where = 'Bucket "logs" serverSideEncryptionConfiguration';
        for (const managed of ["alias/aws/s3", "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"]) {
            const m = ending(managed);
            assert.deepStrictEqual(kmsEncryptionOf([m], first([m])), { state: "aws-managed", where }, managed);
        }
    });

    it("a Deny to the service is no unscoped service statement", () => {
        const statement = { Sid: "Logs", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `${ARN}/*` };
        assert.deepStrictEqual(unscopedServiceStatements([{ ...statement, Effect: "Deny" }], "logging.s3.amazonaws.com"), []);
        assert.deepStrictEqual(unscopedServiceStatements([{ ...statement, Effect: "Allow" }], "logging.s3.amazonaws.com"), ['"Logs"']);
    });

    it("inline lifecycle rules: an enabled one is yes, only disabled ones no, an unknown list unknown", () => {
        const answer = (lifecycleRules: unknown) => {
            const b = bucketOf({ lifecycleRules });
            return lifecycleOf([b], first([b]));
        };
        assert.deepStrictEqual(answer([{ enabled: false }, { enabled: true }]), { state: "yes" });
        assert.deepStrictEqual(answer([{ enabled: false }]), { state: "no" });
        assert.deepStrictEqual(answer(U), { state: "unknown", what: 'Bucket "logs".lifecycleRules' });
    });
});
