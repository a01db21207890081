/** Custom domains (and REST APIs that set one) must use a TLS 1.2+ security policy. */
import * as aws from "@pulumi/aws";
import { ReportViolation, ResourceValidationArgs, validateResourceOfType } from "@pulumi/policy";
import { TLS_SECURITY_POLICY } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

/** Security policies at TLS 1.2 or above: the classic TLS_1_2 and the enhanced SecurityPolicy_TLS12_/TLS13_ families. */
export function isTls12OrAbove(policy: string | undefined): boolean {
    return policy !== undefined && (policy === TLS_SECURITY_POLICY || /^SecurityPolicy_TLS1[23]/.test(policy));
}

function checkPolicy(read: () => string | undefined, required: boolean, args: ResourceValidationArgs, report: ReportViolation): void {
    const label = describe(args);
    const policy = known(read, "securityPolicy");
    if (!policy.known) {
        report(unverifiable(label, policy.path, `be ${TLS_SECURITY_POLICY} or a SecurityPolicy_TLS13_* policy`));
        return;
    }
    if (policy.value === undefined && !required) {
        return;
    }
    if (!isTls12OrAbove(policy.value)) {
        report(
            `${label} uses security policy ${policy.value ?? "(securityPolicy is not set, which lets API Gateway pick a default that may allow TLS 1.0)"}; ` +
                `clients could negotiate TLS 1.0/1.1. Set securityPolicy: "${TLS_SECURITY_POLICY}".`,
        );
    }
}

export const apigwDomainTls12 = resourceRule({
    name: "apigw-domain-tls-1-2",
    service: "apigateway",
    description: "Custom domains (and REST API endpoints that set one) must use a TLS 1.2+ security policy.",
    remediationSteps: `Set securityPolicy: "${TLS_SECURITY_POLICY}" (or a SecurityPolicy_TLS13_* policy).`,
    severity: "high",
    enforcementLevel: "mandatory",
    // Checked: trivy checks/cloud/aws/apigateway/use_secure_tls_policy_test.rego (TLS_1_0 and unset denied); v1 half (v2: apigwv2-domain-tls-1-2).
    controls: { checkov: ["CKV_AWS_206"], trivy: ["AWS-0005"] },
    validateResource: [
        validateResourceOfType(aws.apigateway.DomainName, (domain, args, report) => checkPolicy(() => domain.securityPolicy, true, args, report)),
        // A REST API's own endpoint policy is optional; when it is set, it must be TLS 1.2+.
        validateResourceOfType(aws.apigateway.RestApi, (api, args, report) => checkPolicy(() => api.securityPolicy, false, args, report)),
    ],
});
