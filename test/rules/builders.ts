/**
 * Raw @pulumi/aws building blocks for the rule specs: each builds a compliant
 * resource by default, and takes the args to change.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export const ACCOUNT = "123456789012";
export const KMS_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc`;
export const LOG_GROUP_ARN = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:access`;
export const CERT_ARN = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/x`;
/** The API Gateway invocation URI of Lambda function `fn` (what a Lambda authorizer or proxy integration names). */
export const lambdaInvokeUri = (fn: string) =>
    `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn}/invocations`;
export const ACCESS_LOG_FORMAT = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", status: "$context.status" });
export const MANAGED_GROUPS = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
];

export function restApi(name: string, args: Partial<aws.apigateway.RestApiArgs> = {}): aws.apigateway.RestApi {
    return new aws.apigateway.RestApi(name, { name, endpointConfiguration: { types: "REGIONAL" }, ...args });
}

export function stage(name: string, api: aws.apigateway.RestApi, args: Partial<aws.apigateway.StageArgs> = {}): aws.apigateway.Stage {
    const deployment = new aws.apigateway.Deployment(`${name}-deployment`, { restApi: api.id });
    return new aws.apigateway.Stage(name, { restApi: api.id, deployment: deployment.id, stageName: name, ...args });
}

export function method(name: string, api: aws.apigateway.RestApi, args: Partial<aws.apigateway.MethodArgs> = {}): aws.apigateway.Method {
    return new aws.apigateway.Method(name, { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorization: "AWS_IAM", ...args });
}

export type Settings = aws.types.input.apigateway.MethodSettingsSettings;
export const THROTTLED: Settings = { throttlingRateLimit: 10, throttlingBurstLimit: 20, loggingLevel: "ERROR", metricsEnabled: true, dataTraceEnabled: false };

export function methodSettings(
    name: string,
    api: aws.apigateway.RestApi,
    s: aws.apigateway.Stage,
    settings: Settings = THROTTLED,
    methodPath = "*/*",
): aws.apigateway.MethodSettings {
    return new aws.apigateway.MethodSettings(name, { restApi: api.id, stageName: s.stageName, methodPath, settings });
}

export function logGroup(name: string, args: Partial<aws.cloudwatch.LogGroupArgs> = {}): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(name, { retentionInDays: 90, kmsKeyId: KMS_ARN, ...args });
}

export function userPool(name: string, args: Partial<aws.cognito.UserPoolArgs> = {}): aws.cognito.UserPool {
    return new aws.cognito.UserPool(name, {
        passwordPolicy: {
            minimumLength: 14,
            requireLowercase: true,
            requireUppercase: true,
            requireNumbers: true,
            requireSymbols: true,
            temporaryPasswordValidityDays: 3,
        },
        mfaConfiguration: "ON",
        softwareTokenMfaConfiguration: { enabled: true },
        userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        ...args,
    });
}

export type PasswordPolicy = aws.types.input.cognito.UserPoolPasswordPolicy;
export const STRONG_PASSWORDS: PasswordPolicy = {
    minimumLength: 14,
    requireLowercase: true,
    requireUppercase: true,
    requireNumbers: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 3,
};

export type WafRule = aws.types.input.wafv2.WebAclRule;
const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

