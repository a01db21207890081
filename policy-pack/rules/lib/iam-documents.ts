/** Analysis of IAM policy documents (plain, known JSON): Allow statements granting every action or a whole service on every resource. */
import { asArray, asRecord, asString, parseJsonDocument } from "./values";

/** True for `*` or `<service>:*` (an action pattern granting everything, or a whole service). */
export function isWildcardAction(action: string): boolean {
    return action === "*" || /^[A-Za-z0-9-]+:\*$/.test(action);
}

/**
 * The wildcard actions a policy document allows on `Resource: "*"` (or with
 * `NotResource`), minus the allowed ones; `undefined` when the document is not valid JSON.
 */
export function wildcardGrants(document: unknown, allowedActions: readonly string[]): string[] | undefined {
    const doc = parseJsonDocument(document);
    if (!doc) {
        return undefined;
    }
    const allowed = new Set(allowedActions.map((a) => a.toLowerCase()));
    const grants = new Set<string>();
    for (const statement of asArray(doc.Statement).map(asRecord)) {
        if (statement.Effect !== "Allow") {
            continue;
        }
        const everyResource = statement.NotResource !== undefined || asArray(statement.Resource).some((r) => r === "*");
        if (!everyResource) {
            continue;
        }
        if (statement.NotAction !== undefined) {
            grants.add("NotAction (everything but a list)");
            continue;
        }
        for (const action of asArray(statement.Action).map(asString)) {
            if (action && isWildcardAction(action) && !allowed.has(action.toLowerCase())) {
                grants.add(action);
            }
        }
    }
    return [...grants];
}
