/** Every S3 bucket keeps its objects recoverable and its access auditable: versioning, ACLs disabled, lifecycle on log buckets, access logging. */
import * as aws from "@pulumi/aws";
import { S3_REQUIRE_ACCESS_LOGGING } from "../../baseline";
import { accessLoggingOf, isAccessLogTarget, lifecycleOf, ownerEnforcedOf, purposesOf } from "../lib/bucket-access";
import { bucketsIn, versioningOf } from "../lib/buckets";
import { ruleConfig, stackRule } from "../lib/rule";

/** Config of {@link s3BucketDurability}. */
export interface S3BucketDurabilityConfig {
    /** Require server access logging (a BucketLoggingV2) on every bucket that is not itself an access-log target. */
    requireAccessLogging: boolean;
}

export const s3BucketDurabilityConfig = ruleConfig<S3BucketDurabilityConfig>({
    requireAccessLogging: {
        type: "boolean",
        default: S3_REQUIRE_ACCESS_LOGGING,
        description: "Require S3 server access logging (BucketLoggingV2) on every bucket except access-log target buckets.",
    },
});

export const s3BucketDurability = stackRule({
    name: "s3-bucket-durability",
    service: "s3",
    description:
        "Every S3 bucket is versioned (Enabled, not Suspended) and owner-enforced (ACLs disabled); log buckets (CloudTrail and access-log targets) have an enabled lifecycle rule; server access logging where configured.",
    remediationSteps:
        "Add a BucketVersioningV2 (status Enabled), a BucketOwnershipControls (objectOwnership BucketOwnerEnforced), a BucketLifecycleConfigurationV2 with an Enabled rule on log buckets, and a BucketLoggingV2 to a log bucket.",
    severity: "low",
    enforcementLevel: "advisory",
    // Checked (advisory): checkov graph test S3BucketVersioning, trivy s3/enable_versioning_test.rego, cdk-nag test/rules/S3.test.ts (S3BucketVersioningEnabled), Security Hub S3.12, S3.14. Access logging is off by default (requireAccessLogging), so S3.9/CKV_AWS_18/AWS-0089 are not claimed.
    controls: {
        securityHub: ["S3.12", "S3.14"],
        cdkNag: ["NIST.800.53.R5-S3BucketVersioningEnabled", "PCI.DSS.321-S3BucketVersioningEnabled", "HIPAA.Security-S3BucketVersioningEnabled"],
        checkov: ["CKV_AWS_21"],
        trivy: ["AWS-0090"],
    },
    config: s3BucketDurabilityConfig,
    inspects: [
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketVersioning,
        aws.s3.BucketVersioningV2,
        aws.s3.BucketOwnershipControls,
        aws.s3.BucketLifecycleConfiguration,
        aws.s3.BucketLifecycleConfigurationV2,
        aws.s3.BucketLogging,
        aws.s3.BucketLoggingV2,
        aws.cloudtrail.Trail,
    ],
    validateStack: (args, report) => {
        const config = s3BucketDurabilityConfig.read(args);
        for (const bucket of bucketsIn(args.resources)) {
            const subject = bucket.common.label;
            const urn = bucket.common.urn;
            const unknown = (what: string, must: string) => report(`${subject}: cannot be verified at preview: ${what} is unknown; it must be ${must}.`, urn);
            const versioned = versioningOf(args.resources, bucket);
            if (versioned.state === "no") {
                report(
                    `${subject} is not versioned (or versioning is Suspended), so an overwrite or delete loses the object; add a BucketVersioningV2 with versioningConfiguration.status "Enabled".`,
                    urn,
                );
            } else if (versioned.state === "unknown") {
                unknown(versioned.what, '"Enabled"');
            }
            const owner = ownerEnforcedOf(args.resources, bucket);
            if (owner.state === "no") {
                report(`${subject} still honours ACLs: no BucketOwnershipControls with rule.objectOwnership "BucketOwnerEnforced"; add one.`, urn);
            } else if (owner.state === "unknown") {
                unknown(owner.what, '"BucketOwnerEnforced"');
            }
            const logTarget = isAccessLogTarget(args.resources, bucket);
            if (logTarget || purposesOf(args.resources, bucket).includes("audit")) {
                const lifecycle = lifecycleOf(args.resources, bucket);
                if (lifecycle.state === "no") {
                    report(
                        `Log ${subject} has no enabled lifecycle rule, so logs and their old versions pile up forever; add a BucketLifecycleConfigurationV2 with a rule of status "Enabled".`,
                        urn,
                    );
                } else if (lifecycle.state === "unknown") {
                    unknown(lifecycle.what, 'a rule with status "Enabled"');
                }
            }
            if (config.requireAccessLogging && !logTarget && accessLoggingOf(args.resources, bucket).state === "no") {
                report(`${subject} has no server access logging (requireAccessLogging); add a BucketLoggingV2 with targetBucket set to a log bucket.`, urn);
            }
        }
    },
});
