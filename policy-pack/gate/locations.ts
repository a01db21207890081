/** Where findings point: the program line that created their resource, and a fingerprint that follows them across runs. */
import { createHash } from "crypto";
import * as path from "path";
import type { Violation } from "./engine";
import type { PlanReport } from "./report";
import type { RecordedResource } from "./runtime";

/** Where the program created the resource a finding is about, relative to the working directory. */
export function sourceOf(report: Pick<PlanReport, "resources">, urn: string | undefined): { uri: string; line: number; column: number } | undefined {
    const source = urn ? byUrn(report).get(urn)?.source : undefined;
    if (!source) {
        return undefined;
    }
    const uri = path.relative(process.cwd(), source.file).split(path.sep).join("/");
    return { uri, line: source.line, column: source.column };
}

const indexes = new WeakMap<RecordedResource[], Map<string, RecordedResource>>();

/** The report's resources by URN, built once per report (findings look their resource up). */
function byUrn(report: Pick<PlanReport, "resources">): Map<string, RecordedResource> {
    let index = indexes.get(report.resources);
    if (!index) {
        index = new Map(report.resources.map((r) => [r.urn, r]));
        indexes.set(report.resources, index);
    }
    return index;
}

/** A fingerprint that follows a finding across runs and line moves: its rule and its resource. */
export function fingerprint(v: Violation): string {
    return createHash("sha256")
        .update(`${v.policyName}\n${v.urn ?? "(stack)"}`)
        .digest("hex")
        .slice(0, 32);
}
