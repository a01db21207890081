/** S3 rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { s3LogBucketPublicAccessBlock } from "./s3-log-bucket-public-access-block";

export const s3Rules: (ResourceValidationPolicy | StackValidationPolicy)[] = [s3LogBucketPublicAccessBlock];
