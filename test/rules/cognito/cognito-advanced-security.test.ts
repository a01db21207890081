import * as assert from "assert";
import { DEFAULT_BASELINE } from "../../../policy-pack/baseline";
import { advancedSecurityConfig, cognitoAdvancedSecurity } from "../../../policy-pack/rules/cognito/cognito-advanced-security";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-advanced-security";

describe(RULE, () => {
    it("pins the default to the baseline: ENFORCED", () => {
        assert.strictEqual(advancedSecurityConfig.defaults.requiredMode, DEFAULT_BASELINE.minAdvancedSecurity);
        assert.strictEqual(cognitoAdvancedSecurity.configSchema?.properties.requiredMode.default, "ENFORCED");
        assert.deepStrictEqual(cognitoAdvancedSecurity.configSchema?.properties.requiredMode.enum, ["AUDIT", "ENFORCED"]);
    });

    it("rejects a config that would accept advanced security OFF, or an unknown mode", async () => {
        for (const requiredMode of ["OFF", "FULL"]) {
            await assert.rejects(
                ruleFindings(
                    RULE,
                    () => {
                        userPool("pool");
                    },
                    { config: { [RULE]: { requiredMode } } },
                ),
                /requiredMode/,
                requiredMode,
            );
        }
    });

    it("passes the compliant baseline: ENFORCED", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                userPool("pool");
            }),
        );
    });

    it("reports (advisory) every pool with advanced security OFF, AUDIT or unset", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                userPool("off", { userPoolAddOns: { advancedSecurityMode: "OFF" } });
                userPool("audit", { userPoolAddOns: { advancedSecurityMode: "AUDIT" } });
                userPool("unset", { userPoolAddOns: undefined });
            }),
            RULE,
            "advisory",
            [
                { resource: "off", message: [/advanced security OFF/, /userPoolAddOns\.advancedSecurityMode to ENFORCED/] },
                { resource: "audit", message: [/advanced security AUDIT/] },
                { resource: "unset", message: [/userPoolAddOns\.advancedSecurityMode is not set/] },
            ],
        );
    });

    it("requiredMode AUDIT changes the verdict for AUDIT", async () => {
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    userPool("pool", { userPoolAddOns: { advancedSecurityMode: "AUDIT" } });
                },
                { config: { [RULE]: { requiredMode: "AUDIT" } } },
            ),
        );
    });

    it("a mode built from outputs is judged once known, and reported (advisory) as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            userPool("mode", { userPoolAddOns: { advancedSecurityMode: afterDeployment("AUDIT") } });
            userPool("addons", { userPoolAddOns: afterDeployment({ advancedSecurityMode: "OFF" }) });
        });
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "mode", message: [/UserPool "mode"\.userPoolAddOns\.advancedSecurityMode is unknown; it must be ENFORCED\./] },
            { resource: "addons", message: [/UserPool "addons"\.userPoolAddOns is unknown; it must be ENFORCED\./] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "mode", message: [/advanced security AUDIT; set userPoolAddOns\.advancedSecurityMode to ENFORCED/] },
            { resource: "addons", message: [/advanced security OFF; set userPoolAddOns\.advancedSecurityMode to ENFORCED/] },
        ]);
        const audit = await ruleFindingsByMode(
            RULE,
            () => {
                userPool("mode", { userPoolAddOns: { advancedSecurityMode: afterDeployment("OFF") } });
            },
            { config: { [RULE]: { requiredMode: "AUDIT" } } },
        );
        assertFindings(audit.preview, RULE, "advisory", [
            { resource: "mode", message: [/UserPool "mode"\.userPoolAddOns\.advancedSecurityMode is unknown; it must be AUDIT or ENFORCED\./] },
        ]);
        assertFindings(audit.update, RULE, "advisory", [
            { resource: "mode", message: [/advanced security OFF; set userPoolAddOns\.advancedSecurityMode to AUDIT/] },
        ]);
    });
});
