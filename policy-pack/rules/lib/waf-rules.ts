/**
 * Summaries of WAFv2 web ACL rules, from the `rules` input (camelCase) or the
 * `ruleJson` string (PascalCase), reduced to what the rules check. Works on
 * plain data or snapshots (see known.ts), whose unknown parts it reports.
 */
import { isUnknown, UNKNOWN } from "./known";
import { asArray, asRecord, asString } from "./values";

/** One rule of a web ACL, as the policy sees it. */
export interface WafRuleSummary {
    name: string;
    managedRuleGroup?: string;
    rateLimit?: number;
    /** true when the rule only counts (override action count, or action count). */
    countOnly: boolean;
    /** Paths (in the rule) of values that are unknown until deployment; only present when there are some. */
    unknown?: string[];
}

function pick(obj: unknown, camel: string): unknown {
    if (isUnknown(obj)) {
        return UNKNOWN;
    }
    const record = asRecord(obj);
    const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
    return record[camel] ?? record[pascal];
}

/** `obj.k1.k2...`, UNKNOWN as soon as a step is unknown. */
function dig(obj: unknown, ...keys: string[]): unknown {
    return keys.reduce<unknown>((o, k) => pick(o, k), obj);
}

function parseJsonArray(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return [];
    }
}

/** Summarises a web ACL's rules. */
export function summarizeWafRules(rules: unknown, ruleJson?: unknown): WafRuleSummary[] {
    const fromJson = typeof ruleJson === "string" ? asArray(parseJsonArray(ruleJson)) : [];
    return [...asArray(rules), ...fromJson].map((rule) => {
        const unknown: string[] = [];
        const read = (path: string, value: unknown): unknown => {
            if (isUnknown(value)) {
                unknown.push(path);
                return undefined;
            }
            return value;
        };
        const name = asString(read("name", dig(rule, "name"))) ?? "(unnamed)";
        const group = read("statement.managedRuleGroupStatement.name", dig(rule, "statement", "managedRuleGroupStatement", "name"));
        const limit = read("statement.rateBasedStatement.limit", dig(rule, "statement", "rateBasedStatement", "limit"));
        const override = read("overrideAction", dig(rule, "overrideAction"));
        const action = read("action", dig(rule, "action"));
        const countOnly = pick(override, "count") !== undefined || pick(action, "count") !== undefined;
        const summary: WafRuleSummary = {
            name,
            managedRuleGroup: asString(group),
            rateLimit: typeof limit === "number" ? limit : undefined,
            countOnly,
        };
        if (unknown.length > 0) {
            summary.unknown = unknown;
        }
        return summary;
    });
}

/** True for a summary whose decisive values are all known. */
export function isFullyKnown(rule: WafRuleSummary): boolean {
    return rule.unknown === undefined;
}
