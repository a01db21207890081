import * as aws from "@pulumi/aws";
import { mockId } from "../../../policy-pack/gate/mocks";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-api-key-attached";
const usagePlan = () =>
    new aws.apigateway.UsagePlan("plan", { throttleSettings: { rateLimit: 10, burstLimit: 20 }, quotaSettings: { limit: 1000, period: "DAY" } });
const attach = (name: string, plan: aws.apigateway.UsagePlan, keyId: aws.apigateway.UsagePlanKeyArgs["keyId"]) =>
    new aws.apigateway.UsagePlanKey(name, { keyId, keyType: "API_KEY", usagePlanId: plan.id });

describe(RULE, () => {
    it("passes the compliant baseline: the key is attached to a usage plan", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                attach("plan-key", usagePlan(), new aws.apigateway.ApiKey("key", {}).id);
            }),
        );
    });

    it("rejects every key without a usage plan", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                usagePlan();
                new aws.apigateway.ApiKey("key", {});
                new aws.apigateway.ApiKey("other", {});
            }),
            RULE,
            "mandatory",
            [
                { resource: "key", message: [/ApiKey "key" is not attached to any usage plan/, /keyId/] },
                { resource: "other", message: [/ApiKey "other" is not attached/] },
            ],
        );
    });

    it("a plan key for another key does not attach this one", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const plan = usagePlan();
                new aws.apigateway.ApiKey("orphan", {});
                attach("plan-key", plan, new aws.apigateway.ApiKey("attached", {}).id);
            }),
            RULE,
            "mandatory",
            [{ resource: "orphan", message: [/not attached/] }],
        );
    });

    it("states the whole finding", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new aws.apigateway.ApiKey("key", {});
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "key",
                    message: [
                        exactly(
                            'ApiKey "key" is not attached to any usage plan (no UsagePlanKey has it as keyId), so calls with it are neither throttled nor counted against a quota. ' +
                                "Add a UsagePlanKey for it, or remove the key.",
                        ),
                    ],
                },
            ],
        );
    });

    it("a plan key naming the key by its literal id attaches it, once the id is known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const plan = usagePlan();
            new aws.apigateway.ApiKey("literal", {});
            attach("plan-key", plan, mockId("aws:apigateway/apiKey:ApiKey::literal"));
            // A literal id of no key of the stack attaches none of them.
            new aws.apigateway.ApiKey("unmatched", {});
            attach("other-plan-key", plan, "a1b2c3d4e5");
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "unmatched", message: [/ApiKey "unmatched" is not attached/] }]);
    });
});
