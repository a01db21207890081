import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ACM_CERTIFICATE } from "../../../policy-pack/baseline";
import { acmCertificateKeyStrength, certificateKeyStrengthConfig } from "../../../policy-pack/rules/acm/acm-certificate-key-strength";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "acm-certificate-key-strength";

/** Self-signed test certificates (public parts only), generated with openssl req -x509 -newkey rsa:<bits> | ec. */
const pem = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", `${name}.pem`), "utf8");

type CertificateArgs = Partial<aws.acm.CertificateArgs>;
const requested = (name: string, args: CertificateArgs = {}) =>
    new aws.acm.Certificate(name, { domainName: "api.example.com", validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", ...args });
const imported = (name: string, body: pulumi.Input<string>) =>
    new aws.acm.Certificate(name, {
        certificateBody: body,
        privateKey: pulumi.secret("-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----\n"),
    });
const program =
    (args: CertificateArgs = {}) =>
    () => {
        requested("cert", args);
    };

describe(RULE, () => {
    it("pins the default minimum to the baseline (2048 bits), configurable between 2048 and 4096", () => {
        assert.strictEqual(certificateKeyStrengthConfig.defaults.minRsaKeyBits, ACM_CERTIFICATE.minRsaKeyBits);
        const schema = acmCertificateKeyStrength.configSchema?.properties.minRsaKeyBits;
        assert.deepStrictEqual([schema?.default, schema?.minimum, schema?.maximum], [2048, 2048, 4096]);
    });

    it("passes the compliant baseline (requested EC_prime256v1), RSA_2048 and an unset keyAlgorithm (ACM's RSA_2048)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
        assertNoFindings(await ruleFindings(RULE, program({ keyAlgorithm: "RSA_2048" })));
        assertNoFindings(await ruleFindings(RULE, program({ keyAlgorithm: undefined })));
    });

    it("rejects a requested RSA_1024 key", async () => {
        assertFindings(await ruleFindings(RULE, program({ keyAlgorithm: "RSA_1024" })), RULE, "mandatory", [
            {
                resource: "cert",
                message: [/requests a 1024-bit RSA key \(keyAlgorithm RSA_1024\), shorter than 2048 bits/, /Set keyAlgorithm to EC_prime256v1 or RSA_2048/],
            },
        ]);
    });

    it("judges an imported certificate by its key: 2048 bits passes, 2047 bits fails; EC passes", async () => {
        assertNoFindings(await ruleFindings(RULE, () => imported("cert", pem("rsa-2048"))));
        assertNoFindings(await ruleFindings(RULE, () => imported("cert", pem("ec-p256"))));
        assertFindings(await ruleFindings(RULE, () => imported("cert", pem("rsa-2047"))), RULE, "mandatory", [
            {
                resource: "cert",
                message: [
                    /imports a certificate with a 2047-bit RSA key \(certificateBody\), shorter than 2048 bits/,
                    /Import a certificate with an EC key or an RSA key of at least 2048 bits\./,
                ],
            },
        ]);
    });

    it("reports every weak certificate of the stack, requested and imported", async () => {
        const found = await ruleFindings(RULE, () => {
            requested("weak-request", { keyAlgorithm: "RSA_1024" });
            imported("weak-import", pem("rsa-1024"));
            imported("strong-import", pem("rsa-2048"));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "weak-request", message: [/keyAlgorithm RSA_1024/] },
            { resource: "weak-import", message: [/1024-bit RSA key \(certificateBody\)/] },
        ]);
    });

    it("a certificateBody that is not a PEM certificate cannot be judged, and says so", async () => {
        assertFindings(await ruleFindings(RULE, () => imported("cert", "not a certificate")), RULE, "mandatory", [
            { resource: "cert", message: [/certificateBody is not a PEM X\.509 certificate/] },
        ]);
    });

    it("a larger configured minimum (3072) changes the verdict, at its boundary, and names ACM's default", async () => {
        const config = { [RULE]: { minRsaKeyBits: 3072 } };
        assertNoFindings(await ruleFindings(RULE, program({ keyAlgorithm: "RSA_3072" }), { config }));
        assertNoFindings(await ruleFindings(RULE, program(), { config }));
        const found = await ruleFindings(
            RULE,
            () => {
                requested("rsa-2048", { keyAlgorithm: "RSA_2048" });
                requested("unset", { keyAlgorithm: undefined });
                imported("imported", pem("rsa-2048"));
            },
            { config },
        );
        assertFindings(found, RULE, "mandatory", [
            { resource: "rsa-2048", message: [/2048-bit RSA key \(keyAlgorithm RSA_2048\), shorter than 3072 bits/, /EC_prime256v1 or RSA_3072/] },
            { resource: "unset", message: [/keyAlgorithm is not set, so ACM uses RSA_2048/] },
            { resource: "imported", message: [/2048-bit RSA key \(certificateBody\), shorter than 3072 bits/] },
        ]);
    });

    it("a certificateBody built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            imported(
                "cert",
                logGroup("source").arn.apply(() => pem("rsa-2047")),
            );
        });
        assertFindings(found.update, RULE, "mandatory", [{ resource: "cert", message: [/2047-bit RSA key/] }]);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "cert",
                message: [
                    /cannot be verified at preview: Certificate "cert"\.certificateBody is unknown; it must hold an EC key or an RSA key of at least 2048 bits/,
                ],
            },
        ]);
    });

    it("a keyAlgorithm built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            requested("cert", { keyAlgorithm: logGroup("source").arn.apply(() => "RSA_1024") });
        });
        assertFindings(found.update, RULE, "mandatory", [{ resource: "cert", message: [/keyAlgorithm RSA_1024/] }]);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "cert",
                message: [/cannot be verified at preview: Certificate "cert"\.keyAlgorithm is unknown; it must be an EC algorithm or RSA_2048 and up/],
            },
        ]);
    });
});
