/** Web ACLs should log the requests they see. */
import * as aws from "@pulumi/aws";
import { refersTo, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const wafLogging = stackRule({
    name: "waf-logging",
    service: "wafv2",
    description: "Web ACLs should log to a destination (CloudWatch log group named aws-waf-logs-*).",
    remediationSteps: "Add an aws.wafv2.WebAclLoggingConfiguration for the web ACL.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {
        securityHub: ["WAF.11"],
        cdkNag: ["NIST.800.53.R5-WAFv2LoggingEnabled", "PCI.DSS.321-WAFv2LoggingEnabled", "HIPAA.Security-WAFv2LoggingEnabled"],
        checkov: ["CKV2_AWS_31"],
    },
    inspects: [aws.wafv2.WebAcl, aws.wafv2.WebAclLoggingConfiguration],
    validateStack: (args, report) => {
        const logging = resourcesOf(args.resources, aws.wafv2.WebAclLoggingConfiguration);
        for (const acl of resourcesOf(args.resources, aws.wafv2.WebAcl)) {
            if (!logging.some((l) => refersTo(l, "resourceArn", acl, [(a) => a.arn]))) {
                report(
                    `${acl.label} has no logging configuration (no WebAclLoggingConfiguration has its ARN as resourceArn), so blocked requests cannot be investigated. ` +
                        "Add a WebAclLoggingConfiguration to an aws-waf-logs-* log group.",
                    acl.urn,
                );
            }
        }
    },
});
