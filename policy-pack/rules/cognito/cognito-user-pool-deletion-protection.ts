/**
 * Cognito user pools must have deletion protection where the policy config
 * requires it (prod): a `pulumi destroy`, a replacement or a stray delete of
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
    /** Require deletionProtection ACTIVE on every user pool (true in `policy-pack/config/prod.json`). */
    required: boolean;
}

export const deletionProtectionConfig = ruleConfig<DeletionProtectionConfig>({
    required: {
        type: "boolean",
        default: COGNITO_POOL_PROTECTION.requireDeletionProtection,
        description: "Require deletionProtection: ACTIVE on every user pool (default false; prod.json sets true).",
    },
});

export const cognitoUserPoolDeletionProtection = resourceRule({
    name: "cognito-user-pool-deletion-protection",
    service: "cognito",
    description: "Where required (prod), Cognito user pools must set deletionProtection: ACTIVE.",
    remediationSteps: 'Set deletionProtection: "ACTIVE" on the user pool (turn it off deliberately before a planned delete).',
    severity: "medium",
    enforcementLevel: "mandatory",
    // Security Hub Cognito.6 fails every pool without ACTIVE; this rule does only when `required` is set, so it is not claimed.
    controls: {},
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
