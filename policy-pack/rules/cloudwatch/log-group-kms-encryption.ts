/** CloudWatch log groups must be encrypted with a customer-managed KMS key. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known } from "../lib/known";
import { describe } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const logGroupKmsEncryption = resourceRule({
    name: "log-group-kms-encryption",
    service: "cloudwatch",
    description: "CloudWatch log groups must be encrypted with a customer-managed KMS key.",
    remediationSteps: "Set kmsKeyId to a KMS key ARN whose key policy allows logs.<region>.amazonaws.com.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {
        cdkNag: ["NIST.800.53.R5-CloudWatchLogGroupEncrypted", "PCI.DSS.321-CloudWatchLogGroupEncrypted", "HIPAA.Security-CloudWatchLogGroupEncrypted"],
        checkov: ["CKV_AWS_158"],
        trivy: ["AWS-0017"],
    },
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, args, report) => {
        // A key ARN that is unknown at preview (`key.arn`) is a key.
        if (!isSet(known(() => group.kmsKeyId, "kmsKeyId"))) {
            report(
                `${describe(args)} is not encrypted with a customer-managed KMS key (kmsKeyId is not set); logs can hold caller IPs, identities and payloads. Set kmsKeyId to a customer-managed key.`,
            );
        }
    }),
});
