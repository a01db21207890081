/** No S3 bucket of the program is public: public access blocked, no public ACL, no bucket policy open to everyone. */
import * as aws from "@pulumi/aws";
import { aclOf, accountPublicAccessBlocked, bucketPoliciesOf, policyDocumentOf, publicAclsOf, publicStatements, purposesOf } from "../lib/bucket-access";
import { bucketsIn, publicAccessBlockOf } from "../lib/buckets";
import { externalCompanions, externalLabel } from "../lib/external-buckets";
import { knownDeep } from "../lib/known";
import { resourcesOf } from "../lib/resources";
import type { PolicyResource, ReportViolation } from "@pulumi/policy";
import { ruleConfig, stackRule } from "../lib/rule";

/** Config of {@link s3BucketPublicAccess}. */
export interface S3BucketPublicAccessConfig {
    /**
     * Buckets meant to be public: bucket resource name → the reason (non-empty).
     * Audit and truststore buckets can never be listed.
     */
    publicBuckets: Record<string, string>;
}

export const s3BucketPublicAccessConfig = ruleConfig<S3BucketPublicAccessConfig>({
    publicBuckets: {
        type: "object",
        additionalProperties: { type: "string" },
        default: {},
        description: "Buckets meant to be public, by resource name, each with the reason it is public; every other bucket must not be public.",
    },
});

const FOUR = "blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets";
const SCOPES = "aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID";

