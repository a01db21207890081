import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ApiAlarms, ApiGatewayAccount, AuditTrail, EncryptedLogGroup, PlatformKey, SecureBucket } from "../../../components";
import { assertRejectsBeforeCreating, names, runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

/** The part of an ApiEndpoint alarms read. */
const endpoint = (apiName: string, stage: string, accessLogGroupName: string) => ({
    metricDimensions: pulumi.output({ ApiName: apiName, Stage: stage } as Record<string, string>),
    accessLogGroupName: pulumi.output(accessLogGroupName),
});

describe("observability and audit components", () => {
    it("EncryptedLogGroup always sets a KMS key and a valid retention", async () => {
        const plan = await runProgram(() => {
            new EncryptedLogGroup("logs", { retentionInDays: 90, kmsKeyArn: KMS_ARN });
        });
        const group = plan.props("aws:cloudwatch/logGroup:LogGroup");
        assert.deepStrictEqual([group.retentionInDays, group.kmsKeyId], [90, KMS_ARN]);
        assert.deepStrictEqual(
            plan.childrenOf(plan.one("secure-api:observability:EncryptedLogGroup").urn).map((r) => `${r.type} ${r.name}`),
            ["aws:cloudwatch/logGroup:LogGroup logs"],
        );
        await assertRejectsBeforeCreating(
            () => new EncryptedLogGroup("bad", { retentionInDays: 0, kmsKeyArn: KMS_ARN }),
            /EncryptedLogGroup: retentionInDays must be one of 1, 3, 5/,
        );
    });

    it("PlatformKey rotates and lets CloudWatch Logs and CloudTrail use it only for this account", async () => {
        const plan = await runProgram(() => {
            new PlatformKey("platform", { aliasName: "orders-dev" });
        });
        const key = plan.props("aws:kms/key:Key");
        assert.strictEqual(key.enableKeyRotation, true);
        assert.strictEqual(key.deletionWindowInDays, 30);
        const policy = JSON.parse(String(key.policy)) as {
            Statement: { Sid: string; Principal: unknown; Condition?: Record<string, Record<string, string>> }[];
        };
        const logs = policy.Statement.find((s) => s.Sid === "CloudWatchLogsUse")!;
        assert.deepStrictEqual(logs.Principal, { Service: "logs.us-east-1.amazonaws.com" });
        assert.strictEqual(logs.Condition!.ArnLike["kms:EncryptionContext:aws:logs:arn"], "arn:aws:logs:us-east-1:123456789012:*");
        assert.strictEqual(policy.Statement.find((s) => s.Sid === "CloudTrailEncrypt")!.Condition!.StringEquals["aws:SourceAccount"], "123456789012");
        assert.strictEqual(plan.props("aws:kms/alias:Alias").name, "alias/orders-dev");
        await assertRejectsBeforeCreating(
            () => new PlatformKey("bad", { aliasName: "x", deletionWindowInDays: 3 }),
            /PlatformKey: deletionWindowInDays must be an integer from 7 to 30/,
        );
    });

    it("PlatformKey describes its key, parents key and alias, and names the aliasName it rejects (whole name, both ends)", async () => {
        const plan = await runProgram(() => {
            new PlatformKey("platform", { aliasName: "orders/dev_1-a" });
        });
        assert.strictEqual(plan.props("aws:kms/key:Key").description, "Encrypts logs and audit data of platform");
        const component = plan.one("secure-api:security:PlatformKey").urn;
        assert.deepStrictEqual(
            plan.childrenOf(component).map((r) => `${r.type} ${r.name}`),
            ["aws:kms/key:Key platform-key", "aws:kms/alias:Alias platform-alias"],
        );
        for (const aliasName of ["!orders", "orders!", ""]) {
            const error = await assertRejectsBeforeCreating(() => new PlatformKey("bad", { aliasName }));
            assert.strictEqual(error.message, `PlatformKey: aliasName must be letters, digits, / _ - (no alias/ prefix) (got ${JSON.stringify(aliasName)})`);
        }
    });

    it("SecureBucket is versioned, KMS-encrypted, private, owner-enforced and TLS-only", async () => {
        const plan = await runProgram(() => {
            new SecureBucket("data", { kmsKeyArn: KMS_ARN });
        });
        assert.strictEqual(plan.props("aws:s3/bucket:Bucket", "data").forceDestroy, false);
        assert.deepStrictEqual(plan.props("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "data-ownership").rule, {
            objectOwnership: "BucketOwnerEnforced",
        });
        const policy = JSON.parse(String(plan.props("aws:s3/bucketPolicy:BucketPolicy", "data-policy").policy));
        assert.deepStrictEqual(
            policy.Statement.map((s: { Sid: string }) => s.Sid),
            ["DenyInsecureTransport"],
        );
    });

    it("ApiGatewayAccount gives API Gateway a role, in AWS's documented trust form, to push logs, and never destroys it", async () => {
        const retained: Record<string, boolean | undefined> = {};
        const plan = await runProgram(() => {
            // The recorder does not keep resource options; a stack transformation sees them.
            pulumi.runtime.registerStackTransformation((t) => {
                retained[t.type] = t.opts.retainOnDelete;
                return undefined;
            });
            new ApiGatewayAccount("account");
        });
        // "API Gateway: Permissions for CloudWatch logging": this statement and no condition
        // (with aws:SourceAccount, UpdateAccount fails: API Gateway does not send it).
        assert.strictEqual(plan.props("aws:iam/role:Role").description, "Lets API Gateway write logs to CloudWatch");
        const trust = JSON.parse(String(plan.props("aws:iam/role:Role").assumeRolePolicy));
        assert.deepStrictEqual(trust, {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        for (const type of ["aws:iam/role:Role", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:apigateway/account:Account"]) {
            assert.strictEqual(retained[type], true, `${type} is retained on delete`);
        }
        const account = plan.one("aws:apigateway/account:Account");
        assert.ok(account.dependencies.includes(plan.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment").urn));
        assert.strictEqual(
            plan.props("aws:iam/rolePolicyAttachment:RolePolicyAttachment").policyArn,
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
        );
        assert.match(String(plan.props("aws:apigateway/account:Account").cloudwatchRoleArn), /^arn:aws:iam::123456789012:role\//);
    });

    it("ApiAlarms watches 4XX, 5XX, p99 latency and 429s counted from the access log", async () => {
        const plan = await runProgram(() => {
            new ApiAlarms("alarms", {
                endpoint: endpoint("orders", "prod", "/aws/apigateway/orders"),
                metricPrefix: "orders",
                latencyP99Ms: 1500,
                alarmActions: ["arn:aws:sns:us-east-1:1:oncall"],
            });
        });
        const alarms = Object.fromEntries(plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => [a.name, a.props]));
        assert.deepStrictEqual(Object.keys(alarms).sort(), ["alarms-4xx", "alarms-5xx", "alarms-latency-p99", "alarms-throttled"]);
        assert.deepStrictEqual([alarms["alarms-5xx"].metricName, alarms["alarms-5xx"].threshold], ["5XXError", 5]);
        assert.deepStrictEqual([alarms["alarms-latency-p99"].extendedStatistic, alarms["alarms-latency-p99"].threshold], ["p99", 1500]);
        assert.deepStrictEqual(alarms["alarms-4xx"].dimensions, { ApiName: "orders", Stage: "prod" });
        assert.deepStrictEqual(alarms["alarms-4xx"].alarmActions, ["arn:aws:sns:us-east-1:1:oncall"]);
        const filter = plan.props("aws:cloudwatch/logMetricFilter:LogMetricFilter");
        assert.strictEqual(filter.pattern, '{ $.status = "429" }');
        assert.strictEqual(alarms["alarms-throttled"].metricName, (filter.metricTransformation as { name: string }).name);
        await assertRejectsBeforeCreating(
            () => new ApiAlarms("bad", { endpoint: endpoint("o", "p", "g"), metricPrefix: "o", serverErrors: 0 }),
            /ApiAlarms: serverErrors must be an integer from 1/,
        );
    });

    it("AuditTrail records every read and write event, parents what it creates, waits for its bucket and role policy, and names the argument it rejects", async () => {
        const plan = await runProgram(() => {
            new AuditTrail("audit", { trailName: "orders-audit", kmsKeyArn: KMS_ARN, logRetentionInDays: 365 });
        });
        const trail = plan.one("aws:cloudtrail/trail:Trail");
        assert.deepStrictEqual(trail.props.eventSelectors, [{ readWriteType: "All", includeManagementEvents: true }]);
        assert.strictEqual(plan.props("aws:iam/role:Role").description, "Lets CloudTrail deliver to its log group");
        const component = plan.one("secure-api:audit:AuditTrail").urn;
        assert.deepStrictEqual(
            plan.childrenOf(component).map((r) => r.type),
            [
                "secure-api:storage:SecureBucket",
                "secure-api:observability:EncryptedLogGroup",
                "aws:iam/role:Role",
                "aws:iam/rolePolicy:RolePolicy",
                "aws:cloudtrail/trail:Trail",
            ],
        );
        const rolePolicy = plan.one("aws:iam/rolePolicy:RolePolicy").urn;
        const bucketPolicy = plan.one("aws:s3/bucketPolicy:BucketPolicy", "audit-bucket-policy").urn;
        assert.ok(trail.dependencies.includes(rolePolicy), `the trail must wait for its role policy; it depends on ${trail.dependencies.join(", ")}`);
        assert.ok(trail.dependencies.includes(bucketPolicy), `the trail must wait for its bucket policy; it depends on ${trail.dependencies.join(", ")}`);
        for (const trailName of ["-orders", "orders!", "ab"]) {
            const error = await assertRejectsBeforeCreating(() => new AuditTrail("bad", { trailName, kmsKeyArn: KMS_ARN, logRetentionInDays: 30 }));
            assert.strictEqual(error.message, `AuditTrail: trailName must be 3-128 letters, digits, . _ - (got ${JSON.stringify(trailName)})`);
        }
        const retention = await assertRejectsBeforeCreating(
            () => new AuditTrail("bad", { trailName: "orders-audit", kmsKeyArn: KMS_ARN, logRetentionInDays: 2 }),
        );
        assert.match(retention.message, /^AuditTrail: logRetentionInDays must be one of 1, 3, 5, .* days \(got 2\)$/);
    });

    it("AuditTrail is multi-region, validated, KMS-encrypted, delivered to a locked-down bucket and CloudWatch", async () => {
        const plan = await runProgram(() => {
            new AuditTrail("audit", { trailName: "orders-audit", kmsKeyArn: KMS_ARN, logRetentionInDays: 365 });
        });
        const trail = plan.props("aws:cloudtrail/trail:Trail");
        assert.deepStrictEqual(
            [trail.isMultiRegionTrail, trail.enableLogFileValidation, trail.kmsKeyId, trail.includeGlobalServiceEvents],
            [true, true, KMS_ARN, true],
        );
        assert.match(String(trail.cloudWatchLogsGroupArn), /^arn:aws:logs:.*:\*$/);
        const bucketPolicy = JSON.parse(String(plan.props("aws:s3/bucketPolicy:BucketPolicy", "audit-bucket-policy").policy)) as {
            Statement: { Sid: string; Condition?: Record<string, Record<string, string>> }[];
        };
        assert.deepStrictEqual(
            bucketPolicy.Statement.map((s) => s.Sid),
            ["DenyInsecureTransport", "CloudTrailAclCheck", "CloudTrailWrite"],
        );
        assert.strictEqual(bucketPolicy.Statement[2].Condition!.StringEquals["aws:SourceArn"], "arn:aws:cloudtrail:us-east-1:123456789012:trail/orders-audit");
        // "CloudTrail: Sending events to CloudWatch Logs": CloudTrail sends aws:SourceArn and
        // aws:SourceAccount, so the delivery role admits this trail only.
        const trust = JSON.parse(String(plan.props("aws:iam/role:Role").assumeRolePolicy));
        assert.deepStrictEqual(trust, {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/orders-audit", "aws:SourceAccount": "123456789012" },
                    },
                },
            ],
        });
        const violations = await plan.violations();
        assert.deepStrictEqual(
            names(violations).filter((n) => n.startsWith("cloudtrail") || n.startsWith("s3") || n.startsWith("log-group-kms")),
            [],
        );
        await assertRejectsBeforeCreating(
            () => new AuditTrail("bad", { trailName: "a b", kmsKeyArn: KMS_ARN, logRetentionInDays: 30 }),
            /AuditTrail: trailName must be 3-128/,
        );
    });
});
