import * as aws from "@pulumi/aws";
import { X509Certificate } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { SecureBucket } from "../storage/secure-bucket";
import { ComponentArgumentError } from "../shared/validation";

/** Arguments of {@link MtlsTruststore}. */
export interface MtlsTruststoreArgs {
    /** PEM bundle of the CA certificates whose client certificates are accepted. */
    caBundlePem: string;
    /** KMS key ARN encrypting the bucket. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/** Number of certificates in a PEM bundle; throws when the text holds none or anything but certificates. */
export function countPemCertificates(pem: string): number {
    const blocks = pem.match(PEM_BLOCK) ?? [];
    const rest = pem.replace(PEM_BLOCK, "").trim();
    if (blocks.length === 0 || rest.length > 0) {
        throw new ComponentArgumentError(
            "MtlsTruststore",
            "caBundlePem",
            "must be one or more PEM blocks '-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----' and nothing else (no private keys)",
        );
    }
    blocks.forEach((block, i) => {
        // Each block must really be an X.509 certificate: API Gateway rejects a truststore it cannot parse at deploy time.
        try {
            new X509Certificate(block);
        } catch (err) {
            throw new ComponentArgumentError(
                "MtlsTruststore",
                "caBundlePem",
                `certificate ${i + 1} of ${blocks.length} is not a valid X.509 certificate (${(err as Error).message})`,
            );
        }
    });
    return blocks.length;
}

/**
 * The version id the domain pins, or an error: an object written to a bucket
 * whose versioning is not (yet) enabled has no version id (S3 reports none,
 * or `null`), and a domain given no `truststoreVersion` silently follows
 * whatever is uploaded next.
 */
export function requirePinnedVersion(versionId: string | undefined, truststoreUri: string): string {
    if (!versionId || versionId === "null") {
        throw new Error(
            `MtlsTruststore: ${truststoreUri} has no S3 version id (got ${JSON.stringify(versionId)}); ` +
                "the truststore bucket's versioning must be Enabled before the CA bundle is uploaded, or the custom domain would not be pinned to this bundle. " +
                "Check the bucket's versioning configuration and run the update again.",
        );
    }
    return versionId;
}

/**
 * The truststore of a mutual-TLS custom domain: the CA bundle as an object in a
 * versioned, KMS-encrypted, public-access-blocked, TLS-only bucket. The domain
 * pins the object's version, so replacing the file is a reviewed change. The
 * object is written only after the bucket's versioning is enabled, and a
 * missing version id fails the deployment instead of leaving the domain unpinned.
 */
export class MtlsTruststore extends pulumi.ComponentResource {
    /** The bucket holding the bundle. */
    public readonly bucket: SecureBucket;
    /** The bundle object. */
    public readonly object: aws.s3.BucketObjectv2;
    /** `s3://bucket/truststore.pem`. */
    public readonly truststoreUri: pulumi.Output<string>;
    /** The S3 version id of the bundle, always present (the deployment fails otherwise). */
    public readonly truststoreVersion: pulumi.Output<string>;
    /** Bucket name. */
    public readonly bucketName: pulumi.Output<string>;
    /** Number of CA certificates in the bundle. */
    public readonly certificateCount: number;

    constructor(name: string, args: MtlsTruststoreArgs, opts?: pulumi.ComponentResourceOptions) {
        const count = countPemCertificates(args.caBundlePem ?? "");
        super("secure-api:tls:MtlsTruststore", name, {}, opts);
        this.bucket = new SecureBucket(`${name}-bucket`, { kmsKeyArn: args.kmsKeyArn, tags: args.tags }, { parent: this });
        this.object = new aws.s3.BucketObjectv2(
            `${name}-bundle`,
            {
                bucket: this.bucket.bucketName,
                key: "truststore.pem",
                content: args.caBundlePem,
                contentType: "application/x-pem-file",
                serverSideEncryption: "aws:kms",
                kmsKeyId: args.kmsKeyArn,
                tags: args.tags,
            },
            { parent: this, dependsOn: [this.bucket, this.bucket.versioning] },
        );
        this.certificateCount = count;
        this.bucketName = this.bucket.bucketName;
        this.truststoreUri = pulumi.interpolate`s3://${this.bucket.bucketName}/${this.object.key}`;
        // While a new object is previewed its version id is unknown and this does not run;
        // once the value exists (or for an existing object) a missing id stops the deployment.
        this.truststoreVersion = pulumi.all([this.object.versionId, this.truststoreUri, this.bucket.ready]).apply(([v, uri]) => requirePinnedVersion(v, uri));
        this.registerOutputs({ truststoreUri: this.truststoreUri, truststoreVersion: this.truststoreVersion, bucketName: this.bucketName });
    }
}
