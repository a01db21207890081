/** Rules on custom domains: TLS policy and the mTLS truststore. */
import { bucketControls, bucketsReferencedBy } from "./buckets";
import { asRecord, asString, describe, ofType, resourceRule, stackRule, TYPES } from "./util";

/** Security policies at TLS 1.2 or above: the classic TLS_1_2 and the enhanced SecurityPolicy_TLS12_/TLS13_ families. */
export function isTls12OrAbove(policy: string | undefined): boolean {
    return policy !== undefined && (policy === "TLS_1_2" || /^SecurityPolicy_TLS1[23]/.test(policy));
}

export const domainTls12 = resourceRule({
    name: "apigw-domain-tls-1-2",
    description: "Custom domains (and REST API endpoints that set one) must use a TLS 1.2+ security policy.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set securityPolicy: \"TLS_1_2\" (or a SecurityPolicy_TLS13_* policy).",
    types: [TYPES.domainName, TYPES.restApi],
    validate: (props, args, report) => {
        const policy = asString(props.securityPolicy);
        if (args.type === TYPES.restApi && policy === undefined) {
            return;
        }
        if (!isTls12OrAbove(policy)) {
            report(`${describe(args)} uses security policy ${policy ?? "(unset, which lets API Gateway pick a default that may allow TLS 1.0)"}; ` +
                "clients could negotiate TLS 1.0/1.1. Set securityPolicy: \"TLS_1_2\".");
        }
    },
});

/** The bucket name of an s3:// URI. */
export function s3BucketOfUri(uri: string | undefined): string | undefined {
    const match = /^s3:\/\/([^/]+)\//.exec(uri ?? "");
    return match ? match[1] : undefined;
}

export const truststoreBucket = stackRule({
    name: "apigw-mtls-truststore-bucket",
    description: "An mTLS truststore must live in a versioned, encrypted, public-access-blocked S3 bucket, and the domain must pin its version.",
    enforcementLevel: "mandatory",
    remediationSteps: "Put the truststore in a bucket with BucketVersioning Enabled, SSE (KMS) encryption and a full BucketPublicAccessBlock, and set mutualTlsAuthentication.truststoreVersion.",
    validate: (args, report) => {
        for (const domain of ofType(args.resources, TYPES.domainName)) {
            const mtls = asRecord(domain.props.mutualTlsAuthentication);
            const uri = asString(mtls.truststoreUri);
            if (uri === undefined) {
                continue;
            }
            if (!asString(mtls.truststoreVersion)) {
                report(`${describe(domain)} does not pin truststoreVersion, so anyone able to overwrite ${uri} changes which client certificates are trusted. Set mutualTlsAuthentication.truststoreVersion to the object's version id.`, domain.urn);
            }
            for (const bucket of bucketsReferencedBy(args.resources, domain, "mutualTlsAuthentication", s3BucketOfUri(uri))) {
                const controls = bucketControls(args.resources, bucket);
                const missing = [
                    controls.versioning ? undefined : "versioning (BucketVersioning status Enabled)",
                    controls.encryption ? undefined : "default encryption (BucketServerSideEncryptionConfiguration)",
                    controls.publicAccessBlocked ? undefined : "a BucketPublicAccessBlock with all four settings true",
                ].filter((m): m is string => m !== undefined);
                if (missing.length > 0) {
                    report(`mTLS truststore ${describe(bucket)} lacks ${missing.join(", ")}. Add them so the trusted CA bundle cannot be read, replaced or lost.`, bucket.urn);
                }
            }
        }
    },
});
