import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup } from "../observability/encrypted-log-group";
import { cloudTrailBucketStatements, cloudTrailToLogsPolicy, cloudTrailTrustPolicy } from "../shared/policies";
import { SecureBucket } from "../storage/secure-bucket";
import { Environment, logRetention, matches } from "../shared/validation";

/** Arguments of {@link AuditTrail}. */
export interface AuditTrailArgs {
    /** Trail name. */
    trailName: string;
    /** KMS key ARN encrypting the trail's files, bucket and log group (its policy must admit CloudTrail). */
    kmsKeyArn: pulumi.Input<string>;
    /** Retention of the CloudWatch copy of the trail, in days. */
    logRetentionInDays: number;
    /**
     * Environment whose retention floor applies.
     * @default undefined (any retention CloudWatch accepts)
     */
    environment?: Environment;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

export function validateAuditTrailArgs(args: Omit<AuditTrailArgs, "kmsKeyArn">): void {
    matches("AuditTrail", "trailName", args.trailName, /^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/, "3-128 letters, digits, . _ -");
    logRetention("AuditTrail", "logRetentionInDays", args.logRetentionInDays, args.environment);
}

/**
 * A multi-region CloudTrail trail with log file validation and KMS encryption,
 * delivering to a secure S3 bucket (TLS-only policy admitting only this trail,
 * public access blocked, versioned) and to an encrypted CloudWatch log group.
 */
export class AuditTrail extends pulumi.ComponentResource {
    /** The `aws.cloudtrail.Trail`. */
    public readonly trail: aws.cloudtrail.Trail;
    /** The role CloudTrail assumes to deliver to CloudWatch Logs. */
    public readonly deliveryRole: aws.iam.Role;
    /** Trail ARN. */
    public readonly trailArn: pulumi.Output<string>;
    /** Bucket receiving the trail's log files. */
    public readonly bucketName: pulumi.Output<string>;
    /** Log group receiving the CloudWatch copy. */
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        validateAuditTrailArgs(args);
        super("secure-api:audit:AuditTrail", name, {}, opts);
        const parent = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, parent);
        const region = aws.getRegionOutput({}, parent);
        const trailArn = pulumi.interpolate`arn:aws:cloudtrail:${region.region}:${identity.accountId}:trail/${args.trailName}`;
        const bucket = new SecureBucket(
            `${name}-bucket`,
            {
                kmsKeyArn: args.kmsKeyArn,
                policyStatements: (bucketArn) =>
                    pulumi.all([identity.accountId, trailArn]).apply(([account, trail]) => cloudTrailBucketStatements(bucketArn, account, trail)),
                tags: args.tags,
            },
            parent,
        );
        const logs = new EncryptedLogGroup(
            `${name}-logs`,
            {
                retentionInDays: args.logRetentionInDays,
                kmsKeyArn: args.kmsKeyArn,
                environment: args.environment,
                tags: args.tags,
            },
            parent,
        );
        // CloudTrail documents that it sends the trail ARN and account when it assumes this
        // role, so the trust policy admits only this trail ("CloudTrail: Sending events to
        // CloudWatch Logs", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html).
        const role = new aws.iam.Role(
            `${name}-to-logs`,
            {
                description: "Lets CloudTrail deliver to its log group",
                assumeRolePolicy: pulumi.all([trailArn, identity.accountId]).apply(([trail, account]) => JSON.stringify(cloudTrailTrustPolicy(trail, account))),
                tags: args.tags,
            },
            parent,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-to-logs`,
            {
                role: role.id,
                policy: logs.logGroupArn.apply((arn) => JSON.stringify(cloudTrailToLogsPolicy(arn))),
            },
            parent,
        );
        const trail = new aws.cloudtrail.Trail(
            name,
            {
                name: args.trailName,
                s3BucketName: bucket.bucketName,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                kmsKeyId: args.kmsKeyArn,
                cloudWatchLogsGroupArn: pulumi.interpolate`${logs.logGroupArn}:*`,
                cloudWatchLogsRoleArn: role.arn,
                eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
                tags: args.tags,
            },
            { parent: this, dependsOn: [bucket, rolePolicy] },
        );
        this.trail = trail;
        this.deliveryRole = role;
        this.trailArn = trail.arn;
        this.bucketName = bucket.bucketName;
        this.logGroupName = logs.logGroupName;
        this.registerOutputs({ trailArn: this.trailArn, bucketName: this.bucketName, logGroupName: this.logGroupName });
    }
}
