import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureBucket } from "./secure-bucket";
import { ComponentArgumentError } from "./validation";

/** Arguments of {@link MtlsTruststore}. */
export interface MtlsTruststoreArgs {
    /** PEM bundle of the CA certificates whose client certificates are accepted. */
    caBundlePem: string;
    /** KMS key ARN encrypting the bucket. */
    kmsKeyArn: pulumi.Input<string>;
    /** Tags. */
    tags?: Record<string, string>;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/** Number of certificates in a PEM bundle; throws when the text holds none or anything but certificates. */
export function countPemCertificates(pem: string): number {
    const blocks = pem.match(PEM_BLOCK) ?? [];
    const rest = pem.replace(PEM_BLOCK, "").trim();
    if (blocks.length === 0 || rest.length > 0) {
        throw new ComponentArgumentError("MtlsTruststore", "caBundlePem",
            "must be one or more PEM blocks '-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----' and nothing else (no private keys)");
    }
    return blocks.length;
}

/**
 * The truststore of a mutual-TLS custom domain: the CA bundle as an object in a
 * versioned, KMS-encrypted, public-access-blocked, TLS-only bucket. The domain
 * pins the object's version, so replacing the file is a reviewed change.
 */
export class MtlsTruststore extends pulumi.ComponentResource {
    public readonly truststoreUri: pulumi.Output<string>;
    public readonly truststoreVersion: pulumi.Output<string>;
    public readonly bucketName: pulumi.Output<string>;
    public readonly certificateCount: number;

    constructor(name: string, args: MtlsTruststoreArgs, opts?: pulumi.ComponentResourceOptions) {
        const count = countPemCertificates(args.caBundlePem ?? "");
        super("secure-api:tls:MtlsTruststore", name, {}, opts);
        const bucket = new SecureBucket(`${name}-bucket`, { kmsKeyArn: args.kmsKeyArn, tags: args.tags }, { parent: this });
        const object = new aws.s3.BucketObjectv2(`${name}-bundle`, {
            bucket: bucket.bucketName,
            key: "truststore.pem",
            content: args.caBundlePem,
            contentType: "application/x-pem-file",
            serverSideEncryption: "aws:kms",
            kmsKeyId: args.kmsKeyArn,
            tags: args.tags,
        }, { parent: this, dependsOn: [bucket] });
        this.certificateCount = count;
        this.bucketName = bucket.bucketName;
        this.truststoreUri = pulumi.interpolate`s3://${bucket.bucketName}/${object.key}`;
        this.truststoreVersion = pulumi.all([object.versionId, bucket.ready]).apply(([v]) => v);
        this.registerOutputs({ truststoreUri: this.truststoreUri, truststoreVersion: this.truststoreVersion, bucketName: this.bucketName });
    }
}
