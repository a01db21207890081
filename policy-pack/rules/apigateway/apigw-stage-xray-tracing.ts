/** API Gateway stages should trace requests with X-Ray. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwStageXrayTracing = resourceRule({
    name: "apigw-stage-xray-tracing",
    service: "apigateway",
    description: "API Gateway stages should enable X-Ray tracing.",
    remediationSteps: "Set xrayTracingEnabled: true on the stage.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {
        securityHub: ["APIGateway.3"],
        cdkNag: ["HIPAA.Security-APIGWXrayEnabled", "Serverless-APIGWXrayEnabled"],
        checkov: ["CKV_AWS_73"],
        trivy: ["AWS-0003"],
    },
    validateResource: validateResourceOfType(aws.apigateway.Stage, (stage, args, report) => {
        const tracing = known(() => stage.xrayTracingEnabled, "xrayTracingEnabled");
        if (!tracing.known) {
            report(unverifiable(describe(args), tracing.path, "be true"));
        } else if (tracing.value !== true) {
            report(
                `${describe(args)} does not enable X-Ray tracing (xrayTracingEnabled is ${tracing.value ?? "not set"}); set xrayTracingEnabled: true to trace requests end to end.`,
            );
        }
    }),
});
