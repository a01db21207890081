/** Formats a plan: the human text, the JSON report and SARIF 2.1.0. */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { Violation } from "./engine";
import { Coverage } from "./coverage";
import { PlanMode } from "./mocks";
import { fingerprint, sourceOf } from "./locations";
import { KNOWN_AFTER_DEPLOYMENT, REDACTED, redact, shown } from "./redact";
import { RecordedResource, ResolvedOutput } from "./runtime";
import type { PackageUse } from "./sdk";

/** Everything a plan found. */
export interface PlanReport {
    /** preview (a first `pulumi preview`: unknowns unknown) or update (every value known). */
    mode: PlanMode;
    stack: string;
    project: string;
    /** The program's entry, relative to the working directory. */
    program: string;
    configFile?: string;
    policyConfigFile?: string;
    resources: RecordedResource[];
    outputs: Record<string, ResolvedOutput>;
    violations: Violation[];
    /** Things about the run a reader must know, e.g. a policy config that turns every mandatory rule off. */
    warnings: string[];
    /** Stacks the program read through StackReference, and where their outputs came from. */
    references: { stack: string; source: string }[];
    /** Which rules inspected what, and what no rule inspected. */
    coverage: Coverage;
    /** The `@pulumi/pulumi`, `@pulumi/aws` and `@pulumi/policy` that ran, and from where (dir relative to the working directory). */
    packages: PackageUse[];
    /** Rules whose level the policy config changed, with the level they ran at. Default: none. */
    levelOverrides?: Record<string, EnforcementLevel>;
}

/** The SARIF level of an enforcement level (remediate reports as mandatory; disabled reports nothing). */
function sarifLevel(level: EnforcementLevel | undefined): "error" | "warning" | "none" {
    return level === "mandatory" || level === "remediate" ? "error" : level === "disabled" ? "none" : "warning";
}

const packageLine = (p: PackageUse) => `${p.name} ${p.version} (${p.origin === "program" ? "the program's" : "the gate's"}, ${p.dir})`;

/** true when the plan may pass: no counted mandatory finding and every API surface inspected. */
export function passes(report: Pick<PlanReport, "violations" | "coverage">): boolean {
    return !counted(report.violations).some((v) => v.enforcementLevel === "mandatory") && report.coverage.uninspectedSurfaces.length === 0;
}

/** Resources in a stable order (by URN): registration order varies between runs. */
function sorted(resources: RecordedResource[]): RecordedResource[] {
    return [...resources].sort((a, b) => a.urn.localeCompare(b.urn));
}

/** Resource counts by type (every recorded resource, the stack and components included), sorted by type. */
export function countByType(resources: RecordedResource[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of resources) {
        counts[r.type] = (counts[r.type] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Findings that count (a waived finding is reported, never counted). */
export function counted(violations: Violation[]): Violation[] {
    return violations.filter((v) => !v.waived);
}

export function summary(report: PlanReport): { resources: number; mandatory: number; advisory: number; waived: number } {
    const live = counted(report.violations);
    return {
        resources: report.resources.filter((r) => r.custom).length,
        mandatory: live.filter((v) => v.enforcementLevel === "mandatory").length,
        advisory: live.filter((v) => v.enforcementLevel === "advisory").length,
        waived: report.violations.length - live.length,
    };
}

function outputValue(o: ResolvedOutput): unknown {
    return o.secret ? REDACTED : o.known ? redact(o.value) : KNOWN_AFTER_DEPLOYMENT;
}

/** The peer control ids of a rule, from its SDK tags (`checkov:CKV_AWS_73`): every tag but `service:`. */
export function controlTags(policy: { tags?: string[] } | undefined): string[] {
    return (policy?.tags ?? []).filter((t) => !t.startsWith("service:"));
}

/** The machine-readable report: each violation with its rule's peer `controls`. Secret outputs are masked. */
export function toJson(report: PlanReport, policies: Policies): Record<string, unknown> {
    const withControls = (v: Violation) => ({ ...v, controls: controlTags(policies.find((p) => p.name === v.policyName)) });
    return {
        version: 1,
        mode: report.mode,
        stack: report.stack,
        project: report.project,
        program: report.program,
        configFile: report.configFile ?? null,
        policyConfigFile: report.policyConfigFile ?? null,
        packages: report.packages,
        summary: summary(report),
        resourceCountsByType: countByType(report.resources),
        resources: sorted(report.resources).map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            custom: r.custom,
            inspectedBy: report.coverage.inspectedBy.get(r.urn) ?? [],
            // The plain inputs, so a reader can see why it passed; secrets and credential-looking values
            // redacted, values unknown until deployment shown as such.
            inputs: shown(r.props, r.secretPaths),
        })),
        coverage: { uninspectedTypes: report.coverage.uninspectedTypes, uninspectedApiSurfaces: report.coverage.uninspectedSurfaces },
        outputs: Object.fromEntries(Object.entries(report.outputs).map(([k, o]) => [k, { value: outputValue(o), secret: o.secret, known: o.known }])),
        // Findings that count; findings accepted by a waiver are listed apart, with the waiver's reason.
        violations: counted(report.violations).map(withControls),
        waived: report.violations.filter((v) => v.waived).map(withControls),
        warnings: report.warnings,
        stackReferences: report.references,
    };
}

