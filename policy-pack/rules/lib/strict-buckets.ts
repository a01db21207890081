/**
 * The strict profile of the S3 bucket rules: one definition for the buckets
 * whose loss or exposure breaks the platform's audit or its authentication,
 * the buckets a CloudTrail trail writes to (`audit`) and the buckets holding an
 * mTLS truststore (`truststore`). On top of the every-bucket rules
 * (`s3-bucket-public-access`, `s3-bucket-tls-only`, `s3-bucket-durability`) it
 * requires, mandatorily, a bucket-level public access block (an account-level
 * block does not count: another stack can lift it) and versioning (an
 * overwritten log file or CA bundle is otherwise lost). Their encryption is the
 * job of `s3-bucket-kms-encryption`, whose `requireKmsFor` selects `audit` and
 * `truststore` by default, so no two rules report the same gap.
 *
 * Used by `s3-log-bucket-public-access-block` (audit) and by the REST and v2
 * truststore rules (`lib/truststores.ts`).
 */
import type { PolicyResource } from "@pulumi/policy";
import { BucketResource, Control, publicAccessBlockOf, versioningOf } from "./buckets";
import { listing } from "./messages";

/** What the strict profile requires, worded for findings. */
export const STRICT_BUCKET_REQUIREMENTS = {
    publicAccessBlock: "a bucket-level BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true",
    versioning: 'versioning (a BucketVersioning with versioningConfiguration.status "Enabled")',
} as const;

type Requirement = keyof typeof STRICT_BUCKET_REQUIREMENTS;

/** The strict profile's verdict on one bucket: requirements it fails, and those it cannot be judged on at preview. */
export interface StrictGaps {
    readonly missing: readonly string[];
    readonly unknown: readonly string[];
}

/** Which strict requirements a bucket fails (or cannot be judged on yet). */
export function strictProfileGaps(resources: readonly PolicyResource[], bucket: BucketResource): StrictGaps {
    const controls: [Requirement, Control][] = [
        ["publicAccessBlock", publicAccessBlockOf(resources, bucket)],
        ["versioning", versioningOf(resources, bucket)],
    ];
    return {
        missing: controls.filter(([, c]) => c.state === "no").map(([k]) => STRICT_BUCKET_REQUIREMENTS[k]),
        unknown: controls.flatMap(([k, c]) => (c.state === "unknown" ? [`${c.what} is unknown; it must give ${STRICT_BUCKET_REQUIREMENTS[k]}`] : [])),
    };
}

/**
 * The finding for a bucket that fails the strict profile, or undefined when it passes:
 * `<subject> lacks A and B; and cannot be verified at preview: ... <why>`.
 */
export function strictProfileFinding(subject: string, gaps: StrictGaps, why: string): string | undefined {
    const parts = [
        ...(gaps.missing.length > 0 ? [`lacks ${listing(gaps.missing)}`] : []),
        ...(gaps.unknown.length > 0 ? [`cannot be verified at preview: ${gaps.unknown.join("; ")}`] : []),
    ];
    return parts.length > 0 ? `${subject} ${parts.join("; and ")}. ${why}` : undefined;
}
