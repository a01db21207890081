import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { CERT_ARN } from "../builders";
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
});
