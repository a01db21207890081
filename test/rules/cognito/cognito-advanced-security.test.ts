import * as assert from "assert";
import { DEFAULT_BASELINE } from "../../../policy-pack/baseline";
import { advancedSecurityConfig, cognitoAdvancedSecurity } from "../../../policy-pack/rules/cognito/cognito-advanced-security";
import { ruleFindings } from "../../rule-harness";
import { userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-advanced-security";

describe(RULE, () => {
    it("pins the default to the baseline: ENFORCED", () => {
        assert.strictEqual(advancedSecurityConfig.defaults.requiredMode, DEFAULT_BASELINE.minAdvancedSecurity);
        assert.strictEqual(cognitoAdvancedSecurity.configSchema?.properties.requiredMode.default, "ENFORCED");
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
});
