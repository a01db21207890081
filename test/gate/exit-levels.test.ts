/**
 * The gate's exit code and levels at their edges, in text, JSON and SARIF:
 * exactly one mandatory finding fails the run; the same finding made advisory
 * by the policy config passes it, reported as a warning; a waived-only plan
 * passes; a rule the config makes mandatory fails the run again.
 */
import * as assert from "assert";
import * as fs from "fs";
import { planHere, tmp } from "../support/cli";

const PROGRAM = "test/fixtures/waivers/open-health";
const RULE = "apigw-method-requires-authorization";

interface Outcome {
    code: number;
    text: string;
    summary: { mandatory: number; advisory: number; waived: number };
    levels: string[];
    sarifLevels: string[];
    suppressed: boolean[];
}

async function outcome(policyConfig?: Record<string, unknown>): Promise<Outcome> {
    const args = ["--program", PROGRAM];
    if (policyConfig) {
        const file = tmp("policy.json");
        fs.writeFileSync(file, JSON.stringify(policyConfig));
        args.push("--policy-config", file);
    }
    const text = await planHere(...args);
    const json = await planHere(...args, "--json");
    const sarif = await planHere(...args, "--sarif");
    assert.strictEqual(json.code, text.code, "JSON exits as text does");
    assert.strictEqual(sarif.code, text.code, "SARIF exits as text does");
    type Finding = { policyName: string; enforcementLevel: string };
    const report = JSON.parse(json.stdout) as { summary: Outcome["summary"]; violations: Finding[]; waived: Finding[] };
    const findings = [...report.violations, ...report.waived];
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; suppressions?: unknown[] }[] }[] }).runs[0].results;
    assert.deepStrictEqual(
        findings.map((v) => v.policyName),
        [RULE],
    );
    assert.deepStrictEqual(
        results.map((r) => r.ruleId),
        [RULE],
    );
    return {
        code: text.code ?? -1,
        text: text.stdout,
        summary: { mandatory: report.summary.mandatory, advisory: report.summary.advisory, waived: report.summary.waived },
        levels: findings.map((v) => v.enforcementLevel),
        sarifLevels: results.map((r) => r.level),
        suppressed: results.map((r) => (r.suppressions ?? []).length > 0),
    };
}

const waiver = { resource: "probe-get-health", reason: "probes call it anonymously; static MOCK body", expires: "2099-12-31" };

describe("gate: exit codes and levels at their edges", function () {
    this.timeout(120_000);

    it("exactly one mandatory finding: exit 1, an error in SARIF, FAILS in text", async () => {
        const o = await outcome();
        assert.strictEqual(o.code, 1);
        assert.deepStrictEqual(o.summary, { mandatory: 1, advisory: 0, waived: 0 });
        assert.deepStrictEqual([o.levels, o.sarifLevels, o.suppressed], [["mandatory"], ["error"], [false]]);
        assert.match(o.text, /3 resources, 1 mandatory and 0 advisory policy violations — the plan FAILS policy\./);
    });

    it("exactly one advisory finding (the config downgrades the rule): exit 0, a warning in SARIF, passes in text", async () => {
        const o = await outcome({ [RULE]: "advisory" });
        assert.strictEqual(o.code, 0);
        assert.deepStrictEqual(o.summary, { mandatory: 0, advisory: 1, waived: 0 });
        assert.deepStrictEqual([o.levels, o.sarifLevels, o.suppressed], [["advisory"], ["warning"], [false]]);
        assert.match(o.text, /3 resources, 0 mandatory and 1 advisory policy violations — the plan passes policy\./);
    });

    it("waived findings only: exit 0, suppressed in SARIF, not counted", async () => {
        const o = await outcome({ [RULE]: { waivers: [waiver] } });
        assert.strictEqual(o.code, 0);
        assert.deepStrictEqual(o.summary, { mandatory: 0, advisory: 0, waived: 1 });
        assert.deepStrictEqual([o.sarifLevels, o.suppressed], [["error"], [true]]);
        assert.match(o.text, /the plan passes policy\./);
    });

    it("the pack made advisory but the one rule made mandatory again: exit 1, an error", async () => {
        const o = await outcome({ all: "advisory", [RULE]: "mandatory" });
        assert.strictEqual(o.code, 1);
        assert.deepStrictEqual(o.summary, { mandatory: 1, advisory: 0, waived: 0 });
        assert.deepStrictEqual([o.levels, o.sarifLevels], [["mandatory"], ["error"]]);
    });

    it("the pack made advisory: the one finding is a warning and the run passes", async () => {
        const o = await outcome({ all: "advisory" });
        assert.strictEqual(o.code, 0);
        assert.deepStrictEqual([o.levels, o.sarifLevels], [["advisory"], ["warning"]]);
    });
});
