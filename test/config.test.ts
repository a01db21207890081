/** Stack config validation: each bad input gives an error naming the key, what is allowed and the file, and nothing is created. */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { accountProblems, exampleValueProblems } from "../stacks/deploy-target";
import { platformProgram } from "../stacks/program";
import { ProgramError } from "../policy-pack/gate/runtime";
import { runProgram, stackConfig } from "./harness";

function problemsOf(stack: string, overrides: Record<string, unknown>): string[] {
    try {
        parsePlatformConfig(stackConfig(stack, overrides), `Pulumi.${stack}.yaml`);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        assert.match(err.message, new RegExp(`^invalid stack config in Pulumi\\.${stack}\\.yaml`));
        return err.problems;
    }
    assert.fail("the config was accepted");
}

describe("stack config", () => {
    it("parses both stacks' files into typed config", () => {
        const dev = parsePlatformConfig(stackConfig("dev"), "Pulumi.dev.yaml");
        assert.strictEqual(dev.environment, "dev");
        assert.strictEqual(dev.logging.retentionInDays, 14);
        assert.strictEqual(dev.routes.length, 6);
        const prod = parsePlatformConfig(stackConfig("prod"), "Pulumi.prod.yaml");
        assert.strictEqual(prod.domain?.mtlsCaBundleFile, "stacks/certs/prod-client-ca.pem");
        assert.deepStrictEqual(Object.keys(prod.usagePlans!.tiers), ["free", "standard", "premium"]);
    });

    const cases: [string, Record<string, unknown>, RegExp][] = [
        ["a missing required key", { throttle: undefined }, /^secure-api-platform:throttle: is required \(expected an object with rateLimit, burstLimit\)$/],
        ["an unknown environment", { environment: "staging" }, /^secure-api-platform:environment: expected one of dev, prod, got "staging"$/],
        [
            "a misspelt key",
            { corss: { allowedOrigins: ["https://a.example.com"] } },
            /^secure-api-platform:corss: unknown key; allowed keys: environment, apiName/,
        ],
        [
            "a misspelt nested key",
            { throttle: { rateLimit: 5, burst: 10 } },
            /^secure-api-platform:throttle\.burst: unknown key; allowed keys: rateLimit, burstLimit$/,
        ],
        [
            "a string where a number belongs",
            { throttle: { rateLimit: "fast", burstLimit: 10 } },
            /^secure-api-platform:throttle\.rateLimit: expected a number >= 0\.001 and <= 10000, got "fast"$/,
        ],
        [
            "a bad route method",
            { routes: [{ path: "/a", method: "FETCH", auth: "iam", integration: { kind: "mock", responseBody: {} } }] },
            /^secure-api-platform:routes\[0\]\.method: expected one of GET, POST, PUT, PATCH, DELETE, HEAD, ANY, got "FETCH"$/,
        ],
        [
            "an unknown integration kind",
            { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "sqs" } }] },
            /^secure-api-platform:routes\[0\]\.integration\.kind: expected one of mock, http, lambda, got "sqs"$/,
        ],
        [
            "an http backend URL",
            { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "http://x" } }] },
            /routes\[0\]\.integration\.uri: expected an https:\/\/ URL/,
        ],
        ["a private API without network", { exposure: "private" }, /^secure-api-platform:network: is required when exposure is private/],
        ["a network on a public API", { network: { allowedCidrs: ["10.0.0.0/8"] } }, /^secure-api-platform:network: only applies when exposure is private/],
        [
            "an authorizer TTL above 3600",
            { lambdaAuthorizer: { functionArn: "arn:aws:lambda:us-east-1:1:function:f", type: "TOKEN", resultTtlSeconds: 7200 } },
            /lambdaAuthorizer\.resultTtlSeconds: expected an integer from 0 to 3600, got 7200/,
        ],
        [
            "a quota period out of the allowed set",
            { usagePlans: { tiers: { free: { rateLimit: 1, burstLimit: 1, quotaLimit: 1, quotaPeriod: "YEAR" } }, clients: [] } },
            /usagePlans\.tiers\.free\.quotaPeriod: expected one of DAY, WEEK, MONTH, got "YEAR"/,
        ],
        ["no region", { "aws:region": undefined }, /^aws:region: is required/],
        [
            "wildcard CORS in prod",
            { environment: "prod", cors: { allowedOrigins: ["*"], allowWildcard: true } },
            /cors\.allowWildcard: must not be true in prod/,
        ],
        // Limits from the guardrail baseline, the same the components and the rules use.
        [
            "a WAF rate limit the WAF rule would refuse",
            { waf: { rateLimit: 50000 } },
            /^secure-api-platform:waf\.rateLimit: expected an integer from 10 to 10000, got 50000$/,
        ],
        [
            "a retention CloudWatch does not accept",
            { logging: { retentionInDays: 10 } },
            /^secure-api-platform:logging\.retentionInDays: expected one of 1, 3, 5, 7, 14, 30/,
        ],
        [
            "a retention below dev's minimum",
            { logging: { retentionInDays: 7 } },
            /^secure-api-platform:logging\.retentionInDays: expected one of 14, 30, .* in dev, got 7$/,
        ],
        [
            "a retention below prod's minimum",
            { environment: "prod", cors: undefined, cognito: undefined, logging: { retentionInDays: 180 } },
            /^secure-api-platform:logging\.retentionInDays: expected one of 365, 400, .* in prod, got 180$/,
        ],
        [
            "optional MFA in prod",
            { environment: "prod", logging: { retentionInDays: 365 }, cors: undefined },
            /^secure-api-platform:cognito\.mfa: expected ON in prod, got "OPTIONAL"$/,
        ],
        [
            "audit-only advanced security in prod",
            { environment: "prod", logging: { retentionInDays: 365 }, cors: undefined },
            /^secure-api-platform:cognito\.advancedSecurityMode: expected ENFORCED in prod, got "AUDIT"$/,
        ],
        [
            "a localhost origin in prod",
            { environment: "prod", logging: { retentionInDays: 365 } },
            /^secure-api-platform:cors\.allowedOrigins\[1\]: localhost origins are not allowed in prod/,
        ],
        [
            "a password shorter than the baseline",
            {
                cognito: {
                    resourceServerIdentifier: "x",
                    passwordMinimumLength: 8,
                    scopes: [{ name: "a", description: "a" }],
                    clients: [{ name: "c", kind: "m2m", scopes: ["a"] }],
                },
            },
            /cognito\.passwordMinimumLength: expected an integer from 12 to 99, got 8/,
        ],
        [
            "a CORS max age above the baseline",
            { cors: { allowedOrigins: ["https://a.example.com"], maxAgeSeconds: 9000 } },
            /cors\.maxAgeSeconds: expected an integer from 0 to 7200, got 9000/,
        ],
        [
            "an HTTP timeout above the baseline",
            { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://x.example.com", timeoutMs: 40000 } }] },
            /routes\[0\]\.integration\.timeoutMs: expected an integer from 50 to 29000, got 40000/,
        ],
        [
            "an allowed CIDR of /0",
            { exposure: "private", cors: undefined, network: { allowedCidrs: ["0.0.0.0/0"] } },
            /^secure-api-platform:network\.allowedCidrs: \[0\] "0\.0\.0\.0\/0" is \/0, every IPv4 address$/,
        ],
        [
            "/0 spelled with host bits",
            { exposure: "private", cors: undefined, network: { allowedCidrs: ["10.0.0.1/0"] } },
            /network\.allowedCidrs\[0\]: expected an IPv4 CIDR such as 10\.0\.0\.0\/16, got "10\.0\.0\.1\/0" \(has host bits set/,
        ],
        [
            "/0 spelled with leading zeros",
            { exposure: "private", cors: undefined, network: { allowedCidrs: ["00.0.0.0/0"] } },
            /network\.allowedCidrs\[0\]: expected an IPv4 CIDR .*without leading zeros/,
        ],
        [
            "allowed CIDRs covering all of IPv4 together",
            { exposure: "private", cors: undefined, network: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } },
            /^secure-api-platform:network\.allowedCidrs: together cover every IPv4 address/,
        ],
        [
            "a WAF allow list covering all of IPv4",
            { waf: { allowedIpCidrs: ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1"] } },
            /^secure-api-platform:waf\.allowedIpCidrs: together cover every IPv4 address/,
        ],
        [
            "a WAF block list entry that is not a CIDR",
            { waf: { blockedIpCidrs: ["198.51.100.0"] } },
            /^secure-api-platform:waf\.blockedIpCidrs\[0\]: expected an IPv4 CIDR/,
        ],
        [
            "a VPC CIDR outside /16-/24",
            { exposure: "private", cors: undefined, network: { allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.0.0.0/8" } },
            /network\.vpcCidr: expected an IPv4 CIDR from \/16 to \/24 .*is \/8/,
        ],
    ];
    for (const [what, overrides, message] of cases) {
        it(`rejects ${what}`, () => {
            const problems = problemsOf("dev", overrides);
            assert.ok(
                problems.some((p) => message.test(p)),
                `expected a problem matching ${message}, got:\n${problems.join("\n")}`,
            );
        });
    }

    it("reports every problem at once", () => {
        const problems = problemsOf("dev", { environment: "qa", throttle: { rateLimit: -1, burstLimit: 1.5 } });
        assert.strictEqual(problems.length, 3);
    });

    it("the stack program rejects bad config before creating anything, naming the key and the file", async () => {
        const bad = stackConfig("prod", { cognito: { ...JSON.parse(stackConfig("prod")["secure-api-platform:cognito"]), mfa: "OPTIONAL" } });
        const error = await runProgram(platformProgram, { stack: "prod", config: bad }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, /invalid stack config in Pulumi\.prod\.yaml:\n {2}- secure-api-platform:cognito\.mfa: expected ON in prod, got "OPTIONAL"/);
        assert.deepStrictEqual(
            error.resources.filter((r) => r.custom),
            [],
        );
    });

    it("restates component argument errors with the stack config key", async () => {
        const routes = JSON.parse(stackConfig("dev")["secure-api-platform:routes"]);
        const bad = stackConfig("dev", { routes: [...routes, routes[0]] });
        const error = await runProgram(platformProgram, { stack: "dev", config: bad }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(
            error.message,
            /invalid stack config in Pulumi\.dev\.yaml:\n {2}- secure-api-platform:routes\[6\]: duplicates route GET \/health \(RestApi\)/,
        );
        const usage = stackConfig("dev", {
            usagePlans: { tiers: { free: { rateLimit: 1, burstLimit: 1, quotaLimit: 1, quotaPeriod: "DAY" } }, clients: [{ name: "a", tier: "gold" }] },
        });
        const usageError = await runProgram(platformProgram, { stack: "dev", config: usage }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.match(String(usageError), /secure-api-platform:usagePlans\.clients\[0\]\.tier: must be one of free \(got "gold"\) \(UsagePlans\)/);
    });

    it("stops before creating anything when a configured ARN is in another account than the caller's, naming the key", async () => {
        const lambda = {
            ...JSON.parse(stackConfig("dev")["secure-api-platform:lambdaAuthorizer"]),
            functionArn: "arn:aws:lambda:us-east-1:999999999999:function:partner-token-authorizer-dev",
        };
        const error = await runProgram(platformProgram, { stack: "dev", config: stackConfig("dev", { lambdaAuthorizer: lambda }) }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(
            error.message,
            /secure-api-platform:lambdaAuthorizer\.functionArn: arn:aws:lambda:us-east-1:999999999999:function:partner-token-authorizer-dev is in account 999999999999, but this stack deploys into account 123456789012/,
        );
        assert.deepStrictEqual(
            error.resources.filter((r) => r.custom),
            [],
        );
    });

    it("with a real account, the stack files' example values stop the deploy, each named by its key", () => {
        for (const stack of ["dev", "prod"]) {
            const config = parsePlatformConfig(stackConfig(stack), `Pulumi.${stack}.yaml`);
            assert.deepStrictEqual(accountProblems(config, "123456789012"), [], `${stack} plans offline`);
            assert.deepStrictEqual(exampleValueProblems(config, "123456789012"), [], `${stack} plans offline`);
            const keys = [...accountProblems(config, "210987654321"), ...exampleValueProblems(config, "210987654321")].map((p) => p.split(": ")[0]);
            // prod names its own authorizer function; dev deploys the reference JWT authorizer for an example issuer.
            const authorizerKey = stack === "prod" ? "lambdaAuthorizer.functionArn" : "lambdaAuthorizer.reference.issuer";
            assert.ok(keys.includes(`secure-api-platform:${authorizerKey}`), keys.join(", "));
            if (stack === "dev") {
                assert.ok(keys.includes("secure-api-platform:cognito.identityProviders[0].issuer"), keys.join(", "));
            }
            assert.ok(keys.includes("secure-api-platform:routes[1].integration.uri"), keys.join(", "));
            if (stack === "prod") {
                for (const key of ["alarms.alarmTopicArns[0]", "domain.domainName", "domain.hostedZoneId"]) {
                    assert.ok(keys.includes(`secure-api-platform:${key}`), `prod: ${key} in ${keys.join(", ")}`);
                }
            }
        }
    });

    it("names a missing mTLS bundle file", async () => {
        const config = stackConfig("prod", { domain: { domainName: "api.example.com", hostedZoneId: "Z1", mtlsCaBundleFile: "stacks/certs/missing.pem" } });
        const error = await runProgram(platformProgram, { stack: "prod", config }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, /secure-api-platform:domain\.mtlsCaBundleFile: file stacks\/certs\/missing\.pem does not exist/);
    });

    it("a private stack from config: VPC endpoint outputs and no WAF", async () => {
        const config = stackConfig("dev", {
            exposure: "private",
            network: { allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.30.0.0/16" },
            cors: undefined,
            httpApis: undefined,
        });
        const plan = await runProgram(platformProgram, { stack: "dev", config });
        assert.match(String(plan.outputs.vpcEndpointId.value), /^vpce-/);
        assert.match(String(plan.outputs.vpcId.value), /^vpc-/);
        assert.strictEqual(plan.outputs.wafWebAclArn, undefined);
        assert.strictEqual(plan.outputs.exposure.value, "private");
    });
});
