import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { REFRESH_TOKEN_VALIDITY_DAYS } from "../../../policy-pack/baseline";
import { appClientConfig, cognitoAppClientSecure } from "../../../policy-pack/rules/cognito/cognito-app-client-secure";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "cognito-app-client-secure";

type ClientArgs = Partial<aws.cognito.UserPoolClientArgs>;
const client = (name: string, args: ClientArgs = {}) =>
    new aws.cognito.UserPoolClient(name, {
        userPoolId: userPool(`${name}-pool`).id,
        allowedOauthFlows: ["code"],
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthScopes: ["openid"],
        callbackUrls: ["https://app.example.com/cb"],
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        supportedIdentityProviders: ["COGNITO"],
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        refreshTokenValidity: 30,
        tokenValidityUnits: { refreshToken: "days" },
        ...args,
    });
const program =
    (args: ClientArgs = {}) =>
    () => {
        client("app", args);
    };

describe(RULE, () => {
    it("pins the default config to the baseline (30 days, no password flows)", () => {
        assert.strictEqual(appClientConfig.defaults.maxRefreshTokenDays, REFRESH_TOKEN_VALIDITY_DAYS.max);
        assert.strictEqual(cognitoAppClientSecure.configSchema?.properties.maxRefreshTokenDays.default, 30);
        assert.deepStrictEqual(appClientConfig.defaults.allowedPasswordAuthFlows, []);
        // The config's documentation names every password flow it may allow.
        assert.strictEqual(
            cognitoAppClientSecure.configSchema?.properties.allowedPasswordAuthFlows.description,
            "Password auth flows (ALLOW_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH) app clients may enable (default none).",
        );
    });

    it("passes the compliant baseline (code flow, SRP, existence errors hidden, revocable 30-day refresh tokens)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("rejects the implicit grant", async () => {
        assertFindings(await ruleFindings(RULE, program({ allowedOauthFlows: ["code", "implicit"] })), RULE, "mandatory", [
            { resource: "app", message: [/allowedOauthFlows includes "implicit"/, /"code" flow/] },
        ]);
    });

    it("rejects password auth flows, naming one or several, and accepts a configured one", async () => {
        const passwords = (flows: string, pronoun: "it" | "them") =>
            exactly(
                `UserPoolClient "app" enables ${flows} (explicitAuthFlows), which sends users' passwords to Cognito instead of proving them with SRP. Remove ${pronoun} and use ALLOW_USER_SRP_AUTH.`,
            );
        assertFindings(await ruleFindings(RULE, program({ explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"] })), RULE, "mandatory", [
            { resource: "app", message: [passwords("ALLOW_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH", "them")] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "USER_PASSWORD_AUTH"] })), RULE, "mandatory", [
            { resource: "app", message: [passwords("USER_PASSWORD_AUTH", "it")] },
        ]);
        const allowed = { config: { [RULE]: { allowedPasswordAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] } } };
        assertNoFindings(await ruleFindings(RULE, program({ explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }), allowed));
        assertFindings(
            await ruleFindings(RULE, program({ explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"] }), allowed),
            RULE,
            "mandatory",
            [{ resource: "app", message: [passwords("ALLOW_ADMIN_USER_PASSWORD_AUTH", "it")] }],
        );
    });

    it("rejects a config allowing a flow that is not a password flow, or one flow twice", async () => {
        const bad: [string, unknown[]][] = [
            ["an SRP flow", ["ALLOW_USER_SRP_AUTH"]],
            ["an unknown flow", ["ALLOW_EVERYTHING"]],
            ["a repeated flow", ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH"]],
        ];
        for (const [what, allowedPasswordAuthFlows] of bad) {
            await assert.rejects(ruleFindings(RULE, program(), { config: { [RULE]: { allowedPasswordAuthFlows } } }), /allowedPasswordAuthFlows/, what);
        }
    });

    it("rejects LEGACY or unset preventUserExistenceErrors", async () => {
        assertFindings(await ruleFindings(RULE, program({ preventUserExistenceErrors: "LEGACY" })), RULE, "mandatory", [
            { resource: "app", message: [/preventUserExistenceErrors is LEGACY/, /"ENABLED"/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ preventUserExistenceErrors: undefined })), RULE, "mandatory", [
            { resource: "app", message: [/preventUserExistenceErrors is not set/] },
        ]);
    });

    it("rejects enableTokenRevocation: false", async () => {
        assertFindings(await ruleFindings(RULE, program({ enableTokenRevocation: false })), RULE, "mandatory", [
            { resource: "app", message: [/enableTokenRevocation: false/] },
        ]);
    });

    it("refresh token validity: the maximum passes, one more fails, in days and in hours; the minimum passes", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 30 })));
        assertNoFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 720, tokenValidityUnits: { refreshToken: "hours" } })));
        assertNoFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 60, tokenValidityUnits: { refreshToken: "minutes" } })));
        assertFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 31 })), RULE, "mandatory", [
            { resource: "app", message: [/31 days \(refreshTokenValidity\)/, /allowed 30 days/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 721, tokenValidityUnits: { refreshToken: "hours" } })), RULE, "mandatory", [
            { resource: "app", message: [/721 hours \(refreshTokenValidity\)/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 31, tokenValidityUnits: undefined })), RULE, "mandatory", [
            { resource: "app", message: [/31 days/] },
        ]);
    });

    it("refresh token validity in seconds: 30 days of seconds pass, one second more fails", async () => {
        const seconds = { tokenValidityUnits: { refreshToken: "seconds" } };
        assertNoFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 30 * 86400, ...seconds })));
        assertFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 30 * 86400 + 1, ...seconds })), RULE, "mandatory", [
            {
                resource: "app",
                message: [
                    exactly(
                        'UserPoolClient "app" issues refresh tokens valid for 2592001 seconds (refreshTokenValidity), longer than the allowed 30 days. Set refreshTokenValidity to at most 30 days.',
                    ),
                ],
            },
        ]);
    });

    it("a smaller configured maximum changes the verdict; unset validity counts as Cognito's 30 days", async () => {
        const config = { [RULE]: { maxRefreshTokenDays: 7 } };
        assertNoFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 7 }), { config }));
        assertFindings(await ruleFindings(RULE, program({ refreshTokenValidity: 8 }), { config }), RULE, "mandatory", [
            { resource: "app", message: [/8 days/, /allowed 7 days/] },
        ]);
        const unset = exactly(
            `UserPoolClient "app" issues refresh tokens valid for Cognito's default 30 days (refreshTokenValidity is not set), longer than the allowed 7 days. Set refreshTokenValidity to at most 7 days.`,
        );
        assertFindings(await ruleFindings(RULE, program({ refreshTokenValidity: undefined }), { config }), RULE, "mandatory", [
            { resource: "app", message: [unset] },
        ]);
        // Cognito's default is 30 days whatever unit tokenValidityUnits names.
        assertFindings(
            await ruleFindings(RULE, program({ refreshTokenValidity: undefined, tokenValidityUnits: { refreshToken: "hours" } }), { config }),
            RULE,
            "mandatory",
            [{ resource: "app", message: [unset] }],
        );
    });

    it("judges every client of the stack", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                client("one", { allowedOauthFlows: ["implicit"] });
                client("two", { enableTokenRevocation: false });
            }),
            RULE,
            "mandatory",
            [
                { resource: "one", message: [/implicit/] },
                { resource: "two", message: [/enableTokenRevocation/] },
            ],
        );
    });

    it("settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            client("flows", { allowedOauthFlows: ["code", afterDeployment("implicit")] });
            client("auth", { explicitAuthFlows: afterDeployment(["ALLOW_USER_PASSWORD_AUTH"]) });
            client("existence", { preventUserExistenceErrors: afterDeployment("LEGACY") });
            client("revocation", { enableTokenRevocation: afterDeployment(false) });
            client("validity", { refreshTokenValidity: afterDeployment(31) });
            client("units", { refreshTokenValidity: 31, tokenValidityUnits: { refreshToken: afterDeployment("days") } });
        });
        const refresh = /it must give refresh tokens at most 30 days\./;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "flows", message: [/UserPoolClient "flows"\.allowedOauthFlows\.1 is unknown; it must not include implicit\./] },
            {
                resource: "auth",
                message: [
                    /UserPoolClient "auth"\.explicitAuthFlows is unknown; it must not include ALLOW_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH and ALLOW_ADMIN_USER_PASSWORD_AUTH\./,
                ],
            },
            { resource: "existence", message: [/UserPoolClient "existence"\.preventUserExistenceErrors is unknown; it must be ENABLED\./] },
            { resource: "revocation", message: [/UserPoolClient "revocation"\.enableTokenRevocation is unknown; it must not be false\./] },
            { resource: "validity", message: [/UserPoolClient "validity"\.refreshTokenValidity is unknown;/, refresh] },
            { resource: "units", message: [/UserPoolClient "units"\.tokenValidityUnits\.refreshToken is unknown;/, refresh] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "flows", message: [/allowedOauthFlows includes "implicit"/] },
            { resource: "auth", message: [/enables ALLOW_USER_PASSWORD_AUTH \(explicitAuthFlows\)/] },
            { resource: "existence", message: [/preventUserExistenceErrors is LEGACY/] },
            { resource: "revocation", message: [/enableTokenRevocation: false/] },
            { resource: "validity", message: [/31 days \(refreshTokenValidity\), longer than the allowed 30 days/] },
            { resource: "units", message: [/31 days \(refreshTokenValidity\), longer than the allowed 30 days/] },
        ]);
    });
});
