/**
 * The strict (audit) profile of the S3 bucket rules, for buckets that receive CloudTrail logs: the same
 * control functions (`lib/buckets.ts`, `lib/bucket-access.ts`) as the every-bucket rules, with a larger
 * required set: a bucket-level public access block (an account-level one does not count), default
 * encryption, versioning, and a bucket policy whose CloudTrail statements are scoped to the source.
 */
import * as aws from "@pulumi/aws";
import { bucketPoliciesOf, unscopedServiceStatements } from "../lib/bucket-access";
import { bucketsIn, encryptionOf, publicAccessBlockOf, versioningOf } from "../lib/buckets";
import { refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const s3LogBucketPublicAccessBlock = stackRule({
    name: "s3-log-bucket-public-access-block",
    service: "s3",
    description:
        "S3 buckets that receive logs (CloudTrail) must block all public access on the bucket, be encrypted and versioned, and scope CloudTrail's bucket policy statements with aws:SourceArn or aws:SourceAccount.",
    remediationSteps:
        "Add an aws.s3.BucketPublicAccessBlock with all four settings true, a BucketServerSideEncryptionConfiguration and a BucketVersioning (Enabled) for the bucket, and an aws:SourceArn (or aws:SourceAccount) condition on each statement allowing cloudtrail.amazonaws.com.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["CloudTrail.6"], trivy: ["AWS-0161"] },
    inspects: [
        aws.cloudtrail.Trail,
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketPublicAccessBlock,
        aws.s3.BucketServerSideEncryptionConfiguration,
        aws.s3.BucketServerSideEncryptionConfigurationV2,
        aws.s3.BucketVersioning,
        aws.s3.BucketVersioningV2,
        aws.s3.BucketPolicy,
    ],
    validateStack: (args, report) => {
        const trails = resourcesOf(args.resources, aws.cloudtrail.Trail);
        for (const bucket of bucketsIn(args.resources)) {
            const users = trails.filter((t) => refersTo(t, "s3BucketName", bucket.common, [(b) => b.bucket, (b) => b.id]));
            if (users.length === 0) {
                continue;
            }
            const subject = `Log ${bucket.common.label} (used by ${users.map((t) => t.label).join(", ")})`;
            const blocked = publicAccessBlockOf(args.resources, bucket);
            if (blocked.state === "no") {
                report(
                    `${subject} does not block public access (no BucketPublicAccessBlock with all four settings true); one bucket policy or ACL mistake would expose the audit log. ` +
                        "Add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
                    bucket.common.urn,
                );
            } else if (blocked.state === "unknown") {
                report(
                    `${subject}: cannot be verified at preview: ${blocked.what} is unknown; it must be true, with all four public access block settings true.`,
                    bucket.common.urn,
                );
            }
            const encrypted = encryptionOf(args.resources, bucket);
            if (encrypted.state === "no") {
                report(`${subject} has no default encryption; add a BucketServerSideEncryptionConfiguration (aws:kms).`, bucket.common.urn);
            } else if (encrypted.state === "unknown") {
                report(
                    `${subject}: cannot be verified at preview: ${encrypted.what} is unknown; it must set default encryption (an sseAlgorithm, aws:kms).`,
                    bucket.common.urn,
                );
            }
            const versioned = versioningOf(args.resources, bucket);
            if (versioned.state === "no") {
                report(
                    `${subject} is not versioned, so an overwritten or deleted log file is lost; add a BucketVersioning with versioningConfiguration.status "Enabled".`,
                    bucket.common.urn,
                );
            } else if (versioned.state === "unknown") {
                report(`${subject}: cannot be verified at preview: ${versioned.what} is unknown; it must be "Enabled".`, bucket.common.urn);
            }
            for (const doc of bucketPoliciesOf(args.resources, bucket)) {
                if (!doc.statements.known) {
                    report(
                        `${subject}: cannot be verified at preview: ${doc.where} is unknown; each statement allowing cloudtrail.amazonaws.com must have an aws:SourceArn or aws:SourceAccount condition.`,
                        bucket.common.urn,
                    );
                    continue;
                }
                const unscoped = unscopedServiceStatements(doc.statements.value, "cloudtrail.amazonaws.com");
                if (unscoped.length > 0) {
                    report(
                        `${subject}: ${doc.where} statement ${unscoped.join(", ")} allows cloudtrail.amazonaws.com without an aws:SourceArn or aws:SourceAccount condition, so any account's trail can write here; ` +
                            "add a condition aws:SourceArn equal to the trail's ARN.",
                        bucket.common.urn,
                    );
                }
            }
        }
    },
});
