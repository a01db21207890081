/**
 * Findings carry the peer control ids of their rule in every format: a text
 * line under the finding, `controls` on each JSON violation (waived ones too),
 * and the rule's `properties.tags` in SARIF — taken from the rules' real tags.
 */
import * as assert from "assert";
import { Violation } from "../../policy-pack/gate/engine";
import { controlTags, PlanReport, toJson, toSarif, toText } from "../../policy-pack/gate/report";
import { policies, ruleCatalog } from "../../policy-pack/rules";

const TRACED = "apigw-stage-xray-tracing";
const NO_PEER = "apigw-api-key-attached";
const TRACED_CONTROLS = [
    "securityhub:APIGateway.3",
    "cdk-nag:HIPAA.Security-APIGWXrayEnabled",
    "cdk-nag:Serverless-APIGWXrayEnabled",
    "checkov:CKV_AWS_73",
    "trivy:AWS-0003",
];

function plan(violations: Violation[]): PlanReport {
    return {
        mode: "preview",
        stack: "dev",
        project: "p",
        program: "index.ts",
        resources: [],
        outputs: {},
        violations,
        warnings: [],
        references: [],
        coverage: { inspectedBy: new Map(), uninspectedTypes: [], uninspectedSurfaces: [] },
    };
}

const traced: Violation = { policyName: TRACED, enforcementLevel: "advisory", message: "Stage has tracingEnabled false." };
const unpeered: Violation = { policyName: NO_PEER, enforcementLevel: "mandatory", message: "ApiKey is not attached." };
const waived: Violation = { ...traced, waived: { reason: "tracing costs" } };

describe("gate: findings carry their rule's peer control ids", () => {
    it("the control ids are the rule's SDK tags without the service tag", () => {
        assert.deepStrictEqual(controlTags(policies.find((p) => p.name === TRACED)), TRACED_CONTROLS);
        assert.deepStrictEqual(controlTags(policies.find((p) => p.name === NO_PEER)), []);
        assert.deepStrictEqual(controlTags(undefined), []);
    });

    it("text: one controls line under a finding whose rule has peer controls, none otherwise", () => {
        const lines = toText(plan([traced, unpeered]), policies).split("\n");
        const at = lines.findIndex((l) => l.includes(`[${TRACED}]`));
        const end = lines.findIndex((l, i) => i > at && !l.startsWith("      "));
        assert.ok(at >= 0 && lines.slice(at + 1, end).includes(`      controls: ${TRACED_CONTROLS.join(", ")}`), lines.join("\n"));
        assert.strictEqual(lines.filter((l) => l.trimStart().startsWith("controls:")).length, 1, "only the rule with peer controls has the line");
    });

    it("JSON: every violation and every waived finding has controls", () => {
        const json = toJson(plan([traced, unpeered, waived]), policies) as {
            violations: { policyName: string; controls: string[] }[];
            waived: { controls: string[] }[];
        };
        assert.deepStrictEqual(
            json.violations.map((v) => [v.policyName, v.controls]),
            [
                [TRACED, TRACED_CONTROLS],
                [NO_PEER, []],
            ],
        );
        assert.deepStrictEqual(
            json.waived.map((v) => v.controls),
            [TRACED_CONTROLS],
        );
    });

    it("SARIF: each rule lists its control ids as properties.tags", () => {
        const sarif = toSarif(plan([traced]), policies, "0.0.0") as {
            runs: { tool: { driver: { rules: { id: string; properties: { tags: string[] } }[] } }; results: { ruleIndex: number }[] }[];
        };
        const rules = sarif.runs[0].tool.driver.rules;
        assert.deepStrictEqual(
            rules.map((r) => [r.id, r.properties.tags]),
            ruleCatalog().map((m) => [m.name, m.tags.filter((t) => !t.startsWith("service:"))]),
        );
        assert.deepStrictEqual(rules[sarif.runs[0].results[0].ruleIndex].properties.tags, TRACED_CONTROLS);
    });
});
