/** What counts as a plaintext backend: one definition for integrations built as resources and those of an OpenAPI body. */

/** True for a URI that calls its backend without TLS (`http://`, any case, surrounding spaces ignored). */
export function isPlaintextUri(uri: unknown): uri is string {
    return typeof uri === "string" && /^http:\/\//i.test(uri.trim());
}
