/**
 * Cognito user pools must have deletion protection unless the policy config
 * relaxes it (dev): a `pulumi destroy`, a replacement or a stray delete of
 * an unprotected pool wipes every user and breaks every Cognito-authorized route.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { COGNITO_POOL_PROTECTION } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `cognito-user-pool-deletion-protection`. */
export interface DeletionProtectionConfig {
    /** Require deletionProtection ACTIVE on every user pool (false in `policy-pack/config/dev.json`). */
    required: boolean;
}

export const deletionProtectionConfig = ruleConfig<DeletionProtectionConfig>({
    required: {
        type: "boolean",
        default: COGNITO_POOL_PROTECTION.requireDeletionProtection,
        description: "Require deletionProtection: ACTIVE on every user pool (default true; dev.json sets false: dev pools are destroyable).",
    },
});

export const cognitoUserPoolDeletionProtection = resourceRule({
    name: "cognito-user-pool-deletion-protection",
    service: "cognito",
    description: "Cognito user pools must set deletionProtection: ACTIVE (required by default; the dev policy config relaxes it).",
    remediationSteps: 'Set deletionProtection: "ACTIVE" on the user pool (turn it off deliberately before a planned delete).',
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: Security Hub Cognito.6 / AWS Config cognito-user-pool-deletion-protection-enabled (NON_COMPLIANT when deletion protection is not active; CreateUserPool's default is INACTIVE): the default config rejects INACTIVE and unset.
    controls: { securityHub: ["Cognito.6"] },
    config: deletionProtectionConfig,
    validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
        if (!deletionProtectionConfig.read(args).required) {
            return;
        }
        const label = describe(args);
        const protection = known(() => pool.deletionProtection, "deletionProtection");
        if (!protection.known) {
            report(unverifiable(label, protection.path, "be ACTIVE"));
        } else if (protection.value !== "ACTIVE") {
            const given = protection.value === undefined ? "is not set (Cognito's default: INACTIVE)" : `is ${protection.value}`;
            report(`${label} can be deleted with all its users (deletionProtection ${given}). Set deletionProtection: "ACTIVE".`);
        }
    }),
});
