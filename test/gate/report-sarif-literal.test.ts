/**
 * SARIF, in-process and literal: the whole log for a hand-built plan — rules with
 * each enforcement level's SARIF level and help, results located at the source
 * line or the config file or program, waived results suppressed, an unknown rule
 * at index -1, run properties, invocation warnings and rule configuration overrides.
 */
import * as assert from "assert";
import { Violation } from "../../policy-pack/gate/engine";
import { toSarif } from "../../policy-pack/gate/report";
import { advisory, B, B2, COMP, onB, POLICIES, report, SURFACE, unverified, waivedB2, waivedStack } from "./report-literal.fixture";

const remediate: Violation = { policyName: "r-rem", enforcementLevel: "remediate", message: "fixable.", urn: COMP, resourceType: "my:Comp" };
const unknownRule: Violation = { policyName: "r-gone", enforcementLevel: "advisory", message: "old rule.", urn: B2 };

interface Log {
    runs: { results: { locations: { physicalLocation: unknown }[] }[]; invocations: { ruleConfigurationOverrides: unknown[] }[] }[];
}

const at = (uri: string, startLine: number, startColumn?: number) => ({
    artifactLocation: { uri },
    region: startColumn === undefined ? { startLine } : { startLine, startColumn },
});
const logical = (name: string, urn: string) => [{ name, fullyQualifiedName: urn, kind: "resource" }];
const props = (urn: string | null, resourceType: string | null, unverified = false) => ({ urn, resourceType, unverified });

