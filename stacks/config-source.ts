/**
 * How raw stack config (`namespace:key` to string, as Pulumi hands it to a
 * program) becomes values: which namespaces may appear, and which values are
 * JSON. A key in an unknown namespace is almost always a typo of the
 * project's own (`secure-api-platfrom:waf`), which would otherwise drop a
 * setting silently; strings are taken as written (`description: "2024"`).
 */
import { Spec } from "./config-schema";

/** Namespaces of the providers and tools a stack file may configure besides the project's own. */
export const PROVIDER_NAMESPACES = ["aws", "awsx", "pulumi", "aws-apigateway", "random", "tls"] as const;

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

/** The closest of `candidates` to `word` when it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
    const ranked = candidates.map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) })).sort((x, y) => x.d - y.d);
    const best = ranked[0];
    return best && best.d <= Math.max(2, Math.floor(best.c.length / 4)) ? best.c : undefined;
}

/** Splits `namespace:key` (a bare key belongs to the project). */
export function splitConfigKey(fullKey: string, project: string): [string, string] {
    const at = fullKey.indexOf(":");
    return at < 0 ? [project, fullKey] : [fullKey.slice(0, at), fullKey.slice(at + 1)];
}

/** The problem with a key's namespace, or undefined when the namespace is the project's or a provider's. */
export function namespaceProblem(fullKey: string, project: string): string | undefined {
    const [namespace] = splitConfigKey(fullKey, project);
    if (namespace === project || (PROVIDER_NAMESPACES as readonly string[]).includes(namespace)) {
        return undefined;
    }
    const suggestion = didYouMean(namespace, [project, ...PROVIDER_NAMESPACES]);
    return (
        `${fullKey}: unknown namespace "${namespace}"${suggestion ? `; did you mean ${suggestion}:${splitConfigKey(fullKey, project)[1]}?` : ""} ` +
        `(allowed: ${project} and the providers ${PROVIDER_NAMESPACES.join(", ")})`
    );
}

/**
 * The value of one top-level key: a string key's value is taken as written;
 * any other key's value is JSON (Pulumi stores numbers, booleans, lists and
 * objects as JSON text). Undecodable JSON is left as the string, so the
 * spec reports what was given.
 */
export function decodeConfigValue(raw: string, spec: Spec<unknown>): unknown {
    if (spec.text) {
        return raw;
    }
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}
