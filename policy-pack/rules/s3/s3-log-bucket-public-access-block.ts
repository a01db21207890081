/** S3 buckets that receive CloudTrail logs must block public access and be encrypted. */
import * as aws from "@pulumi/aws";
import { bucketsIn, encryptionOf, publicAccessBlockOf } from "../lib/buckets";
import { refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const s3LogBucketPublicAccessBlock = stackRule({
    name: "s3-log-bucket-public-access-block",
    service: "s3",
    description: "S3 buckets that receive logs (CloudTrail) must block all public access and be encrypted.",
    remediationSteps: "Add an aws.s3.BucketPublicAccessBlock with all four settings true and a BucketServerSideEncryptionConfiguration for the bucket.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["CloudTrail.6"], trivy: ["AWS-0161"] },
    inspects: [
        aws.cloudtrail.Trail, aws.s3.Bucket, aws.s3.BucketV2, aws.s3.BucketPublicAccessBlock,
        aws.s3.BucketServerSideEncryptionConfiguration, aws.s3.BucketServerSideEncryptionConfigurationV2,
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
                report(`${subject} does not block public access (no BucketPublicAccessBlock with all four settings true); one bucket policy or ACL mistake would expose the audit log. ` +
                    "Add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.", bucket.common.urn);
            } else if (blocked.state === "unknown") {
                report(`${subject}: cannot be verified at preview: ${blocked.what} is unknown; it must be true, with all four public access block settings true.`, bucket.common.urn);
            }
            const encrypted = encryptionOf(args.resources, bucket);
            if (encrypted.state === "no") {
                report(`${subject} has no default encryption; add a BucketServerSideEncryptionConfiguration (aws:kms).`, bucket.common.urn);
            } else if (encrypted.state === "unknown") {
                report(`${subject}: cannot be verified at preview: ${encrypted.what} is unknown; it must set default encryption (an sseAlgorithm, aws:kms).`, bucket.common.urn);
            }
        }
    },
});
