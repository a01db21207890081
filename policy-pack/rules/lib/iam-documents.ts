/**
 * Analysis of IAM policy documents (plain, known JSON): Allow statements granting every action or a whole service, on any
 * resource, and condition operators that hold for a request without the key (shared by resource and key policies).
 */
import { listing } from "./messages";
import { asArray, asRecord, asString, parseJsonDocument } from "./values";

/** True for `*` or `<service>:*` (an action pattern granting everything, or a whole service). */
export function isWildcardAction(action: string): boolean {
    return action === "*" || /^[A-Za-z0-9-]+:\*$/.test(action);
}

/** Where a statement applies, for messages: `Resource "*"`, `NotResource ...` or the resources it lists. */
function scopeOf(statement: Record<string, unknown>): string {
    if (statement.NotResource !== undefined) {
        return "every resource but NotResource";
    }
    const resources = asArray(statement.Resource).map((r) => (typeof r === "string" ? r : JSON.stringify(r)));
    return resources.includes("*") ? 'Resource "*"' : `Resource ${resources.join(", ")}`;
}

/**
 * The wildcard actions (`*`, `service:*`, or `NotAction`) a policy document
 * allows, on any resource, minus the allowed ones, as `<grants> on <scope>`
 * per scope; `undefined` when the document is not valid JSON. A statement
 * without `Effect` counts as Allow (IAM refuses it, Checkov CKV_AWS_63 treats
 * it as Allow).
 */
export function wildcardGrants(document: unknown, allowedActions: readonly string[]): string[] | undefined {
    const doc = parseJsonDocument(document);
    if (!doc) {
        return undefined;
    }
    const allowed = new Set(allowedActions.map((a) => a.toLowerCase()));
    const byScope = new Map<string, Set<string>>();
    const add = (scope: string, grant: string) => byScope.set(scope, (byScope.get(scope) ?? new Set<string>()).add(grant));
    for (const statement of asArray(doc.Statement).map(asRecord)) {
        if ((statement.Effect ?? "Allow") !== "Allow") {
            continue;
        }
        if (statement.NotAction !== undefined) {
            add(scopeOf(statement), "NotAction (everything but a list)");
            continue;
        }
        for (const action of asArray(statement.Action).map(asString)) {
            if (action && isWildcardAction(action) && !allowed.has(action.toLowerCase())) {
                add(scopeOf(statement), `"${action}"`);
            }
        }
    }
    return [...byScope].map(([scope, grants]) => `${listing([...grants])} on ${scope}`);
}

/**
 * True when a condition operator also holds for a request that lacks the condition key, so it scopes no caller who
 * lacks it (internet callers have no aws:SourceVpce, principals outside any organization no aws:PrincipalOrgID): in an
 * Allow, `ForAllValues:…` (true for a missing key) and `…IfExists` (true for a missing key); in a Deny, `ForAnyValue:…`
 * (false for a missing key, so the Deny does not apply). IAM User Guide, "Set operators for multivalued context keys"
 * and "…IfExists condition operators".
 */
export function holdsWithoutKey(operator: string, effect: "Allow" | "Deny"): boolean {
    return effect === "Allow" ? /^ForAllValues:/i.test(operator) || /IfExists$/i.test(operator) : /^ForAnyValue:/i.test(operator);
}
