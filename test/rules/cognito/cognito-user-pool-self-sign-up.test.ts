import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { COGNITO_POOL_PROTECTION } from "../../../policy-pack/baseline";
import { cognitoUserPoolSelfSignUp, selfSignUpConfig } from "../../../policy-pack/rules/cognito/cognito-user-pool-self-sign-up";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-user-pool-self-sign-up";

type PoolArgs = Partial<aws.cognito.UserPoolArgs>;
const ADMIN_ONLY: PoolArgs = { adminCreateUserConfig: { allowAdminCreateUserOnly: true } };
const program =
    (args: PoolArgs = ADMIN_ONLY) =>
    () => {
        userPool("pool", args);
    };

describe(RULE, () => {
    it("pins the default config to the baseline (self sign-up refused)", () => {
        assert.strictEqual(selfSignUpConfig.defaults.allowSelfSignUp, COGNITO_POOL_PROTECTION.allowSelfSignUp);
        assert.strictEqual(cognitoUserPoolSelfSignUp.configSchema?.properties.allowSelfSignUp.default, false);
    });

    it("passes the compliant baseline (allowAdminCreateUserOnly: true)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("rejects allowAdminCreateUserOnly: false", async () => {
        assertFindings(await ruleFindings(RULE, program({ adminCreateUserConfig: { allowAdminCreateUserOnly: false } })), RULE, "mandatory", [
            {
                resource: "pool",
                message: [
                    /lets anyone sign up/,
                    /adminCreateUserConfig\.allowAdminCreateUserOnly is false/,
                    /Set adminCreateUserConfig\.allowAdminCreateUserOnly: true/,
                ],
            },
        ]);
    });

    it("rejects a pool that leaves it unset (Cognito's default allows sign-up), with or without adminCreateUserConfig", async () => {
        const found = await ruleFindings(RULE, () => {
            userPool("bare");
            userPool("invite-only-template", { adminCreateUserConfig: { inviteMessageTemplate: { emailSubject: "Welcome" } } });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "bare", message: [/allowAdminCreateUserOnly is not set \(Cognito's default: false\)/] },
            { resource: "invite-only-template", message: [/allowAdminCreateUserOnly is not set/] },
        ]);
    });

    it("accepts self sign-up when the config allows it", async () => {
        assertNoFindings(await ruleFindings(RULE, program({}), { config: { [RULE]: { allowSelfSignUp: true } } }));
    });

    it("an allowAdminCreateUserOnly built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const program = () => {
            userPool("flag", { adminCreateUserConfig: { allowAdminCreateUserOnly: afterDeployment(false) } });
            userPool("config", { adminCreateUserConfig: afterDeployment({ allowAdminCreateUserOnly: false }) });
        };
        const found = await ruleFindingsByMode(RULE, program);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "flag", message: [/UserPool "flag"\.adminCreateUserConfig\.allowAdminCreateUserOnly is unknown; it must be true\./] },
            { resource: "config", message: [/UserPool "config"\.adminCreateUserConfig is unknown; it must be true\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "flag", message: [/lets anyone sign up \(adminCreateUserConfig\.allowAdminCreateUserOnly is false\)/] },
            { resource: "config", message: [/lets anyone sign up \(adminCreateUserConfig\.allowAdminCreateUserOnly is false\)/] },
        ]);
        const allowed = await ruleFindingsByMode(RULE, program, { config: { [RULE]: { allowSelfSignUp: true } } });
        assertNoFindings(allowed.preview);
        assertNoFindings(allowed.update);
    });
});
