import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, BucketSpec, domainName, PROTECTED, s3Uri } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { assertTruststorePreview } from "../truststore-preview";

const RULE = "apigw-mtls-truststore-bucket";

/** A domain whose mTLS truststore lives in a bucket with the given protections. */
const mtlsDomain = (name: string, spec: BucketSpec, pinVersion = true) => {
    const b = bucket(`${name}-truststore`, spec);
    const bundle = new aws.s3.BucketObjectv2(`${name}-bundle`, { bucket: b.id, key: "truststore.pem", content: "pem" });
    domainName(name, { mutualTlsAuthentication: { truststoreUri: s3Uri(b, "truststore.pem"), truststoreVersion: pinVersion ? bundle.versionId : undefined } });
};

describe(RULE, () => {
    it("passes the compliant baseline: pinned version, versioned, encrypted, public access blocked", async () => {
        assertNoFindings(await ruleFindings(RULE, () => mtlsDomain("api", PROTECTED)));
    });

    it("passes with BucketV2 and the V2 companion resources", async () => {
        assertNoFindings(await ruleFindings(RULE, () => mtlsDomain("api", { ...PROTECTED, kind: "BucketV2", v2Companions: true })));
    });

    it("does not judge domains without mTLS", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                domainName("plain");
                bucket("other");
            }),
        );
    });

    it("rejects an unpinned truststore version", async () => {
        assertFindings(await ruleFindings(RULE, () => mtlsDomain("api", PROTECTED, false)), RULE, "mandatory", [
            { resource: "api", message: [/DomainName "api" does not pin mutualTlsAuthentication\.truststoreVersion/, /s3:\/\/api-truststore/] },
        ]);
    });

    const missing: [string, BucketSpec, RegExp][] = [
        ["versioning", { ...PROTECTED, versioning: false }, /lacks versioning \(a BucketVersioning with versioningConfiguration\.status "Enabled"\)\./],
        ["the public access block", { ...PROTECTED, publicAccessBlock: false }, /lacks a bucket-level BucketPublicAccessBlock with .* all true\./],
        [
            "a full public access block (one setting false)",
            { ...PROTECTED, blockSettings: { restrictPublicBuckets: false } },
            /lacks a bucket-level BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true\./,
        ],
    ];
    for (const [what, spec, message] of missing) {
        it(`rejects a truststore bucket without ${what}`, async () => {
            assertFindings(await ruleFindings(RULE, () => mtlsDomain("api", spec)), RULE, "mandatory", [
                { resource: "api-truststore", message: [/mTLS truststore Bucket "api-truststore" \(of DomainName "api"\)/, message] },
            ]);
        });
    }

    it("rejects a BucketV2 truststore without V2 versioning", async () => {
        assertFindings(
            await ruleFindings(RULE, () => mtlsDomain("api", { ...PROTECTED, kind: "BucketV2", v2Companions: true, versioning: false })),
            RULE,
            "mandatory",
            [{ resource: "api-truststore", message: [/BucketV2 "api-truststore"/, /lacks versioning/] }],
        );
    });

    it("leaves encryption to s3-bucket-kms-encryption: an unencrypted but versioned, blocked truststore bucket passes this rule", async () => {
        assertNoFindings(await ruleFindings(RULE, () => mtlsDomain("api", { ...PROTECTED, encryption: false })));
    });

    it("rejects every unprotected truststore bucket, listing what each lacks", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                mtlsDomain("one", { encryption: true });
                mtlsDomain("two", { kind: "BucketV2", versioning: true, v2Companions: true });
            }),
            RULE,
            "mandatory",
            [
                { resource: "one-truststore", message: [/lacks a bucket-level BucketPublicAccessBlock with .* all true and versioning/] },
                { resource: "two-truststore", message: [/BucketV2 "two-truststore" \(of DomainName "two"\) lacks a bucket-level BucketPublicAccessBlock/] },
            ],
        );
    });

    it("accepts inline versioning and encryption on a Bucket and on a BucketV2", async () => {
        const sse = { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } };
        const pab = (name: string, b: aws.s3.Bucket | aws.s3.BucketV2) =>
            new aws.s3.BucketPublicAccessBlock(`${name}-pab`, {
                bucket: b.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const v1 = new aws.s3.Bucket("v1", { versioning: { enabled: true }, serverSideEncryptionConfiguration: { rule: sse } });
                const v2 = new aws.s3.BucketV2("v2", {
                    versionings: [{ enabled: true }],
                    serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] }] }],
                });
                for (const [name, b] of [
                    ["one", v1],
                    ["two", v2],
                ] as const) {
                    pab(name, b);
                    domainName(name, { mutualTlsAuthentication: { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: "v1" } });
                }
            }),
        );
    });

    it("finds the bucket by the name in the URI when the URI is a literal", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new aws.s3.Bucket("named", { bucket: "trust-bucket" });
                domainName("api", { mutualTlsAuthentication: { truststoreUri: "s3://trust-bucket/ca.pem", truststoreVersion: "v1" } });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "named",
                    message: [/mTLS truststore Bucket "named" \(of DomainName "api"\) lacks a bucket-level BucketPublicAccessBlock .* and versioning/],
                },
            ],
        );
    });

    it("a truststore URI, mTLS block or bucket setting built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            // A URI from config (not derived from the bucket) names a bucket of the stack only once known.
            new aws.s3.Bucket("named", { bucket: "trust-bucket" });
            domainName("uri", { mutualTlsAuthentication: { truststoreUri: afterDeployment("s3://trust-bucket/ca.pem"), truststoreVersion: "v1" } });
            // A whole mTLS block built from outputs may lack truststoreVersion.
            domainName("block", { mutualTlsAuthentication: afterDeployment({ truststoreUri: "s3://elsewhere/ca.pem" }) });
            // The truststore bucket's versioning status is unknown.
            const b = bucket("status-truststore", { publicAccessBlock: true });
            new aws.s3.BucketVersioning("status-versioning", { bucket: b.id, versioningConfiguration: { status: afterDeployment("Suspended") } });
            domainName("status", { mutualTlsAuthentication: { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: "v1" } });
        });
        assertTruststorePreview(RULE, found);
    });
});
