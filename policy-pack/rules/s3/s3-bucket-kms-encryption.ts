/** Buckets of the purposes the config names encrypt with a customer-managed KMS key (SSE-KMS). */
import * as aws from "@pulumi/aws";
import { S3_KMS_REQUIRED_FOR } from "../../baseline";
import { BUCKET_PURPOSES, BucketPurposeSetting, kmsEncryptionOf, purposesOf, selects } from "../lib/bucket-access";
import { bucketsIn } from "../lib/buckets";
import { undecidedFinding, undecidedReferences } from "../lib/undecided-buckets";
import { ruleConfig, stackRule } from "../lib/rule";

/** Config of {@link s3BucketKmsEncryption}. */
export interface S3BucketKmsEncryptionConfig {
    /** Which buckets need a customer-managed key: `audit` (trail buckets), `truststore` (mTLS truststore buckets), or `all`. */
    requireKmsFor: BucketPurposeSetting[];
}

export const s3BucketKmsEncryptionConfig = ruleConfig<S3BucketKmsEncryptionConfig>({
    requireKmsFor: {
        type: "array",
        items: { type: "string", enum: [...BUCKET_PURPOSES] },
        default: [...S3_KMS_REQUIRED_FOR],
        description:
            "Buckets that must use SSE-KMS with a customer-managed key: audit (CloudTrail buckets), truststore (mTLS truststore buckets), all (every bucket).",
    },
});

const FIX = 'add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms" and kmsMasterKeyId set to a customer-managed KMS key';

export const s3BucketKmsEncryption = stackRule({
    name: "s3-bucket-kms-encryption",
    service: "s3",
    description:
        "Audit and truststore buckets (or every bucket, as configured) encrypt by default with SSE-KMS under a customer-managed key, not S3-managed keys (SSE-S3) or the AWS-managed aws/s3 key.",
    remediationSteps: `For each such bucket, ${FIX}.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {},
    config: s3BucketKmsEncryptionConfig,
    inspects: [
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketServerSideEncryptionConfiguration,
        aws.s3.BucketServerSideEncryptionConfigurationV2,
        aws.cloudtrail.Trail,
        aws.apigateway.DomainName,
        aws.apigatewayv2.DomainName,
    ],
    validateStack: (args, report) => {
        const config = s3BucketKmsEncryptionConfig.read(args);
        const undecided = undecidedReferences(args.resources, config.requireKmsFor);
        for (const bucket of bucketsIn(args.resources)) {
            const purposes = purposesOf(args.resources, bucket);
            const encryption = kmsEncryptionOf(args.resources, bucket);
            if (!selects(config.requireKmsFor, purposes)) {
                if (undecided.length > 0 && encryption.state !== "cmk") {
                    report(
                        undecidedFinding(bucket.common.label, undecided, 'encrypts with "aws:kms" and a customer-managed kmsMasterKeyId'),
                        bucket.common.urn,
                    );
                }
                continue;
            }
            const subject = `${purposes.length > 0 ? `${purposes.join(" and ")} ` : ""}${bucket.common.label}`;
            if (encryption.state === "sse-s3") {
                report(
                    `${subject} uses S3-managed keys (SSE-S3), not a customer-managed KMS key (requireKmsFor: ${config.requireKmsFor.join(", ")}); ${FIX}.`,
                    bucket.common.urn,
                );
            } else if (encryption.state === "aws-managed") {
                report(
                    `${subject} uses the AWS-managed key aws/s3 (${encryption.where} sets sseAlgorithm aws:kms without a customer-managed kmsMasterKeyId); set kmsMasterKeyId to a customer-managed KMS key.`,
                    bucket.common.urn,
                );
            } else if (encryption.state === "unknown") {
                report(
                    `${subject}: cannot be verified at preview: ${encryption.what} is unknown; it must be "aws:kms" with a customer-managed kmsMasterKeyId.`,
                    bucket.common.urn,
                );
            }
        }
    },
});
