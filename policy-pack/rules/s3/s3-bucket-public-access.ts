/** No S3 bucket of the program is public: public access blocked, no public ACL, no bucket policy open to everyone. */
import * as aws from "@pulumi/aws";
import { accountPublicAccessBlocked, bucketPoliciesOf, publicAclsOf, publicStatements, purposesOf } from "../lib/bucket-access";
import { bucketsIn, publicAccessBlockOf } from "../lib/buckets";
import { ruleConfig, stackRule } from "../lib/rule";

/** Config of {@link s3BucketPublicAccess}. */
export interface S3BucketPublicAccessConfig {
    /**
     * Buckets meant to be public: bucket resource name → the reason (non-empty).
     * Audit and truststore buckets can never be listed.
     */
    publicBuckets: Record<string, string>;
}

export const s3BucketPublicAccessConfig = ruleConfig<S3BucketPublicAccessConfig>({
    publicBuckets: {
        type: "object",
        additionalProperties: { type: "string" },
        default: {},
        description: "Buckets meant to be public, by resource name, each with the reason it is public; every other bucket must not be public.",
    },
});

const FOUR = "blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets";
const SCOPES = "aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID";

export const s3BucketPublicAccess = stackRule({
    name: "s3-bucket-public-access",
    service: "s3",
    description:
        "Every S3 bucket blocks public access (a BucketPublicAccessBlock, or an AccountPublicAccessBlock, with all four settings true), has no public ACL and no bucket policy that allows everyone.",
    remediationSteps: `Add an aws.s3.BucketPublicAccessBlock with ${FOUR} true; remove public-read/public-read-write/authenticated-read ACLs and grants to AllUsers/AuthenticatedUsers; scope every Allow of Principal "*" with ${SCOPES}. A bucket meant to be public goes in publicBuckets with its reason.`,
    severity: "high",
    enforcementLevel: "mandatory",
    // Checked: checkov graph tests S3BucketHasPublicAccessBlock, S3PublicACLRead, S3PublicACLWrite; trivy s3/{block_public_acls,block_public_policy,ignore_public_acls,no_public_buckets,specify_public_access_block,no_public_access_with_acl}_test.rego; cdk-nag test/rules/S3.test.ts. Not claimed: checks of a lone sub-resource (CKV_AWS_53-56, CKV2_AWS_43, CKV_AWS_375), whose bucket outside the program is not judged.
    controls: {
        securityHub: ["S3.2", "S3.3", "S3.8"],
        cdkNag: [
            "AwsSolutions-S2",
            "NIST.800.53.R5-S3BucketLevelPublicAccessProhibited",
            "PCI.DSS.321-S3BucketLevelPublicAccessProhibited",
            "HIPAA.Security-S3BucketLevelPublicAccessProhibited",
            "NIST.800.53.R5-S3BucketPublicReadProhibited",
            "PCI.DSS.321-S3BucketPublicReadProhibited",
            "HIPAA.Security-S3BucketPublicReadProhibited",
            "NIST.800.53.R5-S3BucketPublicWriteProhibited",
            "PCI.DSS.321-S3BucketPublicWriteProhibited",
            "HIPAA.Security-S3BucketPublicWriteProhibited",
        ],
        checkov: ["CKV2_AWS_6", "CKV_AWS_20", "CKV_AWS_57"],
        trivy: ["AWS-0086", "AWS-0087", "AWS-0091", "AWS-0092", "AWS-0093", "AWS-0094"],
    },
    config: s3BucketPublicAccessConfig,
    inspects: [
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketPublicAccessBlock,
        aws.s3.AccountPublicAccessBlock,
        aws.s3.BucketAclV2,
        aws.s3.BucketAcl,
        aws.s3.BucketPolicy,
        aws.cloudtrail.Trail,
        aws.apigateway.DomainName,
    ],
    validateStack: (args, report) => {
        const config = s3BucketPublicAccessConfig.read(args);
        const accountBlocked = accountPublicAccessBlocked(args.resources);
        for (const bucket of bucketsIn(args.resources)) {
            const subject = bucket.common.label;
            const urn = bucket.common.urn;
            const purposes = purposesOf(args.resources, bucket);
            if (Object.prototype.hasOwnProperty.call(config.publicBuckets, bucket.common.name)) {
                const reason = config.publicBuckets[bucket.common.name];
                if (purposes.length > 0) {
                    report(
                        `${subject} is listed in publicBuckets but holds ${purposes.join(" and ")} data, which is never public; remove it from publicBuckets.`,
                        urn,
                    );
                    // and judge it as any other bucket
                } else if (typeof reason !== "string" || reason.trim() === "") {
                    report(`${subject} is listed in publicBuckets without a reason; give the reason it is public, or remove the entry.`, urn);
                    continue;
                } else {
                    continue;
                }
            }
            const blocked = publicAccessBlockOf(args.resources, bucket);
            if (blocked.state === "no" && !accountBlocked) {
                report(
                    `${subject} does not block public access: no BucketPublicAccessBlock for it has ${FOUR} all true (nor does an AccountPublicAccessBlock of the program). ` +
                        `Add a BucketPublicAccessBlock for the bucket with ${FOUR} all true.`,
                    urn,
                );
            } else if (blocked.state === "unknown" && !accountBlocked) {
                report(
                    `${subject}: cannot be verified at preview: ${blocked.what} is unknown; it must be true, with all four public access block settings true.`,
                    urn,
                );
            }
            for (const acl of publicAclsOf(args.resources, bucket)) {
                if (!acl.value.known) {
                    report(
                        `${subject}: cannot be verified at preview: ${acl.where} (${acl.value.path}) is unknown; it must not grant public-read, public-read-write, authenticated-read or AllUsers/AuthenticatedUsers access.`,
                        urn,
                    );
                } else if (acl.value.value.length > 0) {
                    report(
                        `${subject} is public through ${acl.where}: ${acl.value.value.join(", ")}. Set the ACL to "private" and remove grants to AllUsers/AuthenticatedUsers (better: BucketOwnershipControls BucketOwnerEnforced).`,
                        urn,
                    );
                }
            }
            for (const doc of bucketPoliciesOf(args.resources, bucket)) {
                if (!doc.statements.known) {
                    report(
                        `${subject}: cannot be verified at preview: ${doc.where} is unknown; it must not Allow Principal "*" without a condition on ${SCOPES}.`,
                        urn,
                    );
                    continue;
                }
                const open = publicStatements(doc.statements.value);
                if (open.length > 0) {
                    report(
                        `${subject} is public through ${doc.where}: statement ${open.join(", ")} Allows Principal "*" without a condition scoping it. ` +
                            `Add a condition on ${SCOPES} to the statement, or name the principals.`,
                        urn,
                    );
                }
            }
        }
    },
});
