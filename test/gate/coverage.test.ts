/** Coverage honesty: the report says which rules inspected each resource and what no rule inspected, and never passes an uninspected API surface. */
import * as assert from "assert";
import { fixture, planHere } from "../support/cli";

const OPAQUE = "test/fixtures/coverage/opaque";

describe("gate: coverage", function () {
    this.timeout(120_000);

    it("a component the gate cannot see inside is an uninspected API surface: the plan fails and says why, in every format", async () => {
        const text = await planHere("--program", OPAQUE);
        assert.strictEqual(text.code, 1, text.stderr);
        assert.match(text.stdout, /^API surfaces no rule inspected \(the gate cannot vouch for them\): 1$/m);
        assert.match(text.stdout, /^ {2}acme:index:PaymentsApi "payments"$/m);
        assert.match(text.stdout, /0 mandatory and 0 advisory policy violations — the plan FAILS: 1 API surfaces were not inspected by any rule\.$/m);
        assert.doesNotMatch(text.stdout, /passes policy/);
        const json = JSON.parse((await planHere("--program", OPAQUE, "--json")).stdout);
        assert.deepStrictEqual(json.coverage.uninspectedApiSurfaces.map((s: { type: string }) => s.type), ["acme:index:PaymentsApi"]);
        assert.deepStrictEqual(json.coverage.uninspectedTypes, [{ type: "aws:ssm/parameter:Parameter", count: 1 }]);
        const sarif = JSON.parse((await planHere("--program", OPAQUE, "--sarif")).stdout);
        assert.strictEqual(sarif.runs[0].properties.uninspectedApiSurfaces.length, 1);
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
        assert.doesNotMatch(JSON.stringify(json), /hunter2|AKIAABCDEFGHIJKLMNOP/);
    });

    it("the platform's stacks have every API surface inspected", async () => {
        for (const stack of ["dev", "prod"]) {
            const json = JSON.parse((await planHere("--stack", stack, "--json")).stdout);
            assert.deepStrictEqual(json.coverage.uninspectedApiSurfaces, [], stack);
        }
    });
});
