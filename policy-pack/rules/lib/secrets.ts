/**
 * Finding credentials in plaintext name/value maps (Lambda environment
 * variables, API Gateway stage variables).
 *
 * Two tests, on plain known values:
 *  - the value has a well-known credential format (AWS access key id, AWS
 *    secret access key next to an access key id, PEM private key, Stripe live
 *    key, GitHub token, Slack token, Google API key, JWT, URL with a password),
 *    whatever the variable is called;
 *  - the variable is secret-named (PASSWORD, PASSWD, SECRET, TOKEN, API_KEY,
 *    APIKEY, PRIVATE_KEY, any case) and its value is not a reference or a
 *    setting: an ARN, an SSM parameter name (`/a/b` or `ssm:`), a Secrets
 *    Manager reference (`secretsmanager:`, `{{resolve:...}}`), a number, a
 *    duration, a boolean, an https URL without credentials or query, or empty.
 *
 * Findings say which variable and why, never the value or any part of it.
 */
import { isUnknown, known, snapshot } from "./known";
import { unverifiable } from "./messages";
import { asRecord } from "./values";

/** A variable that holds a credential: its name and why it looks like one (never its value). */
export interface SecretFinding {
    readonly variable: string;
    readonly reason: string;
}

const FORMATS: ReadonlyArray<{ readonly pattern: RegExp; readonly reason: string }> = [
    { pattern: /(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/, reason: "looks like an AWS access key id" },
    { pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/, reason: "holds a PEM private key" },
    { pattern: /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{10,}/, reason: "looks like a Stripe live secret key" },
    { pattern: /(?<![A-Za-z0-9])(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}(?![A-Za-z0-9])/, reason: "looks like a GitHub token" },
    { pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{22,}/, reason: "looks like a GitHub fine-grained token" },
    { pattern: /(?<![A-Za-z0-9])xox[bpasr]-[A-Za-z0-9-]{10,}/, reason: "looks like a Slack token" },
    { pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/, reason: "looks like a Google API key" },
    { pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/, reason: "looks like a JWT (a bearer token)" },
    { pattern: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@]+:[^\s/@]+@/, reason: "is a URL with an embedded password" },
];

const ACCESS_KEY_ID = FORMATS[0].pattern;
const ANY_FORMAT = FORMATS.map((f) => new RegExp(f.pattern.source, "g"));

/** What a report prints in place of a secret or a credential. */
export const REDACTED = "[secret]";

/** The text with every substring in a credential format replaced by {@link REDACTED}: no finding prints one, whatever a rule quotes. */
export function redactCredentials(text: string): string {
    return ANY_FORMAT.reduce((t, re) => t.replace(re, REDACTED), text);
}
/** An AWS secret access key: exactly 40 characters of base64 (with at least one digit or symbol, so not a word). */
const AWS_SECRET_KEY = /^(?=.*[0-9/+])[A-Za-z0-9/+]{40}$/;

/** Variable names that say they hold a credential. */
export const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY/i;

/** Names (as UPPER_SNAKE words) that say the variable holds a reference to a secret, not the secret: DB_SECRET_ARN, tokenParameterName, SECRET_ID. */
const REFERENCE_NAME = /(^|_)(ARN|NAME|ID|PARAM|PARAMETER|PATH|REF|REFERENCE)$/;
const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

/**
 * What a first preview cannot decide in a map: the secret-named variables whose values are unknown (built from
 * another resource's output: a generated password or a secret's ARN, until known), unless the name says it holds
 * a reference. Update judges their values as {@link plaintextSecrets} does.
 */
export function undecidedSecretNames(variables: Readonly<Record<string, unknown>>): string[] {
    return Object.entries(variables)
        .filter(([name, value]) => isUnknown(value) && SECRET_NAME.test(name) && !REFERENCE_NAME.test(words(name)))
        .map(([name]) => name);
}

/** The requirement an undecided secret-named variable must meet once known. */
export const HOLD_A_REFERENCE =
    "hold a Secrets Manager or SSM reference (an ARN or parameter name), not the credential (a variable that holds a reference can say so: …_ARN, …_NAME)";

