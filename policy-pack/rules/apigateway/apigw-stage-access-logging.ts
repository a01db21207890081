/** API Gateway stages must write access logs that trace each request to a caller. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { REQUIRED_ACCESS_LOG_FIELDS } from "../../baseline";
import { isSet, known } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const FIELDS = listing(REQUIRED_ACCESS_LOG_FIELDS);

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
        const label = describe(args);
        const destination = known(() => stage.accessLogSettings?.destinationArn, "accessLogSettings.destinationArn");
        // An unknown destination (e.g. `logGroup.arn` at preview) is a destination.
        if (!isSet(destination)) {
            report(
                `${label} writes no access logs (accessLogSettings.destinationArn is not set), so requests to it leave no trace. ` +
                    `Set accessLogSettings with a CloudWatch log group destinationArn and a JSON format containing ${FIELDS}.`,
            );
            return;
        }
        const format = known(() => stage.accessLogSettings?.format, "accessLogSettings.format");
        if (!format.known) {
            report(unverifiable(label, format.path, `contain ${FIELDS}`));
            return;
        }
        const missing = REQUIRED_ACCESS_LOG_FIELDS.filter((f) => !(format.value ?? "").includes(f));
        if (missing.length > 0) {
            report(
                `${label} access log format (accessLogSettings.format) lacks ${listing(missing)}; add ${missing.length === 1 ? "it" : "them"} so each request can be traced to a caller.`,
            );
        }
    }),
});
