/**
 * Analysis of KMS key policies (plain, known JSON documents): statements that
 * allow every principal without a condition that scopes who may use the key.
 */
import { holdsWithoutKey } from "./iam-documents";
import { asArray, asRecord, parseJsonDocument, Props } from "./values";

/**
 * Condition keys that scope a wildcard principal to an account, an organization,
 * a resource or a network path (AWS KMS developer guide, "Condition keys";
 * the keys IAM Access Analyzer treats as limiting access).
 */
export const KEY_POLICY_SCOPING_KEYS = [
    "aws:PrincipalAccount",
    "aws:PrincipalOrgID",
    "aws:PrincipalArn",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOwner",
    "aws:SourceVpce",
    "aws:SourceVpc",
    "kms:CallerAccount",
] as const;
const SCOPING = KEY_POLICY_SCOPING_KEYS.map((k) => k.toLowerCase());

/** True for `"*"`, `["*"]`, `{ AWS: "*" }` or `{ AWS: [..., "*"] }` (any principal type). */
function isWildcardPrincipal(principal: unknown): boolean {
    if (asArray(principal).includes("*")) {
        return true;
    }
    return Object.values(asRecord(principal)).some((v) => asArray(v).includes("*"));
}

/**
 * True when the statement's condition restricts a scoping key to values other than `*` under a positive operator
 * that does not also hold for a request without the key (`holdsWithoutKey`).
 */
function scoped(statement: Props): boolean {
    return Object.entries(asRecord(statement.Condition)).some(([operator, operands]) => {
        const op = operator.replace(/^ForAnyValue:|^ForAllValues:/i, "").toLowerCase();
        if (op === "null" || op.includes("not") || holdsWithoutKey(operator, "Allow")) {
            return false;
        }
        return Object.entries(asRecord(operands)).some(([key, raw]) => {
            const values = asArray(raw).map(String);
            return SCOPING.includes(key.toLowerCase()) && values.length > 0 && !values.some((v) => v.includes("*"));
        });
    });
}

/**
 * The statements (by Sid) of a key policy that allow every principal (`*`, or
 * any `NotPrincipal`), unless `allowScoped` and a condition scopes it;
 * `undefined` when the document is not valid JSON.
 */
export function openKeyPolicyStatements(document: unknown, allowScoped: boolean): string[] | undefined {
    const doc = parseJsonDocument(document);
    if (!doc) {
        return undefined;
    }
    // Numbered by position in the whole document (before filtering), so an unnamed statement is found where it is.
    return asArray(doc.Statement)
        .map((statement, i) => ({ s: asRecord(statement), name: JSON.stringify(asRecord(statement).Sid ?? `(statement ${i + 1}, no Sid)`) }))
        .filter(({ s }) => s.Effect === "Allow" && (s.NotPrincipal !== undefined || isWildcardPrincipal(s.Principal)) && !(allowScoped && scoped(s)))
        .map(({ name }) => name);
}