describe("gate: SARIF, literal", () => {
    it("the whole log: rules, located and suppressed results, run properties, invocation", () => {
        const r = report({
            configFile: "Pulumi.dev.yaml",
            packages: [{ name: "a", version: "1.0.0", dir: "p/a", origin: "program" }],
            references: [{ stack: "o/p/s", source: "s.json" }],
            warnings: ["w1"],
            violations: [onB, unverified, advisory, waivedB2, waivedStack, remediate, unknownRule],
            coverage: { inspectedBy: new Map(), uninspectedTypes: [{ type: "my:Comp", count: 1 }], uninspectedSurfaces: [SURFACE] },
            levelOverrides: { "r-mand": "advisory", "r-adv": "disabled", "r-off": "mandatory", "r-gone": "remediate" },
        });
        const rule = (id: string, level: string, help = `${id} description`, tags: string[] = []) => ({
            id,
            name: id,
            shortDescription: { text: `${id} description` },
            help: { text: help },
            defaultConfiguration: { level },
            properties: { tags },
        });
        const accepted = (justification: string) => ({ suppressions: [{ kind: "external", status: "accepted", justification }] });
        assert.deepStrictEqual(toSarif(r, POLICIES, "9.8.7"), {
            $schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: [
                {
                    tool: {
                        driver: {
                            name: "secure-api-platform-policy",
                            version: "9.8.7",
                            properties: { packages: r.packages },
                            rules: [
                                rule("r-mand", "error", "Fix the bucket.", ["checkov:CKV_1", "trivy:T-1"]),
                                rule("r-adv", "warning"),
                                rule("r-rem", "error"),
                                rule("r-off", "none"),
                                rule("r-def", "warning"),
                            ],
                        },
                    },
                    results: [
                        {
                            ruleId: "r-mand",
                            ruleIndex: 0,
                            level: "error",
                            message: { text: "b is open." },
                            locations: [{ physicalLocation: at("prog/index.ts", 7, 3), logicalLocations: logical("b", B) }],
                            partialFingerprints: { "policyFinding/v1": "fcf424f08067ef38161fba57d478e3a4" },
                            properties: props(B, "aws:s3/bucket:Bucket"),
                        },
                        {
                            ruleId: "r-mand",
                            ruleIndex: 0,
                            level: "error",
                            message: { text: "stack unknown." },
                            locations: [{ physicalLocation: at("Pulumi.dev.yaml", 1), logicalLocations: [] }],
                            partialFingerprints: { "policyFinding/v1": "e5afd5a73629ac796456efa1d385d264" },
                            properties: props(null, null, true),
                        },
                        {
                            ruleId: "r-adv",
                            ruleIndex: 1,
                            level: "warning",
                            message: { text: "b2 untagged." },
                            locations: [{ physicalLocation: at("Pulumi.dev.yaml", 1), logicalLocations: logical("b2", B2) }],
                            partialFingerprints: { "policyFinding/v1": "4fbbfee991dce4d1565a29677d16b4f4" },
                            properties: props(B2, "aws:s3/bucket:Bucket"),
                        },
                        {
                            ...accepted("accepted for now"),
                            ruleId: "r-mand",
                            ruleIndex: 0,
                            level: "error",
                            message: { text: "b2 is open." },
                            locations: [{ physicalLocation: at("Pulumi.dev.yaml", 1), logicalLocations: logical("b2", B2) }],
                            partialFingerprints: { "policyFinding/v1": "190a509b42423f2ff216fe25e18d412e" },
                            properties: { ...props(B2, "aws:s3/bucket:Bucket"), waiverExpires: "2099-01-31" },
                        },
                        {
                            ...accepted("no tags here"),
                            ruleId: "r-adv",
                            ruleIndex: 1,
                            level: "warning",
                            message: { text: "stack-wide." },
                            locations: [{ physicalLocation: at("Pulumi.dev.yaml", 1), logicalLocations: [] }],
                            partialFingerprints: { "policyFinding/v1": "7f0bd1b2d645fe70d6091ee39fe26a4a" },
                            properties: props(null, null),
                        },
                        {
                            ruleId: "r-rem",
                            ruleIndex: 2,
                            level: "error",
                            message: { text: "fixable." },
                            locations: [{ physicalLocation: at("Pulumi.dev.yaml", 1), logicalLocations: logical(COMP, COMP) }],
                            partialFingerprints: { "policyFinding/v1": "8523c6c68381e2fc25a983b670062fb9" },
                            properties: props(COMP, "my:Comp"),
                        },
                        {
                            ruleId: "r-gone",
                            ruleIndex: -1,
                            level: "warning",
                            message: { text: "old rule." },
                            locations: [{ physicalLocation: at("Pulumi.dev.yaml", 1), logicalLocations: logical(B2, B2) }],
                            partialFingerprints: { "policyFinding/v1": "c9524bde6a63e395cfa8298610f0223c" },
                            properties: props(B2, null),
                        },
                    ],
                    properties: {
                        mode: "update",
                        stackReferences: [{ stack: "o/p/s", source: "s.json" }],
                        uninspectedTypes: [{ type: "my:Comp", count: 1 }],
                        uninspectedApiSurfaces: [SURFACE],
                    },
                    invocations: [
                        {
                            executionSuccessful: true,
                            properties: { packages: ["a 1.0.0 (the program's, p/a)"] },
                            toolExecutionNotifications: [{ level: "warning", message: { text: "w1" } }],
                            ruleConfigurationOverrides: [
                                { descriptor: { id: "r-mand", index: 0 }, configuration: { level: "warning" } },
                                { descriptor: { id: "r-adv", index: 1 }, configuration: { enabled: false } },
                                { descriptor: { id: "r-off", index: 3 }, configuration: { level: "error" } },
                                { descriptor: { id: "r-gone", index: -1 }, configuration: { level: "error" } },
                            ],
                        },
                    ],
                },
            ],
        });
    });

    it("an unlocated result points at the program without a config file; no overrides by default", () => {
        const log = toSarif(report({ violations: [unverified] }), POLICIES, "1.0.0") as unknown as Log;
        assert.deepStrictEqual(log.runs[0].results[0].locations[0].physicalLocation, at("prog/index.ts", 1));
        assert.deepStrictEqual(log.runs[0].invocations[0].ruleConfigurationOverrides, []);
    });
});
