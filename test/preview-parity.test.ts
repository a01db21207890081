/**
 * A first `pulumi preview` decides as `pulumi up` does, proven through the real
 * analyzer protocol: the dev and prod stacks and every fixture program run in
 * preview mode (ids and computed outputs unknown) and update mode (every value
 * known), each analyzed offline and by the real policy pack served over gRPC.
 * Both engines must agree in each mode, preview must give the same mandatory
 * verdicts as update, and nothing may be skipped ("can't run ... during
 * preview") or left unverified.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { evaluatePolicies, PolicyPackConfigFile, Violation } from "../policy-pack/gate/engine";
import { PLAN_MODES, PlanMode } from "../policy-pack/gate/mocks";
import { loadProgram } from "../policy-pack/gate/program";
import { runUnderMocks } from "../policy-pack/gate/runtime";
import { readProjectFile, readStackConfig } from "../policy-pack/gate/stack-files";
import { policies } from "../policy-pack/rules";
import { PROJECT } from "../stacks/config";
import { platformProgram } from "../stacks/program";
import { ROOT } from "./harness";
import { findingKey } from "./rule-harness";
import { analyzeWithPack, AnalyzerFinding } from "./support/analyzer";

interface Subject {
    name: string;
    project: string;
    stack: string;
    program: () => unknown;
    configFile?: string;
    policyConfig?: PolicyPackConfigFile;
}

const FIXTURES = path.join(ROOT, "test", "fixtures", "programs");
const subjects: Subject[] = [
    ...["dev", "prod"].map((stack) => ({
        name: `stack ${stack}`,
        project: PROJECT,
        stack,
        program: platformProgram,
        configFile: path.join(ROOT, `Pulumi.${stack}.yaml`),
        policyConfig: JSON.parse(fs.readFileSync(path.join(ROOT, "policy-pack", "config", `${stack}.json`), "utf8")) as PolicyPackConfigFile,
    })),
    // "broken" throws by design; the plan CLI tests cover it.
    ...fs
        .readdirSync(FIXTURES)
        // "real" holds the published programs (test/gate/real-programs.test.ts), each its own fixture.
        .filter((d) => d !== "broken" && d !== "real")
        .map((dir) => {
            const at = path.join(FIXTURES, dir);
            const config = fs.readdirSync(at).find((f) => /^Pulumi\..+\.yaml$/.test(f));
            return {
                name: `fixture ${dir}`,
                project: readProjectFile(at)?.name ?? dir,
                stack: config ? /^Pulumi\.(.+)\.yaml$/.exec(config)![1] : "offline",
                program: () => loadProgram(at),
                configFile: config ? path.join(at, config) : undefined,
            };
        }),
];

const mandatory = (fs: { enforcementLevel: string; policyName: string; urn?: string; message: string; waived?: object }[]) =>
    fs
        .filter((f) => f.enforcementLevel === "mandatory" && !f.waived)
        .map(findingKey)
        .sort();

describe("preview parity through the real analyzer protocol", function () {
    this.timeout(300_000);
    for (const subject of subjects) {
        it(`${subject.name}: same mandatory verdicts at a first preview as on update, nothing skipped or unverified`, async () => {
            const offline: Partial<Record<PlanMode, Violation[]>> = {};
            const analyzer: Partial<Record<PlanMode, AnalyzerFinding[]>> = {};
            for (const mode of PLAN_MODES) {
                const { config, secretKeys } = subject.configFile ? readStackConfig(subject.configFile, subject.project) : { config: {}, secretKeys: [] };
                const run = await runUnderMocks(subject.program, { project: subject.project, stack: subject.stack, config, secretKeys, mode });
                offline[mode] = await evaluatePolicies(policies, run.resources, { config: subject.policyConfig });
                analyzer[mode] = await analyzeWithPack(run.resources, { mode, config: subject.policyConfig, project: subject.project, stack: subject.stack });
                assert.deepStrictEqual(offline[mode]!.filter((v) => v.unverified).map(findingKey), [], `${mode}: unverified offline`);
                assert.deepStrictEqual(
                    analyzer[mode]!.filter((f) => f.cantRun).map((f) => `${f.policyName} ${f.urn}: ${f.message}`),
                    [],
                    `${mode}: skipped by the analyzer`,
                );
                assert.deepStrictEqual(mandatory(analyzer[mode]!), mandatory(offline[mode]!), `${mode}: analyzer and offline engine disagree`);
            }
            assert.deepStrictEqual(mandatory(offline.preview!), mandatory(offline.update!), "preview and update verdicts differ");
        });
    }
});
