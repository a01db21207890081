/**
 * Runs whole programs (the dev and prod stacks, the fixture programs, or any
 * program function) under the gate's mock runtime in either mode, `update`
 * (every value known) or `preview` (a first `pulumi preview`: ids and computed
 * outputs unknown, values derived from them unknown), and evaluates rules on
 * what they registered. For the preview-safety tests of the rules.
 */
import * as fs from "fs";
import * as path from "path";
import { evaluatePolicies, PolicyPackConfigFile, Violation } from "../../policy-pack/gate/engine";
import { PlanMode } from "../../policy-pack/gate/mocks";
import { RecordedResource, runUnderMocks } from "../../policy-pack/gate/runtime";
import { readProjectFile, readStackConfig } from "../../policy-pack/gate/stack-files";
import { policies } from "../../policy-pack/rules";
import { PROJECT } from "../../stacks/config";
import { platformProgram } from "../../stacks/program";
import { ROOT } from "../harness";

/** A program with the stack config and policy config it runs with. */
export interface ProgramUnderTest {
    id: string;
    program: () => unknown;
    project: string;
    stack: string;
    config: Record<string, string>;
    secretKeys: string[];
    policyConfig?: PolicyPackConfigFile;
}

/** One of this project's stacks, with its Pulumi.<stack>.yaml and policy-pack/config/<stack>.json. */
export function stackProgram(stack: string): ProgramUnderTest {
    const { config, secretKeys } = readStackConfig(path.join(ROOT, `Pulumi.${stack}.yaml`), PROJECT);
    const policyConfig = JSON.parse(fs.readFileSync(path.join(ROOT, "policy-pack", "config", `${stack}.json`), "utf8")) as PolicyPackConfigFile;
    return { id: `stack ${stack}`, program: platformProgram, project: PROJECT, stack, config, secretKeys, policyConfig };
}

/** A program under test/fixtures/programs, with its only Pulumi.<stack>.yaml if it has one. */
export function fixtureProgram(name: string): ProgramUnderTest {
    const dir = path.join(ROOT, "test", "fixtures", "programs", name);
    const project = readProjectFile(dir);
    const entry = require.resolve(path.join(dir, project?.main ?? "."));
    const stackFile = fs.readdirSync(dir).find((f) => /^Pulumi\..+\.yaml$/.test(f));
    const { config, secretKeys } = stackFile ? readStackConfig(path.join(dir, stackFile), project?.name ?? name) : { config: {}, secretKeys: [] };
    return {
        id: `fixture ${name}`,
        // The module registers its resources when it is loaded: load it afresh for every run.
        program: () => {
            delete require.cache[entry];
            return require(entry) as unknown;
        },
        project: project?.name ?? name,
        stack: stackFile ? /^Pulumi\.(.+)\.yaml$/.exec(stackFile)![1] : "offline",
        config,
        secretKeys,
    };
}

/** Fixture programs that run to completion (`broken` throws on purpose). */
export const FIXTURES = fs.readdirSync(path.join(ROOT, "test", "fixtures", "programs")).filter((n) => n !== "broken").sort();

/** A raw program function, with no config. */
export function rawProgram(id: string, program: () => unknown): ProgramUnderTest {
    return { id, program, project: PROJECT, stack: "test", config: {}, secretKeys: [] };
}

/** What the program registers in a mode. */
export async function recordIn(p: ProgramUnderTest, mode: PlanMode): Promise<RecordedResource[]> {
    const run = await runUnderMocks(p.program, { project: p.project, stack: p.stack, config: p.config, secretKeys: p.secretKeys, mode, resolveFrom: ROOT });
    return run.resources;
}

/** The findings of the rules (default: all) on what the program registers in a mode, with its policy config. */
export async function findingsIn(p: ProgramUnderTest, mode: PlanMode, rules = policies): Promise<Violation[]> {
    return evaluatePolicies(rules, await recordIn(p, mode), { config: p.policyConfig });
}

/** `rule level resource` of each finding, sorted: what must agree between modes. */
export function verdicts(found: Violation[]): string[] {
    return found.map((v) => `${v.policyName} ${v.enforcementLevel} ${v.resourceName ?? "(stack)"}`).sort();
}