/** The resource tree, one line per resource, children indented under parents. */
export function renderTree(resources: RecordedResource[]): string[] {
    const children = new Map<string | undefined, RecordedResource[]>();
    const known = new Set(resources.map((r) => r.urn));
    for (const r of sorted(resources)) {
        const parent = r.parent && known.has(r.parent) ? r.parent : undefined;
        const siblings = children.get(parent);
        if (siblings) {
            siblings.push(r);
        } else {
            children.set(parent, [r]);
        }
    }
    const lines: string[] = [];
    const walk = (parent: string | undefined, depth: number) => {
        for (const r of children.get(parent) ?? []) {
            lines.push(`${"  ".repeat(depth)}${r.custom ? "+" : "┬"} ${r.type}  ${r.name}`);
            walk(r.urn, depth + 1);
        }
    };
    walk(undefined, 0);
    return lines;
}

/** The human-readable plan. */
export function toText(report: PlanReport, policies: Policies): string {
    const s = summary(report);
    const lines = [
        `Offline plan of stack "${report.stack}" (project ${report.project}, program ${report.program}${report.configFile ? `, config ${report.configFile}` : ""})`,
        `Packages: ${report.packages.map(packageLine).join("; ")}`,
        ...report.references.map((r) => `Stack reference ${r.stack}: outputs ${r.source.startsWith("computed") ? r.source : `from ${r.source}`}`),
        `Mode: ${report.mode === "preview" ? "preview — as a first `pulumi preview` sees the stack: ids and computed outputs unknown" : "update — every value known, as `pulumi up` sees it"}`,
        "",
        "Resources:",
        ...renderTree(report.resources).map((l) => `  ${l}`),
        "",
        "Count by type:",
        ...Object.entries(countByType(report.resources)).map(([t, n]) => `  ${String(n).padStart(4)}  ${t}`),
    ];
    if (Object.keys(report.outputs).length > 0) {
        lines.push("", "Outputs:");
        for (const [k, o] of Object.entries(report.outputs)) {
            lines.push(`  ${k}: ${JSON.stringify(outputValue(o))}`);
        }
    }
    for (const warning of report.warnings) {
        lines.push("", `WARNING: ${warning}`);
    }
    const remediation = new Map(policies.map((p) => [p.name, p.remediationSteps]));
    const controls = new Map(policies.map((p) => [p.name, controlTags(p)]));
    const sections: [string, Violation[]][] = [
        ["Mandatory policy violations", counted(report.violations).filter((v) => v.enforcementLevel === "mandatory")],
        ["Advisory policy violations", counted(report.violations).filter((v) => v.enforcementLevel === "advisory")],
    ];
    const waived = report.violations.filter((v) => v.waived);
    if (waived.length > 0) {
        sections.push(["Waived (accepted in the policy config, not counted)", waived]);
    }
    for (const [title, found] of sections) {
        lines.push("", `${title}: ${found.length}`);
        for (const v of found) {
            if (v.waived) {
                lines.push(
                    `  [${v.policyName}] ${v.resourceType ? `${v.resourceType} "${v.resourceName}": ` : ""}waived: ${v.waived.reason}${v.waived.expires ? ` (until ${v.waived.expires})` : ""}`,
                );
                lines.push(`      finding: ${v.message}`);
                continue;
            }
            lines.push(
                `  [${v.policyName}]${v.unverified ? " (not verified)" : ""} ${v.resourceType ? `${v.resourceType} "${v.resourceName}": ` : ""}${v.message}`,
            );
            const at = sourceOf(report, v.urn);
            if (at) {
                lines.push(`      at ${at.uri}:${at.line}:${at.column}`);
            }
            const fix = remediation.get(v.policyName);
            if (fix) {
                lines.push(`      fix: ${fix}`);
            }
            const ids = controls.get(v.policyName) ?? [];
            if (ids.length > 0) {
                lines.push(`      controls: ${ids.join(", ")}`);
            }
        }
    }
    const { uninspectedTypes, uninspectedSurfaces } = report.coverage;
    if (uninspectedTypes.length > 0) {
        lines.push("", "Not inspected by any rule:", ...uninspectedTypes.map((t) => `  ${String(t.count).padStart(4)}  ${t.type}`));
    }
    if (uninspectedSurfaces.length > 0) {
        lines.push(
            "",
            `API surfaces no rule inspected (the gate cannot vouch for them): ${uninspectedSurfaces.length}`,
            ...uninspectedSurfaces.map((r) => `  ${r.type} "${r.name}"`),
        );
    }
    const verdict = passes(report)
        ? " — the plan passes policy."
        : s.mandatory > 0
          ? " — the plan FAILS policy."
          : ` — the plan FAILS: ${uninspectedSurfaces.length} API surfaces were not inspected by any rule.`;
    lines.push("", `${s.resources} resources, ${s.mandatory} mandatory and ${s.advisory} advisory policy violations` + verdict);
    return lines.join("\n");
}

