import * as assert from "assert";
import { DEFAULT_BASELINE } from "../../../policy-pack/baseline";
import { logGroupRetention, logGroupRetentionConfig } from "../../../policy-pack/rules/cloudwatch/log-group-retention";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "log-group-retention";

describe(RULE, () => {
    it("pins the default minimum to the baseline (90 days)", () => {
        assert.strictEqual(logGroupRetentionConfig.defaults.minRetentionDays, DEFAULT_BASELINE.minLogRetentionDays);
        assert.strictEqual(logGroupRetention.configSchema?.properties.minRetentionDays.default, 90);
        // The configurable minimum ends at CloudWatch's longest finite retention (10 years).
        assert.strictEqual(logGroupRetention.configSchema?.properties.minRetentionDays.maximum, 3653);
    });

    it("passes the compliant baseline, exactly at the minimum (90)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                logGroup("kept", { retentionInDays: 90 });
            }),
        );
    });

    it("rejects 89 days, one below the minimum", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                logGroup("short", { retentionInDays: 89 });
            }),
            RULE,
            "mandatory",
            [{ resource: "short", message: [/keeps logs for 89 days \(retentionInDays\), less than the required 90/] }],
        );
    });

    it("rejects every group kept forever (unset or 0)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                logGroup("forever", { retentionInDays: undefined });
                logGroup("zero", { retentionInDays: 0 });
            }),
            RULE,
            "mandatory",
            [
                { resource: "forever", message: [/LogGroup "forever" keeps logs forever \(retentionInDays is not set\)/] },
                { resource: "zero", message: [/keeps logs forever \(retentionInDays is 0\)/] },
            ],
        );
    });

    it("a configured minimum changes the verdict, at its boundary", async () => {
        const config = { [RULE]: { minRetentionDays: 14 } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    logGroup("dev", { retentionInDays: 14 });
                },
                { config },
            ),
        );
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    logGroup("dev", { retentionInDays: 7 });
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "dev", message: [/7 days/, /required 14/] }],
        );
    });

    it("a retention built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            logGroup("later", { retentionInDays: afterDeployment(30) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "later", message: [/LogGroup "later"\.retentionInDays is unknown; it must be at least 90 days/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "later", message: [/keeps logs for 30 days/] }]);
    });
});
