/** Cognito user pools must require MFA (or at least offer it, where the config allows). */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { DEFAULT_BASELINE, EnvironmentBaseline, MFA_MODES } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `cognito-mfa`. */
export interface CognitoMfaConfig {
    /** Weakest mfaConfiguration accepted: ON in production, OPTIONAL where an environment relaxes it. */
    requiredMfa: EnvironmentBaseline["minMfa"];
}

export const cognitoMfaConfig = ruleConfig<CognitoMfaConfig>({
    requiredMfa: {
        type: "string",
        enum: MFA_MODES.filter((m) => m !== "OFF"),
        default: DEFAULT_BASELINE.minMfa,
        description: "Weakest mfaConfiguration accepted.",
    },
});

const rank = (mode: string): number => (MFA_MODES as readonly string[]).indexOf(mode);

export const cognitoMfa = resourceRule({
    name: "cognito-mfa",
    service: "cognito",
    description: `Cognito user pools must not turn MFA off; by default MFA must be ${DEFAULT_BASELINE.minMfa} (relax requiredMfa to OPTIONAL for dev).`,
    remediationSteps: "Set mfaConfiguration to ON (or OPTIONAL where the policy config allows) with softwareTokenMfaConfiguration enabled.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { cdkNag: ["AwsSolutions-COG2"], securityHub: ["Cognito.5"] },
    config: cognitoMfaConfig,
    validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
        const { requiredMfa } = cognitoMfaConfig.read(args);
        const mfa = known(() => pool.mfaConfiguration, "mfaConfiguration");
        if (!mfa.known) {
            report(unverifiable(describe(args), mfa.path, `be ${requiredMfa}${requiredMfa === "OPTIONAL" ? " or ON" : ""}`));
            return;
        }
        const mode = (mfa.value ?? "OFF").toUpperCase();
        if (rank(mode) < rank(requiredMfa)) {
            report(
                `${describe(args)} has mfaConfiguration ${mfa.value === undefined ? "OFF (not set)" : mode}; this environment requires ${requiredMfa}. ` +
                    `Set mfaConfiguration: "${requiredMfa}" and enable softwareTokenMfaConfiguration.`,
            );
        }
    }),
});
