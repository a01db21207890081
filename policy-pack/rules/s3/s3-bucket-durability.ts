/** Every S3 bucket keeps its objects recoverable and its access auditable: versioning, ACLs disabled, lifecycle on log buckets, access logging. */
import * as aws from "@pulumi/aws";
import { S3_REQUIRE_ACCESS_LOGGING } from "../../baseline";
import { lifecycleOf, ownerEnforcedOf, purposesOf } from "../lib/bucket-access";
import { accessLoggingOf, isAccessLogTarget } from "../lib/bucket-logging";
import { bucketsIn, versioningOf } from "../lib/buckets";
import { externalCompanions, externalLabel } from "../lib/external-buckets";
import { known } from "../lib/known";
import { resourcesOf } from "../lib/resources";
import { ruleConfig, stackRule } from "../lib/rule";
import { undecidedFinding, undecidedReferences } from "../lib/undecided-buckets";

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
        "Every S3 bucket is versioned (Enabled, not Suspended) and owner-enforced (ACLs disabled); log buckets (CloudTrail and access-log targets) have an enabled lifecycle rule; every bucket but access-log targets has server access logging (requireAccessLogging, on by default).",
    remediationSteps:
        "Add a BucketVersioningV2 (status Enabled), a BucketOwnershipControls (objectOwnership BucketOwnerEnforced), a BucketLifecycleConfigurationV2 with an Enabled rule on log buckets, and a BucketLoggingV2 to a log bucket.",
    severity: "low",
    enforcementLevel: "advisory",
    // Checked (advisory): checkov graph test S3BucketVersioning and CKV2_AWS_65 on aws_s3_bucket_ownership_controls (object_ownership BucketOwnerEnforced; lone ones judged as external), trivy s3/enable_versioning_test.rego, cdk-nag test/rules/S3.test.ts (S3BucketVersioningEnabled, S3BucketLoggingEnabled, S1), Security Hub S3.12, S3.14.
    // Access logging (requireAccessLogging, on by default): trivy s3/enable_logging_test.rego (log-delivery targets exempt, as here), cloudtrail AWS-0163, checkov CKV_AWS_18 tests (buckets without logging), cdk-nag S1 / S3BucketLoggingEnabled Noncompliance (a bucket without serverAccessLogsBucket); Security Hub S3.9 / CloudTrail.7 pages (no test cases; an access-log target bucket itself is exempt here, as trivy exempts it).
    controls: {
        securityHub: ["S3.9", "S3.12", "S3.14", "CloudTrail.7"],
        cdkNag: [
            "AwsSolutions-S1",
            "NIST.800.53.R5-S3BucketVersioningEnabled",
            "PCI.DSS.321-S3BucketVersioningEnabled",
            "HIPAA.Security-S3BucketVersioningEnabled",
            "NIST.800.53.R5-S3BucketLoggingEnabled",
            "PCI.DSS.321-S3BucketLoggingEnabled",
            "HIPAA.Security-S3BucketLoggingEnabled",
        ],
        checkov: ["CKV_AWS_21", "CKV_AWS_18", "CKV2_AWS_65"],
        trivy: ["AWS-0090", "AWS-0089", "AWS-0163"],
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
        // Trails whose bucket is unknown at preview and came from no bucket may write to any bucket once known.
        const trails = undecidedReferences(args.resources, ["audit"]);
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
            } else if (trails.length > 0 && lifecycleOf(args.resources, bucket).state !== "yes") {
                report(undecidedFinding(subject, trails, 'has a lifecycle rule with status "Enabled"'), urn);
            }
            if (config.requireAccessLogging && !logTarget && accessLoggingOf(args.resources, bucket).state === "no") {
                report(`${subject} has no server access logging (requireAccessLogging); add a BucketLoggingV2 with targetBucket set to a log bucket.`, urn);
            }
        }
        // Sub-resources of buckets the program does not create, judged on their own.
        for (const o of externalCompanions(args.resources, resourcesOf(args.resources, aws.s3.BucketOwnershipControls))) {
            const v = known(() => o.props.rule?.objectOwnership, "rule.objectOwnership");
            if (!v.known) {
                report(`${externalLabel(o)}: cannot be verified at preview: ${v.path} is unknown; it must be "BucketOwnerEnforced".`, o.urn);
            } else if (v.value !== "BucketOwnerEnforced") {
                report(`${externalLabel(o)} keeps ACLs enabled (rule.objectOwnership "${v.value}"); set rule.objectOwnership "BucketOwnerEnforced".`, o.urn);
            }
        }
        for (const v of externalCompanions(args.resources, [
            ...resourcesOf(args.resources, aws.s3.BucketVersioning),
            ...resourcesOf(args.resources, aws.s3.BucketVersioningV2),
        ])) {
            const status = known(() => v.props.versioningConfiguration?.status, "versioningConfiguration.status");
            if (!status.known) {
                report(`${externalLabel(v)}: cannot be verified at preview: ${status.path} is unknown; it must be "Enabled".`, v.urn);
            } else if (status.value !== "Enabled") {
                report(`${externalLabel(v)} leaves the bucket unversioned (versioningConfiguration.status "${status.value}"); set it to "Enabled".`, v.urn);
            }
        }
    },
});
