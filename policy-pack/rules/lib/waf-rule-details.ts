/**
 * Details of WAFv2 rules the summaries of `waf-rules.ts` leave out: what a
 * managed rule group statement disables inside the group, and whether a
 * visibility config publishes CloudWatch metrics. Works on the `rules` input
 * (camelCase) and parsed `ruleJson` / `rulesJson` (PascalCase), plain and known.
 */
import { asArray, asRecord, asString } from "./values";

/** `obj[camel]` or `obj[Pascal]`. */
export function field(obj: unknown, camel: string): unknown {
    const record = asRecord(obj);
    return record[camel] ?? record[camel.charAt(0).toUpperCase() + camel.slice(1)];
}

/** A rule inside a managed group that a web ACL disables: excluded (legacy), or its action overridden to one that does not block. */
export interface DisabledRule {
    readonly rule: string;
    /** `excludedRules`, or the overriding action (`count`, `allow`). */
    readonly how: string;
}

/** The managed rule group a web ACL rule references (`AWS` vendor), if any. */
export function managedGroupOf(rule: unknown): string | undefined {
    const statement = field(field(rule, "statement"), "managedRuleGroupStatement");
    return asString(field(statement, "vendorName")) === "AWS" ? asString(field(statement, "name")) : undefined;
}

/** The rules of a managed group statement that are excluded or overridden to one of `disabling` actions. */
export function disabledRules(rule: unknown, disabling: readonly string[]): DisabledRule[] {
    const statement = field(field(rule, "statement"), "managedRuleGroupStatement");
    const excluded = asArray(field(statement, "excludedRules")).map((e) => ({ rule: asString(field(e, "name")) ?? "(unnamed)", how: "excludedRules" }));
    const overridden = asArray(field(statement, "ruleActionOverrides")).flatMap((o) => {
        const action = Object.keys(asRecord(field(o, "actionToUse"))).map((k) => k.toLowerCase());
        const how = action.find((a) => disabling.includes(a));
        return how ? [{ rule: asString(field(o, "name")) ?? "(unnamed)", how: `ruleActionOverrides ${how}` }] : [];
    });
    return [...excluded, ...overridden];
}

/** Parses a rules JSON string (as WAFv2 takes it) into its rules; [] when absent or not JSON. */
export function rulesFromJson(json: unknown): unknown[] {
    if (typeof json !== "string" || json.trim() === "") {
        return [];
    }
    try {
        return asArray(JSON.parse(json));
    } catch {
        return [];
    }
}

/** True when a visibility config enables CloudWatch metrics (`cloudwatchMetricsEnabled` in Pulumi, `CloudWatchMetricsEnabled` in JSON). */
export function metricsEnabled(visibility: unknown): boolean {
    const record = asRecord(visibility);
    return record.cloudwatchMetricsEnabled === true || record.CloudWatchMetricsEnabled === true;
}
