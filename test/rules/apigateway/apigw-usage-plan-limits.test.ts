import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { apigwUsagePlanLimits } from "../../../policy-pack/rules/apigateway/apigw-usage-plan-limits";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-usage-plan-limits";
type PlanArgs = aws.apigateway.UsagePlanArgs;
const THROTTLE = { rateLimit: 10, burstLimit: 20 };
const QUOTA = { limit: 1000, period: "DAY" };
const plan = (name: string, args: PlanArgs = {}) => new aws.apigateway.UsagePlan(name, { throttleSettings: THROTTLE, quotaSettings: QUOTA, ...args });

describe(RULE, () => {
    it("names every limit and each quota period in its remediation", () => {
        assert.strictEqual(
            apigwUsagePlanLimits.remediationSteps,
            "Set throttleSettings.rateLimit above 0, throttleSettings.burstLimit of at least 1, and quotaSettings.limit (at least 1) with a period (DAY, WEEK, MONTH).",
        );
    });

    it("passes the compliant baseline: throttle and quota", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                plan("p");
            }),
        );
    });

    it("passes at the boundaries: rate just above 0, burst 1, quota 1", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                plan("p", { throttleSettings: { rateLimit: 0.5, burstLimit: 1 }, quotaSettings: { limit: 1, period: "MONTH" } });
            }),
        );
    });

    it("rejects a plan without quota, naming the quota settings", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                plan("p", { quotaSettings: undefined });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "p",
                    message: [
                        /UsagePlan "p" does not limit its API keys \(quotaSettings\.limit is not set and quotaSettings\.period is not set\)/,
                        /Set quotaSettings\.limit to at least 1/,
                    ],
                },
            ],
        );
    });

    it("rejects a plan without throttling", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                plan("p", { throttleSettings: undefined });
            }),
            RULE,
            "mandatory",
            [{ resource: "p", message: [/throttleSettings\.rateLimit is not set and throttleSettings\.burstLimit is not set/] }],
        );
    });

    const below: [string, PlanArgs, RegExp][] = [
        ["a zero rate", { throttleSettings: { rateLimit: 0, burstLimit: 1 } }, /throttleSettings\.rateLimit is 0\)/],
        ["a zero burst", { throttleSettings: { rateLimit: 1, burstLimit: 0 } }, /throttleSettings\.burstLimit is 0\)/],
        ["a zero quota", { quotaSettings: { limit: 0, period: "DAY" } }, /quotaSettings\.limit is 0\)/],
    ];
    for (const [what, args, message] of below) {
        it(`rejects ${what}, one below the minimum`, async () => {
            assertFindings(
                await ruleFindings(RULE, () => {
                    plan("p", args);
                }),
                RULE,
                "mandatory",
                [{ resource: "p", message: [message] }],
            );
        });
    }

    it("rejects every unlimited plan", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                plan("a", { quotaSettings: undefined });
                plan("b", { quotaSettings: undefined });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/quotaSettings/] },
                { resource: "b", message: [/quotaSettings/] },
            ],
        );
    });

    it("limits, a period or whole settings blocks built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            plan("rate", { throttleSettings: { ...THROTTLE, rateLimit: afterDeployment(0) } });
            plan("period", { quotaSettings: { ...QUOTA, period: afterDeployment("YEAR") } });
            plan("throttle-block", { throttleSettings: afterDeployment({ ...THROTTLE, burstLimit: 0 }) });
            plan("quota-block", { quotaSettings: afterDeployment({ limit: 0, period: "DAY" }) });
            // A known limit below the minimum is reported whatever the unknown one becomes.
            plan("known-zero", { throttleSettings: { rateLimit: 0, burstLimit: afterDeployment(20) } });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "rate", message: [/^cannot be verified at preview: UsagePlan "rate"\.throttleSettings\.rateLimit is unknown; it must be above 0\.$/] },
            { resource: "period", message: [/UsagePlan "period"\.quotaSettings\.period is unknown; it must be one of DAY, WEEK, MONTH\.$/] },
            {
                resource: "throttle-block",
                message: [/UsagePlan "throttle-block"\.throttleSettings is unknown; it must set rateLimit to above 0 and burstLimit to at least 1\.$/],
            },
            {
                resource: "quota-block",
                message: [/UsagePlan "quota-block"\.quotaSettings is unknown; it must set limit to at least 1 and period to one of DAY, WEEK, MONTH\.$/],
            },
            { resource: "known-zero", message: [/UsagePlan "known-zero" does not limit its API keys \(throttleSettings\.rateLimit is 0\)/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "rate", message: [/UsagePlan "rate" does not limit its API keys \(throttleSettings\.rateLimit is 0\)/] },
            { resource: "period", message: [/\(quotaSettings\.period is "YEAR"\)/, /Set quotaSettings\.period to one of DAY, WEEK, MONTH\./] },
            { resource: "throttle-block", message: [/UsagePlan "throttle-block" does not limit its API keys \(throttleSettings\.burstLimit is 0\)/] },
            { resource: "quota-block", message: [/UsagePlan "quota-block" does not limit its API keys \(quotaSettings\.limit is 0\)/] },
            { resource: "known-zero", message: [/UsagePlan "known-zero" does not limit its API keys \(throttleSettings\.rateLimit is 0\)/] },
        ]);
    });

    it("names only the first unknown limit at a first preview when unknown limits sit in different blocks", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            plan("two", { throttleSettings: { ...THROTTLE, rateLimit: afterDeployment(10) }, quotaSettings: { ...QUOTA, limit: afterDeployment(1000) } });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "two",
                message: [exactly('cannot be verified at preview: UsagePlan "two".throttleSettings.rateLimit is unknown; it must be above 0.')],
            },
        ]);
        assertNoFindings(found.update);
    });
});
