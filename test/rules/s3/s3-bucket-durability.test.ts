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
/** Server access logging of `b` to a log bucket outside the program. */
const logged = (name: string, b: AnyBucket) =>
    new aws.s3.BucketLoggingV2(`${name}-logging`, { bucket: b.id, targetBucket: "access-log-bucket", targetPrefix: `${name}/` });
const durable = (name: string, spec: BucketSpec = {}) => {
    const b = bucket(name, { ...PROTECTED, ...spec });
    owned(name, b);
    logged(name, b);
    return b;
};

describe(RULE, () => {
    it("requires access logging by default (baseline constant true)", () => {
        assert.strictEqual(s3BucketDurabilityConfig.defaults.requireAccessLogging, S3_REQUIRE_ACCESS_LOGGING);
        assert.strictEqual(s3BucketDurability.configSchema?.properties.requireAccessLogging.default, true);
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
                logged("a", bucket("a", PROTECTED));
                const b = bucket("b", PROTECTED);
                logged("b", b);
                owned("b", b, "BucketOwnerPreferred");
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
                new aws.s3.BucketLoggingV2("data-to-target", { bucket: durable("data").id, targetBucket: target.id, targetPrefix: "data/" });
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

    it("requireAccessLogging (default): every bucket but log targets needs a BucketLoggingV2, BucketLogging or inline logging", async () => {
        const program = () => {
            const target = bucket("access-logs", PROTECTED);
            owned("access-logs", target);
            lifecycle("access-logs", target);
            const a = bucket("a", PROTECTED);
            owned("a", a);
            new aws.s3.BucketLoggingV2("a-logging", { bucket: a.id, targetBucket: target.id, targetPrefix: "a/" });
            const b = bucket("b", PROTECTED);
            owned("b", b);
            new aws.s3.BucketLogging("b-logging", { bucket: b.id, targetBucket: target.bucket, targetPrefix: "b/" });
            const inline = new aws.s3.Bucket("inline", { logging: { targetBucket: target.id, targetPrefix: "inline/" } });
            new aws.s3.BucketVersioning("inline-versioning", { bucket: inline.id, versioningConfiguration: { status: "Enabled" } });
            owned("inline", inline);
            owned("c", bucket("c", PROTECTED));
            owned("d", bucket("d", { ...PROTECTED, kind: "BucketV2" }));
        };
        assertFindings(await ruleFindings(RULE, program), RULE, "advisory", [
            { resource: "c", message: [/Bucket "c" has no server access logging/, /BucketLoggingV2/] },
            { resource: "d", message: [/BucketV2 "d" has no server access logging/] },
        ]);
        assertNoFindings(await ruleFindings(RULE, program, { config: { [RULE]: { requireAccessLogging: false } } }));
    });

    it("judges ownership controls and versioning of a bucket the program does not create (checkov CKV2_AWS_65)", async () => {
        const external = (objectOwnership: string, status: string, n = "") => {
            new aws.s3.BucketOwnershipControls(`ownership${n}`, { bucket: "existing-bucket", rule: { objectOwnership } });
            new aws.s3.BucketVersioningV2(`versioning${n}`, { bucket: "existing-bucket", versioningConfiguration: { status } });
        };
        assertNoFindings(await ruleFindings(RULE, () => external("BucketOwnerEnforced", "Enabled")));
        assertFindings(
            await ruleFindings(RULE, () => {
                external("BucketOwnerPreferred", "Suspended");
                external("ObjectWriter", "Enabled", "2");
            }),
            RULE,
            "advisory",
            [
                {
                    resource: "ownership",
                    message: [/BucketOwnershipControls "ownership"/, /not created by this program/, /"BucketOwnerPreferred"/, /BucketOwnerEnforced/],
                },
                { resource: "ownership2", message: [/"ObjectWriter"/] },
                { resource: "versioning", message: [/BucketVersioningV2 "versioning"/, /status "Suspended"/, /"Enabled"/] },
            ],
        );
    });
});
