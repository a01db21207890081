/**
 * Waivers always carry a reason, may expire, and name a resource by URN, name
 * or route. A waived finding is shown as waived in every format and never
 * counted; an expired waiver is a finding again; the real analyzer leaves a
 * waived finding out, the offline gate shows it — both from the same config.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import * as fs from "fs";
import { expired, waiverOutcome, waives } from "../../policy-pack/rules/lib/waivers";
import { ruleFindingsByMode, assertAgreement } from "../rule-harness";
import { planHere, tmp } from "../support/cli";

const PROGRAM = "test/fixtures/waivers/open-health";
const RULE = "apigw-method-requires-authorization";
const URN = "urn:pulumi:offline::open-health::pulumi:pulumi:Stack$aws:apigateway/method:Method::probe-get-health";

function config(waivers: unknown[]): string {
    const file = tmp("policy.json");
    fs.writeFileSync(file, JSON.stringify({ [RULE]: { waivers } }));
    return file;
}

const waiver = (resource: string, expires = "2099-12-31") => ({ resource, reason: "probes call it anonymously; static MOCK body", expires });

describe("gate: waivers", function () {
    this.timeout(120_000);

    it("without a waiver, exactly one mandatory finding exits 1", async () => {
        const r = await planHere("--program", PROGRAM, "--json");
        assert.strictEqual(r.code, 1);
        const report = JSON.parse(r.stdout);
        assert.deepStrictEqual(report.summary, { resources: 3, mandatory: 1, advisory: 0, waived: 0 });
    });

    for (const resource of ["GET /health", "probe-get-health", URN]) {
        it(`a waiver by ${resource.startsWith("urn:") ? "URN" : resource.includes(" ") ? "route" : "resource name"} is shown as waived in text, JSON and SARIF and not counted (exit 0)`, async () => {
            const file = config([waiver(resource)]);
            const text = await planHere("--program", PROGRAM, "--policy-config", file);
            assert.strictEqual(text.code, 0, text.stdout + text.stderr);
            assert.match(text.stdout, /^Waived \(accepted in the policy config, not counted\): 1$/m);
            assert.match(text.stdout, /waived: probes call it anonymously; static MOCK body \(until 2099-12-31\)/);
            assert.match(text.stdout, /0 mandatory and 0 advisory policy violations — the plan passes policy\./);
            const json = JSON.parse((await planHere("--program", PROGRAM, "--policy-config", file, "--json")).stdout);
            assert.deepStrictEqual(json.summary, { resources: 3, mandatory: 0, advisory: 0, waived: 1 });
            assert.deepStrictEqual(json.violations, []);
            assert.deepStrictEqual(json.waived[0].waived, { reason: "probes call it anonymously; static MOCK body", expires: "2099-12-31" });
            const sarif = JSON.parse((await planHere("--program", PROGRAM, "--policy-config", file, "--sarif")).stdout);
            assert.deepStrictEqual(sarif.runs[0].results[0].suppressions, [
                { kind: "external", status: "accepted", justification: "probes call it anonymously; static MOCK body" },
            ]);
        });
    }

    it("an expired waiver is a finding again, saying so (exit 1)", async () => {
        const r = await planHere("--program", PROGRAM, "--policy-config", config([waiver("GET /health", "2020-01-31")]));
        assert.strictEqual(r.code, 1);
        assert.match(
            r.stdout,
            /the waiver for GET \/health expired on 2020-01-31 \(it said: probes call it anonymously; static MOCK body\); Method "probe-get-health" \(GET\) has authorization NONE/,
        );
    });

    it("a waiver for another resource or route waives nothing", async () => {
        const r = await planHere("--program", PROGRAM, "--policy-config", config([waiver("GET /status"), waiver("other-method")]));
        assert.strictEqual(r.code, 1);
    });

    it("refuses waivers without a reason, with a too short one, with unknown keys or a bad date", async () => {
        const cases: [unknown, RegExp][] = [
            [{ resource: "GET /health" }, /waivers\[0\]\.reason: is required/],
            [{ resource: "GET /health", reason: "ok" }, /waivers\[0\]\.reason: must be at least 12 characters/],
            [{ resource: "GET /health", reason: "because it is public", until: "2030-01-01" }, /waivers\[0\]\.until: unknown key/],
            [{ resource: "GET /health", reason: "because it is public", expires: "2030-02-30" }, /waivers\[0\]\.expires: must be a date \(YYYY-MM-DD\)/],
        ];
        for (const [w, message] of cases) {
            const r = await planHere("--program", PROGRAM, "--policy-config", config([w]));
            assert.strictEqual(r.code, 2);
            assert.match(r.stderr, message);
        }
    });

    it("the real analyzer leaves a waived finding out where the offline gate shows it as waived, in both modes", async () => {
        const program = () => {
            const api = new aws.apigateway.RestApi("probe", {});
            const health = new aws.apigateway.Resource("probe-health", { restApi: api.id, parentId: api.rootResourceId, pathPart: "health" });
            new aws.apigateway.Method("probe-get-health", { restApi: api.id, resourceId: health.id, httpMethod: "GET", authorization: "NONE" });
            new aws.apigateway.Method("probe-get-open", { restApi: api.id, resourceId: health.id, httpMethod: "POST", authorization: "NONE" });
        };
        const found = await ruleFindingsByMode(RULE, program, { config: { [RULE]: { waivers: [waiver("GET /health")] } } });
        assertAgreement(RULE, found);
        for (const mode of ["update", "preview"] as const) {
            assert.deepStrictEqual(
                found[mode].map((v) => [v.resourceName, v.waived !== undefined]),
                [
                    ["probe-get-health", true],
                    ["probe-get-open", false],
                ],
            );
            assert.deepStrictEqual(
                found.analyzer[mode].map((f) => f.urn?.split("::").pop()),
                ["probe-get-open"],
            );
        }
    });

    it("matches by URN, name and route, and expires after its last day", async () => {
        const target = { urn: URN, name: "api-get-health", type: "aws:apigateway/method:Method" };
        assert.ok(waives(waiver("GET /health"), target));
        assert.ok(!waives(waiver("POST /health"), target));
        assert.ok(!waives(waiver("GET /health"), { ...target, name: "api-get-healthz" }));
        assert.ok(waives(waiver("GET /health"), { urn: "u", name: "r", type: "aws:apigatewayv2/route:Route", routeKey: "GET /health" }));
        assert.ok(!expired(waiver("x", "2026-12-01"), new Date("2026-12-01T23:59:59Z")), "valid through its last day");
        assert.ok(expired(waiver("x", "2026-12-01"), new Date("2026-12-02T00:00:00Z")));
        assert.deepStrictEqual(waiverOutcome([], target), { kind: "none" });
    });
});
