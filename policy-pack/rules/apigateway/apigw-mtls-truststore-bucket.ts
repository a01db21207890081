/** An mTLS truststore must be pinned and live in a protected bucket. */
import * as aws from "@pulumi/aws";
import { bucketsIn, Control, encryptionOf, publicAccessBlockOf, s3BucketOfUri, versioningOf } from "../lib/buckets";
import { isSet, known } from "../lib/known";
import { listing } from "../lib/messages";
import { derivedFrom, resourcesOf, sameKnownString } from "../lib/resources";
import { stackRule } from "../lib/rule";

const REQUIREMENTS = {
    versioning: "versioning (BucketVersioning status Enabled)",
    encryption: "default encryption (BucketServerSideEncryptionConfiguration)",
    publicAccessBlock: "a BucketPublicAccessBlock with all four settings true",
} as const;

export const apigwMtlsTruststoreBucket = stackRule({
    name: "apigw-mtls-truststore-bucket",
    service: "apigateway",
    description: "An mTLS truststore must live in a versioned, encrypted, public-access-blocked S3 bucket, and the domain must pin its version.",
    remediationSteps:
        "Put the truststore in a bucket with BucketVersioning Enabled, SSE (KMS) encryption and a full BucketPublicAccessBlock, and set mutualTlsAuthentication.truststoreVersion.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [
        aws.apigateway.DomainName,
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketVersioning,
        aws.s3.BucketVersioningV2,
        aws.s3.BucketServerSideEncryptionConfiguration,
        aws.s3.BucketServerSideEncryptionConfigurationV2,
        aws.s3.BucketPublicAccessBlock,
    ],
    validateStack: (args, report) => {
        const buckets = bucketsIn(args.resources);
        for (const domain of resourcesOf(args.resources, aws.apigateway.DomainName)) {
            const uri = known(() => domain.props.mutualTlsAuthentication?.truststoreUri, "mutualTlsAuthentication.truststoreUri");
            // No mTLS unless a truststore is given; an unknown URI (built from a bucket at preview) is one.
            if (!isSet(uri)) {
                continue;
            }
            const where = uri.known ? uri.value : "the truststore object";
            if (!isSet(known(() => domain.props.mutualTlsAuthentication?.truststoreVersion))) {
                report(
                    `${domain.label} does not pin mutualTlsAuthentication.truststoreVersion, so anyone able to overwrite ${where} changes which client certificates are trusted. ` +
                        "Set mutualTlsAuthentication.truststoreVersion to the object's version id.",
                    domain.urn,
                );
            }
            const bucketName = () => (uri.known ? s3BucketOfUri(uri.value) : undefined);
            for (const bucket of buckets.filter(
                (b) => derivedFrom(domain, "mutualTlsAuthentication", b.common) || sameKnownString(bucketName, () => b.common.props.bucket),
            )) {
                const controls: [keyof typeof REQUIREMENTS, Control][] = [
                    ["versioning", versioningOf(args.resources, bucket)],
                    ["encryption", encryptionOf(args.resources, bucket)],
                    ["publicAccessBlock", publicAccessBlockOf(args.resources, bucket)],
                ];
                const missing = controls.filter(([, c]) => c.state === "no").map(([k]) => REQUIREMENTS[k]);
                const unknown = controls.flatMap(([k, c]) => (c.state === "unknown" ? [`${c.what} is unknown; it must give ${REQUIREMENTS[k]}`] : []));
                const parts = [
                    ...(missing.length > 0 ? [`lacks ${listing(missing)}`] : []),
                    ...(unknown.length > 0 ? [`cannot be verified at preview: ${unknown.join("; ")}`] : []),
                ];
                if (parts.length > 0) {
                    report(
                        `mTLS truststore ${bucket.common.label} (of ${domain.label}) ${parts.join("; and ")}. ` +
                            "The bucket needs all three so the trusted CA bundle cannot be read, replaced or lost.",
                        bucket.common.urn,
                    );
                }
            }
        }
    },
});
