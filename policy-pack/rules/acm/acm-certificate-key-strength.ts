/** ACM certificates must not use weak RSA keys: requested ones by keyAlgorithm, imported ones by the key of their certificateBody. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { ACM_CERTIFICATE } from "../../baseline";
import { certificateFacts } from "../lib/certificates";
import { isSet, known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `acm-certificate-key-strength`. */
export interface CertificateKeyStrengthConfig {
    /** Smallest RSA key, in bits, a certificate may use (EC keys always pass). */
    minRsaKeyBits: number;
}

export const certificateKeyStrengthConfig = ruleConfig<CertificateKeyStrengthConfig>({
    minRsaKeyBits: {
        type: "integer",
        minimum: ACM_CERTIFICATE.minRsaKeyBits,
        maximum: ACM_CERTIFICATE.maxRsaKeyBits,
        default: ACM_CERTIFICATE.minRsaKeyBits,
        description: `Smallest RSA key, in bits, an ACM certificate may use (default ${ACM_CERTIFICATE.minRsaKeyBits}; EC keys always pass).`,
    },
});

/** The RSA key algorithms RequestCertificate offers, smallest first. */
const REQUESTABLE_RSA = [2048, 3072, 4096];

function fixFor(minBits: number): string {
    const rsa = REQUESTABLE_RSA.find((b) => b >= minBits);
    return `EC_prime256v1${rsa ? ` or RSA_${rsa}` : ""}`;
}

export const acmCertificateKeyStrength = resourceRule({
    name: "acm-certificate-key-strength",
    service: "acm",
    description: `ACM certificates must not use RSA keys shorter than the configured minimum (${ACM_CERTIFICATE.minRsaKeyBits} bits by default): requested certificates by keyAlgorithm, imported ones by the key in certificateBody.`,
    remediationSteps:
        "Request the certificate with keyAlgorithm EC_prime256v1 (or RSA_2048 and up), or import a certificate whose RSA key has at least minRsaKeyBits bits.",
    severity: "high",
    enforcementLevel: "mandatory",
    // Checked: Security Hub ACM.2 / AWS Config acm-certificate-rsa-check (NON_COMPLIANT when an RSA certificate's key is shorter than 2048 bits, imported or ACM-issued); this spec's RSA_1024 and 2047/2048-bit imported cases.
    controls: { securityHub: ["ACM.2"] },
    config: certificateKeyStrengthConfig,
    validateResource: validateResourceOfType(aws.acm.Certificate, (cert, args, report) => {
        const label = describe(args);
        const { minRsaKeyBits } = certificateKeyStrengthConfig.read(args);
        const requirement = `hold an EC key or an RSA key of at least ${minRsaKeyBits} bits`;
        const body = known(() => cert.certificateBody, "certificateBody");
        if (isSet(body)) {
            if (!body.known) {
                report(unverifiable(label, body.path, requirement));
                return;
            }
            const facts = typeof body.value === "string" ? certificateFacts(body.value) : undefined;
            if (!facts) {
                report(
                    `${label}: certificateBody is not a PEM X.509 certificate, so the strength of its key cannot be judged. Give the certificate in PEM form.`,
                );
            } else if (facts.rsaBits !== undefined && facts.rsaBits < minRsaKeyBits) {
                report(
                    `${label} imports a certificate with a ${facts.rsaBits}-bit RSA key (certificateBody), shorter than ${minRsaKeyBits} bits: it can be factored or forged. ` +
                        `Import a certificate with an EC key or an RSA key of at least ${minRsaKeyBits} bits.`,
                );
            }
            return;
        }
        const algorithm = known(() => cert.keyAlgorithm, "keyAlgorithm");
        if (!algorithm.known) {
            report(unverifiable(label, algorithm.path, `be an EC algorithm or RSA_${minRsaKeyBits} and up`));
            return;
        }
        const value = algorithm.value ?? ACM_CERTIFICATE.acmDefaultKeyAlgorithm;
        const bits = /^RSA_(\d+)$/.exec(value)?.[1];
        if (bits !== undefined && Number(bits) < minRsaKeyBits) {
            const given = algorithm.value === undefined ? `keyAlgorithm is not set, so ACM uses ${value}` : `keyAlgorithm ${value}`;
            report(`${label} requests a ${bits}-bit RSA key (${given}), shorter than ${minRsaKeyBits} bits. Set keyAlgorithm to ${fixFor(minRsaKeyBits)}.`);
        }
    }),
});
