/**
 * S3 sub-resources (public access block, ACL, bucket policy, ownership
 * controls, versioning) whose bucket the program does not create: an existing
 * bucket named by a literal, a config value or a `get`. The bucket-level rules
 * cannot judge such a bucket, but the sub-resource is the program's, so it is
 * judged on its own (as Checkov, cdk-nag and trivy judge a lone
 * `aws_s3_bucket_policy` or `aws_s3_bucket_public_access_block`). A
 * sub-resource of a bucket in the program is left to the bucket-level finding,
 * so nothing is reported twice.
 */
import type { PolicyResource } from "@pulumi/policy";
import { bucketsIn } from "./buckets";
import { known, Known } from "./known";
import { refersTo, StackResource } from "./resources";

/** The sub-resources whose `bucket` is no bucket of the program (by dependency, name or id). */
export function externalCompanions<P extends { readonly bucket: string }>(
    resources: readonly PolicyResource[],
    companions: readonly StackResource<P>[],
): StackResource<P>[] {
    const buckets = bucketsIn(resources);
    return companions.filter((c) => !buckets.some((b) => refersTo(c, "bucket", b.common, [(x) => x.bucket, (x) => x.id])));
}

/** How a message names an external sub-resource: `BucketPolicy "p" (of bucket "name", not created by this program)`. */
export function externalLabel<P extends { readonly bucket: string }>(c: StackResource<P>): string {
    const name = known(() => c.props.bucket);
    return `${c.label} (of bucket ${name.known && typeof name.value === "string" ? `"${name.value}"` : "unknown at preview"}, not created by this program)`;
}

/** The ARN of the external bucket a sub-resource names (`arn:aws:s3:::<bucket>`), or unknown. */
export function externalBucketArn<P extends { readonly bucket: string }>(c: StackResource<P>): Known<string> {
    const name = known(() => c.props.bucket, "bucket");
    if (!name.known) {
        return name;
    }
    return { known: true, value: name.value.startsWith("arn:") ? name.value : `arn:aws:s3:::${name.value}` };
}
