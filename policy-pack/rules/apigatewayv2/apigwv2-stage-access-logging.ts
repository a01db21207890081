/** API Gateway v2 stages (including `$default` auto-deploy stages) must write access logs that trace each request to a caller. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { ACCESS_LOG_FIELDS, checkAccessLogSettings } from "../lib/access-logs";
import { describe } from "../lib/messages";
import { isQuickCreate, QUICK_CREATE_FIX } from "../lib/apis-v2";
import { resourceRule } from "../lib/rule";

const FIELDS = ACCESS_LOG_FIELDS;

export const apigwv2StageAccessLogging = resourceRule({
    name: "apigwv2-stage-access-logging",
    service: "apigatewayv2",
    description: `API Gateway v2 (HTTP and WebSocket) stages, $default stages included (also the stage a quick-create API, one with target set, gets), must write access logs in a format that includes ${FIELDS}.`,
    remediationSteps: `Set accessLogSettings.destinationArn to a CloudWatch log group ARN and accessLogSettings.format to a JSON format with ${FIELDS}.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: checkov tests/cloudformation/checks/resource/aws/test_APIGatewayV2AccessLogging.py and tests/terraform/.../test_APIGatewayAccessLogging.py, trivy enable_access_logging_test.rego, cdk-nag test/rules/APIGW.test.ts (APIGWAccessLogging: CfnV2Stage cases); v2 half.
    controls: {
        securityHub: ["APIGateway.9"],
        cdkNag: ["AwsSolutions-APIG1", "Serverless-APIGWAccessLogging"],
        checkov: ["CKV_AWS_76", "CKV_AWS_95"],
        trivy: ["AWS-0001"],
    },
    validateResource: [
        validateResourceOfType(aws.apigatewayv2.Api, (api, args, report) => {
            if (isQuickCreate(known(() => api.target, "target"))) {
                report(
                    `${describe(args)} is a quick-create HTTP API (target is set): API Gateway gives it a $default stage with no access logs, and the program cannot configure that stage. ` +
                        `To log requests, ${QUICK_CREATE_FIX}, with accessLogSettings.`,
                );
            }
        }),
        validateResourceOfType(aws.apigatewayv2.Stage, (stage, args, report) => {
            checkAccessLogSettings(stage, describe(args), report);
        }),
    ],
});
