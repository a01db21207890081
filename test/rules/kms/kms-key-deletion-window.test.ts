import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { KMS_DELETION_WINDOW_DAYS } from "../../../policy-pack/baseline";
import { kmsKeyDeletionWindow, kmsKeyDeletionWindowConfig } from "../../../policy-pack/rules/kms/kms-key-deletion-window";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "kms-key-deletion-window";
const program = (deletionWindowInDays?: number) => () => {
    new aws.kms.Key("key", { enableKeyRotation: true, deletionWindowInDays });
};
const config = (minDeletionWindowDays: number) => ({ config: { [RULE]: { minDeletionWindowDays } } });

describe(RULE, () => {
    it("pins the default minimum to the baseline (30 days)", () => {
        assert.strictEqual(kmsKeyDeletionWindowConfig.defaults.minDeletionWindowDays, KMS_DELETION_WINDOW_DAYS.defaultMinimum);
        assert.strictEqual(kmsKeyDeletionWindow.configSchema?.properties.minDeletionWindowDays.default, 30);
    });

    it("passes the KMS default (unset) and exactly the minimum (30)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
        assertNoFindings(await ruleFindings(RULE, program(30)));
    });

    it("reports (advisory) one day below the minimum (29)", async () => {
        assertFindings(await ruleFindings(RULE, program(29)), RULE, "advisory", [
            { resource: "key", message: [/deleted 29 days after a destroy \(deletionWindowInDays\)/, /at least 30/] },
        ]);
    });

    it("takes the minimum from config (KMS accepts 7 to 30)", async () => {
        assertNoFindings(await ruleFindings(RULE, program(7), config(7)));
        assertNoFindings(await ruleFindings(RULE, program(14), config(14)));
        assertFindings(await ruleFindings(RULE, program(13), config(14)), RULE, "advisory", [{ resource: "key", message: [/deleted 13 days/, /at least 14/] }]);
    });

    it("reports every key with a short window", async () => {
        const found = await ruleFindings(RULE, () => {
            new aws.kms.Key("a", { deletionWindowInDays: 7 });
            new aws.kms.Key("b", { deletionWindowInDays: 10 });
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "a", message: [/deleted 7 days/] },
            { resource: "b", message: [/deleted 10 days/] },
        ]);
    });

    it("a window built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            new aws.kms.Key("key", { enableKeyRotation: true, deletionWindowInDays: afterDeployment(7) });
        });
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "key", message: [/Key "key"\.deletionWindowInDays is unknown; it must be at least 30 days/] },
        ]);
        assertFindings(found.update, RULE, "advisory", [{ resource: "key", message: [/deletionWindowInDays/, /\b7\b/] }]);
    });
});
