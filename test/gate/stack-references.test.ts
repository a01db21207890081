/**
 * App-team programs that read other stacks through StackReference are gated
 * offline: outputs come from `--stack-outputs` files or, for this project's own
 * stacks, from planning them first; missing outputs are unknown at a first
 * preview and an error on update; secrets stay secret.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { planHere, tmp } from "../support/cli";

const APP = path.join("test", "fixtures", "refs", "app");
const NETWORK = "other-org/network/prod=" + path.join("test", "fixtures", "refs", "network-prod.json");

describe("gate: stack references", function () {
    this.timeout(180_000);

    it("reads outputs from a `pulumi stack output --json` file in every way the SDK offers, secrets kept secret (preview)", async () => {
        const r = await planHere("--program", APP, "--stack-outputs", NETWORK, "--json");
        assert.strictEqual(r.code, 0, r.stderr);
        const report = JSON.parse(r.stdout);
        assert.deepStrictEqual(report.stackReferences, [{ stack: "other-org/network/prod", source: "test/fixtures/refs/network-prod.json" }]);
        assert.deepStrictEqual(report.outputs.vpcId, { value: "vpc-0abc1234", secret: false, known: true });
        // A credential-named output stays secret even though the file shows it, through getOutput and getOutputDetails.
        assert.deepStrictEqual(report.outputs.password, { value: "[secret]", secret: true, known: true });
        assert.strictEqual(report.outputs.passwordIsSecret.value, true);
        assert.strictEqual(report.outputs.all.secret, true, "the whole outputs map holds secrets");
        // An output the file does not have is unknown at a first preview, as the engine sends it.
        assert.deepStrictEqual(report.outputs.optional, { value: "(known after deployment)", secret: false, known: false });
        assert.doesNotMatch(r.stdout, /correct-horse-battery-staple/, "no secret value in the report");
        // requireOutput fed the log group's key: it is checked like any other input.
        assert.deepStrictEqual(report.violations, []);
    });

    it("on update, getOutput of an output the stack does not have is undefined, requireOutput an error naming it and its source", async () => {
        const r = await planHere("--program", APP, "--stack-outputs", NETWORK, "--mode", "update", "--json");
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(JSON.parse(r.stdout).outputs.optional, { secret: false, known: true }, "getOutput of a missing output is undefined");
        const strict = path.join("test", "fixtures", "refs", "strict");
        const failed = await planHere("--program", strict, "--stack-outputs", NETWORK, "--mode", "update");
        assert.strictEqual(failed.code, 2);
        assert.match(
            failed.stderr,
            /stack reference "other-org\/network\/prod" has no output "subnetIds" in test\/fixtures\/refs\/network-prod\.json; requireOutput needs every output it names to exist/,
        );
        // At a first preview the file may simply predate the output: unknown, and the run goes on.
        assert.strictEqual((await planHere("--program", strict, "--stack-outputs", NETWORK)).code, 0);
    });

    it("a referenced stack nobody supplies is an error naming the stack and both remedies", async () => {
        const r = await planHere("--program", APP);
        assert.strictEqual(r.code, 2);
        assert.match(
            r.stderr,
            /^error: no outputs are known for stack reference "other-org\/network\/prod"; pass --stack-outputs other-org\/network\/prod=FILE with FILE written by `pulumi stack output --json --show-secrets` in that stack; or reference one of this project's own stacks \(<org>\/secure-api-platform\/dev, <org>\/secure-api-platform\/prod\), which the gate plans offline itself$/m,
        );
    });

    it("rejects malformed --stack-outputs arguments and files", async () => {
        assert.match(
            (await planHere("--program", APP, "--stack-outputs", "network.json")).stderr,
            /--stack-outputs expects ORG\/PROJECT\/STACK=FILE \(got "network\.json"\)/,
        );
        assert.match((await planHere("--program", APP, "--stack-outputs", "a/b/c=missing.json")).stderr, /--stack-outputs a\/b\/c=missing\.json: no such file/);
        const bad = tmp("outputs.json");
        fs.writeFileSync(bad, "[1]");
        assert.match((await planHere("--program", APP, "--stack-outputs", `a/b/c=${bad}`)).stderr, /expected a JSON object of output names to values/);
    });

    it("computes this project's own stack by planning it first (as deployed, in either mode), and says so", async () => {
        for (const mode of ["preview", "update"]) {
            const r = await planHere(
                "--program",
                "stacks/consumer",
                "--config",
                "stacks/consumer/Pulumi.dev.yaml",
                "--policy-config",
                "policy-pack/config/dev.json",
                "--mode",
                mode,
            );
            assert.notStrictEqual(r.code, 2, r.stderr);
            assert.match(
                r.stdout,
                /^Stack reference acme\/secure-api-platform\/dev: outputs computed by planning stack dev of this project offline, as deployed$/m,
            );
            assert.match(r.stdout, new RegExp(`^Mode: ${mode}`, "m"));
        }
    });

    it("the consumer passes against dev's outputs, and a copy with an anonymous route is rejected", async () => {
        const consumer = await planHere(
            "--program",
            "stacks/consumer",
            "--config",
            "stacks/consumer/Pulumi.dev.yaml",
            "--policy-config",
            "policy-pack/config/dev.json",
            "--json",
        );
        assert.strictEqual(consumer.code, 0, consumer.stdout + consumer.stderr);
        assert.deepStrictEqual(JSON.parse(consumer.stdout).summary.mandatory, 0);
        const anonymous = await planHere(
            "--program",
            path.join("test", "fixtures", "refs", "anonymous-consumer"),
            "--policy-config",
            "policy-pack/config/dev.json",
            "--json",
        );
        assert.strictEqual(anonymous.code, 1, anonymous.stderr);
        const found = JSON.parse(anonymous.stdout).violations.filter((v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory");
        assert.deepStrictEqual(
            found.map((v: { policyName: string; resourceName: string }) => [v.policyName, v.resourceName]),
            [["apigw-method-requires-authorization", "debug-get"]],
        );
    });

    it("--outputs-json writes the plan's outputs as `pulumi stack output --json` does: secrets hidden, unknowns left out", async () => {
        const update = tmp("dev-outputs.json");
        assert.strictEqual((await planHere("--stack", "dev", "--mode", "update", "--outputs-json", update)).code, 0);
        const written = JSON.parse(fs.readFileSync(update, "utf8"));
        assert.strictEqual(written.apiKeyValues, "[secret]");
        assert.strictEqual(written.userPoolClientSecrets, "[secret]");
        assert.match(written.restApiId, /^[a-z0-9]+$/);
        const preview = tmp("dev-preview-outputs.json");
        await planHere("--stack", "dev", "--outputs-json", preview);
        const unknownLeftOut = JSON.parse(fs.readFileSync(preview, "utf8"));
        assert.strictEqual(unknownLeftOut.restApiId, undefined);
        assert.strictEqual(unknownLeftOut.environment, "dev");
    });
});
