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
});
