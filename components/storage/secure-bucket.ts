import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { denyInsecureTransport, document, PolicyStatement } from "../shared/policies";

/** Arguments of {@link SecureBucket}. */
export interface SecureBucketArgs {
    /** KMS key ARN for default SSE-KMS encryption. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Extra bucket policy statements, given the bucket ARN (e.g. CloudTrail's write access). The TLS-only deny is always added.
     * @default none
     */
    policyStatements?: (bucketArn: string) => pulumi.Input<PolicyStatement[]>;
    /**
     * Delete objects on destroy.
     * @default false (logs and truststores outlive the stack)
     */
    forceDestroy?: boolean;
    /**
     * Tags for the bucket.
     * @default {}
     */
    tags?: Record<string, string>;
}

/**
 * An S3 bucket that is versioned, SSE-KMS encrypted (bucket keys on), owner-enforced,
 * blocks every kind of public access, and refuses requests without TLS.
 */
export class SecureBucket extends pulumi.ComponentResource {
    /** The `aws.s3.Bucket`. */
    public readonly bucket: aws.s3.Bucket;
    /** Its versioning configuration (Enabled): objects written after it exist get a version id. */
    public readonly versioning: aws.s3.BucketVersioning;
    /** Bucket name. */
    public readonly bucketName: pulumi.Output<string>;
    /** Bucket ARN. */
    public readonly bucketArn: pulumi.Output<string>;
    /** Completes once versioning, encryption, public access block and policy are in place. */
    public readonly ready: pulumi.Output<string>;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-api:storage:SecureBucket", name, {}, opts);
        const parent = { parent: this };
        const bucket = new aws.s3.Bucket(name, { forceDestroy: args.forceDestroy ?? false, tags: args.tags }, parent);
        const versioning = new aws.s3.BucketVersioning(
            `${name}-versioning`,
            {
                bucket: bucket.id,
                versioningConfiguration: { status: "Enabled" },
            },
            parent,
        );
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            parent,
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            {
                bucket: bucket.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            parent,
        );
        const ownership = new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            {
                bucket: bucket.id,
                rule: { objectOwnership: "BucketOwnerEnforced" },
            },
            parent,
        );
        // Drops the parts of uploads never completed; deletes no object or version.
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [{ id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }],
            },
            parent,
        );
        const policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                bucket: bucket.id,
                // From the name (known at preview, unlike the ARN) so policy rules can read the document before deployment.
                policy: bucket.bucket
                    .apply((bucketName) => `arn:aws:s3:::${bucketName}`)
                    .apply((arn) =>
                        pulumi
                            .output(args.policyStatements ? args.policyStatements(arn) : [])
                            .apply((extra) => JSON.stringify(document(denyInsecureTransport(arn), ...extra))),
                    ),
            },
            { parent: this, dependsOn: [publicAccess, ownership] },
        );
        this.bucket = bucket;
        this.versioning = versioning;
        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.ready = pulumi.all([versioning.id, encryption.id, publicAccess.id, policy.id]).apply(() => "ready");
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}
