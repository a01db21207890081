/**
 * CustomDomain and MtlsTruststore against literal expected values: what each API kind gets, the
 * certificate's DNS validation, the alias, the URL, the domain-name pattern at its edges, and the
 * exact errors for a bundle AWS would refuse.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import { join } from "path";
import { countPemCertificates, CustomDomain, CustomDomainArgs, MtlsTruststore, requirePinnedVersion } from "../../../components";
import type { ApiKind } from "../../../components/apigateway/endpoint";
import { assertRejectsBeforeCreating, Plan, ROOT, runProgram } from "../../harness";
import { KMS_ARN } from "../fixtures";

const CA = readFileSync(join(ROOT, "stacks", "certs", "prod-client-ca.pem"), "utf8");
const NOT_X509 = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
const PEM_ONLY =
    "MtlsTruststore: caBundlePem must be one or more PEM blocks '-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----' and nothing else (no private keys)";

const args = (kind: ApiKind | undefined, overrides: Partial<CustomDomainArgs> = {}): CustomDomainArgs => ({
    domainName: "api.example.com",
    hostedZoneId: "Z123",
    endpoint: { apiId: pulumi.output("api123"), stageName: pulumi.output("prod"), ...(kind === undefined ? {} : { kind }) },
    ...overrides,
});

const children = (plan: Plan, type: string) =>
    plan
        .childrenOf(plan.one(type).urn)
        .map((r) => `${r.type} ${r.name}`)
        .sort();

describe("CustomDomain, literally", () => {
    it("REST (the default kind): an EC certificate validated by one CNAME, a TLS_1_2 REGIONAL domain, its mapping and an A alias, all its children", async () => {
        const plan = await runProgram(() => {
            const d = new CustomDomain("api", args(undefined, { basePath: "v1" }));
            return { url: d.url };
        });
        assert.deepStrictEqual(plan.props("aws:acm/certificate:Certificate"), {
            domainName: "api.example.com",
            validationMethod: "DNS",
            keyAlgorithm: "EC_prime256v1",
        });
        const validation = plan.props("aws:route53/record:Record", "api-cert-validation");
        assert.deepStrictEqual([validation.type, validation.ttl, validation.allowOverwrite, validation.zoneId], ["CNAME", 300, true, "Z123"]);
        assert.ok(Array.isArray(validation.records) && validation.records.length === 1, `one validation value, got ${JSON.stringify(validation.records)}`);
        assert.match(String((validation.records as string[])[0]), /acm-validations\.aws\.$/);
        const fqdns = plan.props("aws:acm/certificateValidation:CertificateValidation").validationRecordFqdns as string[];
        assert.ok(
            Array.isArray(fqdns) && fqdns.length === 1 && fqdns[0].endsWith(".api.example.com"),
            `the validation record's FQDN, got ${JSON.stringify(fqdns)}`,
        );
        const alias = plan.props("aws:route53/record:Record", "api-alias");
        assert.deepStrictEqual([alias.name, alias.type, alias.zoneId], ["api.example.com", "A", "Z123"]);
        const target = alias.aliases as Record<string, unknown>[];
        assert.strictEqual(target.length, 1);
        assert.strictEqual(target[0].evaluateTargetHealth, false);
        assert.strictEqual(plan.outputs.url.value, "https://api.example.com/v1");
        assert.deepStrictEqual(children(plan, "secure-api:tls:CustomDomain"), [
            "aws:acm/certificate:Certificate api-cert",
            "aws:acm/certificateValidation:CertificateValidation api-cert",
            "aws:apigateway/basePathMapping:BasePathMapping api-mapping",
            "aws:apigateway/domainName:DomainName api",
            "aws:route53/record:Record api-alias",
            "aws:route53/record:Record api-cert-validation",
        ]);
        assert.strictEqual(plan.ofType("aws:apigatewayv2/domainName:DomainName").length, 0);
    });

    for (const kind of ["HTTP", "WEBSOCKET"] as const) {
        it(`${kind}: a v2 REGIONAL TLS_1_2 domain and an API mapping, no REST domain`, async () => {
            const plan = await runProgram(() => {
                const d = new CustomDomain("api", args(kind, { basePath: "v1" }));
                return { url: d.url };
            });
            const domain = plan.props("aws:apigatewayv2/domainName:DomainName");
            assert.strictEqual(domain.domainName, "api.example.com");
            assert.deepStrictEqual(Object.keys(domain.domainNameConfiguration as object).sort(), ["certificateArn", "endpointType", "securityPolicy"]);
            assert.deepStrictEqual(
                [
                    (domain.domainNameConfiguration as Record<string, string>).endpointType,
                    (domain.domainNameConfiguration as Record<string, string>).securityPolicy,
                ],
                ["REGIONAL", "TLS_1_2"],
            );
            assert.deepStrictEqual(plan.props("aws:apigatewayv2/apiMapping:ApiMapping"), {
                domainName: "api.example.com",
                apiId: "api123",
                stage: "prod",
                apiMappingKey: "v1",
            });
            assert.strictEqual(plan.ofType("aws:apigateway/domainName:DomainName").length, 0);
            assert.strictEqual(plan.ofType("aws:apigateway/basePathMapping:BasePathMapping").length, 0);
        });
    }

    it("without a base path, the URL is the domain root", async () => {
        const plan = await runProgram(() => ({ url: new CustomDomain("api", args("REST")).url }));
        assert.strictEqual(plan.outputs.url.value, "https://api.example.com/");
    });

    it("refuses mTLS on a WebSocket domain, and names why", async () => {
        const error = await assertRejectsBeforeCreating(() => new CustomDomain("bad", args("WEBSOCKET", { mtlsCaBundlePem: CA, kmsKeyArn: KMS_ARN })));
        assert.strictEqual(
            error.message,
            "CustomDomain: mtlsCaBundlePem is not supported for a WebSocket API: API Gateway offers mutual TLS for REST and HTTP APIs only; remove it, or terminate mTLS in front of the API",
        );
        const kms = await assertRejectsBeforeCreating(() => new CustomDomain("bad", args("REST", { mtlsCaBundlePem: CA })));
        assert.strictEqual(kms.message, "CustomDomain: kmsKeyArn is required with mtlsCaBundlePem (it encrypts the truststore bucket)");
    });

    it("accepts a domain name exactly when it is a lower-case FQDN of 4 to 253 characters", async () => {
        const label63 = "a".repeat(63);
        const at253 = `${label63}.${label63}.${label63}.${"b".repeat(57)}.com`;
        const at254 = `${label63}.${label63}.${label63}.${"b".repeat(58)}.com`;
        assert.strictEqual(at253.length, 253);
        for (const ok of ["a.io", "x.example.com", at253]) {
            await runProgram(() => new CustomDomain("ok", args("REST", { domainName: ok })));
        }
        for (const bad of ["_api.example.com", "api.example.com1", "api.example.com.", at254, "a.b"]) {
            const error = await assertRejectsBeforeCreating(() => new CustomDomain("bad", args("REST", { domainName: bad })));
            assert.strictEqual(
                error.message,
                `CustomDomain: domainName must be a lower-case fully qualified domain name such as api.example.com (got ${JSON.stringify(bad)})`,
            );
        }
    });
});

describe("MtlsTruststore, literally", () => {
    it("puts the bundle as application/x-pem-file in its own SecureBucket, both its children", async () => {
        const plan = await runProgram(() => new MtlsTruststore("trust", { caBundlePem: CA, kmsKeyArn: KMS_ARN }));
        assert.strictEqual(plan.props("aws:s3/bucketObjectv2:BucketObjectv2").contentType, "application/x-pem-file");
        assert.deepStrictEqual(children(plan, "secure-api:tls:MtlsTruststore"), [
            "aws:s3/bucketObjectv2:BucketObjectv2 trust-bundle",
            "secure-api:storage:SecureBucket trust-bucket",
        ]);
    });

    it("refuses an empty or missing bundle, and a PEM block that is no X.509 certificate, naming which", async () => {
        for (const pem of ["", "  \n"]) {
            assert.throws(
                () => countPemCertificates(pem),
                (err: Error) => err.message === PEM_ONLY,
            );
        }
        const missing = await assertRejectsBeforeCreating(() => new MtlsTruststore("t", { caBundlePem: undefined as unknown as string, kmsKeyArn: KMS_ARN }));
        assert.strictEqual(missing.message, PEM_ONLY);
        assert.throws(
            () => countPemCertificates(CA + NOT_X509),
            (err: Error) => err.message.startsWith("MtlsTruststore: caBundlePem certificate 2 of 2 is not a valid X.509 certificate ("),
        );
        assert.throws(
            () => countPemCertificates(NOT_X509 + CA),
            (err: Error) => err.message.startsWith("MtlsTruststore: caBundlePem certificate 1 of 2 is not a valid X.509 certificate ("),
        );
    });

    it("says how to recover when S3 reports no version id", () => {
        assert.throws(
            () => requirePinnedVersion("null", "s3://trust/truststore.pem"),
            (err: Error) =>
                err.message ===
                'MtlsTruststore: s3://trust/truststore.pem has no S3 version id (got "null"); ' +
                    "the truststore bucket's versioning must be Enabled before the CA bundle is uploaded, or the custom domain would not be pinned to this bundle. " +
                    "Check the bucket's versioning configuration and run the update again.",
        );
    });
});
