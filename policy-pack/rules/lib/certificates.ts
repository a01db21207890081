/** What the pack reads from an imported certificate (a PEM `certificateBody`): its key and the names it is valid for. */
import { X509Certificate } from "crypto";

/** The public key and the DNS names of a certificate. */
export interface CertificateFacts {
    /** Node's key type: `rsa`, `rsa-pss`, `ec`, `ed25519`, ... */
    readonly keyType: string;
    /** RSA modulus length in bits (RSA keys only). */
    readonly rsaBits?: number;
    /** The subject's common name and the DNS subject alternative names. */
    readonly names: readonly string[];
}

/** The facts of the first certificate of a PEM text, or undefined when it is not a PEM X.509 certificate. */
export function certificateFacts(pem: string): CertificateFacts | undefined {
    let cert: X509Certificate;
    try {
        cert = new X509Certificate(pem);
    } catch {
        return undefined;
    }
    const keyType = cert.publicKey.asymmetricKeyType ?? "unknown";
    const bits = cert.publicKey.asymmetricKeyDetails?.modulusLength;
    const commonName = cert.subject
        .split("\n")
        .filter((line) => line.startsWith("CN="))
        .map((line) => line.slice(3));
    const altNames = (cert.subjectAltName ?? "")
        .split(", ")
        .filter((entry) => entry.startsWith("DNS:"))
        .map((entry) => entry.slice(4));
    return { keyType, rsaBits: keyType.startsWith("rsa") ? bits : undefined, names: [...new Set([...commonName, ...altNames])] };
}