/** SARIF 2.1.0: one rule per policy, one result per violation, located at the program and the resource URN. */
export function toSarif(report: PlanReport, policies: Policies, toolVersion: string): Record<string, unknown> {
    const index = new Map(policies.map((p, i) => [p.name, i]));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "secure-api-platform-policy",
                        version: toolVersion,
                        properties: { packages: report.packages },
                        rules: policies.map((p) => ({
                            id: p.name,
                            name: p.name,
                            shortDescription: { text: p.description },
                            help: { text: p.remediationSteps ?? p.description },
                            defaultConfiguration: { level: sarifLevel(p.enforcementLevel) },
                            properties: { tags: controlTags(p) },
                        })),
                    },
                },
                results: report.violations.map((v) => ({
                    ...(v.waived ? { suppressions: [{ kind: "external", status: "accepted", justification: v.waived.reason }] } : {}),
                    ruleId: v.policyName,
                    ruleIndex: index.get(v.policyName) ?? -1,
                    level: sarifLevel(v.enforcementLevel),
                    message: { text: v.message },
                    locations: [
                        {
                            physicalLocation: ((at) =>
                                at
                                    ? { artifactLocation: { uri: at.uri }, region: { startLine: at.line, startColumn: at.column } }
                                    : { artifactLocation: { uri: report.configFile ?? report.program }, region: { startLine: 1 } })(sourceOf(report, v.urn)),
                            logicalLocations: v.urn ? [{ name: v.resourceName ?? v.urn, fullyQualifiedName: v.urn, kind: "resource" }] : [],
                        },
                    ],
                    partialFingerprints: { "policyFinding/v1": fingerprint(v) },
                    properties: {
                        urn: v.urn ?? null,
                        resourceType: v.resourceType ?? null,
                        unverified: v.unverified === true,
                        ...(v.waived?.expires ? { waiverExpires: v.waived.expires } : {}),
                    },
                })),
                properties: {
                    mode: report.mode,
                    stackReferences: report.references,
                    uninspectedTypes: report.coverage.uninspectedTypes,
                    uninspectedApiSurfaces: report.coverage.uninspectedSurfaces,
                },
                invocations: [
                    {
                        executionSuccessful: true,
                        properties: { packages: report.packages.map(packageLine) },
                        toolExecutionNotifications: report.warnings.map((w) => ({ level: "warning", message: { text: w } })),
                        // The rules the policy config ran at another level than their default (SARIF 2.1.0 §3.20.5).
                        ruleConfigurationOverrides: Object.entries(report.levelOverrides ?? {}).map(([id, level]) => ({
                            descriptor: { id, index: index.get(id) ?? -1 },
                            configuration: level === "disabled" ? { enabled: false } : { level: sarifLevel(level) },
                        })),
                    },
                ],
            },
        ],
    };
}
