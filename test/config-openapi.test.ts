/** Stack config `openApiApis`: accepted, refused naming the key and the file, nothing created on bad input. */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { platformProgram } from "../stacks/program";
import { ProgramError } from "../policy-pack/gate/runtime";
import { runProgram, stackConfig } from "./harness";

const ORDERS_V2 = { name: "orders-v2-dev", file: "stacks/openapi/orders-v2.yaml" };

function problemsOf(overrides: Record<string, unknown>): string[] {
    try {
        parsePlatformConfig(stackConfig("dev", overrides), "Pulumi.dev.yaml");
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    assert.fail("the config was accepted");
}

async function refused(overrides: Record<string, unknown>, message: RegExp, stack = "dev"): Promise<void> {
    const error = await runProgram(platformProgram, { stack, config: stackConfig(stack, overrides) }).then(
        () => undefined,
        (err: unknown) => err,
    );
    assert.ok(error instanceof ProgramError, String(error));
    assert.match(error.message, message);
    assert.deepStrictEqual(
        error.resources.filter((r) => r.custom).map((r) => r.name),
        [],
        "nothing is created",
    );
}

describe("stack config openApiApis", () => {
    it("the dev stack declares orders-v2 from the repository's file", () => {
        assert.deepStrictEqual(parsePlatformConfig(stackConfig("dev"), "Pulumi.dev.yaml").openApiApis, [ORDERS_V2]);
    });

    it("builds it beside the platform's API, behind the platform's WAF, and exports it under its name", async () => {
        const plan = await runProgram(platformProgram, { stack: "dev", config: stackConfig("dev") });
        const api = plan.one("aws:apigateway/restApi:RestApi", "orders-v2-dev");
        assert.strictEqual(api.props.name, "orders-v2-dev");
        assert.strictEqual(api.props.putRestApiMode, "overwrite");
        const stage = plan.one("aws:apigateway/stage:Stage", "orders-v2-dev-stage");
        const association = plan.one("aws:wafv2/webAclAssociation:WebAclAssociation", "orders-v2-dev-waf");
        assert.ok(association.propertyDependencies.resourceArn.includes(stage.urn));
        const outputs = plan.outputs.openApiApis.value as Record<string, Record<string, string>>;
        assert.deepStrictEqual(Object.keys(outputs), ["orders-v2-dev"]);
        assert.deepStrictEqual(Object.keys(outputs["orders-v2-dev"]).sort(), [
            "accessLogGroupName",
            "apiUrl",
            "executionArn",
            "invokeUrl",
            "restApiId",
            "stageName",
        ]);
        assert.strictEqual(outputs["orders-v2-dev"].accessLogGroupName, "/aws/apigateway/orders-v2-dev/dev/access");
    });

    it("refuses bad entries by schema, naming the key", () => {
        assert.deepStrictEqual(problemsOf({ openApiApis: [{ ...ORDERS_V2, file: "stacks/openapi/orders.txt" }] }), [
            'secure-api-platform:openApiApis[0].file: expected a .json, .yaml or .yml file, relative to the project, got "stacks/openapi/orders.txt"',
        ]);
        assert.match(
            problemsOf({ openApiApis: [{ ...ORDERS_V2, name: "bad/name" }] })[0],
            /^secure-api-platform:openApiApis\[0\]\.name: expected 1-128 letters/,
        );
        assert.match(
            problemsOf({ openApiApis: [{ ...ORDERS_V2, publicOperations: [{ resource: "health", reason: "probes" }] }] })[0],
            /^secure-api-platform:openApiApis\[0\]\.publicOperations\[0\]\.resource: expected an operation as "METHOD \/path"/,
        );
        assert.match(problemsOf({ openApiApis: [] })[0], /^secure-api-platform:openApiApis: /);
    });

    it("the program refuses a missing file, one outside the project, and one that is not YAML, naming the key and the file", async () => {
        await refused(
            { openApiApis: [{ ...ORDERS_V2, file: "stacks/openapi/missing.yaml" }] },
            /secure-api-platform:openApiApis\[0\]\.file: file stacks\/openapi\/missing\.yaml does not exist/,
        );
        await refused(
            { openApiApis: [{ ...ORDERS_V2, file: "../../etc/api.yaml" }] },
            /secure-api-platform:openApiApis\[0\]\.file: \.\.\/\.\.\/etc\/api\.yaml is outside the project/,
        );
        await refused(
            { openApiApis: [{ ...ORDERS_V2, file: "test/fixtures/openapi/broken.yaml" }] },
            /secure-api-platform:openApiApis\[0\]\.file: test\/fixtures\/openapi\/broken\.yaml is not JSON or YAML/,
        );
    });

    it("the program refuses a document the component refuses, naming the key, the file and the operation's pointer", async () => {
        await refused(
            { openApiApis: [ORDERS_V2, { name: "anon", file: "test/fixtures/openapi/anonymous.yaml" }] },
            /secure-api-platform:openApiApis\[1\]: test\/fixtures\/openapi\/anonymous\.yaml#\/paths\/~1orders\/get has no security requirement naming a platform authorizer/,
        );
        await refused(
            {
                openApiApis: [ORDERS_V2],
                lambdaAuthorizer: undefined,
                routes: JSON.parse(stackConfig("dev")["secure-api-platform:routes"]).filter((r: { auth: string }) => r.auth !== "lambda"),
            },
            /secure-api-platform:openApiApis\[0\]: stacks\/openapi\/orders-v2\.yaml#\/paths\/~1v2~1orders\/get\/security\/0 names the lambda scheme, but the API has no such authorizer \(available: cognito, sigv4\)/,
        );
        await refused({ openApiApis: [ORDERS_V2, ORDERS_V2] }, /secure-api-platform:openApiApis\[1\]\.name: duplicates "orders-v2-dev"/);
    });
});
