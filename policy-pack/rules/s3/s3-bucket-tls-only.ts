/** Every S3 bucket refuses requests that do not use TLS (a bucket policy Deny on aws:SecureTransport false). */
import * as aws from "@pulumi/aws";
import { bucketArnsOf, bucketPoliciesOf, isTlsOnlyDeny, policyDocumentOf } from "../lib/bucket-access";
import { bucketsIn } from "../lib/buckets";
import { externalBucketArn, externalCompanions, externalLabel } from "../lib/external-buckets";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

const DENY = `a statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket ARN, bucket ARN + "/*"], Condition: { Bool: { "aws:SecureTransport": false } } }`;

export const s3BucketTlsOnly = stackRule({
    name: "s3-bucket-tls-only",
    service: "s3",
    description:
        "Every S3 bucket's policy denies all S3 actions on the bucket and its objects to requests without TLS (aws:SecureTransport false); so does every BucketPolicy the program sets on a bucket it does not create.",
    remediationSteps: `Give the bucket an aws.s3.BucketPolicy with ${DENY}.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: Security Hub S3.5 page (per bucket); cdk-nag test/rules/S3.test.ts S3BucketSSLRequestsOnly (Noncompliance 1-11, incl. the lone CfnBucketPolicy cases 7 and 8 now judged as external-bucket policies; AwsSolutions-S10 runs the same rule).
    // Checked: checkov S3SecureDataTransport (CKV_AWS_379: on a public aws_s3_bucket_acl, FAILED only when the bucket's policy has no SecureTransport Deny/Allow; no policy is UNKNOWN): every bucket and every external BucketPolicy here must hold the Deny, public ACL or not; this spec's CKV_AWS_379 case.
    controls: {
        checkov: ["CKV_AWS_379"],
        securityHub: ["S3.5"],
        cdkNag: ["AwsSolutions-S10", "NIST.800.53.R5-S3BucketSSLRequestsOnly", "PCI.DSS.321-S3BucketSSLRequestsOnly", "HIPAA.Security-S3BucketSSLRequestsOnly"],
    },
    inspects: [aws.s3.Bucket, aws.s3.BucketV2, aws.s3.BucketPolicy],
    validateStack: (args, report) => {
        for (const bucket of bucketsIn(args.resources)) {
            const subject = bucket.common.label;
            const docs = bucketPoliciesOf(args.resources, bucket);
            if (docs.length === 0) {
                report(`${subject} has no bucket policy, so it accepts requests without TLS; add a BucketPolicy with ${DENY}.`, bucket.common.urn);
                continue;
            }
            const unknown = docs.find((d) => !d.statements.known);
            const arns = bucketArnsOf(bucket);
            const denies = docs.some((d) => d.statements.known && d.statements.value.some((s) => isTlsOnlyDeny(s, arns.known ? arns.value : [])));
            if (denies) {
                continue;
            }
            if (unknown && !unknown.statements.known) {
                report(`${subject}: cannot be verified at preview: ${unknown.where} is unknown; it must contain ${DENY}.`, bucket.common.urn);
            } else if (!arns.known) {
                report(
                    `${subject}: cannot be verified at preview: its ${arns.path} is unknown, so the policy's Resource cannot be matched; it must contain ${DENY}.`,
                    bucket.common.urn,
                );
            } else {
                report(
                    `${subject} accepts requests without TLS: ${docs.map((d) => d.where).join(" and ")} has no statement that Denies s3:* on the bucket and its objects when aws:SecureTransport is false. ` +
                        `Add ${DENY}.`,
                    bucket.common.urn,
                );
            }
        }
        for (const p of externalCompanions(args.resources, resourcesOf(args.resources, aws.s3.BucketPolicy))) {
            const doc = policyDocumentOf(p);
            const arn = externalBucketArn(p);
            if (!doc.statements.known || !arn.known) {
                const what = !doc.statements.known ? "policy" : "bucket";
                report(`${externalLabel(p)}: cannot be verified at preview: ${what} is unknown; the policy must contain ${DENY}.`, p.urn);
            } else if (!doc.statements.value.some((s) => isTlsOnlyDeny(s, [arn.value]))) {
                report(
                    `${externalLabel(p)} lets the bucket accept requests without TLS: policy has no statement that Denies s3:* on ${arn.value} and ${arn.value}/* when aws:SecureTransport is false. Add ${DENY}.`,
                    p.urn,
                );
            }
        }
    },
});
