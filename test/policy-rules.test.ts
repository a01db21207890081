/**
 * Every rule of the pack, run both ways on resources built from raw
 * @pulumi/aws programs under the mock runtime: a compliant program produces no
 * violation of the rule, a non-compliant one produces one whose message says
 * what is wrong.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { evaluatePolicies, PolicyPackConfigFile, Violation } from "../policy-pack/gate/engine";
import { policies } from "../policy-pack/rules";
import { runProgram } from "./harness";

const ACCOUNT = "123456789012";
const KMS = `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc`;

interface RuleCase {
    /** Program that satisfies the rule. */
    compliant: () => unknown;
    /** Program that breaks it, and what the message must say. */
    noncompliant: () => unknown;
    message: RegExp;
    /** Policy config for both runs. */
    config?: PolicyPackConfigFile;
}

async function violationsOf(rule: string, program: () => unknown, config?: PolicyPackConfigFile): Promise<Violation[]> {
    const plan = await runProgram(program);
    const policy = policies.filter((p) => p.name === rule);
    assert.strictEqual(policy.length, 1, `no rule named ${rule}`);
    return evaluatePolicies(policy, plan.resources, { config });
}

// Small raw building blocks.
const api = (name: string, args: Partial<aws.apigateway.RestApiArgs> = {}) =>
    new aws.apigateway.RestApi(name, { name, endpointConfiguration: { types: "REGIONAL" }, ...args });
