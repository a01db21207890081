/**
 * Pure analysis of JSON documents the rules inspect: API Gateway resource
 * policies and WAFv2 rule lists. Kept free of the policy SDK so each is unit-tested.
 */
import { asArray, asRecord, asString, parseJsonDocument, Props } from "./util";

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
 * Problems with a private API's resource policy: it must exist, and every
 * statement that allows a wildcard principal must be limited to a VPC endpoint or
 * VPC, either by its own condition or by a Deny of everything not from one.
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

/** One rule of a web ACL, reduced to what the policy checks. */
export interface WafRuleSummary {
    name: string;
    managedRuleGroup?: string;
    rateLimit?: number;
    /** true when the rule only counts (override action count, or action count). */
    countOnly: boolean;
}

function pick(obj: Props, camel: string): unknown {
    const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
    return obj[camel] ?? obj[pascal];
}

/** Summarises a web ACL's rules, from the `rules` input or the `ruleJson` string (PascalCase). */
export function summarizeWafRules(rules: unknown, ruleJson?: unknown): WafRuleSummary[] {
    const fromJson = typeof ruleJson === "string" ? asArray(parseJsonArray(ruleJson)) : [];
    return [...asArray(rules), ...fromJson].map(asRecord).map((rule) => {
        const statement = asRecord(pick(rule, "statement"));
        const managed = asRecord(pick(statement, "managedRuleGroupStatement"));
        const rate = asRecord(pick(statement, "rateBasedStatement"));
        const override = asRecord(pick(rule, "overrideAction"));
        const action = asRecord(pick(rule, "action"));
        const countOnly = pick(override, "count") !== undefined || pick(action, "count") !== undefined;
        const limit = pick(rate, "limit");
        return {
            name: asString(pick(rule, "name")) ?? "(unnamed)",
            managedRuleGroup: asString(pick(managed, "name")),
            rateLimit: typeof limit === "number" ? limit : undefined,
            countOnly,
        };
    });
}

function parseJsonArray(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return [];
    }
}
