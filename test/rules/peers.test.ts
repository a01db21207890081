/**
 * The pack against its peers: every control a rule claims is an in-scope
 * control of that peer; no control is both claimed and excluded; the status is
 * computed from the claims; the README's peer coverage section is the rendered
 * data; and each peer reaches the target of covered-or-excluded controls.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    PEER_COVERAGE_BEGIN,
    PEER_COVERAGE_END,
    PEER_SCOPES,
    peerCoverage,
    renderPeerCoverageSection,
    ruleCatalog,
    RuleMetadata,
} from "../../policy-pack/rules";
import { PEER_TAG_PREFIX, PeerControls } from "../../policy-pack/rules/lib/rule";
import { ROOT } from "../harness";

/** Issue #13 "Done when": per peer, at least this share of in-scope controls covered or deliberately excluded. */
const TARGET_PERCENT = 90;

const PEERS = Object.keys(PEER_TAG_PREFIX) as (keyof PeerControls)[];

/** A rule's metadata with only what coverage reads. */
function fakeRule(name: string, enforcementLevel: RuleMetadata["enforcementLevel"], controls: PeerControls): RuleMetadata {
    return { ...ruleCatalog()[0], name, enforcementLevel, controls };
}

describe("peer coverage", () => {
    it("has one scope per peer, ids unique, each with what it checks", () => {
        assert.deepStrictEqual(
            PEER_SCOPES.map((s) => s.peer),
            PEERS,
        );
        for (const scope of PEER_SCOPES) {
            const ids = scope.controls.map((c) => c.id);
            assert.deepStrictEqual(
                ids.filter((id, i) => ids.indexOf(id) !== i),
                [],
                `${scope.label}: duplicate ids`,
            );
            for (const c of scope.controls) {
                assert.ok(c.checks.length > 10, `${scope.label} ${c.id}: what it checks`);
                assert.ok(c.excluded === undefined || c.excluded.length > 30, `${scope.label} ${c.id}: an exclusion gives its reason`);
                assert.doesNotMatch(
                    c.excluded ?? "",
                    /\b(todo|not (done|implemented) yet|later|planned)\b/i,
                    `${scope.label} ${c.id}: "not done yet" is no exclusion`,
                );
            }
        }
    });

    it("keeps the peers' id spelling", () => {
        const patterns: Record<keyof PeerControls, RegExp> = {
            securityHub: /^(APIGateway|WAF|Cognito|CloudTrail|CloudWatch|KMS|ACM|Lambda|S3|IAM)\.\d+$/,
            cdkNag: /^(AwsSolutions|NIST\.800\.53\.R5|PCI\.DSS\.321|HIPAA\.Security|Serverless)-[A-Za-z0-9]+$/,
            checkov: /^CKV2?_AWS_\d+$/,
            trivy: /^AWS-\d{4}$/,
        };
        for (const scope of PEER_SCOPES) {
            for (const c of scope.controls) {
                assert.match(c.id, patterns[scope.peer], `${scope.label} ${c.id}`);
            }
        }
    });

    it("every control a rule claims is an in-scope control of that peer (no typo, no undocumented claim)", () => {
        const unknown = ruleCatalog().flatMap((rule) =>
            PEERS.flatMap((peer) => {
                const scope = PEER_SCOPES.find((s) => s.peer === peer);
                return (rule.controls[peer] ?? []).filter((id) => !scope?.controls.some((c) => c.id === id)).map((id) => `${rule.name}: ${peer} ${id}`);
            }),
        );
        assert.deepStrictEqual(unknown, []);
    });

    it("no control is both claimed by a rule and excluded", () => {
        const both = peerCoverage(ruleCatalog()).flatMap((c) =>
            c.scope.controls
                .filter((control) => control.excluded !== undefined)
                .filter((control) => ruleCatalog().some((r) => (r.controls[c.scope.peer] ?? []).includes(control.id)))
                .map((control) => `${c.scope.label} ${control.id}`),
        );
        assert.deepStrictEqual(both, []);
    });

    it("computes the status from the claims: covered by the claiming rules, else excluded with the reason, else missing", () => {
        const scope = PEER_SCOPES.find((s) => s.peer === "trivy");
        const excluded = scope?.controls.find((c) => c.excluded !== undefined);
        assert.ok(scope && excluded);
        const rules = [fakeRule("a", "mandatory", { trivy: ["AWS-0003"] }), fakeRule("b", "advisory", { trivy: ["AWS-0003"], checkov: ["CKV_AWS_73"] })];
        const trivy = peerCoverage(rules).find((c) => c.scope.peer === "trivy");
        assert.ok(trivy);
        const status = (id: string) => trivy.controls.find((c) => c.control.id === id)?.status;
        assert.deepStrictEqual(status("AWS-0003"), { kind: "covered", rules });
        assert.deepStrictEqual(status(excluded.id), { kind: "excluded", reason: excluded.excluded });
        assert.deepStrictEqual(status("AWS-0017"), { kind: "missing" });
        const excludedCount = scope.controls.filter((c) => c.excluded).length;
        assert.strictEqual(trivy.covered, 1);
        assert.strictEqual(trivy.excluded, excludedCount);
        assert.strictEqual(trivy.missing, scope.controls.length - 1 - excludedCount);
        assert.strictEqual(trivy.percent, Math.round(((1 + excludedCount) / scope.controls.length) * 1000) / 10);
        const rendered = renderPeerCoverageSection(rules);
        assert.match(rendered, /\| `AWS-0003` \| [^|]+ \| covered \| `a`, `b` \(advisory\) \|/);
        assert.match(rendered, /\| `AWS-0017` \| [^|]+ \| \*\*missing\*\* \| — \|/);
        assert.match(rendered, new RegExp(`\\| trivy \\| ${scope.controls.length} \\| 1 \\| ${excludedCount} \\| `));
    });

    it("the README's peer coverage section is the section rendered from the rules and the peer scopes", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const start = readme.indexOf(PEER_COVERAGE_BEGIN);
        const end = readme.indexOf(PEER_COVERAGE_END);
        assert.ok(start >= 0 && end > start, "README has the peer coverage marks");
        assert.strictEqual(
            readme.slice(start, end + PEER_COVERAGE_END.length),
            renderPeerCoverageSection(ruleCatalog()),
            "README peer coverage is stale: regenerate it from renderPeerCoverageSection(ruleCatalog())",
        );
    });

    it(`each peer has at least ${TARGET_PERCENT}% of its in-scope controls covered or deliberately excluded`, () => {
        const below = peerCoverage(ruleCatalog())
            .filter((c) => c.percent < TARGET_PERCENT)
            .map(
                (c) =>
                    `${c.scope.label}: ${c.percent}% (missing: ${c.controls
                        .filter((x) => x.status.kind === "missing")
                        .map((x) => x.control.id)
                        .join(", ")})`,
            );
        assert.deepStrictEqual(below, []);
    });
});
