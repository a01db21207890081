import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { bucketsIn, encryptionOf, publicAccessBlockOf, s3BucketOfUri, versioningOf } from "../../../policy-pack/rules/lib/buckets";
import { policyResource, U } from "./preview-values";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const VERSIONING_V2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ALL_BLOCKED = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

/** A bucket at a first preview: id, arn and the inline settings it did not set are unknown. */
const previewBucket = (name: string, type = BUCKET, inline: Record<string, unknown> = {}) =>
    policyResource(
        type,
        name,
        {
            bucket: `${name}-bucket`,
            id: U,
            arn: U,
            versioning: U,
            serverSideEncryptionConfiguration: U,
            versionings: U,
            serverSideEncryptionConfigurations: U,
            ...inline,
        },
        Object.fromEntries(Object.keys(inline).map((k) => [k, []])),
    );
const companion = (type: string, name: string, of: PolicyResource, props: Record<string, unknown>) =>
    policyResource(type, name, { bucket: U, id: U, ...props }, { bucket: [of], ...Object.fromEntries(Object.keys(props).map((k) => [k, []])) });

describe("lib/buckets: what protects a bucket, at preview", () => {
    it("companions linked by dependency decide, though the bucket's id and inline settings are unknown", () => {
        const b = previewBucket("logs");
        const resources = [
            b,
            companion(VERSIONING, "v", b, { versioningConfiguration: { status: "Enabled" } }),
            companion(SSE, "e", b, { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: U } }] }),
            companion(PAB, "p", b, ALL_BLOCKED),
        ];
        const [bucket] = bucketsIn(resources);
        assert.deepStrictEqual(
            [versioningOf(resources, bucket), encryptionOf(resources, bucket), publicAccessBlockOf(resources, bucket)].map((c) => c.state),
            ["yes", "yes", "yes"],
        );
    });

    it("without companions: inline settings the program left unset are a no, not an unknown", () => {
        const resources = [previewBucket("bare")];
        const [bucket] = bucketsIn(resources);
        assert.deepStrictEqual(
            [versioningOf(resources, bucket), encryptionOf(resources, bucket), publicAccessBlockOf(resources, bucket)].map((c) => c.state),
            ["no", "no", "no"],
        );
    });

    it("a companion's unknown decisive value is unknown, naming it", () => {
        const b = previewBucket("logs");
        const resources = [
            b,
            companion(VERSIONING, "v", b, { versioningConfiguration: { status: U } }),
            companion(PAB, "p", b, { ...ALL_BLOCKED, ignorePublicAcls: U }),
        ];
        const [bucket] = bucketsIn(resources);
        assert.deepStrictEqual(versioningOf(resources, bucket), { state: "unknown", what: 'BucketVersioning "v".versioningConfiguration.status' });
        assert.deepStrictEqual(publicAccessBlockOf(resources, bucket), { state: "unknown", what: 'BucketPublicAccessBlock "p".ignorePublicAcls' });
    });

    it("reads inline settings of Bucket and BucketV2, and the V2 companions", () => {
        const v1 = previewBucket("v1", BUCKET, {
            versioning: { enabled: true },
            serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
        });
        const v2 = previewBucket("v2", BUCKET_V2, {
            versionings: [{ enabled: true }],
            serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] }] }],
        });
        const v3 = previewBucket("v3", BUCKET_V2);
        const resources = [
            v1,
            v2,
            v3,
            companion(VERSIONING_V2, "v", v3, { versioningConfiguration: { status: "Enabled" } }),
            companion(SSE_V2, "e", v3, { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] }),
        ];
        for (const bucket of bucketsIn(resources)) {
            assert.deepStrictEqual([versioningOf(resources, bucket).state, encryptionOf(resources, bucket).state], ["yes", "yes"], bucket.common.name);
        }
        assert.deepStrictEqual(
            bucketsIn(resources).map((b) => b.kind),
            ["Bucket", "BucketV2", "BucketV2"],
        );
    });

    it("a companion of another bucket does not count; one naming the bucket by its known name does", () => {
        const a = previewBucket("a");
        const b = previewBucket("b");
        const resources = [
            a,
            b,
            companion(PAB, "p", a, ALL_BLOCKED),
            policyResource(VERSIONING, "by-name", { bucket: "b-bucket", versioningConfiguration: { status: "Enabled" } }),
        ];
        const [, bucketB] = bucketsIn(resources);
        assert.strictEqual(publicAccessBlockOf(resources, bucketB).state, "no");
        assert.strictEqual(versioningOf(resources, bucketB).state, "yes");
    });

    it("s3BucketOfUri", () => {
        assert.strictEqual(s3BucketOfUri("s3://trust-bucket/ca.pem"), "trust-bucket");
        assert.strictEqual(s3BucketOfUri("https://x"), undefined);
        assert.strictEqual(s3BucketOfUri(undefined), undefined);
    });
});
