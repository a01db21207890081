/**
 * The report formats, in-process and literal: a hand-built plan (five resources
 * in a tree with an orphan, outputs of every kind, findings mandatory, advisory,
 * unverified and waived, uninspected types and surfaces) rendered as text, JSON
 * and SARIF against hand-written policies, and `passes`/`summary` at their edges.
 */
import * as assert from "assert";
import { countByType, passes, renderTree, summary, toJson, toText } from "../../policy-pack/gate/report";
import { advisory, B, BUCKET, COMP, onB, P, POLICIES, report, RESOURCES, STACK, SURFACE, unverified, waivedB2, waivedStack } from "./report-literal.fixture";

const last = (text: string) => text.split("\n").pop();

describe("gate: report formats, literal", () => {
    it("renders the tree by URN, children indented under parents, an unknown parent's child at the root", () => {
        assert.deepStrictEqual(renderTree(RESOURCES), [
            "+ aws:sns/topic:Topic  t",
            "┬ pulumi:pulumi:Stack  proj-dev",
            "  ┬ my:Comp  c",
            "    + aws:s3/bucket:Bucket  b",
            "    + aws:s3/bucket:Bucket  b2",
        ]);
        assert.deepStrictEqual(renderTree([]), []);
        assert.strictEqual(RESOURCES[0].urn, STACK, "the input is not reordered");
    });

    it("counts every resource by type, sorted by type", () => {
        assert.deepStrictEqual(Object.entries(countByType(RESOURCES)), [
            [BUCKET, 2],
            ["aws:sns/topic:Topic", 1],
            ["my:Comp", 1],
            ["pulumi:pulumi:Stack", 1],
        ]);
    });

    it("summary counts custom resources, live findings by level and waived ones", () => {
        const r = report({ violations: [onB, unverified, advisory, waivedB2, waivedStack] });
        assert.deepStrictEqual(summary(r), { resources: 3, mandatory: 2, advisory: 1, waived: 2 });
        assert.deepStrictEqual(summary(report({ resources: [] })), { resources: 0, mandatory: 0, advisory: 0, waived: 0 });
    });

    it("passes unless a counted mandatory finding or an uninspected surface remains", () => {
        const coverage = (n: number) => ({ inspectedBy: new Map(), uninspectedTypes: [], uninspectedSurfaces: Array(n).fill(SURFACE) });
        assert.strictEqual(passes({ violations: [], coverage: coverage(0) }), true);
        assert.strictEqual(passes({ violations: [advisory, waivedB2], coverage: coverage(0) }), true);
        assert.strictEqual(passes({ violations: [onB], coverage: coverage(0) }), false);
        assert.strictEqual(passes({ violations: [], coverage: coverage(1) }), false);
    });

    it("JSON: every field, resources by URN with redacted inputs, outputs masked, live and waived findings apart", () => {
        const inspectedBy = new Map([[B, ["r-mand"]]]);
        const r = report({
            violations: [onB, waivedStack],
            outputs: {
                url: { value: "https://x.example", secret: false, known: true },
                key: { value: "k", secret: true, known: false },
                later: { value: undefined, secret: false, known: false },
                leak: { value: { id: "AKIAIOSFODNN7EXAMPLE" }, secret: false, known: true },
            },
            coverage: { inspectedBy, uninspectedTypes: [{ type: "my:Comp", count: 1 }], uninspectedSurfaces: [SURFACE] },
            packages: [{ name: "@pulumi/pulumi", version: "3.1.0", dir: "node_modules/@pulumi/pulumi", origin: "gate" }],
            warnings: ["careful"],
            references: [{ stack: "o/p/s", source: "s.json" }],
        });
        const json = toJson({ ...r, resources: [RESOURCES[4], RESOURCES[3]] }, POLICIES);
        const bare = (urn: string, type: string, name: string, parent: string | null, custom: boolean) => ({ urn, type, name, parent, custom });
        assert.deepStrictEqual(json, {
            version: 1,
            mode: "update",
            stack: "dev",
            project: "proj",
            program: "prog/index.ts",
            configFile: null,
            policyConfigFile: null,
            packages: r.packages,
            summary: { resources: 1, mandatory: 1, advisory: 0, waived: 1 },
            resourceCountsByType: { [BUCKET]: 1, "my:Comp": 1 },
            resources: [
                { ...bare(COMP, "my:Comp", "c", STACK, false), inspectedBy: [], inputs: {} },
                {
                    ...bare(B, BUCKET, "b", COMP, true),
                    inspectedBy: ["r-mand"],
                    inputs: { bucket: "b", secretKey: "[secret]", id: "(known after deployment)", key: "[secret]" },
                },
            ],
            coverage: { uninspectedTypes: [{ type: "my:Comp", count: 1 }], uninspectedApiSurfaces: [SURFACE] },
            outputs: {
                url: { value: "https://x.example", secret: false, known: true },
                key: { value: "[secret]", secret: true, known: false },
                later: { value: "(known after deployment)", secret: false, known: false },
                leak: { value: { id: "[secret]" }, secret: false, known: true },
            },
            violations: [{ ...onB, controls: ["checkov:CKV_1", "trivy:T-1"] }],
            waived: [{ ...waivedStack, controls: [] }],
            warnings: ["careful"],
            stackReferences: [{ stack: "o/p/s", source: "s.json" }],
        });
        const files = toJson(report({ resources: [RESOURCES[2]], configFile: "Pulumi.dev.yaml", policyConfigFile: "p.json" }), []);
        assert.deepStrictEqual(
            [files.configFile, files.policyConfigFile, (files.resources as { parent: string }[])[0].parent],
            ["Pulumi.dev.yaml", "p.json", `${P}gone::x`],
        );
        assert.deepStrictEqual(toJson(report({ violations: [onB] }), []).violations, [{ ...onB, controls: [] }]);
    });

    it("text: header, references, outputs, warnings, each section and the failing verdict, line by line", () => {
        const r = report({
            configFile: "Pulumi.dev.yaml",
            packages: [
                { name: "a", version: "1.0.0", dir: "p/a", origin: "program" },
                { name: "b", version: "2.0.0", dir: "g/b", origin: "gate" },
            ],
            references: [
                { stack: "o/p/file", source: "refs/out.json" },
                { stack: "o/p/own", source: "computed by planning stack own" },
            ],
            outputs: { url: { value: "u", secret: false, known: true }, key: { value: "k", secret: true, known: true } },
            warnings: ["first", "second"],
            violations: [onB, unverified, advisory, waivedB2, waivedStack],
            coverage: { inspectedBy: new Map(), uninspectedTypes: [{ type: "my:Comp", count: 12 }], uninspectedSurfaces: [SURFACE] },
        });
        assert.deepStrictEqual(toText(r, POLICIES).split("\n"), [
            'Offline plan of stack "dev" (project proj, program prog/index.ts, config Pulumi.dev.yaml)',
            "Packages: a 1.0.0 (the program's, p/a); b 2.0.0 (the gate's, g/b)",
            "Stack reference o/p/file: outputs from refs/out.json",
            "Stack reference o/p/own: outputs computed by planning stack own",
            "Mode: update — every value known, as `pulumi up` sees it",
            "",
            "Resources:",
            "  + aws:sns/topic:Topic  t",
            "  ┬ pulumi:pulumi:Stack  proj-dev",
            "    ┬ my:Comp  c",
            "      + aws:s3/bucket:Bucket  b",
            "      + aws:s3/bucket:Bucket  b2",
            "",
            "Count by type:",
            "     2  aws:s3/bucket:Bucket",
            "     1  aws:sns/topic:Topic",
            "     1  my:Comp",
            "     1  pulumi:pulumi:Stack",
            "",
            "Outputs:",
            '  url: "u"',
            '  key: "[secret]"',
            "",
            "WARNING: first",
            "",
            "WARNING: second",
            "",
            "Mandatory policy violations: 2",
            '  [r-mand] aws:s3/bucket:Bucket "b": b is open.',
            "      at prog/index.ts:7:3",
            "      fix: Fix the bucket.",
            "      controls: checkov:CKV_1, trivy:T-1",
            "  [r-mand] (not verified) stack unknown.",
            "      fix: Fix the bucket.",
            "      controls: checkov:CKV_1, trivy:T-1",
            "",
            "Advisory policy violations: 1",
            '  [r-adv] aws:s3/bucket:Bucket "b2": b2 untagged.',
            "",
            "Waived (accepted in the policy config, not counted): 2",
            '  [r-mand] aws:s3/bucket:Bucket "b2": waived: accepted for now (until 2099-01-31)',
            "      finding: b2 is open.",
            "  [r-adv] waived: no tags here",
            "      finding: stack-wide.",
            "",
            "Not inspected by any rule:",
            "    12  my:Comp",
            "",
            "API surfaces no rule inspected (the gate cannot vouch for them): 1",
            '  aws:sns/topic:Topic "t"',
            "",
            "3 resources, 2 mandatory and 1 advisory policy violations — the plan FAILS policy.",
        ]);
    });

    it("text: a bare preview has no outputs, warnings, waived or coverage sections and passes", () => {
        assert.deepStrictEqual(toText(report({ mode: "preview", resources: [] }), []).split("\n"), [
            'Offline plan of stack "dev" (project proj, program prog/index.ts)',
            "Packages: ",
            "Mode: preview — as a first `pulumi preview` sees the stack: ids and computed outputs unknown",
            "",
            "Resources:",
            "",
            "Count by type:",
            "",
            "Mandatory policy violations: 0",
            "",
            "Advisory policy violations: 0",
            "",
            "0 resources, 0 mandatory and 0 advisory policy violations — the plan passes policy.",
        ]);
    });

    it("text: a finding of a rule the pack does not have gets no fix or controls line", () => {
        const gone = { policyName: "r-gone", enforcementLevel: "advisory" as const, message: "old." };
        assert.deepStrictEqual(
            toText(report({ resources: [], violations: [gone] }), POLICIES)
                .split("\n")
                .slice(8, 13),
            ["Mandatory policy violations: 0", "", "Advisory policy violations: 1", "  [r-gone] old.", ""],
        );
    });

    it("text: the verdict names uninspected surfaces when no mandatory finding fails the plan", () => {
        const coverage = { inspectedBy: new Map(), uninspectedTypes: [], uninspectedSurfaces: [SURFACE, SURFACE] };
        assert.strictEqual(
            last(toText(report({ coverage, violations: [advisory] }), POLICIES)),
            "3 resources, 0 mandatory and 1 advisory policy violations — the plan FAILS: 2 API surfaces were not inspected by any rule.",
        );
        assert.strictEqual(
            last(toText(report({ coverage, violations: [onB] }), POLICIES)),
            "3 resources, 1 mandatory and 0 advisory policy violations — the plan FAILS policy.",
        );
    });
});
