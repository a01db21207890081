import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { slug, wafLogGroupName } from "./naming";
import { cidrs, ComponentArgumentError, intInRange, logRetention } from "./validation";

/** AWS managed rule groups every web ACL blocks with, in evaluation order after the IP and rate rules. */
export const MANAGED_RULE_GROUPS = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
] as const;

/** Arguments of {@link WebAcl}. */
export interface WebAclArgs {
    /** Requests per 5 minutes from one IP before it is blocked (10-2,000,000). Default 2000. */
    rateLimit?: number;
    /** If given, only these IPv4 CIDRs may call the API: everything else is blocked. */
    allowedIpCidrs?: string[];
    /** IPv4 CIDRs that are always blocked. */
    blockedIpCidrs?: string[];
    /** Managed rules to switch to count mode inside their group, e.g. `SizeRestrictions_BODY` for uploads. The groups themselves always block. */
    countOnlyManagedRules?: string[];
    /** ARNs of the API Gateway stages to protect. */
    stageArns: pulumi.Input<string>[];
    /** WAF log retention in days. */
    logRetentionInDays: number;
    /** KMS key ARN for the WAF log group. */
    kmsKeyArn: pulumi.Input<string>;
    /** Tags. */
    tags?: Record<string, string>;
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

/** The rule list of the web ACL, as a pure function of its settings. */
export function webAclRules(
    name: string,
    rateLimit: number,
    allowSetArn: pulumi.Input<string> | undefined,
    denySetArn: pulumi.Input<string> | undefined,
    countOnly: string[] = [],
): aws.types.input.wafv2.WebAclRule[] {
    const rules: aws.types.input.wafv2.WebAclRule[] = [];
    if (denySetArn) {
        rules.push({
            name: "block-denied-ips", priority: 0, action: { block: {} },
            statement: { ipSetReferenceStatement: { arn: denySetArn } },
            visibilityConfig: visibility(`${name}-denied-ips`),
        });
    }
    if (allowSetArn) {
        rules.push({
            name: "block-not-allowed-ips", priority: 1, action: { block: {} },
            statement: { notStatement: { statement: { ipSetReferenceStatement: { arn: allowSetArn } } } },
            visibilityConfig: visibility(`${name}-not-allowed-ips`),
        });
    }
    rules.push({
        name: "rate-limit-per-ip", priority: 10, action: { block: {} },
        statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
        visibilityConfig: visibility(`${name}-rate-limit`),
    });
    MANAGED_RULE_GROUPS.forEach((group, i) => rules.push({
        name: group, priority: 20 + i * 10, overrideAction: { none: {} },
        statement: {
            managedRuleGroupStatement: {
                vendorName: "AWS",
                name: group,
                ruleActionOverrides: countOnly.length > 0 && group === "AWSManagedRulesCommonRuleSet"
                    ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
                    : undefined,
            },
        },
        visibilityConfig: visibility(`${name}-${slug(group)}`),
    }));
    return rules;
}

/** Validates everything but the stages; returns the effective rate limit. */
export function validateWebAclArgs(args: Omit<WebAclArgs, "stageArns" | "kmsKeyArn">): number {
    const C = "WebAcl";
    const rateLimit = intInRange(C, "rateLimit", args.rateLimit ?? 2000, 10, 2_000_000);
    cidrs(C, "allowedIpCidrs", args.allowedIpCidrs ?? []);
    cidrs(C, "blockedIpCidrs", args.blockedIpCidrs ?? []);
    logRetention(C, "logRetentionInDays", args.logRetentionInDays);
    (args.countOnlyManagedRules ?? []).forEach((r, i) => {
        if (!/^[A-Za-z0-9_]+$/.test(r)) {
            throw new ComponentArgumentError(C, `countOnlyManagedRules[${i}]`, `must be a managed rule name such as SizeRestrictions_BODY (got ${JSON.stringify(r)})`);
        }
    });
    return rateLimit;
}

/**
 * A REGIONAL WAFv2 web ACL in front of API Gateway stages: IP deny/allow
 * lists, a per-IP rate limit, the AWS managed rule groups for IP reputation,
 * common attacks (XSS, LFI, ...), known bad inputs and SQL injection; logs to
 * an encrypted `aws-waf-logs-*` group with credentials redacted.
 */
export class WebAcl extends pulumi.ComponentResource {
    public readonly webAclArn: pulumi.Output<string>;
    public readonly webAclId: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: WebAclArgs, opts?: pulumi.ComponentResourceOptions) {
        const rateLimit = validateWebAclArgs(args);
        if (!args.stageArns || args.stageArns.length === 0) {
            throw new ComponentArgumentError("WebAcl", "stageArns", "must list at least one stage ARN to protect");
        }
        super("secure-api:waf:WebAcl", name, {}, opts);
        const parent = { parent: this };
        const ipSet = (suffix: string, addresses: string[]) => new aws.wafv2.IpSet(`${name}-${suffix}`, {
            scope: "REGIONAL", ipAddressVersion: "IPV4", addresses, tags: args.tags,
        }, parent);
        const deny = args.blockedIpCidrs?.length ? ipSet("denied", args.blockedIpCidrs) : undefined;
        const allow = args.allowedIpCidrs?.length ? ipSet("allowed", args.allowedIpCidrs) : undefined;
        const acl = new aws.wafv2.WebAcl(name, {
            scope: "REGIONAL",
            description: `Protects ${name}`,
            defaultAction: { allow: {} },
            rules: webAclRules(slug(name), rateLimit, allow?.arn, deny?.arn, args.countOnlyManagedRules),
            visibilityConfig: visibility(slug(name)),
            tags: args.tags,
        }, parent);
        const logs = new EncryptedLogGroup(`${name}-logs`, {
            logGroupName: wafLogGroupName(name),
            retentionInDays: args.logRetentionInDays,
            kmsKeyArn: args.kmsKeyArn,
            tags: args.tags,
        }, parent);
        new aws.wafv2.WebAclLoggingConfiguration(`${name}-logging`, {
            resourceArn: acl.arn,
            logDestinationConfigs: [logs.logGroupArn],
            redactedFields: [
                { singleHeader: { name: "authorization" } },
                { singleHeader: { name: "x-api-key" } },
                { singleHeader: { name: "cookie" } },
            ],
        }, parent);
        args.stageArns.forEach((stageArn, i) => new aws.wafv2.WebAclAssociation(`${name}-stage-${i}`, {
            resourceArn: stageArn,
            webAclArn: acl.arn,
        }, parent));
        this.webAclArn = acl.arn;
        this.webAclId = acl.id;
        this.logGroupName = logs.logGroupName;
        this.registerOutputs({ webAclArn: this.webAclArn, webAclId: this.webAclId, logGroupName: this.logGroupName });
    }
}
