import * as aws from "@pulumi/aws";
import { mockId } from "../../../policy-pack/gate/mocks";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, webAcl } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "waf-logging";
const WAF_LOGS = "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x";
const logTo = (name: string, acl: aws.wafv2.WebAcl) =>
    new aws.wafv2.WebAclLoggingConfiguration(name, { resourceArn: acl.arn, logDestinationConfigs: [WAF_LOGS] });
const unlogged = (acl: string) =>
    exactly(
        `WebAcl "${acl}" has no logging configuration (no WebAclLoggingConfiguration has its ARN as resourceArn), so blocked requests cannot be investigated. ` +
            "Add a WebAclLoggingConfiguration to an aws-waf-logs-* log group.",
    );
/** The ARN a deployed web ACL named `name` (resource and physical name) has under the offline mocks. */
const deployedArn = (name: string) => `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/${name}/${mockId(`aws:wafv2/webAcl:WebAcl::${name}`)}`;

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
                { resource: "a", message: [unlogged("a")] },
                { resource: "b", message: [unlogged("b")] },
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
            [{ resource: "unlogged", message: [unlogged("unlogged")] }],
        );
    });

    it("accepts a logging configuration naming the deployed ACL by its literal ARN, and only that ACL", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            webAcl("literal", undefined, { name: "literal" });
            webAcl("other", undefined, { name: "other" });
            new aws.wafv2.WebAclLoggingConfiguration("log", { resourceArn: deployedArn("literal"), logDestinationConfigs: [WAF_LOGS] });
        });
        assertFindings(found.update, RULE, "advisory", [{ resource: "other", message: [unlogged("other")] }]);
        // At a first preview no ACL is deployed: its ARN (with the id AWS gives it) is unknown, so no literal ARN can name it yet.
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "literal", message: [unlogged("literal")] },
            { resource: "other", message: [unlogged("other")] },
        ]);
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
            [{ resource: "acl", message: [unlogged("acl")] }],
        );
    });
});
