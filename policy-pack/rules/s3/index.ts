/** S3 rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { s3BucketDurability } from "./s3-bucket-durability";
import { s3BucketKmsEncryption } from "./s3-bucket-kms-encryption";
import { s3BucketPublicAccess } from "./s3-bucket-public-access";
import { s3BucketTlsOnly } from "./s3-bucket-tls-only";
import { s3LogBucketPublicAccessBlock } from "./s3-log-bucket-public-access-block";

export const s3Rules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    s3LogBucketPublicAccessBlock,
    s3BucketPublicAccess,
    s3BucketTlsOnly,
    s3BucketKmsEncryption,
    s3BucketDurability,
];
