import * as assert from "assert";
import { PASSWORD } from "../../../policy-pack/baseline";
import { cognitoPasswordPolicy, passwordPolicyConfig } from "../../../policy-pack/rules/cognito/cognito-password-policy";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, PasswordPolicy, STRONG_PASSWORDS, userPool } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

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
            {
                resource: "pool",
                message: [
                    exactly(
                        'UserPool "pool" has a weak password policy (passwordPolicy.temporaryPasswordValidityDays is 8, above 7). Set passwordPolicy.temporaryPasswordValidityDays to at most 7.',
                    ),
                ],
            },
        ]);
    });

    it("rejects a policy that leaves minimumLength or a require* flag unset, saying so", async () => {
        assertFindings(await ruleFindings(RULE, program({ minimumLength: undefined })), RULE, "mandatory", [
            {
                resource: "pool",
                message: [
                    exactly(
                        'UserPool "pool" has a weak password policy (passwordPolicy.minimumLength is not set (Cognito uses 8), below 12). Set passwordPolicy.minimumLength to at least 12.',
                    ),
                ],
            },
        ]);
        assertFindings(await ruleFindings(RULE, program({ requireSymbols: undefined })), RULE, "mandatory", [
            {
                resource: "pool",
                message: [
                    exactly('UserPool "pool" has a weak password policy (passwordPolicy.requireSymbols is not set). Set passwordPolicy.requireSymbols: true.'),
                ],
            },
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
            [
                {
                    resource: "pool",
                    message: [
                        exactly(
                            'UserPool "pool" sets no passwordPolicy, so Cognito\'s default minimum length of 8 applies, below the required 12. ' +
                                "Set passwordPolicy with minimumLength of at least 12 and requireLowercase, requireUppercase, requireNumbers and requireSymbols true.",
                        ),
                    ],
                },
            ],
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

    it("a policy or a field built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            userPool("policy", { passwordPolicy: afterDeployment({ ...STRONG_PASSWORDS, minimumLength: 8 }) });
            userPool("length", { passwordPolicy: { ...STRONG_PASSWORDS, minimumLength: afterDeployment(8) } });
            userPool("symbols", { passwordPolicy: { ...STRONG_PASSWORDS, requireSymbols: afterDeployment(false) } });
            userPool("temporary", { passwordPolicy: { ...STRONG_PASSWORDS, temporaryPasswordValidityDays: afterDeployment(8) } });
            // Every unknown field is named, not only the first.
            userPool("two", { passwordPolicy: { ...STRONG_PASSWORDS, requireLowercase: afterDeployment(true), requireNumbers: afterDeployment(false) } });
        });
        const field = /it must meet the password policy \(minimumLength >= 12, every require\* flag true, temporaryPasswordValidityDays <= 7\)\./;
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "policy",
                message: [/UserPool "policy"\.passwordPolicy is unknown; it must require at least 12 characters and every character class\./],
            },
            { resource: "length", message: [/UserPool "length"\.passwordPolicy\.minimumLength is unknown;/, field] },
            { resource: "symbols", message: [/UserPool "symbols"\.passwordPolicy\.requireSymbols is unknown;/, field] },
            { resource: "temporary", message: [/UserPool "temporary"\.passwordPolicy\.temporaryPasswordValidityDays is unknown;/, field] },
            {
                resource: "two",
                message: [
                    /UserPool "two"\.passwordPolicy\.requireLowercase and UserPool "two"\.passwordPolicy\.requireNumbers are unknown; they must meet the password policy/,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "policy", message: [/passwordPolicy\.minimumLength is 8, below 12/] },
            { resource: "length", message: [/passwordPolicy\.minimumLength is 8, below 12/] },
            { resource: "symbols", message: [/passwordPolicy\.requireSymbols is false/] },
            { resource: "temporary", message: [/passwordPolicy\.temporaryPasswordValidityDays is 8, above 7/] },
            { resource: "two", message: [/weak password policy \(passwordPolicy\.requireNumbers is false\)/] },
        ]);
    });
});
