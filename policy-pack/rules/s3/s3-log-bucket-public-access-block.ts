/**
 * The strict profile of the S3 bucket rules (`lib/strict-buckets.ts`, shared with the truststore rules)
 * applied to buckets that receive CloudTrail logs: a bucket-level public access block (an account-level
 * one does not count) and versioning, plus a bucket policy whose CloudTrail statements are scoped to the
 * source. Their SSE-KMS encryption is `s3-bucket-kms-encryption`'s (`requireKmsFor: audit`).
 *
 * A trail whose `s3BucketName` is unknown at a first preview and came from no bucket of the stack
 * (`s3BucketName: bucketPolicy.bucket`, so the trail waits for the policy) may name any bucket once
 * known (`lib/undecided-buckets.ts`): each bucket that would fail the profile is then reported as
 * unverifiable, as update judges it once the name is known.
 */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { bucketPoliciesOf, unscopedServiceStatements } from "../lib/bucket-access";
import { BucketResource, bucketsIn } from "../lib/buckets";
import { refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { strictProfileFinding, strictProfileGaps } from "../lib/strict-buckets";
import { undecidedFinding, undecidedReferences } from "../lib/undecided-buckets";

/** What a bucket must do to be a trail's log bucket, as a clause ("unless it …"). */
const LOG_PROFILE =
    "blocks all public access on the bucket, is versioned, and scopes each bucket policy statement allowing cloudtrail.amazonaws.com with aws:SourceArn or aws:SourceAccount";

/** The service principal whose bucket policy statements must be scoped to the source. */
const CLOUDTRAIL = "cloudtrail.amazonaws.com";

/** Whether a bucket fails, or may fail once known, what a log bucket must do (the findings below, any of them). */
function mayFailLogProfile(resources: readonly PolicyResource[], bucket: BucketResource): boolean {
    const gaps = strictProfileGaps(resources, bucket);
    return (
        gaps.missing.length > 0 ||
        gaps.unknown.length > 0 ||
        bucketPoliciesOf(resources, bucket).some((d) => !d.statements.known || unscopedServiceStatements(d.statements.value, CLOUDTRAIL).length > 0)
    );
}

export const s3LogBucketPublicAccessBlock = stackRule({
    name: "s3-log-bucket-public-access-block",
    service: "s3",
    description:
        "S3 buckets that receive logs (CloudTrail) must block all public access on the bucket and be versioned (the strict bucket profile), and scope CloudTrail's bucket policy statements with aws:SourceArn or aws:SourceAccount.",
    remediationSteps:
        "Add an aws.s3.BucketPublicAccessBlock with all four settings true and a BucketVersioning (Enabled) for the bucket, and an aws:SourceArn (or aws:SourceAccount) condition on each statement allowing cloudtrail.amazonaws.com.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["CloudTrail.6"], trivy: ["AWS-0161"] },
    inspects: [
        aws.cloudtrail.Trail,
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketPublicAccessBlock,
        aws.s3.BucketVersioning,
        aws.s3.BucketVersioningV2,
        aws.s3.BucketPolicy,
    ],
    validateStack: (args, report) => {
        const trails = resourcesOf(args.resources, aws.cloudtrail.Trail);
        const undecided = undecidedReferences(args.resources, ["audit"]);
        for (const bucket of bucketsIn(args.resources)) {
            const users = trails.filter((t) => refersTo(t, "s3BucketName", bucket.common, [(b) => b.bucket, (b) => b.id]));
            if (users.length === 0) {
                // Only an undecided trail may make it a log bucket; judged only then (most buckets take no logs).
                if (undecided.length > 0 && mayFailLogProfile(args.resources, bucket)) {
                    report(undecidedFinding(bucket.common.label, undecided, LOG_PROFILE), bucket.common.urn);
                }
                continue;
            }
            const subject = `Log ${bucket.common.label} (used by ${users.map((t) => t.label).join(", ")})`;
            const finding = strictProfileFinding(
                subject,
                strictProfileGaps(args.resources, bucket),
                "Add what it lacks, so one bucket policy or ACL mistake cannot expose the audit log and an overwritten or deleted log file is not lost (its SSE-KMS encryption is checked by s3-bucket-kms-encryption).",
            );
            if (finding !== undefined) {
                report(finding, bucket.common.urn);
            }
            for (const doc of bucketPoliciesOf(args.resources, bucket)) {
                if (!doc.statements.known) {
                    report(
                        `${subject}: cannot be verified at preview: ${doc.where} is unknown; each statement allowing cloudtrail.amazonaws.com must have an aws:SourceArn or aws:SourceAccount condition.`,
                        bucket.common.urn,
                    );
                    continue;
                }
                const unscoped = unscopedServiceStatements(doc.statements.value, CLOUDTRAIL);
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
