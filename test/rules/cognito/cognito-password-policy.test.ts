import * as assert from "assert";
import { PASSWORD } from "../../../policy-pack/baseline";
import { cognitoPasswordPolicy, passwordPolicyConfig } from "../../../policy-pack/rules/cognito/cognito-password-policy";
import { ruleFindings } from "../../rule-harness";
import { PasswordPolicy, STRONG_PASSWORDS, userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-password-policy";
const program = (changes: Partial<PasswordPolicy>) => () => {
    userPool("pool", { passwordPolicy: { ...STRONG_PASSWORDS, ...changes } });
};

describe(RULE, () => {
    it("pins the default minimum length to the baseline (12)", () => {
        assert.strictEqual(passwordPolicyConfig.defaults.minimumLength, PASSWORD.minLength);
        assert.strictEqual(cognitoPasswordPolicy.configSchema?.properties.minimumLength.default, 12);
    });

    it("passes the compliant baseline", async () => {
        assertNoFindings(await ruleFindings(RULE, program({})));
    });

    it("passes exactly at the limits: length 12, temporary passwords valid 7 days", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ minimumLength: 12, temporaryPasswordValidityDays: 7 })));
    });

    it("rejects length 11, one below the minimum", async () => {
        assertFindings(await ruleFindings(RULE, program({ minimumLength: 11 })), RULE, "mandatory", [
            {
                resource: "pool",
                message: [/weak password policy \(passwordPolicy\.minimumLength is 11, below 12\)/, /Set passwordPolicy\.minimumLength to at least 12\./],
            },
        ]);
    });

    it("rejects temporary passwords valid 8 days, one above the maximum", async () => {
        assertFindings(await ruleFindings(RULE, program({ temporaryPasswordValidityDays: 8 })), RULE, "mandatory", [
            { resource: "pool", message: [/passwordPolicy\.temporaryPasswordValidityDays is 8, above 7/] },
        ]);
    });

    for (const flag of ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"] as const) {
        it(`rejects ${flag} false, naming only it`, async () => {
            assertFindings(await ruleFindings(RULE, program({ [flag]: false })), RULE, "mandatory", [
                { resource: "pool", message: [new RegExp(`\\(passwordPolicy\\.${flag} is false\\)\\. Set passwordPolicy\\.${flag}: true\\.`)] },
            ]);
        });
    }

    it("rejects a short, symbol-less policy with one finding listing both", async () => {
        assertFindings(await ruleFindings(RULE, program({ minimumLength: 8, requireSymbols: false })), RULE, "mandatory", [
            { resource: "pool", message: [/passwordPolicy\.minimumLength is 8, below 12; passwordPolicy\.requireSymbols is false/] },
        ]);
    });

    it("rejects a pool without a password policy (Cognito's default length is 8)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                userPool("pool", { passwordPolicy: undefined });
            }),
            RULE,
            "mandatory",
            [{ resource: "pool", message: [/sets no passwordPolicy/, /default minimum length of 8/] }],
        );
    });

    it("rejects every weak pool", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                userPool("a", { passwordPolicy: { ...STRONG_PASSWORDS, minimumLength: 6 } });
                userPool("b", { passwordPolicy: { ...STRONG_PASSWORDS, minimumLength: 6 } });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/minimumLength is 6/] },
                { resource: "b", message: [/minimumLength is 6/] },
            ],
        );
    });

    it("a configured minimum changes the verdict", async () => {
        assertFindings(await ruleFindings(RULE, program({ minimumLength: 14 }), { config: { [RULE]: { minimumLength: 15 } } }), RULE, "mandatory", [
            { resource: "pool", message: [/minimumLength is 14, below 15/] },
        ]);
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    userPool("pool", { passwordPolicy: undefined });
                },
                { config: { [RULE]: { minimumLength: 8 } } },
            ),
        );
    });
});
