/** Coverage honesty: the report says which rules inspected each resource and what no rule inspected, and never passes an uninspected API surface. */
import * as assert from "assert";
import { coverageOf } from "../../policy-pack/gate/coverage";
import { ruleCatalog } from "../../policy-pack/rules";
import { fixture, planHere } from "../support/cli";

const OPAQUE = "test/fixtures/coverage/opaque";

const resource = (type: string, name: string, custom = true) => ({
    urn: `urn:pulumi:s::p::${type}::${name}`,
    type,
    name,
    custom,
    read: false,
    props: {},
    dependencies: [],
    propertyDependencies: {},
    secretPaths: [],
});

describe("gate: coverage", function () {
    it("an API surface or opaque component no rule inspects is listed; a rule declaring * inspects opaque components", () => {
        const resources = [resource("aws:apigatewayv2/route:Route", "r"), resource("aws:s3/bucket:Bucket", "b"), resource("acme:index:Api", "c", false)];
        const none = coverageOf(resources, []);
        assert.deepStrictEqual(
            none.uninspectedSurfaces.map((s) => s.name),
            ["r", "c"],
        );
        assert.deepStrictEqual(none.uninspectedTypes, [
            { type: "aws:apigatewayv2/route:Route", count: 1 },
            { type: "aws:s3/bucket:Bucket", count: 1 },
        ]);
        const catalog = ruleCatalog();
        const all = coverageOf(resources, catalog);
        assert.deepStrictEqual(all.uninspectedSurfaces, []);
        assert.ok(all.inspectedBy.get(resources[2].urn)!.includes("remote-component-unverified"));
    });

    this.timeout(120_000);

    it("a component the gate cannot see inside fails the plan as not verified, in every format", async () => {
        const text = await planHere("--program", OPAQUE);
        assert.strictEqual(text.code, 1, text.stderr);
        // The pack's own rule for such components reports it too, so the verdict is a failure either way.
        assert.match(text.stdout, /\[remote-component-unverified\] acme:index:PaymentsApi "payments"/);
        assert.match(text.stdout, /1 mandatory and 0 advisory policy violations — the plan FAILS policy\.$/m);
        assert.doesNotMatch(text.stdout, /passes policy/);
        const json = JSON.parse((await planHere("--program", OPAQUE, "--json")).stdout);
        assert.deepStrictEqual(json.coverage.uninspectedApiSurfaces, []);
        assert.deepStrictEqual(json.coverage.uninspectedTypes, [{ type: "aws:ssm/parameter:Parameter", count: 1 }]);
        const sarif = JSON.parse((await planHere("--program", OPAQUE, "--sarif")).stdout);
        assert.strictEqual(sarif.runs[0].results[0].ruleId, "remote-component-unverified");
    });

    it("the JSON report lists each resource's inspecting rules and plain inputs, secrets and credentials redacted", async () => {
        const json = JSON.parse((await planHere("--program", OPAQUE, "--json")).stdout);
        const param = json.resources.find((r: { type: string }) => r.type === "aws:ssm/parameter:Parameter");
        assert.deepStrictEqual(param.inputs, { type: "SecureString", value: "[secret]", description: "[secret]" });
        assert.deepStrictEqual(param.inspectedBy, []);
        const open = JSON.parse((await planHere("--program", fixture("open-api"), "--json")).stdout);
        const method = open.resources.find((r: { type: string }) => r.type === "aws:apigateway/method:Method");
        assert.ok(method.inspectedBy.includes("apigw-method-requires-authorization"), method.inspectedBy.join(", "));
        assert.strictEqual(method.inputs.authorization, "NONE");
        // At a first preview the API's id is not known yet: the report says so instead of printing the engine's sentinel.
        assert.strictEqual(method.inputs.restApi, "(known after deployment)");
        assert.doesNotMatch(JSON.stringify(open), /04da6b54-80e4-46f7-96ec-b56ff0331ba9/);
        const updated = JSON.parse((await planHere("--program", fixture("open-api"), "--json", "--mode", "update")).stdout);
        assert.match(updated.resources.find((r: { type: string }) => r.type === "aws:apigateway/method:Method").inputs.restApi, /^[0-9a-z]+$/);
        assert.doesNotMatch(JSON.stringify(json), /hunter2|AKIAABCDEFGHIJKLMNOP/);
    });

    it("the platform's stacks have every API surface inspected", async () => {
        for (const stack of ["dev", "prod"]) {
            const json = JSON.parse((await planHere("--stack", stack, "--json")).stdout);
            assert.deepStrictEqual(json.coverage.uninspectedApiSurfaces, [], stack);
        }
    });
});
