/** Every API key must belong to a usage plan. */
import * as aws from "@pulumi/aws";
import { refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const apigwApiKeyAttached = stackRule({
    name: "apigw-api-key-attached",
    service: "apigateway",
    description: "Every API key must be attached to a usage plan (otherwise it has no throttling or quota).",
    remediationSteps: "Create an aws.apigateway.UsagePlanKey linking the key to a usage plan, or delete the key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [aws.apigateway.ApiKey, aws.apigateway.UsagePlanKey],
    validateStack: (args, report) => {
        const planKeys = resourcesOf(args.resources, aws.apigateway.UsagePlanKey);
        for (const key of resourcesOf(args.resources, aws.apigateway.ApiKey)) {
            if (!planKeys.some((pk) => refersTo(pk, "keyId", key, [(k) => k.id]))) {
                report(
                    `${key.label} is not attached to any usage plan (no UsagePlanKey has it as keyId), so calls with it are neither throttled nor counted against a quota. ` +
                        "Add a UsagePlanKey for it, or remove the key.",
                    key.urn,
                );
            }
        }
    },
});
