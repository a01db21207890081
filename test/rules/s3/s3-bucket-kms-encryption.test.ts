import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { S3_KMS_REQUIRED_FOR } from "../../../policy-pack/baseline";
import { s3BucketKmsEncryption, s3BucketKmsEncryptionConfig } from "../../../policy-pack/rules/s3/s3-bucket-kms-encryption";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, bucketPolicy, BucketSpec, CERT_ARN, domainName, KMS_ARN, PROTECTED, s3Uri, trail } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "s3-bucket-kms-encryption";
const FIX = 'add a BucketServerSideEncryptionConfiguration with sseAlgorithm "aws:kms" and kmsMasterKeyId set to a customer-managed KMS key';
type Sse = { sseAlgorithm: pulumi.Input<string>; kmsMasterKeyId?: pulumi.Input<string> };

/** A trail bucket whose encryption is `sse` (none: no encryption resource). */
function auditBucket(name: string, sse?: Sse, spec: BucketSpec = {}, v2 = false) {
    const b = bucket(name, { ...PROTECTED, encryption: false, ...spec });
    if (sse) {
        const args = { bucket: b.id, rules: [{ applyServerSideEncryptionByDefault: sse }] };
        if (v2) {
            new aws.s3.BucketServerSideEncryptionConfigurationV2(`${name}-encryption`, args);
        } else {
            new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, args);
        }
    }
    trail(`${name}-trail`, { s3BucketName: b.bucket });
    return b;
}

