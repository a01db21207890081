import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { API_KEY_VALUE } from "../../../policy-pack/baseline";
import { apigwApiKeyGenerated, apiKeyGeneratedConfig } from "../../../policy-pack/rules/apigateway/apigw-api-key-generated";
import { assertAgreement, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-api-key-generated";
const IMPORTED = { [RULE]: { allowImportedKeys: true } };

const apiKey = (name: string, value?: pulumi.Input<string>) =>
    new aws.apigateway.ApiKey(name, { description: "client", enabled: true, ...(value !== undefined ? { value } : {}) });
const program = (value?: pulumi.Input<string>) => () => {
    apiKey("key", value);
};
const keyOf = (length: number) => "k".repeat(length);

describe(RULE, () => {
    it("pins the defaults to the baseline (imports refused; 40 characters when allowed)", () => {
        assert.strictEqual(apiKeyGeneratedConfig.defaults.allowImportedKeys, false);
        assert.strictEqual(apiKeyGeneratedConfig.defaults.minimumLength, API_KEY_VALUE.defaultMinimumLength);
        assert.strictEqual(apigwApiKeyGenerated.configSchema?.properties.minimumLength.default, 40);
        assert.strictEqual(apigwApiKeyGenerated.configSchema?.properties.minimumLength.minimum, 20);
        assert.strictEqual(apigwApiKeyGenerated.configSchema?.properties.minimumLength.maximum, 128);
    });

    it("passes the compliant baseline (value left to API Gateway), also an empty value", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
        assertNoFindings(await ruleFindings(RULE, program("")));
    });

    it("rejects a value set in the program, without printing it", async () => {
        const value = keyOf(60);
        const found = await ruleFindings(RULE, program(value));
        assertFindings(found, RULE, "mandatory", [{ resource: "key", message: [/sets value in the program/, /Remove value/] }]);
        assert.ok(!found[0].message.includes(value.slice(0, 8)));
    });

    it("rejects a Pulumi secret value and one built from another resource's output (set, even unknown at preview)", async () => {
        assertFindings(await ruleFindings(RULE, program(pulumi.secret(keyOf(60)))), RULE, "mandatory", [{ resource: "key", message: [/sets value/] }]);
        assertFindings(
            await ruleFindings(RULE, () => {
                apiKey("key", new aws.kms.Key("k", {}).arn);
            }),
            RULE,
            "mandatory",
            [{ resource: "key", message: [/sets value/] }],
        );
    });

    it("judges every key of the stack", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                apiKey("a", keyOf(40));
                apiKey("b", keyOf(50));
                apiKey("c");
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/sets value/] },
                { resource: "b", message: [/sets value/] },
            ],
        );
    });

    it("with allowImportedKeys, accepts exactly the default minimum (40) and rejects 39", async () => {
        assertNoFindings(await ruleFindings(RULE, program(keyOf(40)), { config: IMPORTED }));
        assertNoFindings(await ruleFindings(RULE, program(keyOf(128)), { config: IMPORTED }));
        const found = await ruleFindings(RULE, program(keyOf(39)), { config: IMPORTED });
        assertFindings(found, RULE, "mandatory", [{ resource: "key", message: [/value of 39 characters, shorter than the required 40/, /at least 40/] }]);
        assert.ok(!found[0].message.includes(keyOf(8)));
    });

    it("a configured minimum changes the verdict at its boundary (20 passes, 19 fails)", async () => {
        const config = { [RULE]: { allowImportedKeys: true, minimumLength: 20 } };
        assertNoFindings(await ruleFindings(RULE, program(keyOf(20)), { config }));
        assertFindings(await ruleFindings(RULE, program(keyOf(19)), { config }), RULE, "mandatory", [
            { resource: "key", message: [/19 characters, shorter than the required 20/] },
        ]);
    });

    it("with allowImportedKeys, a value built from another resource's output cannot be verified at preview", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                apiKey(
                    "key",
                    new aws.kms.Key("k", {}).arn.apply((a) => a.padEnd(40, "x")),
                );
            },
            { config: IMPORTED },
        );
        assertFindings(found.update, RULE, "mandatory", []);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "key", message: [/cannot be verified at preview/, /value is unknown/, /at least 40 characters/] },
        ]);
        assert.throws(() => assertAgreement(RULE, found), /preview and update verdicts differ/);
    });
});
