import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { WAF } from "../../policy-pack/baseline";
import type { ApiEndpoint } from "../apigateway/endpoint";
import { EncryptedLogGroup } from "../observability/encrypted-log-group";
import { slug, wafLogGroupName } from "../shared/naming";
import { cidrs, ComponentArgumentError, Environment, intInRange, logRetention } from "../shared/validation";

/** AWS managed rule groups every web ACL blocks with (`WAF.requiredManagedRuleGroups`), in evaluation order after the IP and rate rules. */
export const MANAGED_RULE_GROUPS = WAF.requiredManagedRuleGroups;

/** The WAF settings a stack configures. */
export interface WebAclSettings {
    /**
     * Requests per 5 minutes from one IP before it is blocked, `WAF.minRateLimit`–`WAF.maxRateLimit` (10–10000).
     * @default 2000 (`WAF.defaultRateLimit`)
     */
    rateLimit?: number;
    /**
     * If given, only these IPv4 CIDRs may call the API: everything else is blocked. Never `/0` or all of IPv4.
     * @default [] (no allow list)
     */
    allowedIpCidrs?: string[];
    /**
     * IPv4 CIDRs that are always blocked.
     * @default []
     */
    blockedIpCidrs?: string[];
    /**
     * Managed rules to switch to count mode inside their group, e.g. `SizeRestrictions_BODY` for uploads. The groups themselves always block.
     * @default []
     */
    countOnlyManagedRules?: string[];
}

/** Arguments of {@link WebAcl}. */
export interface WebAclArgs extends WebAclSettings {
    /** The endpoints (their stages) to protect. */
    endpoints: Pick<ApiEndpoint, "stageArn" | "supportsWaf">[];
    /** WAF log retention in days. */
    logRetentionInDays: number;
    /** KMS key ARN for the WAF log group. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Environment whose log retention floor applies.
     * @default undefined (any retention CloudWatch accepts)
     */
    environment?: Environment;
    /**
     * Tags.
     * @default {}
     */
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
            name: "block-denied-ips",
            priority: 0,
            action: { block: {} },
            statement: { ipSetReferenceStatement: { arn: denySetArn } },
            visibilityConfig: visibility(`${name}-denied-ips`),
        });
    }
    if (allowSetArn) {
        rules.push({
            name: "block-not-allowed-ips",
            priority: 1,
            action: { block: {} },
            statement: { notStatement: { statement: { ipSetReferenceStatement: { arn: allowSetArn } } } },
            visibilityConfig: visibility(`${name}-not-allowed-ips`),
        });
    }
    rules.push({
        name: "rate-limit-per-ip",
        priority: 10,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: "IP", evaluationWindowSec: 300 } },
        visibilityConfig: visibility(`${name}-rate-limit`),
    });
    MANAGED_RULE_GROUPS.forEach((group, i) =>
        rules.push({
            name: group,
            priority: 20 + i * 10,
            overrideAction: { none: {} },
            statement: {
                managedRuleGroupStatement: {
                    vendorName: "AWS",
                    name: group,
                    ruleActionOverrides:
                        countOnly.length > 0 && group === "AWSManagedRulesCommonRuleSet"
                            ? countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
                            : undefined,
                },
            },
            visibilityConfig: visibility(`${name}-${slug(group)}`),
        }),
    );
    return rules;
}

/** Validates everything but the stages; returns the effective rate limit. */
export function validateWebAclArgs(args: WebAclSettings & Pick<WebAclArgs, "logRetentionInDays" | "environment">): number {
    const C = "WebAcl";
    const rateLimit = intInRange(C, "rateLimit", args.rateLimit ?? WAF.defaultRateLimit, WAF.minRateLimit, WAF.maxRateLimit);
    cidrs(C, "allowedIpCidrs", args.allowedIpCidrs ?? []);
    cidrs(C, "blockedIpCidrs", args.blockedIpCidrs ?? []);
    logRetention(C, "logRetentionInDays", args.logRetentionInDays, args.environment);
    (args.countOnlyManagedRules ?? []).forEach((r, i) => {
        if (!/^[A-Za-z0-9_]+$/.test(r)) {
            throw new ComponentArgumentError(
                C,
                `countOnlyManagedRules[${i}]`,
                `must be a managed rule name such as SizeRestrictions_BODY (got ${JSON.stringify(r)})`,
            );
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
    /** The `aws.wafv2.WebAcl`. */
    public readonly webAcl: aws.wafv2.WebAcl;
    /** Web ACL ARN (what app-team stages associate with). */
    public readonly webAclArn: pulumi.Output<string>;
    /** Web ACL id. */
    public readonly webAclId: pulumi.Output<string>;
    /** The `aws-waf-logs-*` log group. */
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: WebAclArgs, opts?: pulumi.ComponentResourceOptions) {
        const rateLimit = validateWebAclArgs(args);
        if (!args.endpoints || args.endpoints.length === 0) {
            throw new ComponentArgumentError("WebAcl", "endpoints", "must list at least one stage ARN to protect");
        }
        args.endpoints.forEach((e, i) => {
            if (!e.supportsWaf) {
                throw new ComponentArgumentError("WebAcl", `endpoints[${i}]`, "is an API kind WAF cannot be associated with");
            }
        });
        super("secure-api:waf:WebAcl", name, {}, opts);
        const parent = { parent: this };
        const ipSet = (suffix: string, addresses: string[]) =>
            new aws.wafv2.IpSet(
                `${name}-${suffix}`,
                {
                    scope: "REGIONAL",
                    ipAddressVersion: "IPV4",
                    addresses,
                    tags: args.tags,
                },
                parent,
            );
        const deny = args.blockedIpCidrs?.length ? ipSet("denied", args.blockedIpCidrs) : undefined;
        const allow = args.allowedIpCidrs?.length ? ipSet("allowed", args.allowedIpCidrs) : undefined;
        const acl = new aws.wafv2.WebAcl(
            name,
            {
                scope: "REGIONAL",
                description: `Protects ${name}`,
                defaultAction: { allow: {} },
                rules: webAclRules(slug(name), rateLimit, allow?.arn, deny?.arn, args.countOnlyManagedRules),
                visibilityConfig: visibility(slug(name)),
                tags: args.tags,
            },
            parent,
        );
        const logs = new EncryptedLogGroup(
            `${name}-logs`,
            {
                logGroupName: wafLogGroupName(name),
                retentionInDays: args.logRetentionInDays,
                kmsKeyArn: args.kmsKeyArn,
                environment: args.environment,
                tags: args.tags,
            },
            parent,
        );
        new aws.wafv2.WebAclLoggingConfiguration(
            `${name}-logging`,
            {
                resourceArn: acl.arn,
                logDestinationConfigs: [logs.logGroupArn],
                redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "x-api-key" } }, { singleHeader: { name: "cookie" } }],
            },
            parent,
        );
        args.endpoints.forEach(
            (endpoint, i) =>
                new aws.wafv2.WebAclAssociation(
                    `${name}-stage-${i}`,
                    {
                        resourceArn: endpoint.stageArn,
                        webAclArn: acl.arn,
                    },
                    parent,
                ),
        );
        this.webAcl = acl;
        this.webAclArn = acl.arn;
        this.webAclId = acl.id;
        this.logGroupName = logs.logGroupName;
        this.registerOutputs({ webAclArn: this.webAclArn, webAclId: this.webAclId, logGroupName: this.logGroupName });
    }
}
