/** Cognito app clients: no implicit grant, no plain-password flows, no user enumeration, revocable and bounded refresh tokens. */
import * as aws from "@pulumi/aws";
import { PASSWORD_AUTH_FLOWS, REFRESH_TOKEN_VALIDITY_DAYS } from "../../baseline";
import { known } from "../lib/known";
import { listing, unverifiable } from "../lib/messages";
import { knownOutput, resourcesOf } from "../lib/resources";
import { ruleConfig, stackRule } from "../lib/rule";
import { asArray, asRecord, asString, toNumber } from "../lib/values";

/** Config of `cognito-app-client-secure`. */
export interface AppClientConfig {
    /** Password auth flows (e.g. ALLOW_USER_PASSWORD_AUTH for a migration trigger) app clients may enable. */
    allowedPasswordAuthFlows: string[];
    /** Longest refresh token validity, days. */
    maxRefreshTokenDays: number;
}

export const appClientConfig = ruleConfig<AppClientConfig>({
    allowedPasswordAuthFlows: {
        type: "array",
        items: { type: "string", enum: [...PASSWORD_AUTH_FLOWS] },
        uniqueItems: true,
        default: [],
        description: `Password auth flows (${PASSWORD_AUTH_FLOWS.join(", ")}) app clients may enable (default none).`,
    },
    maxRefreshTokenDays: {
        type: "number",
        exclusiveMinimum: 0,
        maximum: 3650,
        default: REFRESH_TOKEN_VALIDITY_DAYS.max,
        description: "Longest refresh token validity, days (refreshTokenValidity in tokenValidityUnits.refreshToken).",
    },
});

const DAYS_PER_UNIT: Readonly<Record<string, number>> = { seconds: 1 / 86400, minutes: 1 / 1440, hours: 1 / 24, days: 1 };

export const cognitoAppClientSecure = stackRule({
    name: "cognito-app-client-secure",
    service: "cognito",
    description:
        "Cognito app clients must not use the implicit grant or password auth flows, must set preventUserExistenceErrors ENABLED, keep token revocation on and refresh tokens within the configured maximum.",
    remediationSteps:
        'Use the code or client_credentials flow, ALLOW_USER_SRP_AUTH, preventUserExistenceErrors: "ENABLED", enableTokenRevocation: true and a refreshTokenValidity within maxRefreshTokenDays.',
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    config: appClientConfig,
    inspects: [aws.cognito.UserPoolClient],
    validateStack: (args, report) => {
        const { allowedPasswordAuthFlows, maxRefreshTokenDays } = appClientConfig.read(args);
        for (const client of resourcesOf(args.resources, aws.cognito.UserPoolClient)) {
            const { label, urn } = client;
            const flows = knownOutput(client, "allowedOauthFlows", (p) => p.allowedOauthFlows);
            if (!flows.known) {
                report(unverifiable(label, flows.path, "not include implicit"), urn);
            } else if (asArray(flows.value).includes("implicit")) {
                report(
                    `${label} allows the OAuth implicit grant (allowedOauthFlows includes "implicit"), which returns tokens in the redirect URL where they leak. Use the "code" flow with PKCE instead.`,
                    urn,
                );
            }
            const auth = knownOutput(client, "explicitAuthFlows", (p) => p.explicitAuthFlows);
            if (!auth.known) {
                report(unverifiable(label, auth.path, `not include ${listing([...PASSWORD_AUTH_FLOWS])}`), urn);
            } else {
                const password = asArray(auth.value)
                    .map(asString)
                    .filter(
                        (f): f is string => f !== undefined && (PASSWORD_AUTH_FLOWS as readonly string[]).includes(f) && !allowedPasswordAuthFlows.includes(f),
                    );
                if (password.length > 0) {
                    report(
                        `${label} enables ${listing(password)} (explicitAuthFlows), which sends users' passwords to Cognito instead of proving them with SRP. Remove ${password.length === 1 ? "it" : "them"} and use ALLOW_USER_SRP_AUTH.`,
                        urn,
                    );
                }
            }
            const existence = knownOutput(client, "preventUserExistenceErrors", (p) => p.preventUserExistenceErrors);
            if (!existence.known) {
                report(unverifiable(label, existence.path, "be ENABLED"), urn);
            } else if (existence.value !== "ENABLED") {
                report(
                    `${label} reveals whether a user exists (preventUserExistenceErrors is ${existence.value || "not set"}), so accounts can be enumerated. Set preventUserExistenceErrors: "ENABLED".`,
                    urn,
                );
            }
            const revocation = known(() => client.props.enableTokenRevocation, "enableTokenRevocation");
            if (!revocation.known) {
                report(unverifiable(label, revocation.path, "not be false"), urn);
            } else if (revocation.value === false) {
                report(
                    `${label} turns token revocation off (enableTokenRevocation: false), so a stolen refresh token cannot be revoked. Set enableTokenRevocation: true.`,
                    urn,
                );
            }
            const validity = knownOutput(client, "refreshTokenValidity", (p) => p.refreshTokenValidity);
            const units = knownOutput(client, "tokenValidityUnits", (p) => p.tokenValidityUnits);
            if (!validity.known || !units.known) {
                report(
                    unverifiable(
                        label,
                        !validity.known ? validity.path : (units as { path: string }).path,
                        `give refresh tokens at most ${maxRefreshTokenDays} days`,
                    ),
                    urn,
                );
                continue;
            }
            const unit = asString(asRecord(units.value).refreshToken) ?? "days";
            // 0 is below Cognito's minimum (60 minutes): it is what an unset value reads as offline.
            const amount = toNumber(validity.value) || undefined;
            const days = (amount ?? REFRESH_TOKEN_VALIDITY_DAYS.cognitoDefault) * (amount === undefined ? 1 : (DAYS_PER_UNIT[unit] ?? 1));
            if (days > maxRefreshTokenDays) {
                const given =
                    amount === undefined
                        ? `Cognito's default ${REFRESH_TOKEN_VALIDITY_DAYS.cognitoDefault} days (refreshTokenValidity is not set)`
                        : `${amount} ${unit} (refreshTokenValidity)`;
                report(
                    `${label} issues refresh tokens valid for ${given}, longer than the allowed ${maxRefreshTokenDays} days. Set refreshTokenValidity to at most ${maxRefreshTokenDays} days.`,
                    urn,
                );
            }
        }
    },
});
