/** An mTLS truststore must be pinned and live in a protected bucket. */
import * as aws from "@pulumi/aws";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { checkTruststores } from "../lib/truststores";

export const apigwMtlsTruststoreBucket = stackRule({
    name: "apigw-mtls-truststore-bucket",
    service: "apigateway",
    description:
        "An mTLS truststore must live in a bucket of the strict profile (versioned, public access blocked on the bucket), and the domain must pin its version; its encryption is s3-bucket-kms-encryption's.",
    remediationSteps:
        "Put the truststore in a bucket with a BucketVersioning (Enabled) and a BucketPublicAccessBlock with all four settings true, and set mutualTlsAuthentication.truststoreVersion to the object's version id.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [aws.apigateway.DomainName, aws.s3.Bucket, aws.s3.BucketV2, aws.s3.BucketVersioning, aws.s3.BucketVersioningV2, aws.s3.BucketPublicAccessBlock],
    validateStack: (args, report) => checkTruststores(args.resources, resourcesOf(args.resources, aws.apigateway.DomainName), report),
});
