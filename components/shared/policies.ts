/**
 * Pure builders of IAM, resource and key policy documents. Every function takes
 * plain strings and returns a document object; components JSON-encode them
 * inside `pulumi.all(...).apply(...)`.
 */

/** One IAM policy statement. */
export interface PolicyStatement {
    /**
     * Statement id.
     * @default none
     */
    Sid?: string;
    /** Allow or Deny. */
    Effect: "Allow" | "Deny";
    /**
     * Who (resource and trust policies only).
     * @default none (identity policies)
     */
    Principal?: "*" | Record<string, string | string[]>;
    /** Actions. */
    Action: string | string[];
    /**
     * Resources.
     * @default none (trust policies omit it)
     */
    Resource?: string | string[];
    /**
     * Conditions.
     * @default none
     */
    Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

export function document(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/** Trust policy letting one AWS service assume a role, with the conditions (if any) that service documents it sends. */
export function assumeRolePolicy(service: string, condition?: PolicyStatement["Condition"]): PolicyDocument {
    return document({
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        ...(condition ? { Condition: condition } : {}),
    });
}

/**
 * Trust policy of a role API Gateway assumes as *credentials*: the account's
 * CloudWatch logging role ("API Gateway: Permissions for CloudWatch logging",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html#set-up-access-logging-permissions),
 * a Lambda authorizer's `authorizerCredentials` ("Use API Gateway Lambda
 * authorizers", https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization.html)
 * and integration `credentials`. AWS documents exactly this statement, with
 * no condition: API Gateway does not send `aws:SourceAccount`/`aws:SourceArn`
 * when it assumes these roles, so such a condition makes `UpdateAccount` fail
 * ("The role ARN does not have required permissions") and every call through
 * the authorizer answer 500.
 */
export function apiGatewayTrustPolicy(): PolicyDocument {
    return assumeRolePolicy("apigateway.amazonaws.com");
}

/**
 * Trust policy of the role CloudTrail uses to deliver a trail to CloudWatch
 * Logs. CloudTrail does send the trail's ARN and account
 * ("CloudTrail: Sending events to CloudWatch Logs",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html,
 * its role policy https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html, and
 * "Cross-service confused deputy prevention",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cross-service-confused-deputy-prevention.html),
 * so the role admits only that trail.
 */
export function cloudTrailTrustPolicy(trailArn: string, accountId: string): PolicyDocument {
    return assumeRolePolicy("cloudtrail.amazonaws.com", {
        StringEquals: { "aws:SourceArn": trailArn, "aws:SourceAccount": accountId },
    });
}

/**
 * Resource policy of a PRIVATE REST API: allow invoke from the given VPC
 * endpoints, and deny every request that did not come through one of them.
 */
export function privateApiPolicy(executeApiArn: string, vpcEndpointIds: string[]): PolicyDocument {
    if (vpcEndpointIds.length === 0) {
        throw new Error("privateApiPolicy needs at least one VPC endpoint id");
    }
    const resource = `${executeApiArn}/*`;
    return document(
        {
            Sid: "AllowInvokeFromVpcEndpoints",
            Effect: "Allow",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: resource,
            Condition: { StringEquals: { "aws:SourceVpce": vpcEndpointIds } },
        },
        {
            Sid: "DenyInvokeFromAnywhereElse",
            Effect: "Deny",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: resource,
            Condition: { StringNotEquals: { "aws:SourceVpce": vpcEndpointIds } },
        },
    );
}

/** The ARN of one method of a stage: `arn:aws:execute-api:r:a:id/stage/GET/orders/*`. */
export function methodArn(executionArn: string, stage: string, method: string, path: string): string {
    const verb = method.toUpperCase() === "ANY" ? "*" : method.toUpperCase();
    const resourcePath = path.replace(/\{[^}]+\}/g, "*");
    return `${executionArn}/${stage}/${verb}${resourcePath}`;
}

/** Least-privilege identity policy to invoke exactly the given method ARNs (for AWS_IAM routes). */
export function invokePolicy(methodArns: string[]): PolicyDocument {
    if (methodArns.length === 0) {
        throw new Error("invokePolicy needs at least one method ARN");
    }
    return document({ Sid: "InvokeIamRoutes", Effect: "Allow", Action: "execute-api:Invoke", Resource: [...methodArns].sort() });
}

/** Bucket policy statement that denies any request not made over TLS. */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": false } },
    };
}

/** Statements letting CloudTrail write one trail's logs into a bucket. */
export function cloudTrailBucketStatements(bucketArn: string, accountId: string, trailArn: string): PolicyStatement[] {
    return [
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/AWSLogs/${accountId}/*`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
        },
    ];
}

/**
 * Key policy of the platform's KMS key: the account administers it; CloudWatch
 * Logs may use it only for this account's log groups, CloudTrail only for this
 * account's trails.
 */
export function platformKeyPolicy(partition: string, region: string, accountId: string): PolicyDocument {
    return document(
        {
            Sid: "AccountAdministers",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        },
        {
            Sid: "CloudWatchLogsUse",
            Effect: "Allow",
            Principal: { Service: `logs.${region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:*` } },
        },
        {
            Sid: "CloudTrailEncrypt",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceAccount": accountId },
                StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${partition}:cloudtrail:*:${accountId}:trail/*` },
            },
        },
    );
}

/** Policy letting CloudTrail deliver to one log group. */
export function cloudTrailToLogsPolicy(logGroupArn: string): PolicyDocument {
    return document({
        Sid: "DeliverToLogGroup",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${logGroupArn}:log-stream:*`,
    });
}

/** Policy letting API Gateway invoke exactly one Lambda function (authorizer credentials). */
export function invokeFunctionPolicy(functionArn: string): PolicyDocument {
    return document({ Sid: "InvokeAuthorizer", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: functionArn });
}

/** The URI API Gateway uses to call a Lambda function. */
export function lambdaInvokeUri(region: string, functionArn: string, partition = "aws"): string {
    return `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}
