/**
 * No report prints a secret: Pulumi secrets (by the paths the recorder
 * noted) and values that look like credentials are replaced, inputs
 * included. What was redacted is still visible as a placeholder.
 */

/** Credential formats worth never printing, whatever property holds them. */
const CREDENTIAL = [
    /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, // AWS access key id
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/, // PEM private key
    /\b(sk|rk)_live_[0-9A-Za-z]{10,}/, // Stripe live key
    /\bgh[pousr]_[0-9A-Za-z]{30,}|\bgithub_pat_[0-9A-Za-z_]{20,}/, // GitHub token
    /\bxox[abposr]-[0-9A-Za-z-]{10,}/, // Slack token
    /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
    /\beyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}/, // JWT
];

export const REDACTED = "[secret]";

/** true when a string looks like a credential. */
export function looksLikeCredential(value: string): boolean {
    return CREDENTIAL.some((re) => re.test(value));
}

/** The value with Pulumi secrets (at `secretPaths`, `a.b[0]` form) and credential-looking strings replaced. */
export function redact(value: unknown, secretPaths: readonly string[] = [], at = ""): unknown {
    if (secretPaths.includes(at || "(value)")) {
        return REDACTED;
    }
    if (typeof value === "string") {
        return looksLikeCredential(value) ? REDACTED : value;
    }
    if (Array.isArray(value)) {
        return value.map((v, i) => redact(v, secretPaths, `${at}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, secretPaths, at ? `${at}.${k}` : k)]));
    }
    return value;
}
