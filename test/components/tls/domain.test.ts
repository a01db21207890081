import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import { join } from "path";
import { countPemCertificates, CustomDomain, CustomDomainArgs, requirePinnedVersion } from "../../../components";
import { assertRejectsBeforeCreating, names, ROOT, runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

const CA = readFileSync(join(ROOT, "stacks", "certs", "prod-client-ca.pem"), "utf8");
const endpoint = () => ({ apiId: pulumi.output("api123"), stageName: pulumi.output("prod") });
const domainArgs = (overrides: Partial<CustomDomainArgs> = {}): CustomDomainArgs => ({
    domainName: "api.example.com",
    hostedZoneId: "Z123",
    endpoint: endpoint(),
    ...overrides,
});

describe("CustomDomain", () => {
    it("requests a DNS-validated certificate and serves a REGIONAL TLS 1.2 domain with an alias record", async () => {
        const plan = await runProgram(() => {
            new CustomDomain("api", domainArgs({ basePath: "v1" }));
        });
        const cert = plan.props("aws:acm/certificate:Certificate");
        assert.deepStrictEqual([cert.domainName, cert.validationMethod], ["api.example.com", "DNS"]);
        const records = plan.ofType("aws:route53/record:Record").map((r) => r.props);
        assert.deepStrictEqual(records.map((r) => r.type).sort(), ["A", "CNAME"]);
        assert.ok(plan.one("aws:acm/certificateValidation:CertificateValidation"));
        const domain = plan.props("aws:apigateway/domainName:DomainName");
        assert.strictEqual(domain.securityPolicy, "TLS_1_2");
        assert.deepStrictEqual(domain.endpointConfiguration, { types: "REGIONAL" });
        assert.strictEqual(domain.mutualTlsAuthentication, undefined);
        const mapping = plan.props("aws:apigateway/basePathMapping:BasePathMapping");
        assert.deepStrictEqual([mapping.restApi, mapping.stageName, mapping.basePath], ["api123", "prod", "v1"]);
    });

    it("uses an existing certificate instead of requesting one", async () => {
        const plan = await runProgram(() => {
            new CustomDomain("api", domainArgs({ hostedZoneId: undefined, certificateArn: "arn:aws:acm:us-east-1:1:certificate/x" }));
        });
        assert.strictEqual(plan.ofType("aws:acm/certificate:Certificate").length, 0);
        assert.strictEqual(plan.ofType("aws:route53/record:Record").length, 0);
        assert.strictEqual(plan.props("aws:apigateway/domainName:DomainName").regionalCertificateArn, "arn:aws:acm:us-east-1:1:certificate/x");
    });

    it("with mTLS, keeps the CA bundle in a versioned, encrypted, private, TLS-only bucket and pins its version", async () => {
        const plan = await runProgram(() => {
            new CustomDomain("api", domainArgs({ mtlsCaBundlePem: CA, kmsKeyArn: KMS_ARN }));
        });
        const mtls = plan.props("aws:apigateway/domainName:DomainName").mutualTlsAuthentication as Record<string, string>;
        const object = plan.one("aws:s3/bucketObjectv2:BucketObjectv2");
        assert.strictEqual(object.props.content, CA);
        assert.strictEqual(object.props.serverSideEncryption, "aws:kms");
        assert.match(mtls.truststoreUri, /^s3:\/\/.+\/truststore\.pem$/);
        assert.match(mtls.truststoreVersion, /^v-/);
        assert.deepStrictEqual(plan.props("aws:s3/bucketVersioning:BucketVersioning", "api-truststore-bucket-versioning").versioningConfiguration, {
            status: "Enabled",
        });
        const sse = plan.props("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "api-truststore-bucket-encryption")
            .rules as {
            applyServerSideEncryptionByDefault: Record<string, string>;
        }[];
        assert.deepStrictEqual(sse[0].applyServerSideEncryptionByDefault, { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS_ARN });
        const pab = plan.props("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "api-truststore-bucket-public-access");
        assert.ok(["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every((k) => pab[k] === true));
        const policy = JSON.parse(String(plan.props("aws:s3/bucketPolicy:BucketPolicy", "api-truststore-bucket-policy").policy));
        assert.deepStrictEqual(policy.Statement[0].Condition, { Bool: { "aws:SecureTransport": false } });
        const violations = names(await plan.violations());
        assert.ok(!violations.includes("apigw-mtls-truststore-bucket"));
        assert.ok(!violations.includes("apigw-domain-tls-1-2"));
    });

    it("uploads the CA bundle only after the bucket's versioning is enabled, and pins the object's version", async () => {
        const plan = await runProgram(() => {
            new CustomDomain("api", domainArgs({ mtlsCaBundlePem: CA, kmsKeyArn: KMS_ARN }));
        });
        const object = plan.one("aws:s3/bucketObjectv2:BucketObjectv2");
        const versioning = plan.one("aws:s3/bucketVersioning:BucketVersioning", "api-truststore-bucket-versioning");
        assert.ok(object.dependencies.includes(versioning.urn), "the object dependsOn the versioning configuration");
        const domain = plan.one("aws:apigateway/domainName:DomainName");
        assert.ok(domain.propertyDependencies.mutualTlsAuthentication.includes(object.urn), "the pinned version is the object's");
        assert.match((domain.props.mutualTlsAuthentication as Record<string, string>).truststoreVersion, /^v-/);
    });

    it("fails the deployment with a clear error when S3 reports no version id, instead of leaving the domain unpinned", () => {
        for (const missing of [undefined, "", "null"]) {
            assert.throws(
                () => requirePinnedVersion(missing, "s3://trust/truststore.pem"),
                /MtlsTruststore: s3:\/\/trust\/truststore\.pem has no S3 version id .*versioning must be Enabled before the CA bundle is uploaded/,
            );
        }
        assert.strictEqual(requirePinnedVersion("3HL4kqtJlcpXroDTDmJ", "s3://trust/truststore.pem"), "3HL4kqtJlcpXroDTDmJ");
    });

    it("counts the certificates of a PEM bundle and refuses anything else in it", () => {
        assert.strictEqual(countPemCertificates(CA + CA), 2);
        assert.throws(() => countPemCertificates("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n" + CA), /no private keys/);
    });

    const bad: [string, Partial<CustomDomainArgs>, RegExp][] = [
        ["an invalid domain name", { domainName: "API_example" }, /domainName must be a lower-case fully qualified domain name/],
        ["neither a hosted zone nor a certificate", { hostedZoneId: undefined }, /hostedZoneId is required unless certificateArn is given/],
        ["a base path with a slash", { basePath: "v1/orders" }, /basePath must be letters, digits/],
        [
            "a bundle that is not PEM certificates",
            { mtlsCaBundlePem: "not a certificate", kmsKeyArn: KMS_ARN },
            /MtlsTruststore: caBundlePem must be one or more PEM blocks/,
        ],
        ["mTLS without a KMS key", { mtlsCaBundlePem: CA }, /kmsKeyArn is required with mtlsCaBundlePem/],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what} before creating anything`, () => assertRejectsBeforeCreating(() => new CustomDomain("bad", domainArgs(overrides)), message));
    }
});
