/**
 * The one entry point of every rule spec: runs a program and returns the
 * findings of one rule. For every program a spec runs it also proves that the
 * rule decides the same way everywhere it runs:
 *  - offline, update mode (every value known) — what it returns;
 *  - offline, preview mode (a first `pulumi preview`: ids and computed outputs unknown);
 *  - through the real analyzer protocol (the pack served by `run-policy-pack`), in both modes.
 * It fails when the verdicts differ, when the offline engine left anything
 * unverified, or when the real analyzer skipped the rule ("can't run ... during preview").
 */
import * as assert from "assert";
import { evaluatePolicies, PolicyPackConfigFile, Violation } from "../policy-pack/gate/engine";
import { PlanMode } from "../policy-pack/gate/mocks";
import { policies } from "../policy-pack/rules";
import { runProgram } from "./harness";
import { analyzeWithPack, AnalyzerFinding } from "./support/analyzer";

/** Options of {@link ruleFindings}. */
export interface RuleFindingsOptions {
    /** Policy config (`--policy-pack-config` format) for the run. */
    config?: PolicyPackConfigFile;
}

/** What one rule found on one program in each mode, offline and through the real analyzer. */
export interface FindingsByMode {
    update: Violation[];
    preview: Violation[];
    analyzer: Record<PlanMode, AnalyzerFinding[]>;
}

/** A finding as the two engines can both state it: rule, level, resource and message. */
export function findingKey(f: { policyName: string; enforcementLevel: string; urn?: string; message: string }): string {
    return `${f.policyName} | ${f.enforcementLevel} | ${f.urn ?? "(stack)"} | ${f.message}`;
}

const sortedKeys = (fs: { policyName: string; enforcementLevel: string; urn?: string; message: string }[]) => fs.map(findingKey).sort();

/**
 * Set by `npm run mutate` (StrykerJS): see {@link ruleFindingsByMode}. Never set by `npm test`,
 * which `test/rules/meta.test.ts` checks.
 */
export const MUTATION_RUN = process.env.SECURE_API_MUTATION_RUN === "1";

/** The offline findings as the real analyzer would state them (used only under mutation testing). */
function mirrorOf(found: readonly Violation[]): AnalyzerFinding[] {
    return found
        .filter((v) => !v.waived)
        .map((v) => ({ policyName: v.policyName, enforcementLevel: v.enforcementLevel, urn: v.urn, message: v.message, cantRun: false, call: "AnalyzeStack" }));
}

/** Runs `program` in both modes and evaluates rule `rule` offline and through the real analyzer. */
export async function ruleFindingsByMode(rule: string, program: () => unknown, options: RuleFindingsOptions = {}): Promise<FindingsByMode> {
    const policy = policies.filter((p) => p.name === rule);
    assert.strictEqual(policy.length, 1, `no rule named ${rule}`);
    const out: Partial<FindingsByMode> = { analyzer: {} as Record<PlanMode, AnalyzerFinding[]> };
    for (const mode of ["update", "preview"] as const) {
        const plan = await runProgram(program, { mode });
        out[mode] = await evaluatePolicies(policy, plan.resources, { config: options.config });
        // Under mutation testing the mutant is active in this process only; the long-lived pack
        // process would run the unmutated rule, and the agreement check would "kill" every mutant
        // whatever the spec asserts. So the analyzer leg mirrors the offline verdict there: the
        // score measures the specs' assertions, and agreement stays proven by `npm test`.
        out.analyzer![mode] = MUTATION_RUN ? mirrorOf(out[mode]!) : await analyzeWithPack(plan.resources, { mode, config: options.config, only: [rule] });
    }
    return out as FindingsByMode;
}

/**
 * The findings of rule `rule` on the resources `program` creates, after
 * asserting that preview and update, offline and real analyzer, all agree and
 * nothing was left unchecked.
 */
export async function ruleFindings(rule: string, program: () => unknown, options: RuleFindingsOptions = {}): Promise<Violation[]> {
    const found = await ruleFindingsByMode(rule, program, options);
    assertAgreement(rule, found);
    return found.update;
}

/** The agreement {@link ruleFindings} asserts, for specs that inspect the modes themselves. */
export function assertAgreement(rule: string, found: FindingsByMode): void {
    assertEachModeAgrees(rule, found);
    assert.deepStrictEqual(sortedKeys(found.preview), sortedKeys(found.update), `${rule}: preview and update verdicts differ`);
}

/**
 * In each mode on its own: nothing left unverified offline, nothing skipped by the real analyzer, and the
 * analyzer's verdict the offline one; for programs whose preview and update verdicts differ by design.
 */
export function assertEachModeAgrees(rule: string, found: FindingsByMode): void {
    for (const mode of ["update", "preview"] as const) {
        const unverified = found[mode].filter((v) => v.unverified);
        assert.deepStrictEqual(unverified.map(findingKey), [], `${rule} left values unverified offline in ${mode} mode`);
        const skipped = found.analyzer[mode].filter((f) => f.cantRun);
        assert.deepStrictEqual(
            skipped.map((f) => f.message),
            [],
            `the real analyzer skipped ${rule} in ${mode} mode`,
        );
        // A waived finding is shown offline (as waived) and left out by the real analyzer.
        assert.deepStrictEqual(
            sortedKeys(found.analyzer[mode]),
            sortedKeys(found[mode].filter((v) => !v.waived)),
            `${rule}: the real analyzer and the offline engine disagree in ${mode} mode`,
        );
    }
}
