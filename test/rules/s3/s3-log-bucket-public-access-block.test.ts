import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { assertAgreement, assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, bucketPolicy, BucketSpec, tlsDeny, trail } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "s3-log-bucket-public-access-block";
const LOG_BUCKET: BucketSpec = { encryption: true, publicAccessBlock: true, versioning: true };
const logged = (name: string, spec: BucketSpec) => {
    trail(`${name}-trail`, { s3BucketName: bucket(name, spec).bucket });
};

const LACKS_BLOCK =
    "lacks a bucket-level BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true. " +
    "Add what it lacks, so one bucket policy or ACL mistake cannot expose the audit log and an overwritten or deleted log file is not lost (its SSE-KMS encryption is checked by s3-bucket-kms-encryption).";

const cloudTrailStatement = (arn: string, condition?: Record<string, Record<string, string>>) => ({
    Sid: "CloudTrailWrite",
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: "s3:PutObject",
    Resource: `${arn}/AWSLogs/*`,
    ...(condition ? { Condition: condition } : {}),
});

describe(RULE, () => {
    it("passes the compliant baseline: public access blocked on the bucket and versioned", async () => {
        assertNoFindings(await ruleFindings(RULE, () => logged("logs", LOG_BUCKET)));
    });

    it("passes a BucketV2 with the V2 encryption resource", async () => {
        assertNoFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, kind: "BucketV2", v2Companions: true })));
    });

    it("does not judge buckets no trail writes to", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                bucket("other");
                trail("t");
            }),
        );
    });

    it("rejects a log bucket without a public access block", async () => {
        assertFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, publicAccessBlock: false })), RULE, "mandatory", [
            { resource: "logs", message: [/Log Bucket "logs" \(used by Trail "logs-trail"\) lacks a bucket-level BucketPublicAccessBlock with .* all true\./] },
        ]);
    });

    it("names every trail that writes to the log bucket", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = bucket("logs", { ...LOG_BUCKET, publicAccessBlock: false });
                trail("a", { s3BucketName: b.bucket });
                trail("b", { s3BucketName: b.bucket });
            }),
            RULE,
            "mandatory",
            [{ resource: "logs", message: [exactly(`Log Bucket "logs" (used by Trail "a", Trail "b") ${LACKS_BLOCK}`)] }],
        );
    });

    it("judges a bucket a trail names by its id, through a value that did not come from the bucket (here its BucketPolicy's bucket), once known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("logs", { ...LOG_BUCKET, publicAccessBlock: false });
            trail("t", { s3BucketName: new aws.s3.BucketPolicy("logs-policy", { bucket: b.id, policy: "{}" }).bucket });
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "logs", message: [exactly(`Log Bucket "logs" (used by Trail "t") ${LACKS_BLOCK}`)] }]);
        // At a first preview the trail's bucket name is unknown and came from no bucket: any bucket may be its log bucket.
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "logs",
                message: [
                    exactly(
                        'Bucket "logs": cannot be verified at preview: Trail "t".s3BucketName is unknown; it must not name this bucket unless it blocks all public access on the bucket, is versioned, and scopes each bucket policy statement allowing cloudtrail.amazonaws.com with aws:SourceArn or aws:SourceAccount.',
                    ),
                ],
            },
        ]);
    });

    it("at preview, a trail whose bucket name came from no bucket leaves a bucket that meets the profile alone", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("logs", LOG_BUCKET);
            const policy = new aws.s3.BucketPolicy("logs-policy", {
                bucket: b.id,
                policy: JSON.stringify({ Statement: [cloudTrailStatement("arn:aws:s3:::logs", { StringEquals: { "aws:SourceAccount": "111122223333" } })] }),
            });
            trail("t", { s3BucketName: policy.bucket });
        });
        assertEachModeAgrees(RULE, found);
        assertNoFindings(found.preview);
        assertNoFindings(found.update);
    });

    it("at preview, a trail whose bucket name came from no bucket makes each bucket that may fail the profile unverifiable", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            // Each meets the profile but for one thing: an unscoped CloudTrail statement, a policy or a block setting unknown at preview.
            const unscoped = bucket("unscoped", LOG_BUCKET);
            new aws.s3.BucketPolicy("unscoped-policy", {
                bucket: unscoped.id,
                policy: JSON.stringify({ Statement: [cloudTrailStatement("arn:aws:s3:::unscoped")] }),
            });
            // A second, scoped policy for the same bucket does not make up for the unscoped one.
            const scoped = cloudTrailStatement("arn:aws:s3:::unscoped", { StringEquals: { "aws:SourceAccount": "111122223333" } });
            new aws.s3.BucketPolicy("unscoped-second", { bucket: unscoped.id, policy: JSON.stringify({ Statement: [scoped] }) });
            const later = bucket("later", LOG_BUCKET);
            new aws.s3.BucketPolicy("later-policy", {
                bucket: later.id,
                policy: later.arn.apply((arn) =>
                    JSON.stringify({ Statement: [cloudTrailStatement(arn, { StringEquals: { "aws:SourceAccount": "111122223333" } })] }),
                ),
            });
            bucket("block", { ...LOG_BUCKET, blockSettings: { restrictPublicBuckets: afterDeployment(true) } });
            trail("t", { s3BucketName: afterDeployment("a-bucket-of-another-stack") });
        });
        assertEachModeAgrees(RULE, found);
        const clause =
            'cannot be verified at preview: Trail "t".s3BucketName is unknown; it must not name this bucket unless it blocks all public access on the bucket, is versioned, and scopes each bucket policy statement allowing cloudtrail.amazonaws.com with aws:SourceArn or aws:SourceAccount.';
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "unscoped", message: [exactly(`Bucket "unscoped": ${clause}`)] },
            { resource: "later", message: [exactly(`Bucket "later": ${clause}`)] },
            { resource: "block", message: [exactly(`Bucket "block": ${clause}`)] },
        ]);
        // Once known, the trail writes to a bucket of another stack: these are no log buckets.
        assertNoFindings(found.update);
    });

    it("rejects a public access block with one setting false", async () => {
        assertFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, blockSettings: { ignorePublicAcls: false } })), RULE, "mandatory", [
            { resource: "logs", message: [/lacks a bucket-level BucketPublicAccessBlock/] },
        ]);
    });

    it("leaves encryption to s3-bucket-kms-encryption (S3 encrypts every new bucket; the KMS requirement is that rule's)", async () => {
        assertNoFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, encryption: false })));
        assertNoFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, kind: "BucketV2", v2Companions: true, encryption: false })));
    });

    it("rejects a BucketV2 log bucket without V2 versioning", async () => {
        assertFindings(
            await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, kind: "BucketV2", v2Companions: true, versioning: false })),
            RULE,
            "mandatory",
            [{ resource: "logs", message: [/Log BucketV2 "logs" \(used by Trail "logs-trail"\) lacks versioning/] }],
        );
    });

    it("rejects every unprotected log bucket, also one named by a literal name", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                logged("a", { encryption: true, versioning: true });
                new aws.s3.Bucket("named", { bucket: "audit-logs" });
                trail("literal", { s3BucketName: "audit-logs" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/lacks a bucket-level BucketPublicAccessBlock [^.]*\./] },
                { resource: "named", message: [/used by Trail "literal"\) lacks a bucket-level BucketPublicAccessBlock .* and versioning/] },
            ],
        );
    });

    it("rejects a log bucket without versioning (BucketVersioning or BucketVersioningV2 Enabled)", async () => {
        assertFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, versioning: false })), RULE, "mandatory", [
            { resource: "logs", message: [/lacks versioning \(a BucketVersioning with versioningConfiguration.status "Enabled"\)/] },
        ]);
        assertNoFindings(await ruleFindings(RULE, () => logged("logs", { ...LOG_BUCKET, v2Companions: true })));
    });

    it("at preview, lists what the bucket lacks and what cannot be verified yet in one finding; on update only what it lacks", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("logs", { encryption: true });
            // The status comes from another resource's output: unknown at a first preview, "Enabled" on update.
            new aws.s3.BucketVersioning("logs-versioning", {
                bucket: b.id,
                versioningConfiguration: { status: new aws.kms.Key("k", {}).arn.apply(() => "Enabled") },
            });
            trail("logs-trail", { s3BucketName: b.bucket });
        });
        const lacks =
            /Log Bucket "logs" \(used by Trail "logs-trail"\) lacks a bucket-level BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true/;
        assertFindings(found.update, RULE, "mandatory", [{ resource: "logs", message: [new RegExp(`${lacks.source}\\. Add what it lacks`)] }]);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "logs",
                message: [
                    new RegExp(
                        `${lacks.source}; and cannot be verified at preview: BucketVersioning "logs-versioning"\\.versioningConfiguration\\.status is unknown; it must give versioning \\(a BucketVersioning with versioningConfiguration\\.status "Enabled"\\)\\. Add`,
                    ),
                ],
            },
        ]);
        assert.throws(() => assertAgreement(RULE, found), /preview and update verdicts differ/);
    });

    it("at preview, names every control that cannot be verified yet, one after another", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("logs", { encryption: true });
            const later = <T>(value: T) => new aws.kms.Key(`k-${String(value)}`, {}).arn.apply(() => value);
            new aws.s3.BucketVersioning("logs-versioning", { bucket: b.id, versioningConfiguration: { status: later("Enabled") } });
            new aws.s3.BucketPublicAccessBlock("logs-block", {
                bucket: b.id,
                blockPublicAcls: later(true),
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            trail("logs-trail", { s3BucketName: b.bucket });
        });
        assertNoFindings(found.update);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "logs",
                message: [
                    /cannot be verified at preview: BucketPublicAccessBlock "logs-block"\.blockPublicAcls is unknown; it must give a bucket-level BucketPublicAccessBlock .*; BucketVersioning "logs-versioning"\.versioningConfiguration\.status is unknown; it must give versioning/,
                ],
            },
        ]);
    });

    it("does not count an account-level public access block for a log bucket", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new aws.s3.AccountPublicAccessBlock("account", {
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                });
                logged("logs", { ...LOG_BUCKET, publicAccessBlock: false });
            }),
            RULE,
            "mandatory",
            [{ resource: "logs", message: [/lacks a bucket-level BucketPublicAccessBlock/] }],
        );
    });

    it("reports a bucket policy built from outputs as unverifiable at preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("logs", LOG_BUCKET);
            new aws.s3.BucketPolicy("logs-policy", { bucket: b.id, policy: b.arn.apply((arn) => JSON.stringify({ Statement: [cloudTrailStatement(arn)] })) });
            trail("t", { s3BucketName: b.bucket });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "logs",
                message: [
                    exactly(
                        'Log Bucket "logs" (used by Trail "t"): cannot be verified at preview: BucketPolicy "logs-policy" policy is unknown; each statement allowing cloudtrail.amazonaws.com must have an aws:SourceArn or aws:SourceAccount condition.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "logs", message: [/^Log Bucket "logs" \(used by Trail "t"\): BucketPolicy "logs-policy" policy statement "CloudTrailWrite" allows/] },
        ]);
    });

    it("passes CloudTrail statements scoped by aws:SourceArn or aws:SourceAccount, rejects unscoped ones", async () => {
        for (const key of ["aws:SourceArn", "aws:SourceAccount"]) {
            assertNoFindings(
                await ruleFindings(RULE, () => {
                    const b = bucket("logs", LOG_BUCKET);
                    bucketPolicy("logs", b, (arn) => [tlsDeny(arn), cloudTrailStatement(arn, { StringEquals: { [key]: "x" } })]);
                    trail("t", { s3BucketName: b.bucket });
                }),
            );
        }
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = bucket("logs", LOG_BUCKET);
                bucketPolicy("logs", b, (arn) => [
                    tlsDeny(arn),
                    cloudTrailStatement(arn, { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } }),
                    { ...cloudTrailStatement(arn), Sid: undefined, Action: "s3:GetBucketAcl", Resource: arn },
                ]);
                trail("t", { s3BucketName: b.bucket });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "logs",
                    message: [
                        exactly(
                            'Log Bucket "logs" (used by Trail "t"): BucketPolicy "logs-policy" policy statement "CloudTrailWrite", #3 allows cloudtrail.amazonaws.com without an aws:SourceArn or aws:SourceAccount condition, so any account\'s trail can write here; ' +
                                "add a condition aws:SourceArn equal to the trail's ARN.",
                        ),
                    ],
                },
            ],
        );
    });
});
