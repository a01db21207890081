/** Symmetric KMS keys must rotate their key material automatically. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

/** The only key spec KMS rotates automatically (asymmetric and HMAC keys cannot rotate; it is the default). */
const SYMMETRIC = "SYMMETRIC_DEFAULT";

export const kmsKeyRotation = resourceRule({
    name: "kms-key-rotation",
    service: "kms",
    description: "Symmetric KMS keys (customerMasterKeySpec SYMMETRIC_DEFAULT, the default) must enable automatic key rotation.",
    remediationSteps: "Set enableKeyRotation: true on the aws.kms.Key (asymmetric and HMAC keys are exempt: KMS cannot rotate them).",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {
        securityHub: ["KMS.4"],
        cdkNag: ["AwsSolutions-KMS5", "NIST.800.53.R5-KMSBackingKeyRotationEnabled", "PCI.DSS.321-KMSBackingKeyRotationEnabled"],
        checkov: ["CKV_AWS_7"],
    },
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
        const label = describe(args);
        const spec = known(() => key.customerMasterKeySpec, "customerMasterKeySpec");
        if (!spec.known) {
            report(unverifiable(label, spec.path, `be known: a ${SYMMETRIC} key must set enableKeyRotation: true`));
            return;
        }
        if ((spec.value ?? SYMMETRIC) !== SYMMETRIC) {
            return;
        }
        const rotation = known(() => key.enableKeyRotation, "enableKeyRotation");
        if (!rotation.known) {
            report(unverifiable(label, rotation.path, "be true"));
        } else if (rotation.value !== true) {
            report(
                `${label} is a symmetric key that never rotates (enableKeyRotation is ${rotation.value === false ? "false" : "not set"}), so one key version protects all data for its whole life. ` +
                    "Set enableKeyRotation: true.",
            );
        }
    }),
});
