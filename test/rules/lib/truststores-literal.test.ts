/**
 * checkTruststores, literally: the exact findings for an unpinned truststore version (naming the URI, or "the
 * truststore object" when it is unknown), for a truststore bucket the domain's mTLS block came from that fails the
 * strict profile, and, at a first preview, for an unknown mTLS block or truststoreUri: only the stack's buckets that
 * fail the profile are named, none when the URI came from a bucket, and nothing is reported when nothing is owed.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { resourcesOf, StackResource } from "../../../policy-pack/rules/lib/resources";
import { checkTruststores, MtlsDomainProps } from "../../../policy-pack/rules/lib/truststores";
import { policyResource, U } from "./preview-values";

const BUCKET = "aws:s3/bucket:Bucket";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const DOMAIN = "aws:apigateway/domainName:DomainName";
const ALL_BLOCKED = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

const PAB_TEXT = "a bucket-level BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true";
const VERSIONING_TEXT = 'versioning (a BucketVersioning with versioningConfiguration.status "Enabled")';
const WHY =
    "Add what it lacks, so the trusted CA bundle can neither be exposed nor replaced without a trace (its SSE-KMS encryption is checked by s3-bucket-kms-encryption).";
const STRICT = "name a bucket of the strict profile (versioned, public access blocked on the bucket)";

/** A bucket at a first preview with no inline versioning set. */
const bucketOf = (name: string) => policyResource(BUCKET, name, { bucket: `${name}-bucket`, id: U, arn: U, versioning: U });
const companion = (type: string, name: string, of: PolicyResource, props: Record<string, unknown>) =>
    policyResource(type, name, { bucket: U, id: U, ...props }, { bucket: [of], ...Object.fromEntries(Object.keys(props).map((k) => [k, []])) });

// "strict" passes the strict profile (versioned, public access blocked); "weak" has neither.
const strict = bucketOf("strict");
const weak = bucketOf("weak");
const strictSet = [
    strict,
    companion(PAB, "strict-pab", strict, ALL_BLOCKED),
    companion(VERSIONING, "strict-v", strict, { versioningConfiguration: { status: "Enabled" } }),
];

const domainOf = (name: string, mtls: unknown, from: PolicyResource[] = []) =>
    policyResource(DOMAIN, name, { domainName: `${name}.example.com`, mutualTlsAuthentication: mtls }, { domainName: [], mutualTlsAuthentication: from });

/** The findings of checkTruststores, as [message, urn] pairs. */
const findings = (resources: PolicyResource[], domains: readonly StackResource<MtlsDomainProps>[] = resourcesOf(resources, aws.apigateway.DomainName)) => {
    const found: [string, string][] = [];
    checkTruststores(resources, domains, (message, urn) => found.push([message, urn]));
    return found;
};

describe("checkTruststores (literal)", () => {
    it("reports the truststore bucket the mTLS block came from when it fails the strict profile, with what it lacks", () => {
        const domain = domainOf("api", { truststoreUri: U, truststoreVersion: "v1" }, [weak]);
        assert.deepStrictEqual(findings([weak, domain]), [
            [`mTLS truststore Bucket "weak" (of DomainName "api") lacks ${PAB_TEXT} and ${VERSIONING_TEXT}. ${WHY}`, weak.urn],
        ]);
    });

    it("reports an unpinned version of a literal URI, naming it, and each bucket of that name that fails the profile", () => {
        const named = policyResource(BUCKET, "named", { bucket: "strict-bucket", id: U, arn: U, versioning: U });
        const domain = domainOf("lit", { truststoreUri: "s3://strict-bucket/ca.pem" });
        assert.deepStrictEqual(findings([...strictSet, named, domain]), [
            [
                'DomainName "lit" does not pin mutualTlsAuthentication.truststoreVersion, so anyone able to overwrite s3://strict-bucket/ca.pem changes which client certificates are trusted. ' +
                    "Set mutualTlsAuthentication.truststoreVersion to the object's version id.",
                domain.urn,
            ],
            [`mTLS truststore Bucket "named" (of DomainName "lit") lacks ${PAB_TEXT} and ${VERSIONING_TEXT}. ${WHY}`, named.urn],
        ]);
    });

    it("an unknown URI built from a bucket of the profile owes only the pinned version, whatever other buckets lack", () => {
        const domain = domainOf("open", { truststoreUri: U }, [strict]);
        assert.deepStrictEqual(findings([...strictSet, weak, domain]), [
            [
                'DomainName "open" does not pin mutualTlsAuthentication.truststoreVersion, so anyone able to overwrite the truststore object changes which client certificates are trusted. ' +
                    "Set mutualTlsAuthentication.truststoreVersion to the object's version id.",
                domain.urn,
            ],
        ]);
    });

    it("an unknown URI built from no bucket must name a bucket of the profile: only the failing buckets are listed", () => {
        const domain = domainOf("cfg", { truststoreUri: U, truststoreVersion: "v1" });
        assert.deepStrictEqual(findings([...strictSet, weak, domain]), [
            [
                `cannot be verified at preview: DomainName "cfg".mutualTlsAuthentication.truststoreUri is unknown; it must ${STRICT}, not Bucket "weak".`,
                domain.urn,
            ],
        ]);
    });

    it("an unknown URI built from no bucket owes nothing when every bucket of the stack passes the profile", () => {
        assert.deepStrictEqual(findings([...strictSet, domainOf("cfg", { truststoreUri: U, truststoreVersion: "v1" })]), []);
        assert.deepStrictEqual(findings([domainOf("cfg", { truststoreUri: U, truststoreVersion: "v1" })]), []);
    });

    it("a wholly unknown mTLS block owes a pinned version, and a bucket of the profile only when one fails it", () => {
        const block = domainOf("block", U);
        assert.deepStrictEqual(findings([...strictSet, block]), [
            [
                `cannot be verified at preview: DomainName "block".mutualTlsAuthentication is unknown; it must set truststoreVersion to the truststore object's version id.`,
                block.urn,
            ],
        ]);
        assert.deepStrictEqual(findings([...strictSet, weak, block]), [
            [
                `cannot be verified at preview: DomainName "block".mutualTlsAuthentication is unknown; it must set truststoreVersion to the truststore object's version id, and ${STRICT}, not Bucket "weak".`,
                block.urn,
            ],
        ]);
    });

    it("names the unknown property also when props hold the engine's raw sentinel (not read through the SDK's proxy)", () => {
        const raw = (name: string, mtls: unknown): StackResource<MtlsDomainProps> => ({
            ...resourcesOf([domainOf(name, U)], aws.apigateway.DomainName)[0],
            props: { mutualTlsAuthentication: mtls } as MtlsDomainProps,
        });
        const [block, uri] = [raw("block", U), raw("uri", { truststoreUri: U, truststoreVersion: "v1" })];
        assert.deepStrictEqual(findings([weak], [block, uri]), [
            [
                `cannot be verified at preview: DomainName "block".mutualTlsAuthentication is unknown; it must set truststoreVersion to the truststore object's version id, and ${STRICT}, not Bucket "weak".`,
                block.urn,
            ],
            [
                `cannot be verified at preview: DomainName "uri".mutualTlsAuthentication.truststoreUri is unknown; it must ${STRICT}, not Bucket "weak".`,
                uri.urn,
            ],
        ]);
    });

    it("does not judge a domain without a truststoreUri", () => {
        assert.deepStrictEqual(findings([weak, domainOf("plain", undefined), domainOf("empty", { truststoreUri: "" })]), []);
    });
});
