/**
 * Buckets a first preview cannot yet tell apart: references that give a bucket a purpose (a trail's
 * s3BucketName, a domain's truststoreUri) whose value is unknown and came from no bucket of the stack.
 * Until they are known any bucket may be the one they name, so a rule that judges buckets by purpose
 * reports, on each bucket that would fail it, that the reference must not name it.
 */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { BucketPurposeSetting } from "./bucket-access";
import { bucketsIn } from "./buckets";
import { Known, known } from "./known";
import { listing } from "./messages";
import { derivedFrom, resourcesOf, StackResource } from "./resources";

/**
 * The references that give buckets a purpose (a trail's s3BucketName, a domain's truststoreUri) that are unknown at preview
 * and came from no bucket of the stack (`s3BucketName: policy.bucket`, a URI built from a BucketObjectv2's outputs):
 * purposesOf cannot tell which bucket they name until they are known, so any bucket may be the one.
 */
export function undecidedReferences(resources: readonly PolicyResource[], setting: readonly BucketPurposeSetting[]): string[] {
    const buckets = bucketsIn(resources);
    const undecided = (r: StackResource<unknown>, prop: string, value: Known<unknown>) =>
        !value.known && !buckets.some((b) => derivedFrom(r, prop, b.common)) ? [`${r.label}.${value.path}`] : [];
    const trails = setting.includes("audit") ? resourcesOf(resources, aws.cloudtrail.Trail) : [];
    const domains = setting.includes("truststore")
        ? [...resourcesOf(resources, aws.apigateway.DomainName), ...resourcesOf(resources, aws.apigatewayv2.DomainName)]
        : [];
    return [
        ...trails.flatMap((t) =>
            undecided(
                t,
                "s3BucketName",
                known(() => t.props.s3BucketName, "s3BucketName"),
            ),
        ),
        ...domains.flatMap((d) =>
            undecided(
                d,
                "mutualTlsAuthentication",
                known(() => d.props.mutualTlsAuthentication?.truststoreUri, "mutualTlsAuthentication.truststoreUri"),
            ),
        ),
    ];
}

/** The finding on a bucket that fails a purpose's requirement while `undecided` references may name it. */
export function undecidedFinding(bucket: string, undecided: readonly string[], requirement: string): string {
    const [is, they] = undecided.length > 1 ? ["are", "they"] : ["is", "it"];
    return `${bucket}: cannot be verified at preview: ${listing(undecided)} ${is} unknown; ${they} must not name this bucket unless it ${requirement}.`;
}
