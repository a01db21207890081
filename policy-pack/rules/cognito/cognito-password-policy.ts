/** Cognito user pools must require long passwords with every character class. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { PASSWORD } from "../../baseline";
import { known } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** The weakest minimum length the config may ask for (the peers' floor: cdk-nag COG1, Security Hub Cognito.3). */
export const PASSWORD_CONFIG_FLOOR = 8;

/** What Cognito applies when a pool sets no passwordPolicy. */
export const COGNITO_DEFAULT_PASSWORD_POLICY = { minimumLength: 8, temporaryPasswordValidityDays: 7 } as const;

/** Config of `cognito-password-policy`. */
export interface PasswordPolicyConfig {
    /** Smallest allowed passwordPolicy.minimumLength. */
    minimumLength: number;
}

export const passwordPolicyConfig = ruleConfig<PasswordPolicyConfig>({
    minimumLength: {
        type: "integer",
        minimum: PASSWORD_CONFIG_FLOOR,
        maximum: PASSWORD.maxLength,
        default: PASSWORD.minLength,
        description: "Smallest allowed passwordPolicy.minimumLength.",
    },
});

const CLASSES = ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"] as const;

export const cognitoPasswordPolicy = resourceRule({
    name: "cognito-password-policy",
    service: "cognito",
    description: "Cognito user pools must require long passwords with upper and lower case letters, numbers and symbols, and short-lived temporary passwords.",
    remediationSteps: `Set passwordPolicy with minimumLength >= the configured minimumLength (${PASSWORD.minLength} by default), all four require* flags true and temporaryPasswordValidityDays <= ${PASSWORD.maxTemporaryValidityDays}.`,
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { cdkNag: ["AwsSolutions-COG1"], securityHub: ["Cognito.3"] },
    config: passwordPolicyConfig,
    validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
        const label = describe(args);
        const { minimumLength } = passwordPolicyConfig.read(args);
        const policy = known(() => pool.passwordPolicy, "passwordPolicy");
        if (!policy.known) {
            report(unverifiable(label, policy.path, `require at least ${minimumLength} characters and every character class`));
            return;
        }
        if (policy.value === undefined) {
            // Cognito's default policy requires every character class and 7-day temporary passwords; only its length can fall short.
            if (COGNITO_DEFAULT_PASSWORD_POLICY.minimumLength >= minimumLength) {
                return;
            }
            report(
                `${label} sets no passwordPolicy, so Cognito's default minimum length of ${COGNITO_DEFAULT_PASSWORD_POLICY.minimumLength} applies, below the required ${minimumLength}. ` +
                    `Set passwordPolicy with minimumLength of at least ${minimumLength} and ${listing([...CLASSES])} true.`,
            );
            return;
        }
        const problems: string[] = [];
        const fixes: string[] = [];
        const unknown: { path: string }[] = [];
        const length = known(() => pool.passwordPolicy?.minimumLength, "passwordPolicy.minimumLength");
        if (!length.known) {
            unknown.push(length);
        } else if ((length.value ?? COGNITO_DEFAULT_PASSWORD_POLICY.minimumLength) < minimumLength) {
            problems.push(
                `passwordPolicy.minimumLength is ${length.value ?? `not set (Cognito uses ${COGNITO_DEFAULT_PASSWORD_POLICY.minimumLength})`}, below ${minimumLength}`,
            );
            fixes.push(`passwordPolicy.minimumLength to at least ${minimumLength}`);
        }
        for (const flag of CLASSES) {
            const value = known(() => pool.passwordPolicy?.[flag], `passwordPolicy.${flag}`);
            if (!value.known) {
                unknown.push(value);
            } else if (value.value !== true) {
                problems.push(`passwordPolicy.${flag} is ${value.value ?? "not set"}`);
                fixes.push(`passwordPolicy.${flag}: true`);
            }
        }
        const validity = known(() => pool.passwordPolicy?.temporaryPasswordValidityDays, "passwordPolicy.temporaryPasswordValidityDays");
        if (!validity.known) {
            unknown.push(validity);
        } else if ((validity.value ?? COGNITO_DEFAULT_PASSWORD_POLICY.temporaryPasswordValidityDays) > PASSWORD.maxTemporaryValidityDays) {
            problems.push(`passwordPolicy.temporaryPasswordValidityDays is ${validity.value}, above ${PASSWORD.maxTemporaryValidityDays}`);
            fixes.push(`passwordPolicy.temporaryPasswordValidityDays to at most ${PASSWORD.maxTemporaryValidityDays}`);
        }
        if (problems.length > 0) {
            report(`${label} has a weak password policy (${problems.join("; ")}). Set ${listing(fixes)}.`);
        } else if (unknown.length > 0) {
            report(
                unverifiable(
                    label,
                    unknown.map((u) => u.path),
                    `meet the password policy (minimumLength >= ${minimumLength}, every require* flag true, temporaryPasswordValidityDays <= ${PASSWORD.maxTemporaryValidityDays})`,
                ),
            );
        }
    }),
});
