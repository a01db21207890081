/**
 * lib/bucket-logging, literally: an empty inline target is no access logging; a bucket is an access-log
 * target when a BucketLoggingV2 names it by literal name or id, or when another Bucket's inline logging was
 * built from it or names it by literal name or id; its own logging does not make it one.
 */
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { accessLoggingOf, isAccessLogTarget } from "../../../policy-pack/rules/lib/bucket-logging";
import { bucketsIn } from "../../../policy-pack/rules/lib/buckets";
import { policyResource, U } from "./preview-values";

const BUCKET = "aws:s3/bucket:Bucket";

/** The log bucket: name `logs-bucket`, id `logs-0a1b2c3` (as the gate's mocks give it), no logging of its own. */
const target = policyResource(BUCKET, "logs", { bucket: "logs-bucket", id: "logs-0a1b2c3" });
/** A Bucket whose inline logging is `logging` (recorded as set, built from `from`). */
const source = (name: string, logging: unknown, from: PolicyResource[] = []) =>
    policyResource(BUCKET, name, { bucket: `${name}-bucket`, id: `${name}-9z8y7x6`, logging }, { logging: from });
const isTarget = (resources: PolicyResource[]) => isAccessLogTarget(resources, bucketsIn(resources)[0]);

describe("lib/bucket-logging (literal)", () => {
    it("inline logging to an empty target bucket is no access logging; to a named one it is", () => {
        const logging = (targetBucket: string) => {
            const b = source("app", { targetBucket });
            return accessLoggingOf([b], bucketsIn([b])[0]);
        };
        assert.deepStrictEqual(logging(""), { state: "no" });
        assert.deepStrictEqual(logging("logs-bucket"), { state: "yes" });
    });

    it("a BucketLoggingV2 naming the bucket by its literal name or id makes it a target; naming another does not", () => {
        const logging = (targetBucket: string) =>
            policyResource("aws:s3/bucketLoggingV2:BucketLoggingV2", "l", { bucket: "app-bucket", targetBucket, targetPrefix: "app/" });
        assert.strictEqual(isTarget([target, logging("logs-bucket")]), true);
        assert.strictEqual(isTarget([target, logging("logs-0a1b2c3")]), true);
        assert.strictEqual(isTarget([target, logging("other-bucket")]), false);
    });

    it("another Bucket's inline logging built from the bucket makes it a target, though its value is unknown", () => {
        assert.strictEqual(isTarget([target, source("app", { targetBucket: U }, [target])]), true);
        assert.strictEqual(isTarget([target, source("app", { targetBucket: U })]), false);
    });

    it("another Bucket's inline logging naming the bucket by its literal name or id makes it a target", () => {
        assert.strictEqual(isTarget([target, source("app", { targetBucket: "logs-bucket" })]), true);
        assert.strictEqual(isTarget([target, source("app", { targetBucket: "logs-0a1b2c3" })]), true);
        assert.strictEqual(isTarget([target, source("web", { targetBucket: "elsewhere" }), source("app", { targetBucket: "logs-bucket" })]), true);
    });

    it("buckets without logging, or logging elsewhere, do not make it a target", () => {
        const bare = policyResource(BUCKET, "bare", { bucket: "bare-bucket", id: "bare-1a2b3c4" });
        assert.strictEqual(isTarget([target, bare, source("web", { targetBucket: "elsewhere" })]), false);
    });

    it("a bucket's inline logging to itself does not make it a target", () => {
        const self = source("self", { targetBucket: "self-bucket" });
        assert.strictEqual(isTarget([self]), false);
        assert.strictEqual(isTarget([self, source("app", { targetBucket: "elsewhere" })]), false);
    });
});
