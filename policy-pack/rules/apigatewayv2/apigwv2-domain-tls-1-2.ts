/** API Gateway v2 custom domains must use a TLS 1.2+ security policy. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { TLS_SECURITY_POLICY } from "../../baseline";
import { isTls12OrAbove } from "../apigateway/apigw-domain-tls-1-2";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwv2DomainTls12 = resourceRule({
    name: "apigwv2-domain-tls-1-2",
    service: "apigatewayv2",
    description: "API Gateway v2 custom domains must set domainNameConfiguration.securityPolicy to a TLS 1.2+ policy.",
    remediationSteps: `Set domainNameConfiguration.securityPolicy: "${TLS_SECURITY_POLICY}" (or a SecurityPolicy_TLS13_* policy).`,
    severity: "high",
    enforcementLevel: "mandatory",
    // Checked: trivy checks/cloud/aws/apigateway/use_secure_tls_policy.rego and _test.rego (v2 domain names judged alike); v2 half.
    controls: { trivy: ["AWS-0005"] },
    validateResource: validateResourceOfType(aws.apigatewayv2.DomainName, (domain, args, report) => {
        const label = describe(args);
        const policy = known(() => domain.domainNameConfiguration?.securityPolicy, "domainNameConfiguration.securityPolicy");
        if (!policy.known) {
            report(unverifiable(label, policy.path, `be ${TLS_SECURITY_POLICY} or a SecurityPolicy_TLS13_* policy`));
        } else if (!isTls12OrAbove(policy.value)) {
            report(
                `${label} uses security policy ${policy.value ?? "(domainNameConfiguration.securityPolicy is not set)"}; clients could negotiate TLS 1.0/1.1. ` +
                    `Set domainNameConfiguration.securityPolicy: "${TLS_SECURITY_POLICY}".`,
            );
        }
    }),
});
