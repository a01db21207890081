/**
 * Pins the exact documents of the pure policy builders in components/shared/policies.ts:
 * every statement (Sid, Effect, Principal, Action, Resource, Condition) as AWS documents it
 * (private API resource policy, CloudTrail bucket and key policy statements, CloudWatch Logs key
 * use, CloudTrail-to-Logs delivery), the sorting of invoke policies and the errors on empty input.
 */
import * as assert from "assert";
import { cloudTrailBucketStatements, cloudTrailToLogsPolicy, invokePolicy, platformKeyPolicy, privateApiPolicy } from "../../../components/shared/policies";
import { thrown } from "../../harness";

const EXECUTE_API_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123";
const BUCKET_ARN = "arn:aws:s3:::trail-logs";
const TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit";

describe("shared policies: privateApiPolicy", () => {
    it("allows invoke through the listed VPC endpoints and denies it from anywhere else, on every method of the API", () => {
        assert.deepStrictEqual(privateApiPolicy(EXECUTE_API_ARN, ["vpce-0a1", "vpce-0b2"]), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AllowInvokeFromVpcEndpoints",
                    Effect: "Allow",
                    Principal: "*",
                    Action: "execute-api:Invoke",
                    Resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/*",
                    Condition: { StringEquals: { "aws:SourceVpce": ["vpce-0a1", "vpce-0b2"] } },
                },
                {
                    Sid: "DenyInvokeFromAnywhereElse",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "execute-api:Invoke",
                    Resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/*",
                    Condition: { StringNotEquals: { "aws:SourceVpce": ["vpce-0a1", "vpce-0b2"] } },
                },
            ],
        });
    });

    it("accepts a single VPC endpoint", () => {
        const doc = privateApiPolicy(EXECUTE_API_ARN, ["vpce-0a1"]);
        assert.deepStrictEqual(
            doc.Statement.map((s) => s.Condition),
            [{ StringEquals: { "aws:SourceVpce": ["vpce-0a1"] } }, { StringNotEquals: { "aws:SourceVpce": ["vpce-0a1"] } }],
        );
    });

    it("refuses an empty VPC endpoint list with an exact message", () => {
        const error = thrown(() => privateApiPolicy(EXECUTE_API_ARN, []));
        assert.strictEqual(error.message, "privateApiPolicy needs at least one VPC endpoint id");
    });
});

describe("shared policies: invokePolicy", () => {
    it("allows execute-api:Invoke on exactly the given method ARNs, sorted, without reordering the caller's array", () => {
        const arns = [`${EXECUTE_API_ARN}/prod/POST/orders`, `${EXECUTE_API_ARN}/prod/GET/orders/*`, `${EXECUTE_API_ARN}/prod/DELETE/orders/*`];
        assert.deepStrictEqual(invokePolicy(arns), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "InvokeIamRoutes",
                    Effect: "Allow",
                    Action: "execute-api:Invoke",
                    Resource: [
                        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/orders/*",
                        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders/*",
                        "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/orders",
                    ],
                },
            ],
        });
        assert.deepStrictEqual(arns, [
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/orders",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders/*",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/DELETE/orders/*",
        ]);
    });

    it("refuses an empty method ARN list with an exact message", () => {
        const error = thrown(() => invokePolicy([]));
        assert.strictEqual(error.message, "invokePolicy needs at least one method ARN");
    });
});

describe("shared policies: cloudTrailBucketStatements", () => {
    it("lets only this trail check the bucket ACL and write under AWSLogs/<account>/ with bucket-owner-full-control", () => {
        // "Amazon S3 bucket policy for CloudTrail" (AWS CloudTrail User Guide).
        assert.deepStrictEqual(cloudTrailBucketStatements(BUCKET_ARN, "123456789012", TRAIL_ARN), [
            {
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: "arn:aws:s3:::trail-logs",
                Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit" } },
            },
            {
                Sid: "CloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: "arn:aws:s3:::trail-logs/AWSLogs/123456789012/*",
                Condition: {
                    StringEquals: {
                        "s3:x-amz-acl": "bucket-owner-full-control",
                        "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit",
                    },
                },
            },
        ]);
    });
});

describe("shared policies: platformKeyPolicy", () => {
    it("lets the account administer the key, CloudWatch Logs use it for the account's log groups, CloudTrail for its trails", () => {
        // "Encrypt log data in CloudWatch Logs using AWS KMS" and "Configure AWS KMS key policies for CloudTrail".
        assert.deepStrictEqual(platformKeyPolicy("aws-us-gov", "us-gov-west-1", "123456789012"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AccountAdministers",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws-us-gov:iam::123456789012:root" },
                    Action: "kms:*",
                    Resource: "*",
                },
                {
                    Sid: "CloudWatchLogsUse",
                    Effect: "Allow",
                    Principal: { Service: "logs.us-gov-west-1.amazonaws.com" },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws-us-gov:logs:us-gov-west-1:123456789012:*" } },
                },
                {
                    Sid: "CloudTrailEncrypt",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
                    Resource: "*",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws-us-gov:cloudtrail:*:123456789012:trail/*" },
                    },
                },
            ],
        });
    });
});

describe("shared policies: cloudTrailToLogsPolicy", () => {
    it("lets CloudTrail create streams and put events in exactly one log group", () => {
        // "Role policy document for CloudTrail to use CloudWatch Logs for monitoring".
        assert.deepStrictEqual(cloudTrailToLogsPolicy("arn:aws:logs:us-east-1:123456789012:log-group:trail"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "DeliverToLogGroup",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: "arn:aws:logs:us-east-1:123456789012:log-group:trail:log-stream:*",
                },
            ],
        });
    });
});
