import * as aws from "@pulumi/aws";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { COGNITO_POOL_PROTECTION } from "../../../policy-pack/baseline";
import { cognitoUserPoolDeletionProtection, deletionProtectionConfig } from "../../../policy-pack/rules/cognito/cognito-user-pool-deletion-protection";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-user-pool-deletion-protection";
const RELAXED = { config: { [RULE]: { required: false } } };

type PoolArgs = Partial<aws.cognito.UserPoolArgs>;
const program =
    (args: PoolArgs = { deletionProtection: "ACTIVE" }) =>
    () => {
        userPool("pool", args);
    };

const policyConfig = (env: string) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, `../../../policy-pack/config/${env}.json`), "utf8")) as Record<string, unknown>;

describe(RULE, () => {
    it("pins the default config to the baseline (required), relaxed only by dev.json", () => {
        assert.strictEqual(deletionProtectionConfig.defaults.required, COGNITO_POOL_PROTECTION.requireDeletionProtection);
        assert.strictEqual(cognitoUserPoolDeletionProtection.configSchema?.properties.required.default, true);
        assert.deepStrictEqual(policyConfig("dev")[RULE], { required: false });
        assert.deepStrictEqual(policyConfig("prod")[RULE], { required: true });
    });

    it("passes the compliant baseline (deletionProtection: ACTIVE)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("by default rejects INACTIVE and an unset value (Cognito's default), on every pool", async () => {
        const found = await ruleFindings(RULE, () => {
            userPool("inactive", { deletionProtection: "INACTIVE" });
            userPool("unset");
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "inactive", message: [/deletionProtection is INACTIVE/, /Set deletionProtection: "ACTIVE"/] },
            { resource: "unset", message: [/deletionProtection is not set \(Cognito's default: INACTIVE\)/] },
        ]);
    });

    it("rejects INACTIVE alone (one change from the baseline)", async () => {
        assertFindings(await ruleFindings(RULE, program({ deletionProtection: "INACTIVE" })), RULE, "mandatory", [
            { resource: "pool", message: [/deletionProtection is INACTIVE/] },
        ]);
    });

    it("with required: false (dev) accepts an unprotected pool", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ deletionProtection: "INACTIVE" }), RELAXED));
        assertNoFindings(await ruleFindings(RULE, program({}), RELAXED));
    });

    it("a deletionProtection built from outputs is judged once known, and reported as unverifiable at a first preview (not when relaxed)", async () => {
        const program = () => {
            userPool("pool", { deletionProtection: afterDeployment("INACTIVE") });
        };
        const found = await ruleFindingsByMode(RULE, program);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "pool", message: [/UserPool "pool"\.deletionProtection is unknown; it must be ACTIVE\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "pool", message: [/deletionProtection is INACTIVE/] }]);
        const relaxed = await ruleFindingsByMode(RULE, program, RELAXED);
        assertNoFindings(relaxed.preview);
        assertNoFindings(relaxed.update);
    });
});
