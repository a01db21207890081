/** s3-bucket-public-access on values unknown at a first preview (split from the main spec: file size). */
import * as aws from "@pulumi/aws";
import { ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, PROTECTED } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "s3-bucket-public-access";
const EXISTING = "existing-bucket";
const FOUR = "blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets";
const SCOPES = "aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID";
const NO_PUBLIC_ACL = "it must not grant public-read, public-read-write, authenticated-read or AllUsers/AuthenticatedUsers access.";
const external = (label: string) => `${label} (of bucket "${EXISTING}", not created by this program)`;

describe(`${RULE} (values unknown at a first preview)`, () => {
    it("reports a public access block setting built from outputs as unverifiable at preview, unless an AccountPublicAccessBlock blocks public access", async () => {
        const program = (accountBlock: boolean) => () => {
            const b = bucket("data", { ...PROTECTED, publicAccessBlock: false });
            new aws.s3.BucketPublicAccessBlock("data-pab", {
                bucket: b.id,
                blockPublicAcls: afterDeployment(false),
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            if (accountBlock) {
                new aws.s3.AccountPublicAccessBlock("account", {
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                });
            }
        };
        const found = await ruleFindingsByMode(RULE, program(false));
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "data",
                message: [
                    exactly(
                        'Bucket "data": cannot be verified at preview: BucketPublicAccessBlock "data-pab".blockPublicAcls is unknown; it must be true, with all four public access block settings true.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "data", message: [/^Bucket "data" does not block public access: /] }]);
        const covered = await ruleFindingsByMode(RULE, program(true));
        assertNoFindings(covered.preview);
        assertNoFindings(covered.update);
    });

    it("reports an ACL built from outputs, on the bucket or a BucketAclV2, as unverifiable at preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const inline = new aws.s3.Bucket("inline", { acl: afterDeployment("public-read") });
            new aws.s3.BucketPublicAccessBlock("inline-pab", {
                bucket: inline.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            const b = bucket("companion", PROTECTED);
            new aws.s3.BucketAclV2("companion-acl", { bucket: b.id, acl: afterDeployment("private") });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "inline",
                message: [exactly(`Bucket "inline": cannot be verified at preview: Bucket "inline" acl/grants (acl) is unknown; ${NO_PUBLIC_ACL}`)],
            },
            {
                resource: "companion",
                message: [exactly(`Bucket "companion": cannot be verified at preview: BucketAclV2 "companion-acl" (acl) is unknown; ${NO_PUBLIC_ACL}`)],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "inline", message: [/^Bucket "inline" is public through Bucket "inline" acl\/grants: /] },
        ]);
    });

    it("reports a sub-resource of an external bucket whose settings, acl or policy are built from outputs as unverifiable at preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            new aws.s3.BucketPublicAccessBlock("pab", {
                bucket: EXISTING,
                blockPublicAcls: true,
                blockPublicPolicy: afterDeployment(false),
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            new aws.s3.BucketAclV2("acl", { bucket: EXISTING, acl: afterDeployment("public-read") });
            new aws.s3.BucketPolicy("policy", {
                bucket: EXISTING,
                policy: afterDeployment(
                    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] }),
                ),
            });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "pab",
                message: [
                    exactly(
                        `${external('BucketPublicAccessBlock "pab"')}: cannot be verified at preview: blockPublicPolicy is unknown; ${FOUR} must all be true.`,
                    ),
                ],
            },
            { resource: "acl", message: [exactly(`${external('BucketAclV2 "acl"')}: cannot be verified at preview: acl is unknown; ${NO_PUBLIC_ACL}`)] },
            {
                resource: "policy",
                message: [
                    exactly(
                        `${external('BucketPolicy "policy"')}: cannot be verified at preview: policy is unknown; it must not Allow Principal "*" without a condition on ${SCOPES}.`,
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "pab", message: [/^BucketPublicAccessBlock "pab" .* leaves blockPublicPolicy unset or false/] },
            { resource: "acl", message: [/^BucketAclV2 "acl" .* makes the bucket public: acl "public-read"\./] },
            { resource: "policy", message: [/^BucketPolicy "policy" .* makes the bucket public: policy statement #1 Allows Principal "\*"/] },
        ]);
    });
});
