/**
 * The mTLS truststore checks shared by the REST (`aws.apigateway.DomainName`)
 * and v2 (`aws.apigatewayv2.DomainName`) rules: both classes take the same
 * `mutualTlsAuthentication { truststoreUri, truststoreVersion }`. The domain
 * must pin the object's version, and the bucket holding it must pass the
 * strict bucket profile (`strict-buckets.ts`).
 */
import type { PolicyResource } from "@pulumi/policy";
import { bucketsIn, s3BucketOfUri } from "./buckets";
import { isSet, known } from "./known";
import { derivedFrom, sameKnownString, StackResource } from "./resources";
import { strictProfileFinding, strictProfileGaps } from "./strict-buckets";

/** The part of a domain name (either API Gateway version) these checks read. */
export interface MtlsDomainProps {
    readonly mutualTlsAuthentication?: { readonly truststoreUri?: string; readonly truststoreVersion?: string };
}

/** Reports each domain's unpinned truststore and each truststore bucket that fails the strict profile. */
export function checkTruststores(
    resources: readonly PolicyResource[],
    domains: readonly StackResource<MtlsDomainProps>[],
    report: (message: string, urn: string) => void,
): void {
    const buckets = bucketsIn(resources);
    for (const domain of domains) {
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
            const finding = strictProfileFinding(
                `mTLS truststore ${bucket.common.label} (of ${domain.label})`,
                strictProfileGaps(resources, bucket),
                "Add what it lacks, so the trusted CA bundle can neither be exposed nor replaced without a trace (its SSE-KMS encryption is checked by s3-bucket-kms-encryption).",
            );
            if (finding !== undefined) {
                report(finding, bucket.common.urn);
            }
        }
    }
}
