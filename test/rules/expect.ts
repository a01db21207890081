/** Exact assertions on one rule's findings. */
import * as assert from "assert";
import type { Violation } from "../../policy-pack/gate/engine";

/** One expected finding: on which resource, and what its message must say (every pattern must match). */
export interface ExpectedFinding {
    resource: string;
    message: RegExp[];
}

const show = (found: Violation[]) => found.map((v) => `  ${v.resourceName ?? "(stack)"}: ${v.message}`).join("\n") || "  (none)";

/**
 * Asserts the findings are exactly `expected` (as many, each matched by one
 * finding, in any order: resources register asynchronously), all of `rule` at
 * `level`, each naming its resource by name and URN.
 */
export function assertFindings(found: Violation[], rule: string, level: "mandatory" | "advisory", expected: ExpectedFinding[]): void {
    assert.strictEqual(found.length, expected.length, `expected ${expected.length} finding(s) of ${rule}, got ${found.length}:\n${show(found)}`);
    const unused = [...found];
    for (const e of expected) {
        const i = unused.findIndex((v) => v.resourceName === e.resource && e.message.every((p) => p.test(v.message)));
        assert.ok(i >= 0, `no finding on ${e.resource} matching ${e.message.join(" and ")} among:\n${show(unused)}`);
        const [v] = unused.splice(i, 1);
        assert.strictEqual(v.policyName, rule);
        assert.strictEqual(v.enforcementLevel, level, `${rule} on ${e.resource}: level`);
        assert.ok(v.urn?.endsWith(`::${e.resource}`), `urn ${v.urn} names ${e.resource}`);
        assert.ok(!v.unverified, `a finding is a rule that could not run: ${v.message}`);
    }
}

/** Asserts there is no finding. */
export function assertNoFindings(found: Violation[]): void {
    assert.deepStrictEqual(
        found.map((v) => `${v.resourceName}: ${v.message}`),
        [],
    );
}

/** A pattern that matches `message` and nothing else: the whole message, verbatim. */
export function exactly(message: string): RegExp {
    return new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