const stage = (name: string, restApi: aws.apigateway.RestApi, args: Partial<aws.apigateway.StageArgs> = {}) => {
    const deployment = new aws.apigateway.Deployment(`${name}-deployment`, { restApi: restApi.id });
    return new aws.apigateway.Stage(name, { restApi: restApi.id, deployment: deployment.id, stageName: "v1", ...args });
};
const method = (name: string, authorization: string, httpMethod = "GET") => {
    const restApi = api(`${name}-api`);
    return new aws.apigateway.Method(name, { restApi: restApi.id, resourceId: restApi.rootResourceId, httpMethod, authorization });
};
const logGroup = (name: string, args: Partial<aws.cloudwatch.LogGroupArgs>) => new aws.cloudwatch.LogGroup(name, args);
const bucketWith = (name: string, controls: { versioning?: boolean; encryption?: boolean; publicAccessBlock?: boolean }) => {
    const bucket = new aws.s3.Bucket(name, {});
    if (controls.versioning) {
        new aws.s3.BucketVersioning(`${name}-v`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    }
    if (controls.encryption) {
        new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-e`, {
            bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS } }],
        });
    }
    if (controls.publicAccessBlock) {
        new aws.s3.BucketPublicAccessBlock(`${name}-pab`, {
            bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
        });
    }
    return bucket;
};
const ACCESS_LOG_FORMAT = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", status: "$context.status" });
const managedRule = (name: string, priority: number, count = false): aws.types.input.wafv2.WebAclRule => ({
    name, priority, overrideAction: count ? { count: {} } : { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name } },
    visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
});
const rateRule = (limit: number): aws.types.input.wafv2.WebAclRule => ({
    name: "rate", priority: 1, action: { block: {} },
    statement: { rateBasedStatement: { limit, aggregateKeyType: "IP" } },
    visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "rate" },
});
const ALL_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"];
const webAcl = (name: string, rules: aws.types.input.wafv2.WebAclRule[]) => new aws.wafv2.WebAcl(name, {
    scope: "REGIONAL", defaultAction: { allow: {} }, rules,
    visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
});
const privatePolicy = (withCondition: boolean) => JSON.stringify({
    Version: "2012-10-17",
    Statement: [{
        Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*",
        ...(withCondition ? { Condition: { StringEquals: { "aws:SourceVpce": "vpce-123" } } } : {}),
    }],
});
const pool = (args: Partial<aws.cognito.UserPoolArgs>) => new aws.cognito.UserPool("pool", {
    passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 3 },
    mfaConfiguration: "ON",
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
    ...args,
});
const trail = (name: string, args: Partial<aws.cloudtrail.TrailArgs>, bucket?: aws.s3.Bucket) => new aws.cloudtrail.Trail(name, {
    s3BucketName: bucket ? bucket.bucket : "audit-bucket",
    isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: KMS,
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:trail:*", cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail",
    ...args,
});
const corsResponse = (origin: string) => {
    const restApi = api("cors-api");
    return new aws.apigateway.IntegrationResponse("cors", {
        restApi: restApi.id, resourceId: restApi.rootResourceId, httpMethod: "OPTIONS", statusCode: "200",
        responseParameters: { "method.response.header.Access-Control-Allow-Origin": `'${origin}'` },
    });
};
const domainWithMapping = (disable: boolean) => {
    const restApi = api("domain-api", { disableExecuteApiEndpoint: disable });
    const s = stage("domain-stage", restApi);
    const domain = new aws.apigateway.DomainName("domain", { domainName: "api.example.com", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", securityPolicy: "TLS_1_2", endpointConfiguration: { types: "REGIONAL" } });
    new aws.apigateway.BasePathMapping("mapping", { domainName: domain.domainName, restApi: restApi.id, stageName: s.stageName });
};
const mtlsDomain = (controls: { versioning?: boolean; encryption?: boolean; publicAccessBlock?: boolean }, pinVersion = true) => {
    const bucket = bucketWith("truststore", controls);
    const object = new aws.s3.BucketObjectv2("bundle", { bucket: bucket.id, key: "truststore.pem", content: "pem" });
    new aws.apigateway.DomainName("mtls-domain", {
        domainName: "api.example.com", regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", securityPolicy: "TLS_1_2",
        endpointConfiguration: { types: "REGIONAL" },
        mutualTlsAuthentication: { truststoreUri: pulumiInterpolate(bucket.bucket), truststoreVersion: pinVersion ? object.versionId : undefined },
    });
};
const pulumiInterpolate = (bucketName: aws.s3.Bucket["bucket"]) => bucketName.apply((b) => `s3://${b}/truststore.pem`);
const usagePlanWithKey = (attach: boolean) => {
    const plan = new aws.apigateway.UsagePlan("plan", { throttleSettings: { rateLimit: 10, burstLimit: 20 }, quotaSettings: { limit: 1000, period: "DAY" } });
    const key = new aws.apigateway.ApiKey("key", {});
    if (attach) {
        new aws.apigateway.UsagePlanKey("plan-key", { keyId: key.id, keyType: "API_KEY", usagePlanId: plan.id });
    }
};
const methodSettings = (restApi: aws.apigateway.RestApi, s: aws.apigateway.Stage, settings: aws.types.input.apigateway.MethodSettingsSettings) =>
    new aws.apigateway.MethodSettings("settings", { restApi: restApi.id, stageName: s.stageName, methodPath: "*/*", settings });

export const RULE_CASES: Record<string, RuleCase> = {
    "apigw-method-requires-authorization": {
        compliant: () => { method("iam", "AWS_IAM"); method("preflight", "NONE", "OPTIONS"); method("health", "NONE"); },
        noncompliant: () => method("open", "NONE"),
        message: /"open" \(GET\) has authorization NONE.*allowedAnonymousMethods/,
        config: { "apigw-method-requires-authorization": { allowedAnonymousMethods: ["health"] } },
    },
    "apigw-stage-access-logging": {
        compliant: () => stage("logged", api("a"), { accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:1:log-group:x", format: ACCESS_LOG_FORMAT } }),
        noncompliant: () => stage("unlogged", api("a")),
        message: /"unlogged" has no access log settings/,
    },
    "apigw-stage-xray-tracing": {
        compliant: () => stage("traced", api("a"), { xrayTracingEnabled: true }),
        noncompliant: () => stage("untraced", api("a")),
        message: /does not enable X-Ray.*xrayTracingEnabled: true/,
    },
    "apigw-stage-throttling": {
        compliant: () => { const a = api("a"); methodSettings(a, stage("s", a), { throttlingRateLimit: 10, throttlingBurstLimit: 20 }); },
        noncompliant: () => stage("unthrottled", api("a")),
        message: /"unthrottled" has no stage-wide throttling.*methodPath "\*\/\*"/,
    },
    "apigw-method-settings-throttling": {
        compliant: () => { const a = api("a"); methodSettings(a, stage("s", a), { throttlingRateLimit: 10, throttlingBurstLimit: 20 }); },
        noncompliant: () => { const a = api("a"); methodSettings(a, stage("s", a), { throttlingRateLimit: -1, throttlingBurstLimit: -1, dataTraceEnabled: true }); },
        message: /throttling unset or unlimited|dataTraceEnabled/,
    },
    "apigw-execution-logging": {
        compliant: () => { const a = api("a"); methodSettings(a, stage("s", a), { loggingLevel: "ERROR", metricsEnabled: true, throttlingRateLimit: 1, throttlingBurstLimit: 1 }); },
        noncompliant: () => { const a = api("a"); methodSettings(a, stage("s", a), { loggingLevel: "OFF", throttlingRateLimit: 1, throttlingBurstLimit: 1 }); },
        message: /execution logging OFF|metricsEnabled/,
    },
    "apigw-authorizer-cache-ttl": {
        compliant: () => new aws.apigateway.Authorizer("auth", { restApi: api("a").id, type: "TOKEN", authorizerUri: "arn:x", authorizerResultTtlInSeconds: 300 }),
        noncompliant: () => new aws.apigateway.Authorizer("auth", { restApi: api("a").id, type: "REQUEST", authorizerUri: "arn:x", authorizerResultTtlInSeconds: 7200 }),
        message: /caches its decision for 7200 s, longer than the allowed 3600 s/,
    },
    "apigw-request-validation": {
        compliant: () => {
            const a = api("a");
            const v = new aws.apigateway.RequestValidator("v", { restApi: a.id, validateRequestBody: true });
            new aws.apigateway.Method("m", { restApi: a.id, resourceId: a.rootResourceId, httpMethod: "POST", authorization: "AWS_IAM", requestModels: { "application/json": "Order" }, requestValidatorId: v.id });
        },
        noncompliant: () => {
            const a = api("a");
            new aws.apigateway.Method("m", { restApi: a.id, resourceId: a.rootResourceId, httpMethod: "POST", authorization: "AWS_IAM", requestModels: { "application/json": "Order" } });
        },
        message: /declares request models \(application\/json\) but no request validator/,
    },
    "apigw-public-stage-waf": {
        compliant: () => {
            const s = stage("protected", api("a"));
            new aws.wafv2.WebAclAssociation("assoc", { resourceArn: s.arn, webAclArn: webAcl("acl", []).arn });
            stage("private-stage", api("p", { endpointConfiguration: { types: "PRIVATE" } }));
        },
        noncompliant: () => stage("exposed", api("a")),
        message: /"exposed" serves a REGIONAL API with no WAFv2 web ACL/,
    },
    "apigw-private-api-resource-policy": {
        compliant: () => api("private", { endpointConfiguration: { types: "PRIVATE" }, policy: privatePolicy(true) }),
        noncompliant: () => {
            api("no-policy", { endpointConfiguration: { types: "PRIVATE" } });
            const open = api("open", { endpointConfiguration: { types: "PRIVATE" } });
            new aws.apigateway.RestApiPolicy("open-policy", { restApiId: open.id, policy: privatePolicy(false) });
        },
        message: /is PRIVATE but has no resource policy|allows principal "\*" without an aws:SourceVpce/,
    },
    "apigw-default-endpoint-disabled": {
        compliant: () => domainWithMapping(true),
        noncompliant: () => domainWithMapping(false),
        message: /mapped to a custom domain but keeps its default execute-api endpoint.*disableExecuteApiEndpoint: true/,
    },
    "apigw-cors-restricted-origins": {
        compliant: () => corsResponse("https://app.example.com"),
        noncompliant: () => corsResponse("*"),
        message: /Access-Control-Allow-Origin: \*/,
        config: { "apigw-cors-restricted-origins": { allowedOrigins: ["https://app.example.com"] } },
    },
    "apigw-domain-tls-1-2": {
        compliant: () => new aws.apigateway.DomainName("d", { domainName: "a.example.com", securityPolicy: "TLS_1_2" }),
        noncompliant: () => new aws.apigateway.DomainName("d", { domainName: "a.example.com", securityPolicy: "TLS_1_0" }),
        message: /uses security policy TLS_1_0.*TLS_1_2/,
    },
    "apigw-mtls-truststore-bucket": {
        compliant: () => mtlsDomain({ versioning: true, encryption: true, publicAccessBlock: true }),
        noncompliant: () => mtlsDomain({ encryption: true }),
        message: /lacks versioning .*a BucketPublicAccessBlock/,
    },
    "apigw-usage-plan-limits": {
        compliant: () => new aws.apigateway.UsagePlan("p", { throttleSettings: { rateLimit: 1, burstLimit: 2 }, quotaSettings: { limit: 10, period: "DAY" } }),
        noncompliant: () => new aws.apigateway.UsagePlan("p", { throttleSettings: { rateLimit: 1, burstLimit: 2 } }),
        message: /"p" has no quotaSettings/,
    },
    "apigw-api-key-attached": {
        compliant: () => usagePlanWithKey(true),
        noncompliant: () => usagePlanWithKey(false),
        message: /"key" is not attached to any usage plan/,
    },
    "cognito-password-policy": {
        compliant: () => pool({}),
        noncompliant: () => pool({ passwordPolicy: { minimumLength: 8, requireSymbols: false, requireLowercase: true, requireUppercase: true, requireNumbers: true } }),
        message: /weak password policy \(minimumLength 8 < 12; requireSymbols is not true\)/,
    },
    "cognito-mfa": {
        compliant: () => pool({ mfaConfiguration: "ON" }),
        noncompliant: () => pool({ mfaConfiguration: "OFF" }),
        message: /mfaConfiguration OFF; this environment requires ON/,
    },
    "cognito-advanced-security": {
        compliant: () => pool({}),
        noncompliant: () => pool({ userPoolAddOns: { advancedSecurityMode: "OFF" } }),
        message: /advanced security OFF/,
    },
    "log-group-retention": {
        compliant: () => logGroup("kept", { retentionInDays: 90, kmsKeyId: KMS }),
        noncompliant: () => logGroup("forever", { kmsKeyId: KMS }),
        message: /"forever" keeps logs forever/,
    },
    "log-group-kms-encryption": {
        compliant: () => logGroup("encrypted", { retentionInDays: 90, kmsKeyId: KMS }),
        noncompliant: () => logGroup("plain", { retentionInDays: 90 }),
        message: /"plain" is not encrypted with a customer-managed KMS key/,
    },
    "cloudtrail-secure-trail": {
        compliant: () => trail("t", {}),
        noncompliant: () => trail("t", { isMultiRegionTrail: false, enableLogFileValidation: false, kmsKeyId: undefined }),
        message: /isMultiRegionTrail: true.*enableLogFileValidation: true.*kmsKeyId/,
    },
    "cloudtrail-cloudwatch-delivery": {
        compliant: () => trail("t", {}),
        noncompliant: () => trail("t", { cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined }),
        message: /does not deliver to CloudWatch Logs/,
    },
    "s3-log-bucket-public-access-block": {
        compliant: () => trail("t", {}, bucketWith("logs", { encryption: true, publicAccessBlock: true })),
        noncompliant: () => trail("t", {}, bucketWith("logs", { encryption: true })),
        message: /does not block public access/,
    },
    "waf-managed-rules-and-rate-limit": {
        compliant: () => webAcl("acl", [rateRule(2000), ...ALL_GROUPS.map((g, i) => managedRule(g, 10 + i))]),
        noncompliant: () => webAcl("acl", [managedRule("AWSManagedRulesCommonRuleSet", 1), managedRule("AWSManagedRulesSQLiRuleSet", 2, true)]),
        message: /does not block with AWSManagedRulesSQLiRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesAmazonIpReputationList|no blocking rate-based rule/,
    },
    "waf-logging": {
        compliant: () => {
            const acl = webAcl("acl", []);
            new aws.wafv2.WebAclLoggingConfiguration("log", { resourceArn: acl.arn, logDestinationConfigs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"] });
        },
        noncompliant: () => webAcl("acl", []),
        message: /has no logging configuration/,
    },
};

describe("policy rules", () => {
    it("every rule of the pack has a compliant and a non-compliant case", () => {
        assert.deepStrictEqual(Object.keys(RULE_CASES).sort(), policies.map((p) => p.name).sort());
    });

    it("every rule has a description, an enforcement level and remediation steps", () => {
        for (const p of policies) {
            assert.ok(p.description.length > 20, p.name);
            assert.ok(p.enforcementLevel === "mandatory" || p.enforcementLevel === "advisory", p.name);
            assert.ok((p.remediationSteps ?? "").length > 10, p.name);
        }
    });

    for (const [rule, c] of Object.entries(RULE_CASES)) {
        describe(rule, () => {
            it("passes a compliant program", async () => {
                const found = await violationsOf(rule, c.compliant, c.config);
                assert.deepStrictEqual(found.map((v) => v.message), []);
            });
            it("rejects a non-compliant program with a message that says what is wrong", async () => {
                const found = await violationsOf(rule, c.noncompliant, c.config);
                assert.ok(found.length > 0, `${rule} reported nothing`);
                for (const v of found) {
                    assert.strictEqual(v.policyName, rule);
                    assert.match(v.message, c.message);
                    assert.ok(v.urn, "a violation names the resource");
                }
            });
        });
    }
});