const REFERENCE_OR_SETTING: readonly RegExp[] = [
    /^\s*$/, // empty
    /^arn:[a-z0-9-]+:/i, // an ARN (Secrets Manager secret, SSM parameter, KMS key)
    /^\/[A-Za-z0-9_.\-/]+$/, // an SSM parameter name
    /^(ssm|secretsmanager|ssm-secure):/i, // an SSM / Secrets Manager reference
    /^\{\{resolve:(ssm|ssm-secure|secretsmanager):[^}]+\}\}$/i, // a dynamic reference
    /^-?\d+(\.\d+)?$/, // a number (a length, a TTL)
    /^\d+(\.\d+)?\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)$/i, // a duration
    /^P(?=\d|T\d)(\d+[YMWD])*(T(\d+[HMS])+)?$/, // an ISO 8601 duration
    /^(true|false|yes|no|on|off|enabled|disabled)$/i, // a boolean
    /^https:\/\/[^\s/@?#]+(\/[^\s?#]*)?$/, // an https endpoint without credentials or query
];

/** Why a value of any variable has a credential's format, or undefined. */
export function credentialFormat(value: string): string | undefined {
    return FORMATS.find((f) => f.pattern.test(value))?.reason;
}

/** True for a value a secret-named variable may hold: a reference to a secret store, or a setting. */
export function isReferenceOrSetting(value: string): boolean {
    return REFERENCE_OR_SETTING.some((p) => p.test(value));
}

/**
 * The credentials in a map of plain values. Values that are not strings are
 * settings (numbers, booleans) and pass; so do values unknown at preview
 * (`snapshot` stands for them by a symbol): {@link undecidedSecretNames} judges those.
 */
export function plaintextSecrets(variables: Readonly<Record<string, unknown>>): SecretFinding[] {
    const entries = Object.entries(variables).filter((e): e is [string, string] => typeof e[1] === "string");
    const nextToAccessKey = entries.some(([, v]) => ACCESS_KEY_ID.test(v));
    const found: SecretFinding[] = [];
    for (const [variable, value] of entries) {
        const format = credentialFormat(value);
        if (format !== undefined) {
            found.push({ variable, reason: format });
        } else if (nextToAccessKey && AWS_SECRET_KEY.test(value)) {
            found.push({ variable, reason: "looks like an AWS secret access key (40 base64 characters next to an access key id)" });
        } else if (SECRET_NAME.test(variable) && !isReferenceOrSetting(value)) {
            found.push({ variable, reason: "is named like a credential and holds a literal value, not a Secrets Manager or SSM reference" });
        }
    }
    return found;
}

/** How a rule says who reads its map in clear, and the one change that fixes a variable. */
export interface SecretMapWording {
    /** Who reads the map in clear, e.g. "anyone who may read the stage". */
    readers: string;
    /** The fix for the variable at `path` (e.g. `variables.DB_PASSWORD`), as a sentence. */
    fix: (path: string) => string;
}

/** What a whole map unknown at preview must hold once known. */
const NO_PLAINTEXT = "hold no credential in plaintext, only Secrets Manager or SSM references and settings";

/**
 * The findings of a name/value map at `property` of `subject` that must hold no credential in plaintext: a whole
 * map unknown at preview hides names and literals alike (unverifiable); secret-named variables whose values are
 * unknown are unverifiable unless named as references ({@link undecidedSecretNames}); known values are judged by
 * {@link plaintextSecrets}, in preview and update alike.
 */
export function secretMapFindings(subject: string, property: string, read: () => unknown, wording: SecretMapWording): string[] {
    const map = known(read, property);
    if (!map.known) {
        return [unverifiable(subject, map.path, NO_PLAINTEXT)];
    }
    const variables = asRecord(snapshot(() => map.value));
    const undecided = undecidedSecretNames(variables);
    return [
        ...(undecided.length > 0
            ? [
                  unverifiable(
                      subject,
                      undecided.map((v) => `${property}.${v}`),
                      HOLD_A_REFERENCE,
                  ),
              ]
            : []),
        ...plaintextSecrets(variables).map(
            ({ variable, reason }) =>
                `${subject} ${property}.${variable} ${reason}: ${wording.readers} reads it in clear. ${wording.fix(`${property}.${variable}`)}`,
        ),
    ];
}