export function managedRule(group: string, priority: number, count = false): WafRule {
    return {
        name: group,
        priority,
        overrideAction: count ? { count: {} } : { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
        visibilityConfig: visibility(group),
    };
}

export function rateRule(limit: number, priority = 0, count = false): WafRule {
    return {
        name: `rate-${priority}`,
        priority,
        action: count ? { count: {} } : { block: {} },
        statement: { rateBasedStatement: { limit, aggregateKeyType: "IP" } },
        visibilityConfig: visibility(`rate-${priority}`),
    };
}

/** A rate rule and every required managed group, all blocking. */
export function wafRules(limit = 2000): WafRule[] {
    return [rateRule(limit), ...MANAGED_GROUPS.map((g, i) => managedRule(g, i + 1))];
}

export function webAcl(name: string, rules: WafRule[] = wafRules(), args: Partial<aws.wafv2.WebAclArgs> = {}): aws.wafv2.WebAcl {
    return new aws.wafv2.WebAcl(name, { scope: "REGIONAL", defaultAction: { allow: {} }, rules, visibilityConfig: visibility(name), ...args });
}

export function trail(name: string, args: Partial<aws.cloudtrail.TrailArgs> = {}): aws.cloudtrail.Trail {
    return new aws.cloudtrail.Trail(name, {
        s3BucketName: "audit-bucket",
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
        kmsKeyId: KMS_ARN,
        cloudWatchLogsGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:trail:*`,
        cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/trail`,
        ...args,
    });
}

/** Which protections a bucket gets, and through which classes. */
export interface BucketSpec {
    /** `Bucket` (default) or `BucketV2`. */
    kind?: "Bucket" | "BucketV2";
    versioning?: boolean;
    encryption?: boolean;
    publicAccessBlock?: boolean;
    /** Use the V2 companion classes (BucketVersioningV2, BucketServerSideEncryptionConfigurationV2). */
    v2Companions?: boolean;
    /** Public access block settings (default all true). */
    blockSettings?: Partial<aws.s3.BucketPublicAccessBlockArgs>;
}

export function bucket(name: string, spec: BucketSpec = {}): aws.s3.Bucket | aws.s3.BucketV2 {
    // The mocks name a Bucket; a BucketV2 gets its name here.
    const b = spec.kind === "BucketV2" ? new aws.s3.BucketV2(name, { bucket: `${name}-bucket` }) : new aws.s3.Bucket(name, {});
    if (spec.versioning) {
        const args = { bucket: b.id, versioningConfiguration: { status: "Enabled" } };
        if (spec.v2Companions) {
            new aws.s3.BucketVersioningV2(`${name}-versioning`, args);
        } else {
            new aws.s3.BucketVersioning(`${name}-versioning`, args);
        }
    }
    if (spec.encryption) {
        const args = { bucket: b.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS_ARN } }] };
        if (spec.v2Companions) {
            new aws.s3.BucketServerSideEncryptionConfigurationV2(`${name}-encryption`, args);
        } else {
            new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, args);
        }
    }
    if (spec.publicAccessBlock) {
        new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, {
            bucket: b.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
            ...spec.blockSettings,
        });
    }
    return b;
}

export const PROTECTED: BucketSpec = { versioning: true, encryption: true, publicAccessBlock: true };

/** A resource policy for a PRIVATE API: one Allow of "*", with or without an aws:SourceVpce condition. */
export function privatePolicy(withCondition: boolean): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*",
                ...(withCondition ? { Condition: { StringEquals: { "aws:SourceVpce": "vpce-123" } } } : {}),
            },
        ],
    });
}

export function domainName(name: string, args: Partial<aws.apigateway.DomainNameArgs> = {}): aws.apigateway.DomainName {
    return new aws.apigateway.DomainName(name, {
        domainName: `${name}.example.com`,
        regionalCertificateArn: CERT_ARN,
        securityPolicy: "TLS_1_2",
        endpointConfiguration: { types: "REGIONAL" },
        ...args,
    });
}

/** `s3://<bucket>/<key>` of a bucket's name. */
export function s3Uri(b: aws.s3.Bucket | aws.s3.BucketV2, key: string): pulumi.Output<string> {
    return pulumi.interpolate`s3://${b.bucket}/${key}`;
}

// --- S3 bucket policies and full bucket protection (rules under s3/) ---

/** One statement of a bucket policy. */
export type BucketStatement = Record<string, unknown>;

/** The TLS-only Deny of a bucket ARN. */
export function tlsDeny(arn: string): BucketStatement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": false } },
    };
}

/** A BucketPolicy for `b`, built from its name (known at preview): the TLS-only Deny by default. */
export function bucketPolicy(
    name: string,
    b: aws.s3.Bucket | aws.s3.BucketV2,
    statements: (arn: string) => BucketStatement[] = (arn) => [tlsDeny(arn)],
): aws.s3.BucketPolicy {
    return new aws.s3.BucketPolicy(`${name}-policy`, {
        bucket: b.id,
        policy: b.bucket.apply((n) => JSON.stringify({ Version: "2012-10-17", Statement: statements(`arn:aws:s3:::${n}`) })),
    });
}

/** A bucket with every protection (PROTECTED) and the TLS-only policy. */
export function tlsBucket(name: string, spec: BucketSpec = {}, statements?: (arn: string) => BucketStatement[]): aws.s3.Bucket | aws.s3.BucketV2 {
    const b = bucket(name, { ...PROTECTED, ...spec });
    bucketPolicy(name, b, statements);
    return b;
}

/**
 * A value known only after deployment: derived from an SQS queue's ARN (a type no rule inspects), so a
 * first preview hands it to rules as unknown and update as `value`.
 */
export function afterDeployment<T>(value: T): pulumi.Output<T> {
    return new aws.sqs.Queue(`later-${++laterCount}`).arn.apply(() => value);
}
let laterCount = 0;
