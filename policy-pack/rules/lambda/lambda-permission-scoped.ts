/** Lambda resource policies must say who may invoke the function: a scoped source, never anyone. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `lambda-permission-scoped`. */
export interface LambdaPermissionConfig {
    /**
     * Service principals (`<service>.amazonaws.com`) whose sources have no ARN, for which
     * `sourceAccount` alone scopes the grant. Empty by default: every service principal needs `sourceArn`.
     */
    accountScopedServices: string[];
}

export const lambdaPermissionConfig = ruleConfig<LambdaPermissionConfig>({
    accountScopedServices: {
        type: "array",
        items: { type: "string", pattern: "\\.amazonaws\\.com$" },
        uniqueItems: true,
        default: [],
        description: "Service principals whose sources have no ARN, for which sourceAccount alone scopes the grant (default none: sourceArn is required).",
    },
});

/** `arn:<partition>:execute-api:<region>:<account>:<apiId>/...` with no wildcard in region, account or API id. */
const API_SCOPED_ARN = /^arn:aws[a-z-]*:execute-api:[a-z0-9-]+:\d{12}:[A-Za-z0-9]+(\/|$)/;
const EXAMPLE_ARN = "arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path> (e.g. `${api.executionArn}/*/*`)";

export const lambdaPermissionScoped = resourceRule({
    name: "lambda-permission-scoped",
    service: "lambda",
    description:
        'Lambda permissions for a service principal must name the source (sourceArn; for API Gateway an ARN scoped to one API); principal "*" needs principalOrgId, sourceAccount or sourceArn.',
    remediationSteps:
        "Set sourceArn to the invoking resource's ARN (for API Gateway `${api.executionArn}/*/*`), or replace principal \"*\" by the caller's account or service.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {
        securityHub: ["Lambda.1"],
        cdkNag: [
            "NIST.800.53.R5-LambdaFunctionPublicAccessProhibited",
            "PCI.DSS.321-LambdaFunctionPublicAccessProhibited",
            "HIPAA.Security-LambdaFunctionPublicAccessProhibited",
        ],
        checkov: ["CKV_AWS_364"],
        trivy: ["AWS-0067"],
    },
    config: lambdaPermissionConfig,
    validateResource: validateResourceOfType(aws.lambda.Permission, (permission, args, report) => {
        const { accountScopedServices } = lambdaPermissionConfig.read(args);
        const label = describe(args);
        const principal = known(() => permission.principal, "principal");
        if (!principal.known) {
            report(
                unverifiable(
                    label,
                    principal.path,
                    'be a service principal with sourceArn, or an account; "*" needs principalOrgId, sourceAccount or sourceArn',
                ),
            );
            return;
        }
        const who = principal.value ?? "";
        const sourceArn = known(() => permission.sourceArn, "sourceArn");
        const sourceAccount = known(() => permission.sourceAccount, "sourceAccount");
        if (who === "*") {
            if (!isSet(sourceArn) && !isSet(sourceAccount) && !isSet(known(() => permission.principalOrgId))) {
                report(
                    `${label} lets anyone invoke the function (principal "*" with no principalOrgId, sourceAccount or sourceArn). ` +
                        "Set principal to the calling service or account, or add sourceArn.",
                );
            }
            return;
        }
        if (!who.endsWith(".amazonaws.com")) {
            return;
        }
        if (!isSet(sourceArn)) {
            if (isSet(sourceAccount) && accountScopedServices.includes(who)) {
                return;
            }
            report(
                `${label} lets ${who} invoke the function on behalf of any resource in any account (sourceArn is not set), ` +
                    "so another account's resource can call it (confused deputy). Set sourceArn to the invoking resource's ARN" +
                    (who === "apigateway.amazonaws.com" ? `: ${EXAMPLE_ARN}.` : "."),
            );
            return;
        }
        if (who !== "apigateway.amazonaws.com" || !sourceArn.known) {
            // An ARN derived from the API (unknown at preview) is set and scoped by construction.
            return;
        }
        const arn = sourceArn.value ?? "";
        if (!API_SCOPED_ARN.test(arn)) {
            report(
                `${label} sourceArn "${arn}" is not scoped to one API (region, account and API id must be literal), ` +
                    `so every API Gateway API it matches can invoke the function. Set sourceArn to ${EXAMPLE_ARN}.`,
            );
        }
    }),
});
