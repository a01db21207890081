import * as assert from "assert";
import { SecureBucket } from "../../../components/storage/secure-bucket";
import { runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

const BUCKET = "aws:s3/bucket:Bucket";
const ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
type Statement = { Sid?: string; Principal?: unknown; Resource?: unknown; Condition?: Record<string, Record<string, unknown>> };
const statements = (policy: unknown): Statement[] => JSON.parse(String(policy)).Statement;

describe("SecureBucket", () => {
    for (const mode of ["update", "preview"] as const) {
        it(`defaults (${mode}): server access logs to its own access-log bucket (SSE-S3, scoped delivery policy), and the pack finds nothing`, async () => {
            const plan = await runProgram(
                () => {
                    new SecureBucket("data", { kmsKeyArn: KMS_ARN });
                },
                { mode },
            );
            assert.deepStrictEqual(
                plan
                    .ofType(BUCKET)
                    .map((b) => b.name)
                    .sort(),
                ["data", "data-access-logs"],
            );
            const logging = plan.props(LOGGING, "data-access-logging");
            assert.strictEqual(logging.targetPrefix, "access-logs/");
            assert.strictEqual(plan.ofType(LOGGING).length, 1, "the access-log bucket does not log itself");
            const sse = (name: string) => (plan.props(ENCRYPTION, name).rules as { applyServerSideEncryptionByDefault: { sseAlgorithm: string } }[])[0];
            assert.strictEqual(sse("data-encryption").applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            assert.strictEqual(sse("data-access-logs-encryption").applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
            const delivery = statements(plan.props(POLICY, "data-access-logs-policy").policy).find((s) => s.Sid === "S3ServerAccessLogsPolicy");
            assert.ok(delivery, "the access-log bucket lets logging.s3.amazonaws.com deliver");
            assert.deepStrictEqual(delivery.Principal, { Service: "logging.s3.amazonaws.com" });
            assert.match(String(delivery.Resource), /^arn:aws:s3:::.+\/access-logs\/\*$/);
            assert.match(String(delivery.Condition?.ArnLike["aws:SourceArn"]), /^arn:aws:s3:::data/);
            assert.strictEqual(delivery.Condition?.StringEquals["aws:SourceAccount"], "123456789012");
            assert.ok(!statements(plan.props(POLICY, "data-policy").policy).some((s) => s.Sid === "S3ServerAccessLogsPolicy"));
            assert.deepStrictEqual(
                (await plan.violations()).map((v) => `${v.policyName}: ${v.message}`),
                [],
            );
        });
    }

    it("accessLogTargetOf: an access-log bucket itself, without logging of its own", async () => {
        const plan = await runProgram(() => {
            new SecureBucket("logs", { kmsKeyArn: KMS_ARN, accessLogTargetOf: { sourceBucketName: "src", sourceAccountId: "123456789012" } });
        });
        assert.strictEqual(plan.ofType(BUCKET).length, 1);
        assert.strictEqual(plan.ofType(LOGGING).length, 0);
        const delivery = statements(plan.props(POLICY).policy).find((s) => s.Sid === "S3ServerAccessLogsPolicy");
        assert.deepStrictEqual(delivery?.Condition, {
            ArnLike: { "aws:SourceArn": "arn:aws:s3:::src" },
            StringEquals: { "aws:SourceAccount": "123456789012" },
        });
    });
    it("writes exactly these secure defaults (literal expectations): no force-destroy, SSE-KMS with a bucket key, aborted uploads, ordered policy and logging", async () => {
        let ready: Promise<string> | undefined;
        const plan = await runProgram(() => {
            const bucket = new SecureBucket("data", { kmsKeyArn: KMS_ARN });
            ready = new Promise((resolve) => bucket.ready.apply(resolve));
        });
        assert.strictEqual(await ready, "ready");
        assert.strictEqual(plan.props(BUCKET, "data").forceDestroy, false);
        assert.deepStrictEqual(plan.props(ENCRYPTION, "data-encryption").rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS_ARN }, bucketKeyEnabled: true },
        ]);
        assert.deepStrictEqual(plan.props("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "data-lifecycle").rules, [
            { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
        ]);
        const urn = (type: string, name: string) => plan.one(type, name).urn;
        const policy = plan.one(POLICY, "data-policy");
        for (const dep of [
            urn("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "data-public-access"),
            urn("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "data-ownership"),
        ]) {
            assert.ok(policy.dependencies.includes(dep), `the bucket policy must wait for ${dep}; it depends on ${policy.dependencies.join(", ")}`);
        }
        const logging = plan.one(LOGGING, "data-access-logging");
        const deliveryPolicy = urn(POLICY, "data-access-logs-policy");
        assert.ok(
            logging.dependencies.includes(deliveryPolicy),
            `access logging must wait for the access-log bucket's policy; it depends on ${logging.dependencies.join(", ")}`,
        );
        const delivery = statements(plan.props(POLICY, "data-access-logs-policy").policy).find((s) => s.Sid === "S3ServerAccessLogsPolicy") as Statement & {
            Action?: unknown;
        };
        assert.strictEqual(delivery.Action, "s3:PutObject");
        assert.deepStrictEqual(
            plan
                .childrenOf(plan.one("secure-api:storage:SecureBucket", "data").urn)
                .map((r) => r.name)
                .sort(),
            [
                "data",
                "data-access-logging",
                "data-access-logs",
                "data-encryption",
                "data-lifecycle",
                "data-ownership",
                "data-policy",
                "data-public-access",
                "data-versioning",
            ],
        );
        const destroyable = await runProgram(() => new SecureBucket("scratch", { kmsKeyArn: KMS_ARN, forceDestroy: true }));
        assert.deepStrictEqual(
            destroyable
                .ofType(BUCKET)
                .map((b) => [b.name, b.props.forceDestroy])
                .sort(),
            [
                ["scratch", true],
                ["scratch-access-logs", true],
            ],
        );
    });
    it("is ready only once its parts exist: unknown at a first preview, when their ids are", async () => {
        let applied = false;
        await runProgram(
            () => {
                new SecureBucket("data", { kmsKeyArn: KMS_ARN }).ready.apply(() => (applied = true));
            },
            { mode: "preview" },
        );
        assert.strictEqual(applied, false, "ready must wait for the ids of versioning, encryption, public access block, policy and logging");
    });
});
