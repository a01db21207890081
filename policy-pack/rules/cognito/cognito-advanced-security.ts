/** Cognito user pools should enforce advanced security (threat protection). */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { ADVANCED_SECURITY_MODES, DEFAULT_BASELINE, EnvironmentBaseline } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `cognito-advanced-security`. */
export interface AdvancedSecurityConfig {
    /** Weakest userPoolAddOns.advancedSecurityMode accepted: ENFORCED in production, AUDIT where an environment relaxes it. */
    requiredMode: EnvironmentBaseline["minAdvancedSecurity"];
}

export const advancedSecurityConfig = ruleConfig<AdvancedSecurityConfig>({
    requiredMode: {
        type: "string",
        enum: ADVANCED_SECURITY_MODES.filter((m) => m !== "OFF"),
        default: DEFAULT_BASELINE.minAdvancedSecurity,
        description: "Weakest advancedSecurityMode accepted.",
    },
});

const rank = (mode: string): number => (ADVANCED_SECURITY_MODES as readonly string[]).indexOf(mode);

export const cognitoAdvancedSecurity = resourceRule({
    name: "cognito-advanced-security",
    service: "cognito",
    description: "Cognito user pools should enforce advanced security (compromised-credential and risk-based checks).",
    remediationSteps: "Set userPoolAddOns.advancedSecurityMode to ENFORCED (or AUDIT where allowed).",
    severity: "medium",
    enforcementLevel: "advisory",
    controls: { securityHub: ["Cognito.1"] },
    config: advancedSecurityConfig,
    validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
        const { requiredMode } = advancedSecurityConfig.read(args);
        const mode = known(() => pool.userPoolAddOns?.advancedSecurityMode, "userPoolAddOns.advancedSecurityMode");
        if (!mode.known) {
            report(unverifiable(describe(args), mode.path, `be ${requiredMode}${requiredMode === "AUDIT" ? " or ENFORCED" : ""}`));
            return;
        }
        const value = (mode.value ?? "OFF").toUpperCase();
        if (rank(value) < rank(requiredMode)) {
            report(
                `${describe(args)} has advanced security ${mode.value === undefined ? "OFF (userPoolAddOns.advancedSecurityMode is not set)" : value}; ` +
                    `set userPoolAddOns.advancedSecurityMode to ${requiredMode}.`,
            );
        }
    }),
});
