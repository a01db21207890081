/**
 * S3 server access logging of a bucket: whether it sends its access logs
 * somewhere (a BucketLogging(V2) of it, or inline `logging`), and whether it is
 * itself an access-log target. Same conventions as `buckets.ts`.
 */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { Answer, companionsOf } from "./bucket-access";
import { BucketResource } from "./buckets";
import { derivedFrom, knownOutput, OutputsOf, refersTo, resourcesOf, sameKnownString, StackResource } from "./resources";

/** Server access logging: a BucketLogging(V2) of the bucket, or the bucket's inline logging. */
export function accessLoggingOf(resources: readonly PolicyResource[], bucket: BucketResource): Answer {
    if (companionsOf([...resourcesOf(resources, aws.s3.BucketLoggingV2), ...resourcesOf(resources, aws.s3.BucketLogging)], bucket).length > 0) {
        return { state: "yes" };
    }
    const typed = bucket.typed as StackResource<OutputsOf<aws.s3.Bucket>>;
    const inline = knownOutput(typed, "logging", (b) => b.logging?.targetBucket);
    if (!inline.known) {
        return { state: "yes" }; // set from another bucket's name: a target is given
    }
    return typeof inline.value === "string" && inline.value !== "" ? { state: "yes" } : { state: "no" };
}

/** True when the bucket receives server access logs (the target of a BucketLogging(V2), or of another bucket's inline logging). */
export function isAccessLogTarget(resources: readonly PolicyResource[], bucket: BucketResource): boolean {
    const ids = [(b: { readonly bucket: string; readonly id: string }) => b.bucket, (b: { readonly bucket: string; readonly id: string }) => b.id];
    return (
        [...resourcesOf(resources, aws.s3.BucketLoggingV2), ...resourcesOf(resources, aws.s3.BucketLogging)].some((l) =>
            refersTo(l, "targetBucket", bucket.common, ids),
        ) || resourcesOf(resources, aws.s3.Bucket).some((b) => b.urn !== bucket.common.urn && derivedLogging(b, bucket))
    );
}

/** True when a Bucket's inline logging.targetBucket came from `target` (dependency record) or names it. */
function derivedLogging(source: StackResource<OutputsOf<aws.s3.Bucket>>, target: BucketResource): boolean {
    const named = () => source.props.logging?.targetBucket;
    return (
        derivedFrom(source, "logging", target.common) ||
        sameKnownString(named, () => target.common.props.bucket) ||
        sameKnownString(named, () => target.common.props.id)
    );
}