export const s3BucketPublicAccess = stackRule({
    name: "s3-bucket-public-access",
    service: "s3",
    description:
        "Every S3 bucket blocks public access (a BucketPublicAccessBlock, or an AccountPublicAccessBlock, with all four settings true), has no public ACL and no bucket policy that allows everyone.",
    remediationSteps: `Add an aws.s3.BucketPublicAccessBlock with ${FOUR} true; remove public-read/public-read-write/authenticated-read ACLs and grants to AllUsers/AuthenticatedUsers; scope every Allow of Principal "*" with ${SCOPES}. A bucket meant to be public goes in publicBuckets with its reason.`,
    severity: "high",
    enforcementLevel: "mandatory",
    // Checked: checkov graph tests S3BucketHasPublicAccessBlock, S3PublicACLRead, S3PublicACLWrite; checkov CKV_AWS_53-56 (each flag of aws_s3_bucket_public_access_block true), CKV_AWS_375 (FULL_CONTROL/READ_ACP to AllUsers on aws_s3_bucket_acl), CKV2_AWS_43 graph S3NotAllowAccessToAllAuthenticatedUsers (a grant to AuthenticatedUsers on aws_s3_bucket_acl), CKV_AWS_70 tests example_S3AllowsAnyPrincipal/main.tf (every failing case, lone aws_s3_bucket_policy included, judged as external); trivy s3/{block_public_acls,block_public_policy,ignore_public_acls,no_public_buckets,specify_public_access_block,no_public_access_with_acl}_test.rego; cdk-nag test/rules/S3.test.ts.
    controls: {
        securityHub: ["S3.2", "S3.3", "S3.8"],
        cdkNag: [
            "AwsSolutions-S2",
            "NIST.800.53.R5-S3BucketLevelPublicAccessProhibited",
            "PCI.DSS.321-S3BucketLevelPublicAccessProhibited",
            "HIPAA.Security-S3BucketLevelPublicAccessProhibited",
            "NIST.800.53.R5-S3BucketPublicReadProhibited",
            "PCI.DSS.321-S3BucketPublicReadProhibited",
            "HIPAA.Security-S3BucketPublicReadProhibited",
            "NIST.800.53.R5-S3BucketPublicWriteProhibited",
            "PCI.DSS.321-S3BucketPublicWriteProhibited",
            "HIPAA.Security-S3BucketPublicWriteProhibited",
        ],
        checkov: ["CKV2_AWS_6", "CKV_AWS_20", "CKV_AWS_57", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV_AWS_375", "CKV2_AWS_43", "CKV_AWS_70"],
        trivy: ["AWS-0086", "AWS-0087", "AWS-0091", "AWS-0092", "AWS-0093", "AWS-0094"],
    },
    config: s3BucketPublicAccessConfig,
    inspects: [
        aws.s3.Bucket,
        aws.s3.BucketV2,
        aws.s3.BucketPublicAccessBlock,
        aws.s3.AccountPublicAccessBlock,
        aws.s3.BucketAclV2,
        aws.s3.BucketAcl,
        aws.s3.BucketPolicy,
        aws.cloudtrail.Trail,
        aws.apigateway.DomainName,
    ],
    validateStack: (args, report) => {
        const config = s3BucketPublicAccessConfig.read(args);
        const accountBlocked = accountPublicAccessBlocked(args.resources);
        for (const bucket of bucketsIn(args.resources)) {
            const subject = bucket.common.label;
            const urn = bucket.common.urn;
            const purposes = purposesOf(args.resources, bucket);
            if (Object.prototype.hasOwnProperty.call(config.publicBuckets, bucket.common.name)) {
                const reason = config.publicBuckets[bucket.common.name];
                if (purposes.length > 0) {
                    report(
                        `${subject} is listed in publicBuckets but holds ${purposes.join(" and ")} data, which is never public; remove it from publicBuckets.`,
                        urn,
                    );
                    // and judge it as any other bucket
                } else if (typeof reason !== "string" || reason.trim() === "") {
                    report(`${subject} is listed in publicBuckets without a reason; give the reason it is public, or remove the entry.`, urn);
                    continue;
                } else {
                    continue;
                }
            }
            const blocked = publicAccessBlockOf(args.resources, bucket);
            if (blocked.state === "no" && !accountBlocked) {
                report(
                    `${subject} does not block public access: no BucketPublicAccessBlock for it has ${FOUR} all true (nor does an AccountPublicAccessBlock of the program). ` +
                        `Add a BucketPublicAccessBlock for the bucket with ${FOUR} all true.`,
                    urn,
                );
            } else if (blocked.state === "unknown" && !accountBlocked) {
                report(
                    `${subject}: cannot be verified at preview: ${blocked.what} is unknown; it must be true, with all four public access block settings true.`,
                    urn,
                );
            }
            for (const acl of publicAclsOf(args.resources, bucket)) {
                if (!acl.value.known) {
                    report(
                        `${subject}: cannot be verified at preview: ${acl.where} (${acl.value.path}) is unknown; it must not grant public-read, public-read-write, authenticated-read or AllUsers/AuthenticatedUsers access.`,
                        urn,
                    );
                } else if (acl.value.value.length > 0) {
                    report(
                        `${subject} is public through ${acl.where}: ${acl.value.value.join(", ")}. Set the ACL to "private" and remove grants to AllUsers/AuthenticatedUsers (better: BucketOwnershipControls BucketOwnerEnforced).`,
                        urn,
                    );
                }
            }
            for (const doc of bucketPoliciesOf(args.resources, bucket)) {
                if (!doc.statements.known) {
                    report(
                        `${subject}: cannot be verified at preview: ${doc.where} is unknown; it must not Allow Principal "*" without a condition on ${SCOPES}.`,
                        urn,
                    );
                    continue;
                }
                const open = publicStatements(doc.statements.value);
                if (open.length > 0) {
                    report(
                        `${subject} is public through ${doc.where}: statement ${open.join(", ")} Allows Principal "*" without a condition scoping it. ` +
                            `Add a condition on ${SCOPES} to the statement, or name the principals.`,
                        urn,
                    );
                }
            }
        }
        externalFindings(args.resources, report);
    },
});

/** The sub-resources of buckets the program does not create, each judged on its own. */
function externalFindings(resources: readonly PolicyResource[], report: ReportViolation): void {
    for (const p of externalCompanions(resources, resourcesOf(resources, aws.s3.BucketPublicAccessBlock))) {
        const settings = knownDeep(
            () => ({
                blockPublicAcls: p.props.blockPublicAcls,
                blockPublicPolicy: p.props.blockPublicPolicy,
                ignorePublicAcls: p.props.ignorePublicAcls,
                restrictPublicBuckets: p.props.restrictPublicBuckets,
            }),
            "blockPublicAcls",
        );
        if (!settings.known) {
            report(`${externalLabel(p)}: cannot be verified at preview: ${settings.path} is unknown; ${FOUR} must all be true.`, p.urn);
            continue;
        }
        const off = Object.entries(settings.value).flatMap(([k, v]) => (v === true ? [] : [k]));
        if (off.length > 0) {
            report(`${externalLabel(p)} leaves ${off.join(", ")} unset or false, so the bucket can be made public; set ${FOUR} all true.`, p.urn);
        }
    }
    for (const a of externalCompanions(resources, [...resourcesOf(resources, aws.s3.BucketAclV2), ...resourcesOf(resources, aws.s3.BucketAcl)])) {
        const acl = aclOf(a);
        if (!acl.value.known) {
            report(
                `${externalLabel(a)}: cannot be verified at preview: ${acl.value.path} is unknown; it must not grant public-read, public-read-write, authenticated-read or AllUsers/AuthenticatedUsers access.`,
                a.urn,
            );
        } else if (acl.value.value.length > 0) {
            report(
                `${externalLabel(a)} makes the bucket public: ${acl.value.value.join(", ")}. Set acl "private" and remove grants to AllUsers/AuthenticatedUsers.`,
                a.urn,
            );
        }
    }
    for (const p of externalCompanions(resources, resourcesOf(resources, aws.s3.BucketPolicy))) {
        const doc = policyDocumentOf(p);
        if (!doc.statements.known) {
            report(
                `${externalLabel(p)}: cannot be verified at preview: policy is unknown; it must not Allow Principal "*" without a condition on ${SCOPES}.`,
                p.urn,
            );
            continue;
        }
        const open = publicStatements(doc.statements.value);
        if (open.length > 0) {
            report(
                `${externalLabel(p)} makes the bucket public: policy statement ${open.join(", ")} Allows Principal "*" without a condition scoping it. Add a condition on ${SCOPES} to the statement, or name the principals.`,
                p.urn,
            );
        }
    }
}
