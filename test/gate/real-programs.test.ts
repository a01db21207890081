/**
 * Real public Pulumi programs, copied verbatim under test/fixtures/programs/real (pulumi/examples and
 * pulumi/pulumi-aws-apigateway, see each SOURCE.md), gated as published through the real `plan`
 * entry in preview mode (a first `pulumi preview`): exactly which rules fire on which resources,
 * exit 1, and a report that never says "passes". Their crafted secure counterparts pass with no
 * finding. One run per program (in-process), shared by its assertions.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { fixture, planHere, tmp } from "../support/cli";
import { Findings, PROGRAMS } from "./real-programs.cases";

interface Finding {
    policyName: string;
    enforcementLevel: string;
    resourceName: string;
    message: string;
}
interface Report {
    summary: { mandatory: number; advisory: number };
    violations: Finding[];
    coverage: { uninspectedApiSurfaces: unknown[] };
    resources: { type: string; name: string; inspectedBy: string[] }[];
}
interface Run {
    code: number | null;
    text: string;
    report: Report;
}

/** Crafted secure counterparts (issue 12, item 5), with the policy config they are gated with. */
const SECURE: { program: string; policyConfig?: string }[] = [
    { program: "secure-http-api", policyConfig: "policy.json" },
    { program: "secure-openapi-rest" },
    { program: "secure-apigateway-component", policyConfig: "policy.json" },
];

async function gate(dir: string, ...extra: string[]): Promise<Run> {
    const out = tmp("report.json");
    const r = await planHere("--program", dir, "--config", path.join(dir, "Pulumi.ci.yaml"), "--json", "--out", out, ...extra);
    assert.ok(fs.existsSync(out), `${dir}: no report (exit ${r.code}): ${r.stderr}`);
    return { code: r.code, text: r.stdout, report: JSON.parse(fs.readFileSync(out, "utf8")) as Report };
}

function counted(report: Report): Findings {
    const found: Findings = {};
    for (const v of report.violations) {
        const key = `${v.enforcementLevel} ${v.policyName} ${v.resourceName}`;
        found[key] = (found[key] ?? 0) + 1;
    }
    return found;
}

describe("gate: real public programs, as published", function () {
    this.timeout(300_000);
    const runs = new Map<string, Run>();

    before(async () => {
        for (const { program } of PROGRAMS) {
            runs.set(program, await gate(fixture(path.join("real", program))));
        }
        for (const { program, policyConfig } of SECURE) {
            const dir = fixture(program);
            const extra = policyConfig ? ["--policy-config", path.join(dir, policyConfig)] : [];
            runs.set(program, await gate(dir, ...extra));
            runs.set(`${program} update`, await gate(dir, "--mode", "update", ...extra));
        }
    });

    it("copies every program with its SOURCE.md, a Pulumi.yaml and a Pulumi.ci.yaml", () => {
        const dirs = fs.readdirSync(fixture("real")).sort();
        assert.deepStrictEqual(dirs, PROGRAMS.map((p) => p.program).sort());
        for (const dir of dirs) {
            for (const file of ["SOURCE.md", "Pulumi.yaml", "Pulumi.ci.yaml", "index.ts"]) {
                assert.ok(fs.existsSync(path.join(fixture("real"), dir, file)), `${dir}/${file}`);
            }
            assert.match(fs.readFileSync(path.join(fixture("real"), dir, "SOURCE.md"), "utf8"), /commit: `[0-9a-f]{40}`[\s\S]*Apache-2\.0/);
        }
    });

    for (const { program, weakness, findings, messages } of PROGRAMS) {
        it(`${program} (${weakness}): rejected with exactly these findings`, () => {
            const { code, text, report } = runs.get(program)!;
            assert.deepStrictEqual(counted(report), findings);
            assert.strictEqual(code, 1, text);
            const all = report.violations.map((v) => v.message).join("\n");
            for (const message of messages) {
                assert.match(all, message);
            }
            assert.match(text, /mandatory and \d+ advisory policy violations — the plan FAILS policy\.$/m);
            assert.doesNotMatch(text, /passes policy/);
            // Every API surface, remote components included, was inspected by some rule.
            assert.deepStrictEqual(report.coverage.uninspectedApiSurfaces, []);
        });
    }

    for (const { program } of SECURE) {
        it(`${program}: the secure counterpart passes with no finding, at preview and on update, every API surface inspected`, () => {
            for (const key of [program, `${program} update`]) {
                const { code, text, report } = runs.get(key)!;
                assert.deepStrictEqual(report.violations, [], key);
                assert.strictEqual(code, 0, text);
                assert.deepStrictEqual(report.coverage.uninspectedApiSurfaces, [], key);
                assert.match(text, /0 mandatory and 0 advisory policy violations — the plan passes policy\.$/m);
            }
        });
    }

    it("judges @pulumi/aws-apigateway RestAPI components by their inputs, and says which rules inspected them", () => {
        const component = runs.get("secure-apigateway-component")!.report.resources.find((r) => r.type === "aws-apigateway:index:RestAPI");
        assert.ok(component?.inspectedBy.includes("apigw-component-routes-authorized"), JSON.stringify(component));
        const simple = runs.get("pulumi-aws-apigateway-simple")!.report.resources.find((r) => r.type === "aws-apigateway:index:RestAPI");
        assert.ok(simple?.inspectedBy.includes("apigw-component-routes-authorized"), JSON.stringify(simple));
    });
});
