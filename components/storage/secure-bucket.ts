import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { denyInsecureTransport, document, PolicyStatement } from "../shared/policies";

/** Where a bucket's server access logs go, under the access-log bucket (one source bucket per access-log bucket). */
export const ACCESS_LOG_PREFIX = "access-logs/";

/** The source whose server access logs an access-log bucket receives. */
export interface AccessLogSource {
    /** Name of the bucket whose access logs are delivered here. */
    sourceBucketName: pulumi.Input<string>;
    /** Account that owns the source bucket. */
    sourceAccountId: pulumi.Input<string>;
}

/** Arguments of {@link SecureBucket}. */
export interface SecureBucketArgs {
    /** KMS key ARN for default SSE-KMS encryption (not used by an access-log bucket, see `accessLogTargetOf`). */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Make this bucket the server access-log bucket of one source (SecureBucket does this for its own `accessLogs`):
     * SSE-S3 default encryption (S3 server access logging does not deliver to buckets whose default encryption is
     * SSE-KMS: "Enabling Amazon S3 server access logging", destination bucket requirements), no access logging of its
     * own, and a policy letting logging.s3.amazonaws.com put objects under ACCESS_LOG_PREFIX only for that source
     * (aws:SourceArn and aws:SourceAccount), which works with BucketOwnerEnforced.
     * @default undefined: an ordinary bucket, with server access logging to its own access-log bucket `<name>-access-logs`
     */
    accessLogTargetOf?: AccessLogSource;
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
 * blocks every kind of public access, refuses requests without TLS, and sends its
 * server access logs to its own access-log bucket `<name>-access-logs` (a SecureBucket
 * itself, SSE-S3, without logging of its own).
 */
export class SecureBucket extends pulumi.ComponentResource {
    /** The `aws.s3.Bucket`. */
    public readonly bucket: aws.s3.Bucket;
    /** Its versioning configuration (Enabled): objects written after it exist get a version id. */
    public readonly versioning: aws.s3.BucketVersioning;
    /** The bucket receiving this bucket's server access logs (undefined for an access-log bucket itself). */
    public readonly accessLogs?: SecureBucket;
    /** Bucket name. */
    public readonly bucketName: pulumi.Output<string>;
    /** Bucket ARN. */
    public readonly bucketArn: pulumi.Output<string>;
    /** Completes once versioning, encryption, public access block and policy are in place. */
    public readonly ready: pulumi.Output<string>;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-api:storage:SecureBucket", name, {}, opts);
        const parent = { parent: this };
        const logSource = args.accessLogTargetOf;
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
                    logSource
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true },
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
                            .all([args.policyStatements ? args.policyStatements(arn) : [], logSource ? accessLogDelivery(arn, logSource) : []])
                            .apply(([extra, delivery]) => JSON.stringify(document(denyInsecureTransport(arn), ...extra, ...delivery))),
                    ),
            },
            { parent: this, dependsOn: [publicAccess, ownership] },
        );
        let logging: aws.s3.BucketLogging | undefined;
        if (!logSource) {
            const identity = aws.getCallerIdentityOutput({}, parent);
            this.accessLogs = new SecureBucket(
                `${name}-access-logs`,
                {
                    kmsKeyArn: args.kmsKeyArn,
                    accessLogTargetOf: { sourceBucketName: bucket.bucket, sourceAccountId: identity.accountId },
                    forceDestroy: args.forceDestroy,
                    tags: args.tags,
                },
                parent,
            );
            // After the access-log bucket's policy: delivery needs it (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
            logging = new aws.s3.BucketLogging(
                `${name}-access-logging`,
                { bucket: bucket.id, targetBucket: this.accessLogs.bucketName, targetPrefix: ACCESS_LOG_PREFIX },
                { parent: this, dependsOn: [this.accessLogs] },
            );
        }
        this.bucket = bucket;
        this.versioning = versioning;
        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.ready = pulumi.all([versioning.id, encryption.id, publicAccess.id, policy.id, logging?.id ?? "no logging"]).apply(() => "ready");
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}

/**
 * The statement letting S3 server access logging write one source bucket's logs: the service principal,
 * s3:PutObject under ACCESS_LOG_PREFIX, scoped to the source bucket (aws:SourceArn) and its account (aws:SourceAccount),
 * as "Grant permissions to the logging service principal by using a bucket policy" shows.
 */
function accessLogDelivery(bucketArn: string, source: AccessLogSource): pulumi.Output<PolicyStatement[]> {
    return pulumi.all([source.sourceBucketName, source.sourceAccountId]).apply(([sourceName, account]) => [
        {
            Sid: "S3ServerAccessLogsPolicy",
            Effect: "Allow" as const,
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/${ACCESS_LOG_PREFIX}*`,
            Condition: { ArnLike: { "aws:SourceArn": `arn:aws:s3:::${sourceName}` }, StringEquals: { "aws:SourceAccount": account } },
        },
    ]);
}
