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
import { listing, unverifiable } from "./messages";
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
    for (const domain of domains) {
        const finding = unknownTruststore(resources, domain);
        if (finding !== undefined) {
            report(finding, domain.urn);
        }
    }
}

/**
 * What the checks above cannot judge at a first preview: the truststoreVersion of an mTLS block unknown as a whole,
 * and the buckets an unknown truststoreUri that did not come from a bucket (config, another resource's output) may
 * name once known.
 */
function unknownTruststore(resources: readonly PolicyResource[], domain: StackResource<MtlsDomainProps>): string | undefined {
    const block = known(() => domain.props.mutualTlsAuthentication, "mutualTlsAuthentication");
    const uri = block.known ? known(() => block.value?.truststoreUri, "mutualTlsAuthentication.truststoreUri") : block;
    if (uri.known) {
        return undefined;
    }
    // A URI built from a bucket (s3://${bucket.bucket}/...) names that bucket, which the checks above judge.
    const buckets = bucketsIn(resources);
    const weak = buckets.some((b) => derivedFrom(domain, "mutualTlsAuthentication", b.common))
        ? []
        : buckets.filter((b) => {
              const gaps = strictProfileGaps(resources, b);
              return gaps.missing.length + gaps.unknown.length > 0;
          });
    const musts = [
        ...(block.known ? [] : ["set truststoreVersion to the truststore object's version id"]),
        ...(weak.length > 0
            ? [`name a bucket of the strict profile (versioned, public access blocked on the bucket), not ${listing(weak.map((b) => b.common.label))}`]
            : []),
    ];
    return musts.length > 0 ? unverifiable(domain.label, uri.path, musts.join(", and ")) : undefined;
}
