/** API Gateway stages must write access logs that trace each request to a caller. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { ACCESS_LOG_FIELDS, checkAccessLogSettings } from "../lib/access-logs";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const FIELDS = ACCESS_LOG_FIELDS;

export const apigwStageAccessLogging = resourceRule({
    name: "apigw-stage-access-logging",
    service: "apigateway",
    description: `API Gateway stages must write access logs, in a format that includes ${FIELDS}.`,
    remediationSteps: `Set accessLogSettings.destinationArn to a CloudWatch log group ARN and accessLogSettings.format to a JSON format with ${FIELDS}.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: checkov tests/terraform/checks/resource/aws/test_APIGatewayAccessLogging.py, trivy checks/cloud/aws/apigateway/enable_access_logging_test.rego, cdk-nag test/rules/APIGW.test.ts (APIGWAccessLogging); v1 half (v2: apigwv2-stage-access-logging).
    controls: {
        cdkNag: ["AwsSolutions-APIG1", "Serverless-APIGWAccessLogging"],
        checkov: ["CKV_AWS_76"],
        trivy: ["AWS-0001"],
    },
    validateResource: validateResourceOfType(aws.apigateway.Stage, (stage, args, report) => {
        // Settings unknown as a whole may lack the destination as well as the fields.
        const settings = known(() => stage.accessLogSettings, "accessLogSettings");
        if (!settings.known) {
            report(unverifiable(describe(args), settings.path, `set destinationArn to a CloudWatch log group ARN and a format containing ${FIELDS}`));
            return;
        }
        checkAccessLogSettings(stage, describe(args), report);
    }),
});
