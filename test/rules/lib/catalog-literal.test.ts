/**
 * lib/catalog, literally: the README rule table, one row per rule, with its cells made safe for a
 * markdown table (pipes and emphasis characters escaped, a line break read as a space), config keys
 * with their defaults, and peer controls in a fixed order (or a dash when there are none).
 */
import * as assert from "assert";
import { renderRuleTable, renderRuleTableSection } from "../../../policy-pack/rules/lib/catalog";
import { RuleMetadata } from "../../../policy-pack/rules/lib/rule";

const rule: RuleMetadata = {
    name: "example-rule",
    service: "s3",
    kind: "stack",
    description: "Checks a | b.\nThen *c*.",
    remediationSteps: "Fix it.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { trivy: ["AWS-0086"], cdkNag: ["AwsSolutions-S1", "AwsSolutions-S10"], securityHub: [], checkov: ["CKV_AWS_18"] },
    resourceTypes: ["aws:s3/bucket:Bucket"],
    config: [{ key: "maxDays", description: "Days.", default: 30 }],
    tags: [],
};

const HEADER = "| rule | level | severity | service / kind | checks | config | peer controls |\n| --- | --- | --- | --- | --- | --- | --- |";

describe("lib/catalog (literal)", () => {
    it("renders a rule's row: escaped cells, a line break as a space, config defaults, peer controls in order", () => {
        assert.strictEqual(
            renderRuleTable([rule]),
            `${HEADER}\n| \`example-rule\` | mandatory | high | s3 / stack | Checks a \\| b. Then \\*c\\*. | \`maxDays\` (default \`30\`) | cdk-nag: \`AwsSolutions-S1\`, \`AwsSolutions-S10\`; Checkov: \`CKV_AWS_18\`; trivy: \`AWS-0086\` |`,
        );
    });

    it("renders a dash for a rule without config or peer controls, inside the README marks", () => {
        assert.strictEqual(
            renderRuleTableSection([{ ...rule, description: "Plain.", config: [], controls: {} }]),
            "<!-- rule-table:begin (generated from the rules' metadata: renderRuleTable) -->\n" +
                `${HEADER}\n| \`example-rule\` | mandatory | high | s3 / stack | Plain. | — | — |\n` +
                "<!-- rule-table:end -->",
        );
    });
});
