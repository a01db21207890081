/**
 * lib/external-buckets, literally: a sub-resource naming a bucket of the program by its literal name or id
 * is not external; how an external one is labelled when its bucket is unknown; and that a bucket given as
 * an ARN is its own ARN.
 */
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { externalBucketArn, externalCompanions, externalLabel } from "../../../policy-pack/rules/lib/external-buckets";
import { resourcesOf } from "../../../policy-pack/rules/lib/resources";
import { policyResource, U } from "./preview-values";

const logs = policyResource("aws:s3/bucket:Bucket", "logs", { bucket: "logs-bucket", id: "logs-0a1b2c3" });
const pab = (name: string, bucket: string) => policyResource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name, { bucket, blockPublicAcls: true });
const policies = (resources: PolicyResource[]) => resourcesOf(resources, aws.s3.BucketPolicy);
const policy = (bucket: string) => policies([policyResource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket, policy: "{}" })])[0];

describe("lib/external-buckets (literal)", () => {
    it("a sub-resource naming a bucket of the program by its literal name or id is not external", () => {
        const resources = [logs, pab("by-name", "logs-bucket"), pab("by-id", "logs-0a1b2c3"), pab("other", "legacy-bucket")];
        const found = externalCompanions(resources, resourcesOf(resources, aws.s3.BucketPublicAccessBlock)).map((c) => c.name);
        assert.deepStrictEqual(found, ["other"]);
    });

    it("labels an external sub-resource by its bucket's name, or says it is unknown", () => {
        assert.strictEqual(externalLabel(policy("legacy-bucket")), 'BucketPolicy "p" (of bucket "legacy-bucket", not created by this program)');
        assert.strictEqual(externalLabel(policy(U)), 'BucketPolicy "p" (of bucket unknown at preview, not created by this program)');
    });

    it("the ARN of an external bucket named by name or by ARN", () => {
        assert.deepStrictEqual(externalBucketArn(policy("legacy-bucket")), { known: true, value: "arn:aws:s3:::legacy-bucket" });
        assert.deepStrictEqual(externalBucketArn(policy("arn:aws:s3:::legacy-bucket")), { known: true, value: "arn:aws:s3:::legacy-bucket" });
        assert.deepStrictEqual(externalBucketArn(policy(U)), { known: false, path: "bucket" });
    });
});
