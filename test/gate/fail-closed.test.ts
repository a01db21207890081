/**
 * The gate fails closed: a program it did not fully run never exits 0, late
 * work is checked like the rest, and a policy config that does not fit the
 * rules' schemas is refused before the program runs.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { plan, planHere, tmp } from "../support/cli";

const run = (name: string) => path.join("test", "fixtures", "runs", name);

function policyConfig(content: unknown): string {
    const file = tmp("policy.json");
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
}

describe("gate: a run is complete or it fails", function () {
    this.timeout(120_000);

    it("a stack output that never resolves: exit 2 naming it, and no report in any format", () => {
        for (const format of [[], ["--json"], ["--sarif"]]) {
            const r = plan("--program", run("hang"), ...format);
            assert.strictEqual(r.code, 2, r.stdout);
            assert.match(
                r.stderr,
                /^error: the program never finished: nothing was left to run while waiting for the stack output "never", so a promise it awaits never settles$/m,
            );
            assert.strictEqual(r.stdout, "");
        }
        const out = tmp("report.json");
        const r = plan("--program", run("hang"), "--json", "--out", out);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(fs.existsSync(out), false, "no report is written for a run that did not finish");
    });

    it("an unhandled rejection: exit 2 with its message on stderr, never 'passes policy'", () => {
        const r = plan("--program", run("reject"));
        assert.strictEqual(r.code, 2, r.stdout);
        assert.match(r.stderr, /backend lookup failed/);
        assert.doesNotMatch(r.stdout, /passes policy/);
    });

    it("a program slower than --timeout: exit 2 saying which limit passed", () => {
        const r = plan("--program", run("slow"), "--timeout", "1");
        assert.strictEqual(r.code, 2);
        assert.match(
            r.stderr,
            /^error: the program did not finish within 1 s \(while waiting for the stack output "late"\); raise the limit with --timeout if it is just slow$/m,
        );
        assert.match(plan("--program", run("slow"), "--timeout", "soon").stderr, /--timeout must be a number of seconds above 0 \(got "soon"\)/);
    });

    it("resources registered after a timer or an unawaited read are planned and checked", () => {
        const r = plan("--program", run("timer"), "--json", "--mode", "update");
        assert.strictEqual(r.code, 1, r.stderr);
        const report = JSON.parse(r.stdout);
        assert.deepStrictEqual(
            report.resources
                .filter((x: { custom: boolean }) => x.custom)
                .map((x: { name: string }) => x.name)
                .sort(),
            ["after-read", "after-timer"],
        );
        const late = report.violations
            .filter((v: { resourceName: string }) => v.resourceName === "after-timer")
            .map((v: { policyName: string }) => v.policyName)
            .sort();
        assert.deepStrictEqual(late, ["log-group-kms-encryption", "log-group-retention"]);
    });

    it("a resource registered inside apply is checked, and the text verdict agrees with the exit code", () => {
        const r = plan("--program", run("apply"), "--mode", "update");
        assert.strictEqual(r.code, 1);
        assert.match(r.stdout, /\[log-group-retention\] aws:cloudwatch\/logGroup:LogGroup "inside-apply"/);
        assert.match(r.stdout, /1 mandatory and 0 advisory policy violations — the plan FAILS policy\.$/m);
    });

    it("--program DIR means the directory even when a sibling DIR.json exists (a shell redirect)", () => {
        const parent = path.dirname(tmp("x"));
        const dir = path.join(parent, "infra");
        fs.mkdirSync(dir);
        fs.copyFileSync(path.join(run("apply"), "index.ts"), path.join(dir, "index.ts"));
        fs.writeFileSync(path.join(parent, "infra.json"), "{}");
        // The program imports @pulumi/aws: give it the gate's packages as an app repository would have its own.
        fs.symlinkSync(path.resolve("node_modules"), path.join(parent, "node_modules"));
        const r = plan("--program", dir, "--mode", "update", "--json");
        assert.strictEqual(r.code, 1, r.stderr);
        assert.ok(JSON.parse(r.stdout).resources.some((x: { name: string }) => x.name === "inside-apply"));
    });
});

describe("gate: policy config is validated in full before the program runs", function () {
    this.timeout(120_000);

    const cases: [string, unknown, RegExp][] = [
        ["an enum value in the wrong case", { "cognito-mfa": { requiredMfa: "on" } }, /cognito-mfa\.requiredMfa: must be one of "OPTIONAL", "ON", got "on"/],
        ["a value outside the enum", { "cognito-mfa": { requiredMfa: "OFF" } }, /cognito-mfa\.requiredMfa: must be one of "OPTIONAL", "ON", got "OFF"/],
        [
            "a number below the minimum",
            { "log-group-retention": { minRetentionDays: -5 } },
            /log-group-retention\.minRetentionDays: must be at least 1, got -5/,
        ],
        [
            "a number above the maximum",
            { "apigw-authorizer-cache-ttl": { maxTtlSeconds: 99999 } },
            /apigw-authorizer-cache-ttl\.maxTtlSeconds: must be at most 3600, got 99999/,
        ],
        [
            "a list item of the wrong type",
            { "apigw-method-requires-authorization": { allowedAnonymousMethods: [42] } },
            /allowedAnonymousMethods\[0\]: expected string, got 42/,
        ],
        [
            "null for a rule",
            { "cognito-mfa": null },
            /cognito-mfa: expected an enforcement level \(advisory, mandatory, remediate, disabled\) or an object of config keys, got null/,
        ],
        [
            "a bad level",
            { "cognito-mfa": { enforcementLevel: "strict" } },
            /cognito-mfa: enforcementLevel must be one of advisory, mandatory, remediate, disabled, got "strict"/,
        ],
        ["a config file that is not an object", [1, 2], /policy config must be a JSON object/],
    ];
    for (const [what, content, message] of cases) {
        it(`refuses ${what}, naming rule, key, value and what is allowed (exit 2, program not run)`, async () => {
            const r = await planHere("--program", run("apply"), "--policy-config", policyConfig(content));
            assert.strictEqual(r.code, 2);
            assert.match(r.stderr, /^error: invalid policy config /m);
            assert.match(r.stderr, message);
            assert.strictEqual(r.stdout, "", "the program must not have run");
        });
    }

    it("lists every problem, not only the first", async () => {
        const r = await planHere(
            "--stack",
            "dev",
            "--policy-config",
            policyConfig({ "cognito-mfa": { requiredMfa: "on" }, "log-group-retention": { minRetentionDays: 0 } }),
        );
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /cognito-mfa\.requiredMfa/);
        assert.match(r.stderr, /log-group-retention\.minRetentionDays: must be at least 1, got 0/);
    });

    it("warns in text, JSON and SARIF when the config turns every mandatory rule off", async () => {
        const file = policyConfig({ all: "advisory" });
        const warning = /the policy config turns off or downgrades every mandatory rule \(\d+\); nothing this gate reports can fail the run/;
        const text = await planHere("--program", run("apply"), "--mode", "update", "--policy-config", file);
        assert.strictEqual(text.code, 0);
        assert.match(text.stdout, new RegExp(`^WARNING: ${warning.source}`, "m"));
        const json = JSON.parse((await planHere("--program", run("apply"), "--mode", "update", "--policy-config", file, "--json")).stdout);
        assert.match(json.warnings[0], warning);
        const sarif = JSON.parse((await planHere("--program", run("apply"), "--mode", "update", "--policy-config", file, "--sarif")).stdout);
        const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
        assert.strictEqual(notes[0].level, "warning");
        assert.match(notes[0].message.text, warning);
        assert.deepStrictEqual(JSON.parse((await planHere("--program", run("apply"), "--mode", "update", "--json")).stdout).warnings, []);
    });
});
