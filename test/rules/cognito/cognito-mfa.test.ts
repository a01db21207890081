import * as assert from "assert";
import { DEFAULT_BASELINE } from "../../../policy-pack/baseline";
import { cognitoMfa, cognitoMfaConfig } from "../../../policy-pack/rules/cognito/cognito-mfa";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-mfa";

describe(RULE, () => {
    it("pins the default to the baseline: MFA ON", () => {
        assert.strictEqual(cognitoMfaConfig.defaults.requiredMfa, DEFAULT_BASELINE.minMfa);
        assert.strictEqual(cognitoMfa.configSchema?.properties.requiredMfa.default, "ON");
        assert.deepStrictEqual(cognitoMfa.configSchema?.properties.requiredMfa.enum, ["OPTIONAL", "ON"]);
    });

    it("passes the compliant baseline: mfaConfiguration ON", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                userPool("pool", { mfaConfiguration: "ON" });
            }),
        );
    });

    it("rejects every pool with MFA OFF, OPTIONAL or unset", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                userPool("off", { mfaConfiguration: "OFF" });
                userPool("optional", { mfaConfiguration: "OPTIONAL" });
                userPool("unset", { mfaConfiguration: undefined, softwareTokenMfaConfiguration: undefined });
            }),
            RULE,
            "mandatory",
            [
                { resource: "off", message: [/UserPool "off" has mfaConfiguration OFF; this environment requires ON/, /mfaConfiguration: "ON"/] },
                { resource: "optional", message: [/mfaConfiguration OPTIONAL; this environment requires ON/] },
                { resource: "unset", message: [/mfaConfiguration OFF \(not set\)/] },
            ],
        );
    });

    it("requiredMfa OPTIONAL changes the verdict for OPTIONAL, not for OFF", async () => {
        const config = { [RULE]: { requiredMfa: "OPTIONAL" } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    userPool("pool", { mfaConfiguration: "OPTIONAL" });
                },
                { config },
            ),
        );
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    userPool("pool", { mfaConfiguration: "OFF" });
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "pool", message: [/requires OPTIONAL/] }],
        );
    });

    it("an mfaConfiguration built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const program = () => {
            userPool("pool", { mfaConfiguration: afterDeployment("OFF") });
        };
        const found = await ruleFindingsByMode(RULE, program);
        assertFindings(found.preview, RULE, "mandatory", [{ resource: "pool", message: [/UserPool "pool"\.mfaConfiguration is unknown; it must be ON\./] }]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "pool", message: [/mfaConfiguration OFF; this environment requires ON/] }]);
        const optional = await ruleFindingsByMode(RULE, program, { config: { [RULE]: { requiredMfa: "OPTIONAL" } } });
        assertFindings(optional.preview, RULE, "mandatory", [
            { resource: "pool", message: [/UserPool "pool"\.mfaConfiguration is unknown; it must be OPTIONAL or ON\./] },
        ]);
        assertFindings(optional.update, RULE, "mandatory", [{ resource: "pool", message: [/mfaConfiguration OFF; this environment requires OPTIONAL/] }]);
    });
});
