/**
 * The offline plan command, spawned as a process the way CI runs it: exit
 * codes 0/1/2, text, JSON and SARIF output, our stacks and foreign programs.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../policy-pack/rules";
import { fixture, plan, planHere, tmp } from "./support/cli";

/** Rule ids of the mandatory violations in a text report. */
function mandatoryRules(text: string): string[] {
    const section = text.split(/Mandatory policy violations: \d+/)[1]?.split(/Advisory policy violations/)[0] ?? "";
    return [...new Set([...section.matchAll(/^\s+\[([a-z0-9-]+)\]/gm)].map((m) => m[1]))].sort();
}

describe("offline plan command", function () {
    this.timeout(120_000);

    it("as a process, the way CI runs it: exit 0 on a passing stack, 1 on mandatory findings, 2 on bad usage", () => {
        assert.strictEqual(plan("--stack", "dev").code, 0);
        assert.strictEqual(plan("--program", fixture("open-api")).code, 1);
        const usage = plan("--stack", "staging");
        assert.strictEqual(usage.code, 2);
        assert.match(usage.stderr, /^error: unknown stack "staging"/);
    });

    it("plans the dev stack: resource tree, counts by type, no mandatory violation, exit 0", async () => {
        const r = await planHere("--stack", "dev", "--mode", "update");
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /Offline plan of stack "dev" \(project secure-api-platform/);
        assert.match(r.stdout, /^Mode: update — every value known/m);
        assert.match(r.stdout, /^ {2}┬ pulumi:pulumi:Stack {2}secure-api-platform-dev$/m);
        // Stack > SecureApi > PublicApi > RestApi component > the RestApi resource.
        assert.match(r.stdout, /^ {10}\+ aws:apigateway\/restApi:RestApi {2}orders-dev$/m);
        // 6 routes and an OPTIONS preflight on each of the 5 paths.
        assert.match(r.stdout, /^ +11 {2}aws:apigateway\/method:Method$/m);
        assert.match(r.stdout, /Mandatory policy violations: 0/);
        assert.match(r.stdout, /apiKeyValues: "\[secret\]"/);
    });

    it("prod as JSON: resources with parents, counts, secret outputs masked, summary", async () => {
        const r = await planHere("--stack", "prod", "--json", "--mode", "update");
        assert.strictEqual(r.code, 0, r.stderr);
        const report = JSON.parse(r.stdout);
        assert.strictEqual(report.stack, "prod");
        assert.strictEqual(report.mode, "update");
        assert.strictEqual(report.summary.mandatory, 0);
        assert.strictEqual(report.summary.resources, report.resources.filter((x: { custom: boolean }) => x.custom).length);
        const domain = report.resources.find((x: { type: string }) => x.type === "aws:apigateway/domainName:DomainName");
        assert.match(domain.parent, /secure-api:tls:CustomDomain::orders-prod-domain$/);
        assert.strictEqual(report.resourceCountsByType["aws:apigateway/domainName:DomainName"], 1);
        assert.deepStrictEqual(report.outputs.apiKeyValues, { value: "[secret]", secret: true, known: true });
        assert.strictEqual(report.outputs.apiUrl.value, "https://api.example.com/v1");
        // The health check is the one finding, waived in policy-pack/config/prod.json with its reason: listed apart, not counted.
        assert.deepStrictEqual(report.violations, []);
        assert.deepStrictEqual(
            report.waived.map((v: { resourceName: string; waived?: object }) => [v.resourceName, v.waived !== undefined]),
            [["orders-prod-get-health", true]],
        );
    });

    it("exits 1 on an insecure program and names the rules it breaks", async () => {
        const r = await planHere("--program", fixture("open-api"));
        assert.strictEqual(r.code, 1, r.stderr);
        assert.deepStrictEqual(mandatoryRules(r.stdout), [
            "apigw-api-key-attached",
            "apigw-cors-restricted-origins",
            "apigw-execution-logging",
            "apigw-method-requires-authorization",
            "apigw-public-stage-waf",
            "apigw-stage-access-logging",
            "apigw-stage-throttling",
        ]);
        assert.match(r.stdout, /the plan FAILS policy/);
        assert.match(r.stdout, /fix: Set authorization to COGNITO_USER_POOLS/);
    });

    it("reads a program's stack config with --config and reports every weakness of the edge", async () => {
        const r = await planHere("--program", fixture("weak-edge"), "--config", path.join(fixture("weak-edge"), "Pulumi.ci.yaml"));
        assert.strictEqual(r.code, 1, r.stderr);
        assert.deepStrictEqual(mandatoryRules(r.stdout), [
            "apigw-default-endpoint-disabled",
            "apigw-domain-tls-1-2",
            "apigw-execution-logging",
            "apigw-mtls-truststore-bucket",
            "apigw-stage-access-logging",
            "apigw-stage-throttling",
            "apigw-usage-plan-limits",
            "cloudtrail-secure-trail",
            // Its trail and truststore buckets are open in every way the S3 rules check.
            "s3-bucket-kms-encryption",
            "s3-bucket-public-access",
            "s3-bucket-tls-only",
            "s3-log-bucket-public-access-block",
            "waf-managed-rules-and-rate-limit",
        ]);
    });

    it("writes SARIF 2.1.0: rules of the pack, one result per violation with rule, level, message and URN", async () => {
        const out = tmp("plan.sarif");
        const r = await planHere("--program", fixture("leaky-private-api"), "--sarif", "--out", out);
        assert.strictEqual(r.code, 1, r.stderr);
        assert.match(r.stdout, /Report written to/);
        const sarif = JSON.parse(fs.readFileSync(out, "utf8"));
        assert.strictEqual(sarif.version, "2.1.0");
        assert.match(sarif.$schema, /sarif-2\.1\.0/);
        assert.strictEqual(sarif.runs.length, 1);
        const driver = sarif.runs[0].tool.driver;
        assert.strictEqual(driver.name, "secure-api-platform-policy");
        assert.deepStrictEqual(
            driver.rules.map((rule: { id: string }) => rule.id),
            policies.map((p) => p.name),
        );
        const results = sarif.runs[0].results as {
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: { fullyQualifiedName: string }[] }[];
        }[];
        assert.deepStrictEqual([...new Set(results.map((x) => x.ruleId))].sort(), [
            "apigw-authorizer-cache-ttl",
            "apigw-private-api-resource-policy",
            "cognito-advanced-security",
            "cognito-mfa",
            "cognito-password-policy",
            "cognito-user-pool-deletion-protection",
            "cognito-user-pool-self-sign-up",
            "log-group-kms-encryption",
            "log-group-retention",
        ]);
        for (const result of results) {
            assert.strictEqual(driver.rules[result.ruleIndex].id, result.ruleId);
            assert.ok(["error", "warning"].includes(result.level));
            assert.ok(result.message.text.length > 20);
            assert.match(result.locations[0].logicalLocations[0].fullyQualifiedName, /^urn:pulumi:offline::leaky-private-api::/);
            assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /leaky-private-api/);
        }
        assert.strictEqual(results.find((x) => x.ruleId === "cognito-advanced-security")!.level, "warning");
    });

    for (const mode of ["preview", "update"]) {
        it(`exits 0 on a secure program built from raw resources (${mode})`, async () => {
            const r = await planHere("--program", fixture("secure-api"), "--json", "--mode", mode);
            assert.strictEqual(r.code, 0, r.stderr);
            const report = JSON.parse(r.stdout);
            assert.strictEqual(report.mode, mode);
            assert.deepStrictEqual(report.violations, []);
            assert.ok(report.summary.resources >= 10);
        });
    }

    it("runs as a first preview by default, says so, and passes dev and prod with nothing left unverified", async () => {
        for (const stack of ["dev", "prod"]) {
            const text = await planHere("--stack", stack);
            assert.strictEqual(text.code, 0, text.stdout + text.stderr);
            assert.match(text.stdout, /^Mode: preview — as a first `pulumi preview` sees the stack: ids and computed outputs unknown$/m);
            assert.doesNotMatch(text.stdout, /not verified/);
            const json = JSON.parse((await planHere("--stack", stack, "--json")).stdout);
            assert.strictEqual(json.mode, "preview");
            // No finding at all, advisory included: the platform's own resources pass every rule.
            const alarms: string[] = [];
            assert.deepStrictEqual(
                json.violations
                    .map(
                        (v: { policyName: string; resourceName: string; enforcementLevel: string }) =>
                            `${v.policyName} ${v.enforcementLevel} ${v.resourceName}`,
                    )
                    .sort(),
                alarms,
            );
            // dev also waives, at a first preview only, its HTTP API's JWT issuer computed from the stack's own Cognito pool.
            assert.deepStrictEqual(
                json.waived.map((v: { resourceName: string }) => v.resourceName),
                stack === "dev" ? ["orders-dev-get-health", "orders-http-dev-jwt"] : [`orders-${stack}-get-health`],
            );
            // Outputs derived from ids are unknown at a first preview, and the report says so instead of inventing them.
            assert.deepStrictEqual(json.outputs.restApiId, { value: "(known after deployment)", secret: false, known: false });
        }
    });

    it("rejects --mode values it does not know", async () => {
        const r = await planHere("--stack", "dev", "--mode", "dry-run");
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /--mode must be preview or update \(got "dry-run"\)/);
    });

    it("a policy config can waive rules: the insecure program then passes", async () => {
        const config = tmp("policy.json");
        fs.writeFileSync(config, JSON.stringify({ all: "advisory" }));
        const r = await planHere("--program", fixture("open-api"), "--policy-config", config);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /Mandatory policy violations: 0/);
    });

    describe("exit 2 with a clear message", () => {
        const cases: [string, string[], RegExp][] = [
            ["an unknown stack", ["--stack", "staging"], /unknown stack "staging"; this project has: dev, prod/],
            ["an unknown flag", ["--stack", "dev", "--verbose"], /unknown argument "--verbose"/],
            ["no stack or program", [], /give --stack \(one of: dev, prod\) or --program/],
            [
                "a config value out of range",
                ["--program", ".", "--config", "test/fixtures/configs/Pulumi.badvalue.yaml"],
                /invalid stack config in Pulumi\.badvalue\.yaml:\n {2}- secure-api-platform:environment: expected one of dev, prod, got "staging"/,
            ],
            [
                "a malformed config file",
                ["--program", ".", "--config", "test/fixtures/configs/Pulumi.malformed.yaml"],
                /test\/fixtures\/configs\/Pulumi\.malformed\.yaml is not valid YAML/,
            ],
            [
                "a program that throws",
                ["--program", fixture("broken")],
                /the program failed at test\/fixtures\/programs\/broken\/index\.ts:5:7: backend URL is not configured \(set backendUrl\)/,
            ],
            [
                "a policy config naming an unknown rule",
                ["--stack", "dev", "--policy-config", "test/fixtures/configs/unknown-rule.json"],
                /policy config names unknown policy "apigw-everything"/,
            ],
        ];
        for (const [what, args, message] of cases) {
            it(what, async () => {
                const r = await planHere(...args);
                assert.strictEqual(r.code, 2, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
                assert.match(r.stderr, message);
                assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace");
            });
        }
    });
});
