/**
 * The one entry point of every rule spec: runs a program under the mock
 * runtime and returns the findings of one rule. Specs assert on what it
 * returns; it also checks, for every program a spec runs, that the rule
 * decides the same way in every mode the gate knows (see `checkModes`).
 */
import * as assert from "assert";
import { evaluatePolicies, PolicyPackConfigFile, Violation } from "../policy-pack/gate/engine";
import { policies } from "../policy-pack/rules";
import { runProgram } from "./harness";

/** Options of {@link ruleFindings}. */
export interface RuleFindingsOptions {
    /** Policy config (`--policy-pack-config` format) for the run. */
    config?: PolicyPackConfigFile;
}

/** The findings of rule `rule` on the resources `program` creates (update mode: every value known). */
export async function ruleFindings(rule: string, program: () => unknown, options: RuleFindingsOptions = {}): Promise<Violation[]> {
    const policy = policies.filter((p) => p.name === rule);
    assert.strictEqual(policy.length, 1, `no rule named ${rule}`);
    const plan = await runProgram(program);
    return evaluatePolicies(policy, plan.resources, { config: options.config });
}
