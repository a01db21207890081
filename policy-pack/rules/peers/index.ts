/**
 * The pack against its peers: which in-scope control of Security Hub, cdk-nag,
 * Checkov and trivy a rule implements (computed from the rules' `controls`),
 * which the pack deliberately leaves out (with the reason) and which are missing;
 * rendered as the README's peer coverage section.
 */
import type { PeerControls, RuleMetadata } from "../lib/rule";
import { CDK_NAG } from "./cdk-nag";
import { CHECKOV } from "./checkov";
import { PeerControl, PeerScope } from "./scope";
import { SECURITY_HUB } from "./security-hub";
import { TRIVY } from "./trivy";

export type { PeerControl, PeerScope } from "./scope";
export { EXCLUDED } from "./scope";

/** Every peer, in the order reports show them. */
export const PEER_SCOPES: readonly PeerScope[] = [SECURITY_HUB, CDK_NAG, CHECKOV, TRIVY];

/** Marks around the generated section in the README. */
export const PEER_COVERAGE_BEGIN = "<!-- peer-coverage:begin (generated from the rules' controls and policy-pack/rules/peers: renderPeerCoverageSection) -->";
export const PEER_COVERAGE_END = "<!-- peer-coverage:end -->";

/** How the pack stands on one peer control. */
export type ControlStatus =
    | { readonly kind: "covered"; readonly rules: readonly RuleMetadata[] }
    | { readonly kind: "excluded"; readonly reason: string }
    | { readonly kind: "missing" };

/** One peer's controls with their computed status, and the counts. */
export interface PeerCoverage {
    readonly scope: PeerScope;
    readonly controls: readonly { readonly control: PeerControl; readonly status: ControlStatus }[];
    readonly covered: number;
    readonly excluded: number;
    readonly missing: number;
    /** Covered or excluded, in percent of the in-scope controls (one decimal). */
    readonly percent: number;
}

/** The status of one control: covered when a rule claims it, else excluded when a reason is given, else missing. */
export function statusOf(peer: keyof PeerControls, control: PeerControl, rules: readonly RuleMetadata[]): ControlStatus {
    const claiming = rules.filter((r) => (r.controls[peer] ?? []).includes(control.id));
    if (claiming.length > 0) {
        return { kind: "covered", rules: claiming };
    }
    return control.excluded ? { kind: "excluded", reason: control.excluded } : { kind: "missing" };
}

/** The coverage of every peer, computed from the rules' `controls`. */
export function peerCoverage(rules: readonly RuleMetadata[]): PeerCoverage[] {
    return PEER_SCOPES.map((scope) => {
        const controls = scope.controls.map((control) => ({ control, status: statusOf(scope.peer, control, rules) }));
        const count = (kind: ControlStatus["kind"]) => controls.filter((c) => c.status.kind === kind).length;
        const [covered, excluded, missing] = [count("covered"), count("excluded"), count("missing")];
        const percent = Math.round(((covered + excluded) / controls.length) * 1000) / 10;
        return { scope, controls, covered, excluded, missing, percent };
    });
}

const cell = (text: string) => text.replace(/[|*]/g, (c) => `\\${c}`).replace(/\n/g, " ");

function statusCells(status: ControlStatus): string {
    switch (status.kind) {
        case "covered":
            return `covered | ${status.rules.map((r) => `\`${r.name}\`${r.enforcementLevel === "advisory" ? " (advisory)" : ""}`).join(", ")}`;
        case "excluded":
            return `excluded | ${cell(status.reason)}`;
        case "missing":
            return "**missing** | —";
    }
}

/** The summary table and one table per peer. */
export function renderPeerCoverage(rules: readonly RuleMetadata[]): string {
    const coverage = peerCoverage(rules);
    const lines = [
        "| peer | in scope | covered | excluded | missing | covered or excluded |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        ...coverage.map((c) => `| ${c.scope.label} | ${c.controls.length} | ${c.covered} | ${c.excluded} | ${c.missing} | ${c.percent}% |`),
    ];
    for (const c of coverage) {
        lines.push(
            "",
            `#### ${c.scope.label}`,
            "",
            `Source: ${cell(c.scope.source)}.`,
            "",
            "| control | what it checks | status | rule(s) or reason |",
            "| --- | --- | --- | --- |",
            ...c.controls.map(({ control, status }) => `| \`${control.id}\` | ${cell(control.checks)} | ${statusCells(status)} |`),
        );
    }
    return lines.join("\n");
}

/** The README section between the marks. */
export function renderPeerCoverageSection(rules: readonly RuleMetadata[]): string {
    return `${PEER_COVERAGE_BEGIN}\n${renderPeerCoverage(rules)}\n${PEER_COVERAGE_END}`;
}
