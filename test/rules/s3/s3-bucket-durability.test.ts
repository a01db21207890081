import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { S3_REQUIRE_ACCESS_LOGGING } from "../../../policy-pack/baseline";
import { s3BucketDurability, s3BucketDurabilityConfig } from "../../../policy-pack/rules/s3/s3-bucket-durability";
import { ruleFindings } from "../../rule-harness";
import { bucket, BucketSpec, PROTECTED, trail } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "s3-bucket-durability";
type AnyBucket = aws.s3.Bucket | aws.s3.BucketV2;
const owned = (name: string, b: AnyBucket, objectOwnership = "BucketOwnerEnforced") =>
    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: b.id, rule: { objectOwnership } });
const lifecycle = (name: string, b: AnyBucket, status = "Enabled", v2 = true) => {
    const args = { bucket: b.id, rules: [{ id: "abort", status, filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] };
    return v2 ? new aws.s3.BucketLifecycleConfigurationV2(`${name}-lifecycle`, args) : new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, args);
};
const durable = (name: string, spec: BucketSpec = {}) => {
    const b = bucket(name, { ...PROTECTED, ...spec });
    owned(name, b);
    return b;
};

describe(RULE, () => {
    it("does not require access logging by default (baseline constant false)", () => {
        assert.strictEqual(s3BucketDurabilityConfig.defaults.requireAccessLogging, S3_REQUIRE_ACCESS_LOGGING);
        assert.strictEqual(s3BucketDurability.configSchema?.properties.requireAccessLogging.default, false);
    });

    it("passes the compliant baseline: versioned and owner-enforced (Bucket and BucketV2 with V2 companions)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                durable("a");
                durable("b", { kind: "BucketV2", v2Companions: true });
            }),
        );
    });

    it("advises versioning on every unversioned bucket, also a Suspended one", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                durable("a", { versioning: false });
                const b = durable("b", { versioning: false });
                new aws.s3.BucketVersioningV2("b-versioning", { bucket: b.id, versioningConfiguration: { status: "Suspended" } });
            }),
            RULE,
            "advisory",
            [
                { resource: "a", message: [/Bucket "a" is not versioned/, /versioningConfiguration.status "Enabled"/] },
                { resource: "b", message: [/Bucket "b" is not versioned/] },
            ],
        );
    });

    it("advises BucketOwnerEnforced (missing, or BucketOwnerPreferred)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                bucket("a", PROTECTED);
                owned("b", bucket("b", PROTECTED), "BucketOwnerPreferred");
            }),
            RULE,
            "advisory",
            [
                { resource: "a", message: [/still honours ACLs/, /rule.objectOwnership "BucketOwnerEnforced"/] },
                { resource: "b", message: [/still honours ACLs/] },
            ],
        );
    });

    it("advises a lifecycle rule on a CloudTrail bucket and an access-log target, passes an Enabled one", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("t", { s3BucketName: durable("trail-logs").bucket });
                const target = durable("access-logs");
                new aws.s3.BucketLoggingV2("data-logging", { bucket: durable("data").id, targetBucket: target.id, targetPrefix: "data/" });
                const disabled = durable("off");
                lifecycle("off", disabled, "Disabled");
                trail("t2", { s3BucketName: disabled.bucket });
            }),
            RULE,
            "advisory",
            [
                { resource: "trail-logs", message: [/Log Bucket "trail-logs" has no enabled lifecycle rule/, /BucketLifecycleConfigurationV2/] },
                { resource: "access-logs", message: [/Log Bucket "access-logs" has no enabled lifecycle rule/] },
                { resource: "off", message: [/has no enabled lifecycle rule/] },
            ],
        );
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const b = durable("trail-logs");
                lifecycle("trail-logs", b, "Enabled", false);
                trail("t", { s3BucketName: b.bucket });
            }),
        );
    });

    it("requireAccessLogging: every bucket but log targets needs a BucketLoggingV2 or BucketLogging", async () => {
        const config = { [RULE]: { requireAccessLogging: true } };
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    const target = durable("access-logs");
                    lifecycle("access-logs", target);
                    new aws.s3.BucketLoggingV2("a-logging", { bucket: durable("a").id, targetBucket: target.id, targetPrefix: "a/" });
                    new aws.s3.BucketLogging("b-logging", { bucket: durable("b").id, targetBucket: target.id, targetPrefix: "b/" });
                    durable("c");
                },
                { config },
            ),
            RULE,
            "advisory",
            [{ resource: "c", message: [/Bucket "c" has no server access logging/, /BucketLoggingV2/] }],
        );
    });
});
