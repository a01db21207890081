/**
 * No report prints a secret: Pulumi secrets (by the paths the recorder
 * noted) and values that look like credentials are replaced, inputs and
 * findings included. What was redacted is still visible as a placeholder.
 */
import { credentialFormat, REDACTED, redactCredentials } from "../rules/lib/secrets";
import { UNKNOWN } from "./mocks";

export { REDACTED };

/** How every report shows a value only known after deployment (an unknown output or input at a first preview). */
export const KNOWN_AFTER_DEPLOYMENT = "(known after deployment)";

/** true when a string has a well-known credential format (the one list the rules use too: `rules/lib/secrets.ts`). */
export function looksLikeCredential(value: string): boolean {
    return credentialFormat(value) !== undefined;
}

const DESCEND = Symbol("descend");

/** The value rebuilt with what `visit` returns for each node (`a.b[0]` paths); {@link DESCEND} keeps a node and visits its children. */
function mapValue(value: unknown, visit: (v: unknown, at: string) => unknown, at = ""): unknown {
    const out = visit(value, at);
    if (out !== DESCEND) {
        return out;
    }
    if (Array.isArray(value)) {
        return value.map((v, i) => mapValue(v, visit, `${at}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapValue(v, visit, at ? `${at}.${k}` : k)]));
    }
    return value;
}

const isSecretAt = (secretPaths: readonly string[], at: string) => secretPaths.includes(at || "(value)");

/** The value with Pulumi secrets (at `secretPaths`, `a.b[0]` form) and credential-looking strings replaced. */
export function redact(value: unknown, secretPaths: readonly string[] = []): unknown {
    return mapValue(value, (v, at) => (isSecretAt(secretPaths, at) ? REDACTED : typeof v === "string" ? (looksLikeCredential(v) ? REDACTED : v) : DESCEND));
}

/** A value as a reader sees it: {@link redact}ed, and the engine's unknown sentinel, anywhere inside, shown as {@link KNOWN_AFTER_DEPLOYMENT}. */
export function shown(value: unknown, secretPaths: readonly string[] = []): unknown {
    return mapValue(redact(value, secretPaths), (v) => (v === UNKNOWN ? KNOWN_AFTER_DEPLOYMENT : DESCEND));
}

/** Every string inside the value at its secret paths: what a finding about that resource must not print. */
export function secretStrings(value: unknown, secretPaths: readonly string[]): string[] {
    const found: string[] = [];
    const collect = (v: unknown): void => {
        if (typeof v === "string" && v !== "" && v !== UNKNOWN) {
            found.push(v);
        } else if (v !== null && typeof v === "object") {
            Object.values(v).forEach(collect);
        }
    };
    mapValue(value, (v, at) => (isSecretAt(secretPaths, at) ? collect(v) : DESCEND));
    return found;
}

/**
 * A finding's message with every secret string of the resources it concerns replaced (longest first,
 * so a secret that contains another is replaced whole) and every credential-looking substring.
 */
export function redactMessage(message: string, secrets: readonly string[]): string {
    const redacted = [...new Set(secrets)].sort((a, b) => b.length - a.length).reduce((m, s) => m.split(s).join(REDACTED), message);
    return redactCredentials(redacted);
}
