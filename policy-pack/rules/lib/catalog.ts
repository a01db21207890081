/** The rule catalogue rendered for people: the README's rule table. */
import type { PeerControls, RuleMetadata } from "./rule";

const PEER_LABEL: Readonly<Record<keyof PeerControls, string>> = {
    securityHub: "Security Hub",
    cdkNag: "cdk-nag",
    checkov: "Checkov",
    trivy: "trivy",
};

/** Marks around the generated table in the README. */
export const RULE_TABLE_BEGIN = "<!-- rule-table:begin (generated from the rules' metadata: renderRuleTable) -->";
export const RULE_TABLE_END = "<!-- rule-table:end -->";

const cell = (text: string) => text.replace(/[|*]/g, (c) => `\\${c}`).replace(/\n/g, " ");

function controlsCell(controls: PeerControls): string {
    const parts = (Object.keys(PEER_LABEL) as (keyof PeerControls)[])
        .filter((peer) => (controls[peer] ?? []).length > 0)
        .map((peer) => `${PEER_LABEL[peer]}: ${(controls[peer] ?? []).map((id) => `\`${id}\``).join(", ")}`);
    return parts.length > 0 ? parts.join("; ") : "—";
}

function configCell(rule: RuleMetadata): string {
    return rule.config.length > 0 ? rule.config.map((c) => `\`${c.key}\` (default \`${JSON.stringify(c.default)}\`)`).join(", ") : "—";
}

/** The markdown table of every rule: name, level, severity, kind, what it checks, config, peer controls. */
export function renderRuleTable(rules: readonly RuleMetadata[]): string {
    const lines = [
        "| rule | level | severity | service / kind | checks | config | peer controls |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        ...rules.map(
            (r) =>
                `| \`${r.name}\` | ${r.enforcementLevel} | ${r.severity} | ${r.service} / ${r.kind} | ${cell(r.description)} | ${cell(configCell(r))} | ${cell(controlsCell(r.controls))} |`,
        ),
    ];
    return lines.join("\n");
}

/** The README section between the marks, table included. */
export function renderRuleTableSection(rules: readonly RuleMetadata[]): string {
    return `${RULE_TABLE_BEGIN}\n${renderRuleTable(rules)}\n${RULE_TABLE_END}`;
}
