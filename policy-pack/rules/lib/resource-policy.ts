/**
 * Analysis of API Gateway resource policies (plain, known JSON documents):
 * what a PRIVATE API's policy must say to admit only its VPC endpoints.
 */
import { allowListProblems } from "../../baseline";
import { holdsWithoutKey } from "./iam-documents";
import { asArray, asRecord, parseJsonDocument, Props } from "./values";

const VPC_CONDITION_KEYS = ["aws:sourcevpce", "aws:sourcevpc"];

/**
 * True when the statement's condition limits callers to VPC endpoints or VPCs: an Allow by a positive operator
 * (`StringEquals aws:SourceVpce`), a Deny by a negated one (`StringNotEquals aws:SourceVpce`), either holding
 * only for a request that has the key (`scopingKeys`). An Allow with `StringNotEquals aws:SourceVpce` admits every
 * other endpoint, of any account.
 */
function vpcScoped(statement: Props, allow: boolean): boolean {
    return scopingKeys(statement, allow).some((k) => VPC_CONDITION_KEYS.includes(k));
}

function isWildcardPrincipal(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    return Object.values(asRecord(principal)).some((v) => asArray(v).includes("*"));
}

/**
 * Problems with a private API's resource policy: it must be valid JSON, allow
 * something, and every statement that allows a wildcard principal must be
 * limited to a VPC endpoint or VPC, by its own condition or by a Deny of
 * everything not from one.
 */
export function privateApiPolicyProblems(document: unknown): string[] {
    const doc = parseJsonDocument(document);
    if (!doc) {
        return ["the resource policy is missing or is not valid JSON"];
    }
    const statements = asArray(doc.Statement).map(asRecord);
    const allows = statements.filter((s) => s.Effect === "Allow");
    if (allows.length === 0) {
        return ["the resource policy allows nothing, so no VPC endpoint can call the API"];
    }
    // A Deny of every caller not from a VPC endpoint or VPC, for invoking the whole API.
    const denyOutsideVpc = statements.some((s) => s.Effect === "Deny" && everyPrincipal(s) && coversInvoke(s) && coversWholeApi(s) && vpcScoped(s, false));
    if (denyOutsideVpc) {
        return [];
    }
    return allows
        .filter((s) => everyPrincipal(s) && !vpcScoped(s, true))
        .map((s) => {
            const name = `statement ${JSON.stringify(s.Sid ?? "(no Sid)")} allows principal "*"`;
            const operators = Object.entries(asRecord(s.Condition))
                .filter(([, operands]) => Object.keys(asRecord(operands)).some((k) => VPC_CONDITION_KEYS.includes(k.toLowerCase())))
                .map(([op]) => op);
            return operators.length === 0
                ? `${name} without an aws:SourceVpce or aws:SourceVpc condition`
                : `${name} under ${operators.join(", ")} on aws:SourceVpce or aws:SourceVpc, which does not limit callers to VPC endpoints (a negated operator admits every other endpoint, ForAllValues: and …IfExists also a request without the key, * every value); use StringEquals with your endpoint IDs`;
        });
}

// ---------------------------------------------------------------------------
// Public (EDGE / REGIONAL) APIs: does the resource policy scope its callers?
// ---------------------------------------------------------------------------

/** Condition keys that scope who may call: where from (IP, VPC endpoint, VPC) or which organization / account. */
export const SCOPING_CONDITION_KEYS = ["aws:SourceIp", "aws:SourceVpce", "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:SourceVpc"] as const;
const SCOPING_KEYS = SCOPING_CONDITION_KEYS.map((k) => k.toLowerCase());

/** True when an IAM pattern (with `*` and `?`) matches the value, case-insensitively. */
function patternMatches(pattern: string, value: string): boolean {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${re}$`, "i").test(value);
}

/** True when the statement applies to execute-api:Invoke (Action matches it, or NotAction does not). */
function coversInvoke(statement: Props): boolean {
    if (statement.NotAction !== undefined) {
        return !asArray(statement.NotAction).some((a) => typeof a === "string" && patternMatches(a, "execute-api:Invoke"));
    }
    return asArray(statement.Action).some((a) => typeof a === "string" && patternMatches(a, "execute-api:Invoke"));
}

/** True when the statement applies to every principal: `*`, `{ AWS: "*" }`, or any NotPrincipal. */
function everyPrincipal(statement: Props): boolean {
    return statement.NotPrincipal !== undefined || isWildcardPrincipal(statement.Principal);
}

/** True when the Deny covers the whole API (no Resource, `*`, `execute-api:/*` or `arn:...:execute-api:...:<api>/*`). */
function coversWholeApi(statement: Props): boolean {
    if (statement.Resource === undefined) {
        return true;
    }
    return asArray(statement.Resource).some((r) => typeof r === "string" && /^(\*|execute-api:\/\*|arn:aws[\w-]*:execute-api:[^:]*:[^:]*:[^/]+\/\*)$/i.test(r));
}

/**
 * The scoping keys a statement's condition restricts: under positive operators
 * (`IpAddress`, `StringEquals`, ...; `positive`) or negated ones
 * (`NotIpAddress`, `StringNotEquals`, ...), with values that are not `*` and,
 * for aws:SourceIp, a CIDR list that does not cover every address. `Null`
 * (key present or not) scopes nothing, nor does an operator that holds for a
 * request without the key (`holdsWithoutKey`: `ForAllValues:`/`IfExists` in
 * an Allow, `ForAnyValue:` in a Deny).
 */
function scopingKeys(statement: Props, positive: boolean): string[] {
    const keys: string[] = [];
    for (const [operator, operands] of Object.entries(asRecord(statement.Condition))) {
        if (holdsWithoutKey(operator, positive ? "Allow" : "Deny")) {
            continue;
        }
        const op = operator
            .replace(/^ForAnyValue:|^ForAllValues:/i, "")
            .replace(/IfExists$/i, "")
            .toLowerCase();
        const negated = op.startsWith("not") || op.startsWith("stringnot") || op.startsWith("arnnot");
        if (negated === positive || op === "null") {
            continue;
        }
        for (const [key, raw] of Object.entries(asRecord(operands))) {
            const k = key.toLowerCase();
            const values = asArray(raw).map(String);
            if (!SCOPING_KEYS.includes(k) || values.length === 0 || values.some((v) => v.trim() === "*")) {
                continue;
            }
            if (k === "aws:sourceip" && allowListProblems(values).length > 0) {
                continue;
            }
            keys.push(k);
        }
    }
    return keys;
}

/**
 * The statements of a public API's resource policy that grant
 * execute-api:Invoke to every principal without a scoping condition, unless an
 * explicit Deny (evaluated first) already refuses every caller outside a
 * scope (e.g. a Deny with NotIpAddress aws:SourceIp or StringNotEquals
 * aws:SourceVpce). An aws:SourceIp list that covers all of IPv4 scopes nothing.
 */
export function openInvokeStatements(document: unknown): string[] | undefined {
    const doc = parseJsonDocument(document);
    if (!doc) {
        return undefined;
    }
    const statements = asArray(doc.Statement).map(asRecord);
    const scopedByDeny = statements.some(
        (s) => s.Effect === "Deny" && everyPrincipal(s) && coversInvoke(s) && coversWholeApi(s) && scopingKeys(s, false).length > 0,
    );
    if (scopedByDeny) {
        return [];
    }
    return statements
        .filter((s) => s.Effect === "Allow" && everyPrincipal(s) && coversInvoke(s) && scopingKeys(s, true).length === 0)
        .map((s) => JSON.stringify(s.Sid ?? "(no Sid)"));
}
