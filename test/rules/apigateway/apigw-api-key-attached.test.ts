import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { assertFindings, assertNoFindings } from "../expect";

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
});
