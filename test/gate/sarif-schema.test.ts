/**
 * SARIF the gate writes validates against the SARIF 2.1.0 JSON schema (the
 * OASIS schema as @microsoft/jest-sarif ships it), for findings at source lines,
 * waived findings (suppressions), a policy config that changes levels (rule
 * configuration overrides) and an invocation warning.
 */
import * as assert from "assert";
import * as fs from "fs";
import Ajv from "ajv";
import { fixture, planHere, tmp } from "../support/cli";

const SCHEMA = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const DRAFT_04 = require.resolve("ajv/lib/refs/json-schema-draft-04.json");

interface Override {
    descriptor: { id: string; index: number };
    configuration: { level?: string; enabled?: boolean };
}

function validator(): (log: unknown) => string[] {
    const ajv = new Ajv({ schemaId: "auto", allErrors: true });
    ajv.addMetaSchema(JSON.parse(fs.readFileSync(DRAFT_04, "utf8")) as object);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")) as object);
    return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`));
}

const sarifOf = async (...args: string[]) => {
    const r = await planHere(...args, "--sarif");
    return { code: r.code, log: JSON.parse(r.stdout) as { runs: { results: unknown[]; invocations: { ruleConfigurationOverrides: Override[] }[] }[] } };
};

describe("gate: SARIF validates against the 2.1.0 schema", function () {
    this.timeout(120_000);
    const errorsOf = validator();

    it("the schema check itself rejects a log that breaks it", () => {
        assert.notDeepStrictEqual(errorsOf({ version: "2.1.0", runs: [{ tool: { driver: {} }, results: [{ level: "fatal" }] }] }), []);
    });

    it("an insecure program: every result located at its source line", async () => {
        const { code, log } = await sarifOf("--program", fixture("open-api"), "--mode", "update");
        assert.strictEqual(code, 1);
        assert.ok(log.runs[0].results.length > 5);
        assert.deepStrictEqual(errorsOf(log), []);
    });

    it("waivers, level changes and disabled rules from a policy config", async () => {
        const config = tmp("policy.json");
        fs.writeFileSync(
            config,
            JSON.stringify({
                "apigw-method-requires-authorization": {
                    enforcementLevel: "advisory",
                    waivers: [{ resource: "probe-get-health", reason: "probes call it anonymously; static MOCK body", expires: "2099-12-31" }],
                },
                "apigw-stage-xray-tracing": "disabled",
                "log-group-kms-encryption": "mandatory",
            }),
        );
        const { log } = await sarifOf("--program", "test/fixtures/waivers/open-health", "--policy-config", config);
        assert.deepStrictEqual(errorsOf(log), []);
        const overrides = log.runs[0].invocations[0].ruleConfigurationOverrides.map((o) => [o.descriptor.id, o.configuration]);
        assert.deepStrictEqual(
            Object.fromEntries(overrides),
            {
                "apigw-method-requires-authorization": { level: "warning" },
                "apigw-stage-xray-tracing": { enabled: false },
            },
            "log-group-kms-encryption is mandatory already: no override",
        );
    });
});
