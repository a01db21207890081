/**
 * What protects an S3 bucket in a stack: versioning, default encryption and a
 * public access block, set inline on the bucket (`aws.s3.Bucket`,
 * `aws.s3.BucketV2`) or by companion resources. Each control is yes, no, or
 * unknown (a value it depends on is unknown during preview).
 */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { known, Known, knownDeep } from "./known";
import { knownOutput, refersTo, resourcesOf, StackResource } from "./resources";

/** The state of one control. */
export type Control = { readonly state: "yes" } | { readonly state: "no" } | { readonly state: "unknown"; readonly what: string };

const YES: Control = { state: "yes" };
const NO: Control = { state: "no" };

/** What every bucket class has: its name and id. */
export interface BucketProps {
    readonly bucket: string;
    readonly id: string;
}

/** A bucket of either class, with the view common to both and its class-specific inline settings. */
export type BucketResource =
    | { readonly kind: "Bucket"; readonly common: StackResource<BucketProps>; readonly typed: StackResource<OutputsOfBucket> }
    | { readonly kind: "BucketV2"; readonly common: StackResource<BucketProps>; readonly typed: StackResource<OutputsOfBucketV2> };

type OutputsOfBucket = ReturnType<typeof resourcesOf<aws.s3.Bucket>>[number]["props"];
type OutputsOfBucketV2 = ReturnType<typeof resourcesOf<aws.s3.BucketV2>>[number]["props"];

/** Every bucket of the stack, of both classes. */
export function bucketsIn(resources: readonly PolicyResource[]): BucketResource[] {
    return [
        ...resourcesOf(resources, aws.s3.Bucket).map((b): BucketResource => ({ kind: "Bucket", common: b, typed: b })),
        ...resourcesOf(resources, aws.s3.BucketV2).map((b): BucketResource => ({ kind: "BucketV2", common: b, typed: b })),
    ];
}

/** The bucket name of an s3:// URI. */
export function s3BucketOfUri(uri: string | undefined): string | undefined {
    const match = /^s3:\/\/([^/]+)\//.exec(uri ?? "");
    return match ? match[1] : undefined;
}

/** True when a companion resource's `bucket` names the bucket (by dependency, or by a known name or id). */
function isFor(companion: StackResource<{ readonly bucket: string }>, bucket: BucketResource): boolean {
    return refersTo(companion, "bucket", bucket.common, [(b) => b.bucket, (b) => b.id]);
}

/** Combines the candidate answers: a yes wins; otherwise unknown if one is unknown; otherwise no. */
function anyOf(candidates: ReadonlyArray<() => Control>): Control {
    let unknown: Control | undefined;
    for (const candidate of candidates) {
        const c = candidate();
        if (c.state === "yes") {
            return c;
        }
        unknown ??= c.state === "unknown" ? c : undefined;
    }
    return unknown ?? NO;
}

/** yes when the known value satisfies `test`, unknown (naming `subject.path`) when it is not known. */
function check<T>(value: Known<T>, subject: string, test: (v: T) => boolean): Control {
    if (!value.known) {
        return { state: "unknown", what: `${subject}.${value.path}` };
    }
    return test(value.value) ? YES : NO;
}

/** Versioning enabled: inline, or a BucketVersioning / BucketVersioningV2 with status Enabled. */
export function versioningOf(resources: readonly PolicyResource[], bucket: BucketResource): Control {
    const companions = [...resourcesOf(resources, aws.s3.BucketVersioning), ...resourcesOf(resources, aws.s3.BucketVersioningV2)]
        .filter((v) => isFor(v, bucket))
        .map(
            (v) => () =>
                check(
                    known(() => v.props.versioningConfiguration?.status, "versioningConfiguration.status"),
                    v.label,
                    (s) => s === "Enabled",
                ),
        );
    const inline = (): Control =>
        bucket.kind === "Bucket"
            ? check(
                  knownOutput(bucket.typed, "versioning", (b) => b.versioning?.enabled),
                  bucket.typed.label,
                  (e) => e === true,
              )
            : check(
                  knownOutput(bucket.typed, "versionings", (b) => (b.versionings ?? []).map((v) => v.enabled)),
                  bucket.typed.label,
                  (e) => (e ?? []).includes(true),
              );
    return anyOf([...companions, inline]);
}

/** Default encryption: inline, or a BucketServerSideEncryptionConfiguration(V2) rule with an sseAlgorithm. */
export function encryptionOf(resources: readonly PolicyResource[], bucket: BucketResource): Control {
    const hasAlgorithm = (algorithms: readonly (string | undefined)[]) => algorithms.some((a) => typeof a === "string" && a !== "");
    const companions = [
        ...resourcesOf(resources, aws.s3.BucketServerSideEncryptionConfiguration),
        ...resourcesOf(resources, aws.s3.BucketServerSideEncryptionConfigurationV2),
    ]
        .filter((e) => isFor(e, bucket))
        .map(
            (e) => () =>
                check(
                    knownDeep(() => (e.props.rules ?? []).map((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm), "rules"),
                    e.label,
                    hasAlgorithm,
                ),
        );
    const inline = (): Control =>
        bucket.kind === "Bucket"
            ? check(
                  knownOutput(bucket.typed, "serverSideEncryptionConfiguration", (b) => [
                      b.serverSideEncryptionConfiguration?.rule?.applyServerSideEncryptionByDefault?.sseAlgorithm,
                  ]),
                  bucket.typed.label,
                  (a) => hasAlgorithm(a ?? []),
              )
            : check(
                  knownOutput(bucket.typed, "serverSideEncryptionConfigurations", (b) =>
                      (b.serverSideEncryptionConfigurations ?? []).flatMap((c) =>
                          (c.rules ?? []).flatMap((r) => (r.applyServerSideEncryptionByDefaults ?? []).map((d) => d.sseAlgorithm)),
                      ),
                  ),
                  bucket.typed.label,
                  (a) => hasAlgorithm(a ?? []),
              );
    return anyOf([...companions, inline]);
}

/** All four public access block settings true, on a BucketPublicAccessBlock for the bucket. */
export function publicAccessBlockOf(resources: readonly PolicyResource[], bucket: BucketResource): Control {
    return anyOf(
        resourcesOf(resources, aws.s3.BucketPublicAccessBlock)
            .filter((p) => isFor(p, bucket))
            .map(
                (p) => () =>
                    check(
                        knownDeep(
                            () => [p.props.blockPublicAcls, p.props.blockPublicPolicy, p.props.ignorePublicAcls, p.props.restrictPublicBuckets],
                            "blockPublicAcls",
                        ),
                        p.label,
                        (flags) => flags.every((f) => f === true),
                    ),
            ),
    );
}
