/** Rules on WAFv2 web ACLs. */
import { summarizeWafRules } from "./documents";
import { describe, ofType, refersTo, resourceRule, stackRule, TYPES } from "./util";

export const DEFAULT_REQUIRED_RULE_GROUPS = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesSQLiRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
];

export const wafManagedRules = resourceRule({
    name: "waf-managed-rules-and-rate-limit",
    description: "Web ACLs must block with the AWS managed rule groups for common attacks/XSS, SQLi, known bad inputs and IP reputation, and have a rate-based rule.",
    enforcementLevel: "mandatory",
    remediationSteps: "Add managedRuleGroupStatement rules for each required group with overrideAction none, and a rateBasedStatement rule with action block.",
    configSchema: {
        properties: {
            requiredRuleGroups: { type: "array", items: { type: "string" }, default: DEFAULT_REQUIRED_RULE_GROUPS, description: "AWS managed rule group names every web ACL must include." },
            maxRateLimit: { type: "integer", minimum: 10, default: 10000, description: "Largest allowed rate-based limit (requests per 5 minutes per IP)." },
        },
    },
    types: [TYPES.webAcl],
    validate: (props, args, report) => {
        const { requiredRuleGroups, maxRateLimit } = args.getConfig<{ requiredRuleGroups: string[]; maxRateLimit: number }>();
        const rules = summarizeWafRules(props.rules, props.ruleJson);
        const blocking = rules.filter((r) => !r.countOnly);
        const missing = requiredRuleGroups.filter((g) => !blocking.some((r) => r.managedRuleGroup === g));
        if (missing.length > 0) {
            report(`Web ACL "${args.name}" does not block with ${missing.join(", ")} (missing, or in count mode). ` +
                "Add each as a managedRuleGroupStatement (vendorName AWS) with overrideAction { none: {} }.");
        }
        const rate = blocking.filter((r) => r.rateLimit !== undefined);
        if (rate.length === 0) {
            report(`Web ACL "${args.name}" has no blocking rate-based rule, so a single IP can flood the API. Add a rateBasedStatement (aggregateKeyType IP) with action { block: {} }.`);
        } else if (rate.every((r) => (r.rateLimit ?? 0) > maxRateLimit)) {
            report(`Web ACL "${args.name}" rate limit ${Math.min(...rate.map((r) => r.rateLimit ?? 0))} exceeds the allowed ${maxRateLimit} requests per 5 minutes. Lower it.`);
        }
    },
});

export const wafLogging = stackRule({
    name: "waf-logging",
    description: "Web ACLs should log to a destination (CloudWatch log group named aws-waf-logs-*).",
    enforcementLevel: "advisory",
    remediationSteps: "Add an aws.wafv2.WebAclLoggingConfiguration for the web ACL.",
    validate: (args, report) => {
        const logging = ofType(args.resources, TYPES.webAclLogging);
        for (const acl of ofType(args.resources, TYPES.webAcl)) {
            if (!logging.some((l) => refersTo(l, "resourceArn", acl, ["arn"]))) {
                report(`${describe(acl)} has no logging configuration, so blocked requests cannot be investigated. Add a WebAclLoggingConfiguration to an aws-waf-logs-* log group.`, acl.urn);
            }
        }
    },
});
