import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, CERT_ARN } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigwv2-domain-tls-1-2";
const domain = (name: string, securityPolicy?: string) =>
    new aws.apigatewayv2.DomainName(name, {
        domainName: `${name}.example.com`,
        domainNameConfiguration: { certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: securityPolicy as string },
    });

describe(RULE, () => {
    it("passes the compliant baseline: TLS_1_2, and an enhanced TLS 1.3 policy", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                domain("api", "TLS_1_2");
                domain("api13", "SecurityPolicy_TLS13_1_2_2021_06");
            }),
        );
    });

    it("rejects TLS_1_0 and an unset policy, on every domain", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                domain("old", "TLS_1_0");
                domain("unset");
            }),
            RULE,
            "mandatory",
            [
                { resource: "old", message: [/DomainName "old" uses security policy TLS_1_0/, /domainNameConfiguration\.securityPolicy: "TLS_1_2"/] },
                { resource: "unset", message: [/domainNameConfiguration\.securityPolicy is not set/] },
            ],
        );
    });

    it("a security policy built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            new aws.apigatewayv2.DomainName("policy", {
                domainName: "policy.example.com",
                domainNameConfiguration: { certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: afterDeployment("TLS_1_0") },
            });
            new aws.apigatewayv2.DomainName("block", {
                domainName: "block.example.com",
                domainNameConfiguration: afterDeployment({ certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: "TLS_1_0" }),
            });
            // Only the certificate is unknown: the policy is still judged.
            new aws.apigatewayv2.DomainName("cert", {
                domainName: "cert.example.com",
                domainNameConfiguration: { certificateArn: afterDeployment(CERT_ARN), endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
            });
        });
        const must = /is unknown; it must be TLS_1_2 or a SecurityPolicy_TLS13_\* policy\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "policy", message: [/cannot be verified at preview: DomainName "policy"\.domainNameConfiguration\.securityPolicy is unknown/, must] },
            { resource: "block", message: [/cannot be verified at preview: DomainName "block"\.domainNameConfiguration is unknown/, must] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "policy", message: [/DomainName "policy" uses security policy TLS_1_0/] },
            { resource: "block", message: [/DomainName "block" uses security policy TLS_1_0/] },
        ]);
    });
});
