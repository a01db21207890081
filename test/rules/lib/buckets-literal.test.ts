/**
 * lib/buckets, literally: how the candidate answers of a control combine (a later yes wins over an
 * earlier no, an unknown over a no), which sse algorithms count, that a companion of another bucket
 * does not, that a literal id names a bucket, that absent or empty inline blocks read as no, and
 * that only a URI that starts with s3:// names a bucket.
 */
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { bucketsIn, encryptionOf, s3BucketOfUri, versioningOf } from "../../../policy-pack/rules/lib/buckets";
import { policyResource, U } from "./preview-values";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

/** A bucket whose props are exactly `props` (plus its name), each recorded as set by the program. */
const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET) =>
    policyResource(type, name, { bucket: `${name}-bucket`, ...props }, Object.fromEntries(Object.keys(props).map((k) => [k, []])));
/** A companion whose `bucket` came from `of` (dependency record). */
const companion = (type: string, name: string, of: PolicyResource, props: Record<string, unknown>) =>
    policyResource(type, name, { bucket: U, ...props }, { bucket: [of], ...Object.fromEntries(Object.keys(props).map((k) => [k, []])) });
const sseRules = (rules: unknown[]) => ({ rules });

const versioning = (resources: PolicyResource[]) => versioningOf(resources, bucketsIn(resources)[0]);
const encryption = (resources: PolicyResource[]) => encryptionOf(resources, bucketsIn(resources)[0]);

describe("lib/buckets (literal)", () => {
    it("a companion's no does not hide the bucket's inline yes", () => {
        const b = bucket("b", { versioning: { enabled: true } });
        assert.deepStrictEqual(versioning([b, companion(VERSIONING, "v", b, { versioningConfiguration: { status: "Suspended" } })]), { state: "yes" });
    });

    it("an unknown after a no is the answer, naming the unknown value", () => {
        const b = bucket("b", { versioning: U });
        assert.deepStrictEqual(versioning([b, companion(VERSIONING, "v", b, { versioningConfiguration: { status: "Suspended" } })]), {
            state: "unknown",
            what: 'Bucket "b".versioning',
        });
        assert.deepStrictEqual(versioning([b]), { state: "unknown", what: 'Bucket "b".versioning' });
    });

    it("a companion rule without a default, or with an empty algorithm, is no encryption", () => {
        const b = bucket("b");
        assert.deepStrictEqual(encryption([b, companion(SSE, "e", b, sseRules([{}]))]), { state: "no" });
        assert.deepStrictEqual(encryption([b, companion(SSE, "e", b, sseRules([{ applyServerSideEncryptionByDefault: {} }]))]), { state: "no" });
        assert.deepStrictEqual(encryption([b, companion(SSE, "e", b, sseRules([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "" } }]))]), {
            state: "no",
        });
        assert.deepStrictEqual(encryption([b, companion(SSE, "e", b, sseRules([{}, { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]))]), {
            state: "yes",
        });
    });

    it("an inline configuration with an empty algorithm is no encryption", () => {
        const v1 = bucket("b", { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "" } } } });
        assert.deepStrictEqual(encryption([v1]), { state: "no" });
    });

    it("the encryption companion of another bucket does not encrypt this one", () => {
        const a = bucket("a");
        const other = bucket("other");
        const resources = [a, other, companion(SSE, "e", other, sseRules([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]))];
        assert.deepStrictEqual(encryption(resources), { state: "no" });
        assert.deepStrictEqual(encryptionOf(resources, bucketsIn(resources)[1]), { state: "yes" });
    });

    it("a companion naming the bucket by its literal id (not its name) is for the bucket", () => {
        const b = bucket("b", { id: "b-0a1b2c3" });
        const byId = policyResource(VERSIONING, "v", { bucket: "b-0a1b2c3", versioningConfiguration: { status: "Enabled" } });
        assert.deepStrictEqual(versioning([b, byId]), { state: "yes" });
        const byOther = policyResource(VERSIONING, "v", { bucket: "b-9z9z9z9", versioningConfiguration: { status: "Enabled" } });
        assert.deepStrictEqual(versioning([b, byOther]), { state: "no" });
    });

    it("a Bucket without versioning or encryption outputs, or with empty blocks, is neither versioned nor encrypted", () => {
        const absent = [bucket("b")];
        assert.deepStrictEqual([versioning(absent), encryption(absent)], [{ state: "no" }, { state: "no" }]);
        const empty = [bucket("b", { versioning: {}, serverSideEncryptionConfiguration: {} })];
        assert.deepStrictEqual([versioning(empty), encryption(empty)], [{ state: "no" }, { state: "no" }]);
    });

    it("a BucketV2 whose inline encryption the program left unset (unknown at preview) is not encrypted", () => {
        const v2 = policyResource(BUCKET_V2, "b", { bucket: "b-bucket", id: U, serverSideEncryptionConfigurations: U, versionings: U });
        assert.deepStrictEqual([versioning([v2]), encryption([v2])], [{ state: "no" }, { state: "no" }]);
        const empty = bucket("b", { serverSideEncryptionConfigurations: [], versionings: [] }, BUCKET_V2);
        assert.deepStrictEqual([versioning([empty]), encryption([empty])], [{ state: "no" }, { state: "no" }]);
    });

    it("only a URI that starts with s3:// names a bucket, up to the first slash", () => {
        assert.strictEqual(s3BucketOfUri("s3://trust/certs/ca.pem"), "trust");
        assert.strictEqual(s3BucketOfUri("https://example.com/s3://trust/ca.pem"), undefined);
        assert.strictEqual(s3BucketOfUri("s3://trust"), undefined);
        assert.strictEqual(s3BucketOfUri(""), undefined);
    });
});
