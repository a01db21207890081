import * as aws from "@pulumi/aws";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { COGNITO_POOL_PROTECTION } from "../../../policy-pack/baseline";
import { cognitoUserPoolDeletionProtection, deletionProtectionConfig } from "../../../policy-pack/rules/cognito/cognito-user-pool-deletion-protection";
import { ruleFindings } from "../../rule-harness";
import { userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-user-pool-deletion-protection";
const REQUIRED = { config: { [RULE]: { required: true } } };

type PoolArgs = Partial<aws.cognito.UserPoolArgs>;
const program =
    (args: PoolArgs = { deletionProtection: "ACTIVE" }) =>
    () => {
        userPool("pool", args);
    };

describe(RULE, () => {
    it("pins the default config to the baseline (not required), and prod.json requires it", () => {
        assert.strictEqual(deletionProtectionConfig.defaults.required, COGNITO_POOL_PROTECTION.requireDeletionProtection);
        assert.strictEqual(cognitoUserPoolDeletionProtection.configSchema?.properties.required.default, false);
        const prod = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../policy-pack/config/prod.json"), "utf8")) as Record<string, unknown>;
        assert.deepStrictEqual(prod[RULE], { required: true });
    });

    it("passes the compliant baseline when required (deletionProtection: ACTIVE)", async () => {
        assertNoFindings(await ruleFindings(RULE, program(), REQUIRED));
    });

    it("when required, rejects INACTIVE and an unset value (Cognito's default), on every pool", async () => {
        const found = await ruleFindings(
            RULE,
            () => {
                userPool("inactive", { deletionProtection: "INACTIVE" });
                userPool("unset");
            },
            REQUIRED,
        );
        assertFindings(found, RULE, "mandatory", [
            { resource: "inactive", message: [/deletionProtection is INACTIVE/, /Set deletionProtection: "ACTIVE"/] },
            { resource: "unset", message: [/deletionProtection is not set \(Cognito's default: INACTIVE\)/] },
        ]);
    });

    it("by default (not required) accepts an unprotected pool", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ deletionProtection: "INACTIVE" })));
    });
});
