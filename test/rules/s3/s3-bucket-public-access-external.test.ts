/** s3-bucket-public-access on sub-resources of buckets the program does not create (split from the main spec: file size). */
import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { tlsBucket } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "s3-bucket-public-access";
const EXISTING = "existing-bucket";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const OWNER = { id: "owner-canonical-id" };
const block = (name: string, args: Partial<aws.s3.BucketPublicAccessBlockArgs> = {}) =>
    new aws.s3.BucketPublicAccessBlock(name, {
        bucket: EXISTING,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
        ...args,
    });
const policy = (name: string, statement: Record<string, unknown>, ...more: Record<string, unknown>[]) =>
    new aws.s3.BucketPolicy(name, {
        bucket: EXISTING,
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Read", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `arn:aws:s3:::${EXISTING}/*`, ...statement },
                ...more,
            ],
        }),
    });
const EXTERNAL = /not created by this program/;
const SCOPES = "aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID";

describe(`${RULE} (sub-resources of external buckets)`, () => {
    it("passes an external bucket's full public access block, private ACL and scoped policy", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                block("pab");
                new aws.s3.BucketAclV2("acl", { bucket: EXISTING, acl: "private" });
                policy("policy", { Condition: { StringEquals: { "aws:SourceVpce": "vpce-123" } } });
            }),
        );
    });

    it("rejects an external public access block with a setting false or unset (checkov CKV_AWS_53-56), naming the settings", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                block("pab", { blockPublicAcls: false, restrictPublicBuckets: undefined });
                new aws.s3.BucketPublicAccessBlock("pab2", { bucket: "other-existing", blockPublicPolicy: true });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "pab",
                    message: [
                        /BucketPublicAccessBlock "pab"/,
                        /bucket "existing-bucket"/,
                        EXTERNAL,
                        /leaves blockPublicAcls, restrictPublicBuckets unset or false/,
                    ],
                },
                { resource: "pab2", message: [/leaves blockPublicAcls, ignorePublicAcls, restrictPublicBuckets unset or false/] },
            ],
        );
    });

    it("rejects a public canned ACL (BucketAclV2), a grant to AllUsers (checkov CKV_AWS_375 READ_ACP) or AuthenticatedUsers (CKV2_AWS_43), naming every public grant", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new aws.s3.BucketAclV2("acl", { bucket: EXISTING, acl: "public-read-write" });
                new aws.s3.BucketAcl("grants", {
                    bucket: EXISTING,
                    accessControlPolicy: { owner: OWNER, grants: [{ permission: "READ_ACP", grantee: { type: "Group", uri: ALL_USERS } }] },
                });
                new aws.s3.BucketAcl("authenticated", {
                    bucket: EXISTING,
                    accessControlPolicy: {
                        owner: OWNER,
                        grants: [
                            { permission: "READ", grantee: { type: "Group", uri: AUTH_USERS } },
                            { permission: "WRITE", grantee: { type: "Group", uri: ALL_USERS } },
                        ],
                    },
                });
            }),
            RULE,
            "mandatory",
            [
                { resource: "acl", message: [/BucketAclV2 "acl"/, EXTERNAL, /acl "public-read-write"/, /Set acl "private"/] },
                { resource: "grants", message: [/BucketAcl "grants"/, /a grant to http:\/\/acs.amazonaws.com\/groups\/global\/AllUsers/] },
                {
                    resource: "authenticated",
                    message: [
                        exactly(
                            `BucketAcl "authenticated" (of bucket "${EXISTING}", not created by this program) makes the bucket public: a grant to ${AUTH_USERS}, a grant to ${ALL_USERS}. ` +
                                'Set acl "private" and remove grants to AllUsers/AuthenticatedUsers.',
                        ),
                    ],
                },
            ],
        );
    });

    it('rejects an external policy allowing "*" unscoped (naming every such statement), or scoped by aws:PrincipalArn arn:aws:iam::* (checkov CKV_AWS_70)', async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                policy("open", {}, { Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:ListBucket", Resource: `arn:aws:s3:::${EXISTING}` });
                policy("any-arn", { Principal: { AWS: ["*"] }, Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::*" } } });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "open",
                    message: [
                        exactly(
                            `BucketPolicy "open" (of bucket "${EXISTING}", not created by this program) makes the bucket public: policy statement "Read", #2 Allows Principal "*" without a condition scoping it. ` +
                                `Add a condition on ${SCOPES} to the statement, or name the principals.`,
                        ),
                    ],
                },
                { resource: "any-arn", message: [/BucketPolicy "any-arn"/, /statement "Read"/] },
            ],
        );
    });

    it("reports a sub-resource of a bucket in the program once, on the bucket, not again on the sub-resource", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = tlsBucket("data", { publicAccessBlock: false });
                new aws.s3.BucketPublicAccessBlock("data-pab", { bucket: b.id, blockPublicAcls: false });
                new aws.s3.BucketAclV2("data-acl", { bucket: b.id, acl: "public-read" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "data", message: [/Bucket "data" does not block public access/] },
                { resource: "data", message: [/is public through BucketAclV2 "data-acl"/] },
            ],
        );
    });
});
