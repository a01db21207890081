/**
 * Analysis of API Gateway resource policies (plain, known JSON documents):
 * what a PRIVATE API's policy must say to admit only its VPC endpoints.
 */
import { asArray, asRecord, parseJsonDocument, Props } from "./values";

const VPC_CONDITION_KEYS = ["aws:sourcevpce", "aws:sourcevpc"];

function conditionKeys(statement: Props): string[] {
    return Object.values(asRecord(statement.Condition)).flatMap((operands) =>
        Object.keys(asRecord(operands)).map((k) => k.toLowerCase()));
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
    const denyOutsideVpc = statements.some((s) =>
        s.Effect === "Deny" &&
        isWildcardPrincipal(s.Principal) &&
        Object.entries(asRecord(s.Condition)).some(([op, operands]) =>
            op.startsWith("StringNotEquals") &&
            Object.keys(asRecord(operands)).some((k) => VPC_CONDITION_KEYS.includes(k.toLowerCase()))));
    if (denyOutsideVpc) {
        return [];
    }
    return allows
        .filter((s) => isWildcardPrincipal(s.Principal) && !conditionKeys(s).some((k) => VPC_CONDITION_KEYS.includes(k)))
        .map((s) => `statement ${JSON.stringify(s.Sid ?? "(no Sid)")} allows principal "*" without an aws:SourceVpce or aws:SourceVpc condition`);
}
