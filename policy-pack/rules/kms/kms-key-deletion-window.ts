/** KMS keys should keep a long deletion window, so a mistaken destroy can be cancelled. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { KMS_DELETION_WINDOW_DAYS } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `kms-key-deletion-window`. */
export interface KmsKeyDeletionWindowConfig {
    /** Shortest allowed deletionWindowInDays (KMS: 7-30; unset means 30). */
    minDeletionWindowDays: number;
}

export const kmsKeyDeletionWindowConfig = ruleConfig<KmsKeyDeletionWindowConfig>({
    minDeletionWindowDays: {
        type: "integer",
        minimum: KMS_DELETION_WINDOW_DAYS.min,
        maximum: KMS_DELETION_WINDOW_DAYS.max,
        default: KMS_DELETION_WINDOW_DAYS.defaultMinimum,
        description: `Shortest allowed deletionWindowInDays (KMS accepts ${KMS_DELETION_WINDOW_DAYS.min}-${KMS_DELETION_WINDOW_DAYS.max}; unset means ${KMS_DELETION_WINDOW_DAYS.kmsDefault}).`,
    },
});

export const kmsKeyDeletionWindow = resourceRule({
    name: "kms-key-deletion-window",
    service: "kms",
    description:
        "KMS keys should wait at least minDeletionWindowDays before deletion (data encrypted under a deleted key is lost for good; the window is the only way back).",
    remediationSteps: `Set deletionWindowInDays to at least minDeletionWindowDays, or leave it unset (KMS waits ${KMS_DELETION_WINDOW_DAYS.kmsDefault} days).`,
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
    config: kmsKeyDeletionWindowConfig,
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
        const { minDeletionWindowDays } = kmsKeyDeletionWindowConfig.read(args);
        const window = known(() => key.deletionWindowInDays, "deletionWindowInDays");
        if (!window.known) {
            report(unverifiable(describe(args), window.path, `be at least ${minDeletionWindowDays} days`));
        } else if ((window.value ?? KMS_DELETION_WINDOW_DAYS.kmsDefault) < minDeletionWindowDays) {
            report(
                `${describe(args)} is deleted ${window.value} days after a destroy (deletionWindowInDays), less than the required ${minDeletionWindowDays}; ` +
                    `data encrypted under it is unrecoverable once it is gone. Raise deletionWindowInDays to at least ${minDeletionWindowDays}.`,
            );
        }
    }),
});
