/** CloudTrail trails must record every region, be tamper-evident, encrypted, and on. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known, Known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const cloudtrailSecureTrail = resourceRule({
    name: "cloudtrail-secure-trail",
    service: "cloudtrail",
    description: "CloudTrail trails must be multi-region, validate log files, encrypt with KMS and not disable logging.",
    remediationSteps: "Set isMultiRegionTrail: true, enableLogFileValidation: true and kmsKeyId, and do not set enableLogging: false.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {
        securityHub: ["CloudTrail.1", "CloudTrail.2", "CloudTrail.4"],
        cdkNag: [
            "NIST.800.53.R5-CloudTrailEncryptionEnabled",
            "PCI.DSS.321-CloudTrailEncryptionEnabled",
            "HIPAA.Security-CloudTrailEncryptionEnabled",
            "NIST.800.53.R5-CloudTrailLogFileValidationEnabled",
            "PCI.DSS.321-CloudTrailLogFileValidationEnabled",
            "HIPAA.Security-CloudTrailLogFileValidationEnabled",
        ],
        checkov: ["CKV_AWS_67", "CKV_AWS_35", "CKV_AWS_36", "CKV_AWS_251"],
        trivy: ["AWS-0014", "AWS-0015", "AWS-0016"],
    },
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (trail, args, report) => {
        const label = describe(args);
        const isTrue = (v: Known<unknown>) => (v.known ? v.value === true : undefined);
        const requirements: { value: Known<unknown>; ok: (v: Known<unknown>) => boolean | undefined; fix: string; must: string }[] = [
            {
                value: known(() => trail.isMultiRegionTrail, "isMultiRegionTrail"),
                ok: isTrue,
                fix: "isMultiRegionTrail: true (activity in other regions would go unrecorded)",
                must: "be true",
            },
            {
                value: known(() => trail.enableLogFileValidation, "enableLogFileValidation"),
                ok: isTrue,
                fix: "enableLogFileValidation: true (tampered log files would go unnoticed)",
                must: "be true",
            },
            // A key ARN that is unknown at preview (`key.arn`) is a key.
            { value: known(() => trail.kmsKeyId, "kmsKeyId"), ok: isSet, fix: "kmsKeyId (logs would only have S3-managed encryption)", must: "name a KMS key" },
        ];
        const missing = requirements.filter((r) => r.ok(r.value) === false);
        const unknown = requirements.find((r) => r.ok(r.value) === undefined);
        if (missing.length > 0) {
            report(`${label} needs ${missing.map((m) => m.fix).join("; ")}.`);
        } else if (unknown && !unknown.value.known) {
            report(unverifiable(label, unknown.value.path, unknown.must));
        }
        const logging = known(() => trail.enableLogging, "enableLogging");
        if (!logging.known) {
            report(unverifiable(label, logging.path, "be true (or not set)"));
        } else if (logging.value === false) {
            report(`${label} has enableLogging: false, so it records nothing. Remove it or set enableLogging: true.`);
        }
    }),
});