describe(RULE, () => {
    it("pins the default purposes to the baseline (audit and truststore)", () => {
        assert.deepStrictEqual(s3BucketKmsEncryptionConfig.defaults.requireKmsFor, [...S3_KMS_REQUIRED_FOR]);
        assert.deepStrictEqual(s3BucketKmsEncryption.configSchema?.properties.requireKmsFor.default, ["audit", "truststore"]);
    });

    it("passes the compliant baseline: an audit bucket with SSE-KMS under a customer-managed key", async () => {
        assertNoFindings(await ruleFindings(RULE, () => auditBucket("logs", { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS_ARN })));
    });

    it("passes a BucketV2 with the V2 resource, aws:kms:dsse, and a key ARN unknown at preview", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const key = new aws.kms.Key("key", { enableKeyRotation: true });
                auditBucket("logs", { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: key.arn }, { kind: "BucketV2" }, true);
            }),
        );
    });

    it("rejects an audit bucket without encryption config as SSE-S3, not as unencrypted", async () => {
        assertFindings(await ruleFindings(RULE, () => auditBucket("logs")), RULE, "mandatory", [
            {
                resource: "logs",
                message: [
                    exactly(`audit Bucket "logs" uses S3-managed keys (SSE-S3), not a customer-managed KMS key (requireKmsFor: audit, truststore); ${FIX}.`),
                ],
            },
        ]);
    });

    it("rejects AES256 and aws:kms without a key (the AWS-managed aws/s3 key)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                auditBucket("a", { sseAlgorithm: "AES256" });
                auditBucket("b", { sseAlgorithm: "aws:kms" }, {}, true);
                auditBucket("c", { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/uses S3-managed keys \(SSE-S3\)/] },
                {
                    resource: "b",
                    message: [
                        /uses the AWS-managed key aws\/s3 \(BucketServerSideEncryptionConfigurationV2 "b-encryption" sets sseAlgorithm aws:kms without a customer-managed kmsMasterKeyId\)/,
                    ],
                },
                { resource: "c", message: [/uses the AWS-managed key aws\/s3/] },
            ],
        );
    });

    it("judges truststore buckets", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = bucket("trust", { ...PROTECTED, encryption: false });
                domainName("api", { mutualTlsAuthentication: { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: "v1" } });
            }),
            RULE,
            "mandatory",
            [{ resource: "trust", message: [/truststore Bucket "trust" uses S3-managed keys/] }],
        );
    });

    it("names both purposes of a bucket that is an audit and a truststore bucket", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = auditBucket("both");
                domainName("api", { mutualTlsAuthentication: { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: "v1" } });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "both",
                    message: [
                        exactly(
                            `audit and truststore Bucket "both" uses S3-managed keys (SSE-S3), not a customer-managed KMS key (requireKmsFor: audit, truststore); ${FIX}.`,
                        ),
                    ],
                },
            ],
        );
    });

    it("rejects a config whose requireKmsFor names no purpose", async () => {
        for (const requireKmsFor of [["audits"], [""], [1]]) {
            await assert.rejects(
                ruleFindings(RULE, () => auditBucket("logs"), { config: { [RULE]: { requireKmsFor } } }),
                /requireKmsFor/,
                JSON.stringify(requireKmsFor),
            );
        }
    });

    it("judges the truststore buckets of API Gateway v2 domains too", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = bucket("trust2", { ...PROTECTED, encryption: false });
                new aws.apigatewayv2.DomainName("api2", {
                    domainName: "api2.example.com",
                    domainNameConfiguration: { certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
                    mutualTlsAuthentication: { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: "v1" },
                });
            }),
            RULE,
            "mandatory",
            [{ resource: "trust2", message: [/^truststore Bucket "trust2" uses S3-managed keys \(SSE-S3\)/] }],
        );
    });

    it("does not judge other buckets by default; requireKmsFor all does", async () => {
        const program = () => {
            bucket("data", { ...PROTECTED, encryption: false });
        };
        assertNoFindings(await ruleFindings(RULE, program));
        assertFindings(await ruleFindings(RULE, program, { config: { [RULE]: { requireKmsFor: ["all"] } } }), RULE, "mandatory", [
            { resource: "data", message: [/^Bucket "data" uses S3-managed keys/, /requireKmsFor: all/] },
        ]);
    });

    it("requireKmsFor truststore no longer judges audit buckets", async () => {
        assertNoFindings(await ruleFindings(RULE, () => auditBucket("logs"), { config: { [RULE]: { requireKmsFor: ["truststore"] } } }));
    });

    it("an encryption setting or bucket reference built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            auditBucket("algorithm", { sseAlgorithm: afterDeployment("AES256") });
            const rules = bucket("rules", { ...PROTECTED, encryption: false });
            new aws.s3.BucketServerSideEncryptionConfigurationV2("rules-encryption", {
                bucket: rules.id,
                rules: afterDeployment([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }]),
            });
            trail("rules-trail", { s3BucketName: rules.bucket });
            const inline = new aws.s3.Bucket("inline", {
                serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: afterDeployment("AES256") } } },
            });
            trail("inline-trail", { s3BucketName: inline.bucket });
            // References that came from no bucket may name any bucket once known; a bucket with a customer-managed key passes whichever.
            bucket("trust", { ...PROTECTED, encryption: false, kind: "BucketV2" });
            domainName("api", { mutualTlsAuthentication: { truststoreUri: afterDeployment("s3://trust-bucket/ca.pem"), truststoreVersion: "v1" } });
            // The trail waits for the bucket's policy, so its bucket name came from the policy.
            const audit = bucket("audit", { ...PROTECTED, encryption: false, kind: "BucketV2" });
            trail("audit-trail", { s3BucketName: bucketPolicy("audit", audit).bucket });
            bucket("keyed", PROTECTED);
        });
        const must = /is unknown; it must be "aws:kms" with a customer-managed kmsMasterKeyId\.$/;
        const references =
            /: cannot be verified at preview: Trail "audit-trail"\.s3BucketName and DomainName "api"\.mutualTlsAuthentication\.truststoreUri are unknown; they must not name this bucket unless it encrypts with "aws:kms" and a customer-managed kmsMasterKeyId\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "algorithm",
                message: [
                    /^audit Bucket "algorithm": cannot be verified at preview: BucketServerSideEncryptionConfiguration "algorithm-encryption"\.rules\.0\.applyServerSideEncryptionByDefault\.sseAlgorithm is unknown/,
                    must,
                ],
            },
            {
                resource: "rules",
                message: [/: cannot be verified at preview: BucketServerSideEncryptionConfigurationV2 "rules-encryption"\.rules is unknown/, must],
            },
            {
                resource: "inline",
                message: [
                    /: cannot be verified at preview: Bucket "inline"\.serverSideEncryptionConfiguration\.rule\.applyServerSideEncryptionByDefault\.sseAlgorithm is unknown/,
                    must,
                ],
            },
            { resource: "trust", message: [/^BucketV2 "trust"/, references] },
            { resource: "audit", message: [/^BucketV2 "audit"/, references] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "algorithm", message: [/^audit Bucket "algorithm" uses S3-managed keys \(SSE-S3\)/] },
            { resource: "rules", message: [/^audit Bucket "rules" uses the AWS-managed key aws\/s3/] },
            { resource: "inline", message: [/^audit Bucket "inline" uses S3-managed keys/] },
            { resource: "trust", message: [/^truststore BucketV2 "trust" uses S3-managed keys/] },
            { resource: "audit", message: [/^audit BucketV2 "audit" uses S3-managed keys/] },
        ]);
    });
});
