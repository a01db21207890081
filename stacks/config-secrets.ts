/**
 * Which secret values of the stack config are really stored encrypted.
 *
 * Pulumi marks a whole top-level key secret when any value under it is
 * `secure:` in the stack file (`pulumi config set --secret --path
 * 'cognito.identityProviders[0].clientSecret' ...` makes all of `cognito`
 * secret when it is decrypted). A plain-text sibling (`identityProviders[1].clientSecret`
 * set without `--secret`) then looks secret to the program too. So when the
 * program can read its stack file (`Pulumi.<stack>.yaml` next to
 * `Pulumi.yaml`), the value at each secret path must itself be `secure:`
 * there; when it cannot (config kept elsewhere), the key-level mark is all
 * there is to go by.
 *
 * Offline, the gate reads the stack file itself and leaves nested `secure:`
 * envelopes in the values, so a plain-text value is a string there whatever
 * its neighbours are (see `plaintextSecretProblems`).
 */
import * as fs from "fs";
import * as yaml from "js-yaml";

/** A `{ secure: "v1:..." }` envelope. */
function isEnvelope(value: unknown): boolean {
    return (
        value !== null &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as Record<string, unknown>).secure === "string"
    );
}

function walk(value: unknown, at: string, out: Set<string>): void {
    if (isEnvelope(value)) {
        out.add(at);
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${at}[${i}]`, out));
    } else if (value !== null && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
            walk(v, `${at}.${k}`, out);
        }
    }
}

/**
 * The paths (`cognito.identityProviders[0].clientSecret`, or `partners` for a
 * whole key) of the project's `secure:` values in a parsed stack file.
 */
export function encryptedPaths(stackFile: unknown, project: string): Set<string> {
    const out = new Set<string>();
    const config = stackFile !== null && typeof stackFile === "object" ? (stackFile as { config?: unknown }).config : undefined;
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        return out;
    }
    for (const [fullKey, value] of Object.entries(config)) {
        const key = fullKey.startsWith(`${project}:`) ? fullKey.slice(project.length + 1) : fullKey.includes(":") ? undefined : fullKey;
        if (key !== undefined) {
            walk(value, key, out);
        }
    }
    return out;
}

/** The encrypted paths of the stack file at `file`, or undefined when there is no such file. */
export function readEncryptedPaths(file: string, project: string): Set<string> | undefined {
    if (!fs.existsSync(file)) {
        return undefined;
    }
    return encryptedPaths(yaml.load(fs.readFileSync(file, "utf8")), project);
}

/** True when `path` is encrypted itself or lies inside an encrypted value. */
export function isEncryptedPath(encrypted: ReadonlySet<string>, path: string): boolean {
    return [...encrypted].some((e) => path === e || path.startsWith(`${e}.`) || path.startsWith(`${e}[`));
}

/**
 * The program's check that a secret is stored encrypted: Pulumi marked its key
 * secret and, when the stack file was read, the value at its path is `secure:` there.
 */
export function storedEncrypted(
    isSecretKey: (fullKey: string) => boolean,
    encrypted: ReadonlySet<string> | undefined,
): (fullKey: string, path: string) => boolean {
    return (fullKey, path) => isSecretKey(fullKey) && (encrypted === undefined || isEncryptedPath(encrypted, path));
}
