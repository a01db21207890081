import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { webAcl } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "waf-logging";
const WAF_LOGS = "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x";
const logTo = (name: string, acl: aws.wafv2.WebAcl) =>
    new aws.wafv2.WebAclLoggingConfiguration(name, { resourceArn: acl.arn, logDestinationConfigs: [WAF_LOGS] });

describe(RULE, () => {
    it("passes the compliant baseline: a logging configuration for the ACL", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                logTo("log", webAcl("acl"));
            }),
        );
    });

    it("reports (advisory) every ACL without logging", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                webAcl("a");
                webAcl("b");
            }),
            RULE,
            "advisory",
            [
                { resource: "a", message: [/WebAcl "a" has no logging configuration/, /WebAclLoggingConfiguration/] },
                { resource: "b", message: [/no logging configuration/] },
            ],
        );
    });

    it("logging for another ACL does not count", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                webAcl("unlogged");
                logTo("log", webAcl("logged"));
            }),
            RULE,
            "advisory",
            [{ resource: "unlogged", message: [/no logging configuration/] }],
        );
    });

    it("is mandatory where the policy config says so (prod)", async () => {
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    webAcl("acl");
                },
                { config: { [RULE]: "mandatory" } },
            ),
            RULE,
            "mandatory",
            [{ resource: "acl", message: [/no logging configuration/] }],
        );
    });
});
