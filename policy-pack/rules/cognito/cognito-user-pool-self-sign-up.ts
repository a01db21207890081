/**
 * Cognito user pools must not let anyone sign themselves up, unless the
 * policy config allows it: with `adminCreateUserConfig.allowAdminCreateUserOnly`
 * false (Cognito's default) anyone who knows an app client id can call SignUp,
 * get a user and then tokens that Cognito-authorized routes accept.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { COGNITO_POOL_PROTECTION } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `cognito-user-pool-self-sign-up`. */
export interface SelfSignUpConfig {
    /** Accept pools where users sign themselves up (a public consumer app); false requires allowAdminCreateUserOnly. */
    allowSelfSignUp: boolean;
}

export const selfSignUpConfig = ruleConfig<SelfSignUpConfig>({
    allowSelfSignUp: {
        type: "boolean",
        default: COGNITO_POOL_PROTECTION.allowSelfSignUp,
        description: "Accept user pools with self sign-up (adminCreateUserConfig.allowAdminCreateUserOnly not true); default false.",
    },
});

export const cognitoUserPoolSelfSignUp = resourceRule({
    name: "cognito-user-pool-self-sign-up",
    service: "cognito",
    description:
        "Cognito user pools must allow only administrators to create users (adminCreateUserConfig.allowAdminCreateUserOnly: true) unless allowSelfSignUp is configured.",
    remediationSteps:
        "Set adminCreateUserConfig: { allowAdminCreateUserOnly: true } and create users with AdminCreateUser, or set allowSelfSignUp for a public app.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: selfSignUpConfig,
    validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
        if (selfSignUpConfig.read(args).allowSelfSignUp) {
            return;
        }
        const label = describe(args);
        const adminOnly = known(() => pool.adminCreateUserConfig?.allowAdminCreateUserOnly, "adminCreateUserConfig.allowAdminCreateUserOnly");
        if (!adminOnly.known) {
            report(unverifiable(label, adminOnly.path, "be true"));
        } else if (adminOnly.value !== true) {
            const given = adminOnly.value === undefined ? "is not set (Cognito's default: false)" : `is ${String(adminOnly.value)}`;
            report(
                `${label} lets anyone sign up (adminCreateUserConfig.allowAdminCreateUserOnly ${given}), so whoever knows an app client id gets a user and tokens. ` +
                    "Set adminCreateUserConfig.allowAdminCreateUserOnly: true.",
            );
        }
    }),
});
