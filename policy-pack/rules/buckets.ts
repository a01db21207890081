/** Finds an S3 bucket's companion resources (versioning, encryption, public access block) in a stack. */
import type { PolicyResource } from "@pulumi/policy";
import { asArray, asRecord, asString, ofType, refersTo, TYPES } from "./util";

const BUCKET_TYPES: string[] = [TYPES.bucket, TYPES.bucketV2];

/** What protects one bucket. */
export interface BucketControls {
    versioning: boolean;
    encryption: boolean;
    publicAccessBlocked: boolean;
}

/** Bucket resources that `from.props[prop]` names: by dependency, or by bucket name. */
export function bucketsReferencedBy(resources: PolicyResource[], from: PolicyResource, prop: string, bucketName?: string): PolicyResource[] {
    return resources.filter((r) =>
        BUCKET_TYPES.includes(r.type) &&
        (refersTo(from, prop, r, ["bucket", "id"]) || (bucketName !== undefined && r.props.bucket === bucketName)));
}

function controlsFor(resources: PolicyResource[], type: string, bucket: PolicyResource): PolicyResource[] {
    return ofType(resources, type).filter((c) => refersTo(c, "bucket", bucket, ["bucket", "id"]));
}

/** Versioning, encryption and public access block of a bucket, whether inline or separate resources. */
export function bucketControls(resources: PolicyResource[], bucket: PolicyResource): BucketControls {
    const versioningResources = [...controlsFor(resources, TYPES.bucketVersioning, bucket), ...controlsFor(resources, TYPES.bucketVersioningV2, bucket)];
    const versioning =
        asRecord(bucket.props.versioning).enabled === true ||
        versioningResources.some((v) => asString(asRecord(v.props.versioningConfiguration).status) === "Enabled");
    const encryptionResources = [...controlsFor(resources, TYPES.bucketEncryption, bucket), ...controlsFor(resources, TYPES.bucketEncryptionV2, bucket)];
    const encryption =
        Object.keys(asRecord(bucket.props.serverSideEncryptionConfiguration)).length > 0 ||
        encryptionResources.some((e) => asArray(e.props.rules).some((rule) =>
            asString(asRecord(asRecord(rule).applyServerSideEncryptionByDefault).sseAlgorithm) !== undefined));
    const publicAccessBlocked = controlsFor(resources, TYPES.bucketPublicAccessBlock, bucket).some((p) =>
        p.props.blockPublicAcls === true && p.props.blockPublicPolicy === true &&
        p.props.ignorePublicAcls === true && p.props.restrictPublicBuckets === true);
    return { versioning, encryption, publicAccessBlocked };
}
