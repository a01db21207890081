/**
 * Stack config that would weaken the platform silently is refused, naming the
 * key: misspelt namespaces, routes API Gateway rejects at deploy, references
 * to scopes and routes that do not exist, bundles that are not certificates or
 * not the project's, and YAML that expands without bound. Strings stay strings.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { readStackConfig, StackFileError } from "../policy-pack/gate/stack-files";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { didYouMean, editDistance } from "../stacks/config-source";
import { ProgramError } from "../policy-pack/gate/runtime";
import { platformProgram } from "../stacks/program";
import { ROOT, runProgram, stackConfig } from "./harness";

const problems = (overrides: Record<string, unknown>, stack = "dev"): string[] => {
    try {
        parsePlatformConfig(stackConfig(stack, overrides), `Pulumi.${stack}.yaml`);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    return assert.fail("the config was accepted");
};

/** The program's error for a config, after asserting nothing was created. */
async function programError(overrides: Record<string, unknown>, stack = "dev"): Promise<string> {
    try {
        await runProgram(platformProgram, { stack, config: stackConfig(stack, overrides) });
    } catch (err) {
        assert.ok(err instanceof ProgramError, String(err));
        assert.deepStrictEqual(
            err.resources.filter((r) => r.custom).map((r) => r.name),
            [],
            "nothing may be created",
        );
        return err.message;
    }
    return assert.fail("the program ran");
}

const ROUTE = { method: "GET", auth: "iam", integration: { kind: "mock", responseBody: {} } };

describe("stack config strictness", () => {
    it("a key in a misspelt namespace is an error with a did-you-mean, not silently dropped", () => {
        assert.deepStrictEqual(problems({ "secure-api-platfrom:waf": { rateLimit: 100 } }), [
            'secure-api-platfrom:waf: unknown namespace "secure-api-platfrom"; did you mean secure-api-platform:waf? (allowed: secure-api-platform and the providers aws, awsx, pulumi, aws-apigateway, random, tls)',
        ]);
        assert.match(problems({ "ws:region": "eu-west-1" })[0], /^ws:region: unknown namespace "ws"; did you mean aws:region\?/);
        assert.match(
            problems({ wafs: { rateLimit: 100 } })[0],
            /^secure-api-platform:wafs: unknown key; allowed keys: .*; did you mean secure-api-platform:waf\?$/,
        );
        assert.strictEqual(editDistance("platfrom", "platform"), 2);
        assert.strictEqual(didYouMean("zzzzzz", ["aws", "pulumi"]), undefined);
    });

    it("takes strings as written: quoted values that look like JSON stay strings", () => {
        const config = parsePlatformConfig(stackConfig("dev", { description: "2024", apiName: "null" }), "Pulumi.dev.yaml");
        assert.strictEqual(config.description, "2024");
        assert.strictEqual(config.apiName, "null");
    });

    it("refuses routes API Gateway rejects at deploy: sibling variable segments, children of a greedy segment", async () => {
        const sibling = await programError({
            routes: [
                { ...ROUTE, path: "/orders/{id}" },
                { ...ROUTE, path: "/orders/{orderId}/items" },
            ],
        });
        assert.match(
            sibling,
            /secure-api-platform:routes\[1\]\.path: "\/orders\/\{orderId\}\/items" has \{orderId\} where another route has \{id\} under "\/orders"; API Gateway allows one variable segment per parent/,
        );
        const greedy = await programError({ routes: [{ ...ROUTE, path: "/files/{proxy+}/meta" }] });
        assert.match(greedy, /secure-api-platform:routes\[0\]\.path: "\/files\/\{proxy\+\}\/meta" has segments below the greedy \{proxy\+\}/);
    });

    it("refuses route scopes the user pool does not define, and method throttles for routes that do not exist", async () => {
        const dev = (key: string) => JSON.parse(stackConfig("dev")[`secure-api-platform:${key}`]);
        const routes = dev("routes").map((r: { path: string; method: string; scopes?: string[] }) =>
            r.path === "/orders" && r.method === "GET" ? { ...r, scopes: ["orders.delete"] } : r,
        );
        assert.match(
            await programError({ routes }),
            /secure-api-platform:routes\[1\]\.scopes\[0\]: is "orders\.delete", which the user pool does not define \(cognito\.scopes: orders\.read, orders\.write\)/,
        );
        const usagePlans = { ...dev("usagePlans"), methodThrottles: [{ path: "/nowhere", method: "GET", rateLimit: 1, burstLimit: 1 }] };
        assert.match(
            await programError({ usagePlans }),
            /secure-api-platform:usagePlans\.methodThrottles\[0\]: names GET \/nowhere, which is not a route of the API/,
        );
    });

    it("requires Cognito routes in the form tokens carry (<identifier>/<scope>)", async () => {
        const plan = await runProgram(platformProgram, { stack: "dev", config: stackConfig("dev") });
        const method = plan.props("aws:apigateway/method:Method", "orders-dev-get-orders");
        assert.deepStrictEqual(method.authorizationScopes, ["https://api.dev.example.com/orders.read"]);
    });

    it("reads the mTLS bundle only from the project, and only if every block is an X.509 certificate", async () => {
        const domain = JSON.parse(stackConfig("prod")["secure-api-platform:domain"]);
        const outside = await programError({ domain: { ...domain, mtlsCaBundleFile: "../outside.pem" } }, "prod");
        assert.match(outside, /secure-api-platform:domain\.mtlsCaBundleFile: must be a path inside the project/);
        const fake = path.join(ROOT, "test", "fixtures", "configs", "not-a-certificate.pem");
        const bad = await programError({ domain: { ...domain, mtlsCaBundleFile: path.relative(ROOT, fake) } }, "prod");
        assert.match(bad, /secure-api-platform:domain\.mtlsCaBundleFile: .*certificate 1 of 1 is not a valid X\.509 certificate/);
    });

    it("refuses YAML whose aliases expand without bound, naming file and key", () => {
        const file = path.join(ROOT, "test", "fixtures", "configs", "Pulumi.aliasbomb.yaml");
        assert.throws(
            () => readStackConfig(file, "secure-api-platform"),
            (err: Error) =>
                err instanceof StackFileError && /Pulumi\.aliasbomb\.yaml: secure-api-platform:tags expands to more than 100000 values/.test(err.message),
        );
        assert.ok(fs.statSync(file).size < 2000, "the bomb itself is tiny");
    });
});
