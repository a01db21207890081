/** Stack config validation: each bad input gives an error naming the key, what is allowed and the file, and nothing is created. */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
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
        ["a misspelt key", { corss: { allowedOrigins: ["https://a.example.com"] } }, /^secure-api-platform:corss: unknown key; allowed keys: environment, apiName/],
        ["a misspelt nested key", { throttle: { rateLimit: 5, burst: 10 } }, /^secure-api-platform:throttle\.burst: unknown key; allowed keys: rateLimit, burstLimit$/],
        ["a string where a number belongs", { throttle: { rateLimit: "fast", burstLimit: 10 } }, /^secure-api-platform:throttle\.rateLimit: expected a number >= 0\.001 and <= 10000, got "fast"$/],
        ["a bad route method", { routes: [{ path: "/a", method: "FETCH", auth: "iam", integration: { kind: "mock", responseBody: {} } }] }, /^secure-api-platform:routes\[0\]\.method: expected one of GET, POST, PUT, PATCH, DELETE, HEAD, ANY, got "FETCH"$/],
        ["an unknown integration kind", { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "sqs" } }] }, /^secure-api-platform:routes\[0\]\.integration\.kind: expected one of mock, http, lambda, got "sqs"$/],
        ["an http backend URL", { routes: [{ path: "/a", method: "GET", auth: "iam", integration: { kind: "http", uri: "http://x" } }] }, /routes\[0\]\.integration\.uri: expected an https:\/\/ URL/],
        ["a private API without network", { exposure: "private" }, /^secure-api-platform:network: is required when exposure is private/],
        ["a network on a public API", { network: { allowedCidrs: ["10.0.0.0/8"] } }, /^secure-api-platform:network: only applies when exposure is private/],
        ["an authorizer TTL above 3600", { lambdaAuthorizer: { functionArn: "arn:aws:lambda:us-east-1:1:function:f", type: "TOKEN", resultTtlSeconds: 7200 } }, /lambdaAuthorizer\.resultTtlSeconds: expected an integer from 0 to 3600, got 7200/],
        ["a quota period out of the allowed set", { usagePlans: { tiers: { free: { rateLimit: 1, burstLimit: 1, quotaLimit: 1, quotaPeriod: "YEAR" } }, clients: [] } }, /usagePlans\.tiers\.free\.quotaPeriod: expected one of DAY, WEEK, MONTH, got "YEAR"/],
        ["no region", { "aws:region": undefined }, /^aws:region: is required/],
        ["wildcard CORS in prod", { environment: "prod", cors: { allowedOrigins: ["*"], allowWildcard: true } }, /cors\.allowWildcard: must not be true in prod/],
    ];
    for (const [what, overrides, message] of cases) {
        it(`rejects ${what}`, () => {
            const problems = problemsOf("dev", overrides);
            assert.ok(problems.some((p) => message.test(p)), `expected a problem matching ${message}, got:\n${problems.join("\n")}`);
        });
    }

    it("reports every problem at once", () => {
        const problems = problemsOf("dev", { environment: "qa", throttle: { rateLimit: -1, burstLimit: 1.5 } });
        assert.strictEqual(problems.length, 3);
    });

    it("the stack program rejects bad config before creating anything, naming the key and the file", async () => {
        const bad = stackConfig("prod", { cognito: { ...JSON.parse(stackConfig("prod")["secure-api-platform:cognito"]), mfa: "OPTIONAL" } });
        const error = await runProgram(platformProgram, { stack: "prod", config: bad }).then(() => undefined, (err: unknown) => err);
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, /invalid stack config in Pulumi\.prod\.yaml:\n  - CognitoUserPool: mfa must be ON in prod/);
        assert.deepStrictEqual(error.resources.filter((r) => r.custom), []);
    });

    it("names a missing mTLS bundle file", async () => {
        const config = stackConfig("prod", { domain: { domainName: "api.example.com", hostedZoneId: "Z1", mtlsCaBundleFile: "stacks/certs/missing.pem" } });
        const error = await runProgram(platformProgram, { stack: "prod", config }).then(() => undefined, (err: unknown) => err);
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, /secure-api-platform:domain\.mtlsCaBundleFile: file stacks\/certs\/missing\.pem does not exist/);
    });

    it("a private stack from config: VPC endpoint outputs and no WAF", async () => {
        const config = stackConfig("dev", { exposure: "private", network: { allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.30.0.0/16" }, cors: undefined });
        const plan = await runProgram(platformProgram, { stack: "dev", config });
        assert.match(String(plan.outputs.vpcEndpointId.value), /^vpce-/);
        assert.match(String(plan.outputs.vpcId.value), /^vpc-/);
        assert.strictEqual(plan.outputs.wafWebAclArn, undefined);
        assert.strictEqual(plan.outputs.exposure.value, "private");
    });
});
