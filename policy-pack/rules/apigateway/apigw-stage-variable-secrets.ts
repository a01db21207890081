/**
 * REST and HTTP API stage variables must not hold credentials in plaintext.
 *
 * Stage variables are configuration, not secret storage: anyone allowed
 * `apigateway:GET` on the stage reads them, and they are rendered into
 * integration requests and logs. The scan is the one of
 * `lambda-env-plaintext-secrets` (`lib/secrets.ts`): `@pulumi/policy`
 * unwraps Pulumi secrets, so a literal and a `config.requireSecret` value are
 * judged alike; a value unknown at preview (another resource's output) under a
 * secret-like name is unverifiable unless its name says it holds a reference
 * (as in lambda-env-plaintext-secrets). A whole map
 * unknown at preview hides names and literals alike, so it is reported as
 * unverifiable, not passed.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { describe } from "../lib/messages";
import { resourceRule } from "../lib/rule";
import { SecretMapWording, secretMapFindings } from "../lib/secrets";

const STAGE: SecretMapWording = {
    readers: "anyone who may read the stage",
    fix: (path) => `Keep the secret in Secrets Manager or SSM and have the backend read it (or put only its ARN or parameter name in ${path}).`,
};

export const apigwStageVariableSecrets = resourceRule({
    name: "apigw-stage-variable-secrets",
    service: "apigateway",
    description:
        "REST (Stage.variables) and HTTP (apigatewayv2 Stage.stageVariables) stage variables must not hold credentials; keep secrets in Secrets Manager or SSM.",
    remediationSteps:
        "Remove the credential from the stage variables; store it in Secrets Manager or SSM and let the integration's backend read it (pass only its ARN or parameter name).",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: [
        validateResourceOfType(aws.apigateway.Stage, (stage, args, report) => {
            secretMapFindings(describe(args), "variables", () => stage.variables, STAGE).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.apigatewayv2.Stage, (stage, args, report) => {
            secretMapFindings(describe(args), "stageVariables", () => stage.stageVariables, STAGE).forEach((m) => report(m));
        }),
    ],
});
