import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { S3_REQUIRE_ACCESS_LOGGING } from "../../../policy-pack/baseline";
import { s3BucketDurability, s3BucketDurabilityConfig } from "../../../policy-pack/rules/s3/s3-bucket-durability";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, BucketSpec, PROTECTED, trail } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "s3-bucket-durability";
type AnyBucket = aws.s3.Bucket | aws.s3.BucketV2;
const owned = (name: string, b: AnyBucket, objectOwnership: pulumi.Input<string> = "BucketOwnerEnforced") =>
    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: b.id, rule: { objectOwnership } });
const lifecycle = (name: string, b: AnyBucket, status: pulumi.Input<string> = "Enabled", v2 = true) => {
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

    it("versioning, ownership and lifecycle settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const status = durable("status", { versioning: false });
            new aws.s3.BucketVersioningV2("status-versioning", { bucket: status.id, versioningConfiguration: { status: afterDeployment("Suspended") } });
            const inline = new aws.s3.Bucket("inline", { versioning: afterDeployment({ enabled: false }) });
            owned("inline", inline);
            logged("inline", inline);
            const owner = bucket("owner", PROTECTED);
            logged("owner", owner);
            owned("owner", owner, afterDeployment("ObjectWriter"));
            const logs = durable("trail-logs");
            lifecycle("trail-logs", logs, afterDeployment("Disabled"));
            trail("t", { s3BucketName: logs.bucket });
            // A bucket the program does not create: its sub-resources are judged on their own.
            new aws.s3.BucketVersioningV2("external", { bucket: "existing-bucket", versioningConfiguration: { status: afterDeployment("Suspended") } });
            new aws.s3.BucketOwnershipControls("external-ownership", { bucket: "existing-bucket", rule: { objectOwnership: afterDeployment("ObjectWriter") } });
            // Unknown, but only log buckets need a lifecycle rule.
            lifecycle("plain", durable("plain"), afterDeployment("Disabled"));
        });
        const preview = (subject: string, what: string, must: string) =>
            new RegExp(`^${subject}: cannot be verified at preview: ${what} is unknown; it must be ${must}\\.$`);
        assertFindings(found.preview, RULE, "advisory", [
            {
                resource: "status",
                message: [preview('Bucket "status"', 'BucketVersioningV2 "status-versioning"\\.versioningConfiguration\\.status', '"Enabled"')],
            },
            { resource: "inline", message: [preview('Bucket "inline"', 'Bucket "inline"\\.versioning', '"Enabled"')] },
            {
                resource: "owner",
                message: [preview('Bucket "owner"', 'BucketOwnershipControls "owner-ownership"\\.rule\\.objectOwnership', '"BucketOwnerEnforced"')],
            },
            {
                resource: "trail-logs",
                message: [
                    preview(
                        'Bucket "trail-logs"',
                        'BucketLifecycleConfigurationV2 "trail-logs-lifecycle"\\.rules\\.0\\.status',
                        'a rule with status "Enabled"',
                    ),
                ],
            },
            {
                resource: "external",
                message: [
                    /^BucketVersioningV2 "external" \(of bucket "existing-bucket", not created by this program\): cannot be verified at preview: versioningConfiguration\.status is unknown; it must be "Enabled"\.$/,
                ],
            },
            {
                resource: "external-ownership",
                message: [
                    /^BucketOwnershipControls "external-ownership" \(of bucket "existing-bucket", not created by this program\): cannot be verified at preview: rule\.objectOwnership is unknown; it must be "BucketOwnerEnforced"\.$/,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "status", message: [/Bucket "status" is not versioned/] },
            { resource: "inline", message: [/Bucket "inline" is not versioned/] },
            { resource: "owner", message: [/Bucket "owner" still honours ACLs/] },
            { resource: "trail-logs", message: [/Log Bucket "trail-logs" has no enabled lifecycle rule/] },
            { resource: "external", message: [/leaves the bucket unversioned \(versioningConfiguration\.status "Suspended"\)/] },
            { resource: "external-ownership", message: [/keeps ACLs enabled \(rule\.objectOwnership "ObjectWriter"\)/] },
        ]);
        // A trail whose bucket name came from the bucket's policy may write to any bucket once known: each needs a lifecycle rule then.
        const viaPolicy = await ruleFindingsByMode(RULE, () => {
            const logs = durable("trail-logs");
            trail("t", { s3BucketName: new aws.s3.BucketPolicy("trail-logs-policy", { bucket: logs.id, policy: "{}" }).bucket });
            lifecycle("data", durable("data"));
        });
        assertFindings(viaPolicy.preview, RULE, "advisory", [
            {
                resource: "trail-logs",
                message: [
                    /^Bucket "trail-logs": cannot be verified at preview: Trail "t"\.s3BucketName is unknown; it must not name this bucket unless it has a lifecycle rule with status "Enabled"\.$/,
                ],
            },
        ]);
        assertFindings(viaPolicy.update, RULE, "advisory", [{ resource: "trail-logs", message: [/^Log Bucket "trail-logs" has no enabled lifecycle rule/] }]);
    });
});
