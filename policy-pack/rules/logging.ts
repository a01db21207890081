/** Rules on log groups, CloudTrail and the buckets that hold logs. */
import { bucketControls, bucketsReferencedBy } from "./buckets";
import { asNumber, asString, describe, ofType, resourceRule, stackRule, TYPES } from "./util";

export const logGroupRetention = resourceRule({
    name: "log-group-retention",
    description: "CloudWatch log groups must set a retention of at least minRetentionDays (logs kept forever cost money and hold personal data indefinitely).",
    enforcementLevel: "mandatory",
    remediationSteps: "Set retentionInDays to a value >= minRetentionDays.",
    configSchema: {
        properties: {
            minRetentionDays: { type: "integer", minimum: 1, default: 90, description: "Shortest allowed retentionInDays." },
        },
    },
    types: [TYPES.logGroup],
    validate: (props, args, report) => {
        const { minRetentionDays } = args.getConfig<{ minRetentionDays: number }>();
        const retention = asNumber(props.retentionInDays);
        if (retention === undefined || retention === 0) {
            report(`Log group "${args.name}" keeps logs forever. Set retentionInDays (at least ${minRetentionDays}).`);
        } else if (retention < minRetentionDays) {
            report(`Log group "${args.name}" keeps logs for ${retention} days, less than the required ${minRetentionDays}; audits and incident response need them. Raise retentionInDays.`);
        }
    },
});

export const logGroupKms = resourceRule({
    name: "log-group-kms-encryption",
    description: "CloudWatch log groups must be encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set kmsKeyId to a KMS key ARN whose key policy allows logs.<region>.amazonaws.com.",
    types: [TYPES.logGroup],
    validate: (props, args, report) => {
        if (!asString(props.kmsKeyId)) {
            report(`Log group "${args.name}" is not encrypted with a customer-managed KMS key; logs can hold caller IPs, identities and payloads. Set kmsKeyId to a customer-managed key.`);
        }
    },
});

export const cloudTrailSecure = resourceRule({
    name: "cloudtrail-secure-trail",
    description: "CloudTrail trails must be multi-region, validate log files and encrypt with KMS.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set isMultiRegionTrail: true, enableLogFileValidation: true and kmsKeyId.",
    types: [TYPES.trail],
    validate: (props, args, report) => {
        const missing = [
            props.isMultiRegionTrail === true ? undefined : "isMultiRegionTrail: true (activity in other regions would go unrecorded)",
            props.enableLogFileValidation === true ? undefined : "enableLogFileValidation: true (tampered log files would go unnoticed)",
            asString(props.kmsKeyId) ? undefined : "kmsKeyId (logs would only have S3-managed encryption)",
        ].filter((m): m is string => m !== undefined);
        if (missing.length > 0) {
            report(`Trail "${args.name}" needs ${missing.join("; ")}.`);
        }
        if (props.enableLogging === false) {
            report(`Trail "${args.name}" has enableLogging: false, so it records nothing. Remove it or set it to true.`);
        }
    },
});

export const cloudTrailCloudWatch = resourceRule({
    name: "cloudtrail-cloudwatch-delivery",
    description: "CloudTrail trails should also deliver to CloudWatch Logs for alerting.",
    enforcementLevel: "advisory",
    remediationSteps: "Set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn.",
    types: [TYPES.trail],
    validate: (props, args, report) => {
        if (!asString(props.cloudWatchLogsGroupArn) || !asString(props.cloudWatchLogsRoleArn)) {
            report(`Trail "${args.name}" does not deliver to CloudWatch Logs; set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn so metric filters and alarms can see API calls.`);
        }
    },
});

export const logBucketPublicAccess = stackRule({
    name: "s3-log-bucket-public-access-block",
    description: "S3 buckets that receive logs (CloudTrail) must block all public access and be encrypted.",
    enforcementLevel: "mandatory",
    remediationSteps: "Add an aws.s3.BucketPublicAccessBlock with all four settings true and a BucketServerSideEncryptionConfiguration for the bucket.",
    validate: (args, report) => {
        for (const trail of ofType(args.resources, TYPES.trail)) {
            for (const bucket of bucketsReferencedBy(args.resources, trail, "s3BucketName", asString(trail.props.s3BucketName))) {
                const controls = bucketControls(args.resources, bucket);
                if (!controls.publicAccessBlocked) {
                    report(`Log ${describe(bucket)} (used by trail "${trail.name}") does not block public access; one bucket policy or ACL mistake would expose the audit log. ` +
                        "Add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.", bucket.urn);
                }
                if (!controls.encryption) {
                    report(`Log ${describe(bucket)} (used by trail "${trail.name}") has no default encryption; add a BucketServerSideEncryptionConfiguration (aws:kms).`, bucket.urn);
                }
            }
        }
    },
});
