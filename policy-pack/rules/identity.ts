/** Rules on Cognito user pools. */
import { asNumber, asRecord, asString, resourceRule, TYPES } from "./util";

export const cognitoPasswordPolicy = resourceRule({
    name: "cognito-password-policy",
    description: "Cognito user pools must require long passwords with upper and lower case letters, numbers and symbols.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set passwordPolicy with minimumLength >= minimumLength config, all four require* flags true and temporaryPasswordValidityDays <= 7.",
    configSchema: {
        properties: {
            minimumLength: { type: "integer", minimum: 8, maximum: 99, default: 12, description: "Smallest allowed passwordPolicy.minimumLength." },
        },
    },
    types: [TYPES.userPool],
    validate: (props, args, report) => {
        const { minimumLength } = args.getConfig<{ minimumLength: number }>();
        const policy = asRecord(props.passwordPolicy);
        const problems: string[] = [];
        const length = asNumber(policy.minimumLength) ?? 8;
        if (length < minimumLength) {
            problems.push(`minimumLength ${length} < ${minimumLength}`);
        }
        for (const flag of ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"]) {
            if (props.passwordPolicy !== undefined && policy[flag] !== true) {
                problems.push(`${flag} is not true`);
            }
        }
        if ((asNumber(policy.temporaryPasswordValidityDays) ?? 7) > 7) {
            problems.push("temporaryPasswordValidityDays > 7");
        }
        if (problems.length > 0) {
            report(`User pool "${args.name}" has a weak password policy (${problems.join("; ")}). ` +
                `Set passwordPolicy.minimumLength >= ${minimumLength} and require lowercase, uppercase, numbers and symbols.`);
        }
    },
});

const MFA_STRENGTH: Record<string, number> = { OFF: 0, OPTIONAL: 1, ON: 2 };

export const cognitoMfa = resourceRule({
    name: "cognito-mfa",
    description: "Cognito user pools must not turn MFA off; production requires MFA ON (relax requiredMfa to OPTIONAL for dev).",
    enforcementLevel: "mandatory",
    remediationSteps: "Set mfaConfiguration to ON (or OPTIONAL where the policy config allows) with softwareTokenMfaConfiguration enabled.",
    configSchema: {
        properties: {
            requiredMfa: { type: "string", enum: ["OPTIONAL", "ON"], default: "ON", description: "Weakest mfaConfiguration accepted." },
        },
    },
    types: [TYPES.userPool],
    validate: (props, args, report) => {
        const { requiredMfa } = args.getConfig<{ requiredMfa: "OPTIONAL" | "ON" }>();
        const mfa = (asString(props.mfaConfiguration) ?? "OFF").toUpperCase();
        if ((MFA_STRENGTH[mfa] ?? 0) < MFA_STRENGTH[requiredMfa]) {
            report(`User pool "${args.name}" has mfaConfiguration ${mfa}; this environment requires ${requiredMfa}. ` +
                `Set mfaConfiguration: "${requiredMfa}" and enable softwareTokenMfaConfiguration.`);
        }
    },
});

export const cognitoAdvancedSecurity = resourceRule({
    name: "cognito-advanced-security",
    description: "Cognito user pools should enforce advanced security (compromised-credential and risk-based checks).",
    enforcementLevel: "advisory",
    remediationSteps: "Set userPoolAddOns.advancedSecurityMode to ENFORCED (or AUDIT where allowed).",
    configSchema: {
        properties: {
            requiredMode: { type: "string", enum: ["AUDIT", "ENFORCED"], default: "ENFORCED", description: "Weakest advancedSecurityMode accepted." },
        },
    },
    types: [TYPES.userPool],
    validate: (props, args, report) => {
        const { requiredMode } = args.getConfig<{ requiredMode: "AUDIT" | "ENFORCED" }>();
        const mode = (asString(asRecord(props.userPoolAddOns).advancedSecurityMode) ?? "OFF").toUpperCase();
        const rank = (m: string) => ["OFF", "AUDIT", "ENFORCED"].indexOf(m);
        if (rank(mode) < rank(requiredMode)) {
            report(`User pool "${args.name}" has advanced security ${mode}; set userPoolAddOns.advancedSecurityMode to ${requiredMode}.`);
        }
    },
});
