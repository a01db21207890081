/** No report prints a secret: Pulumi secrets and credential-looking values are replaced in findings, inputs and outputs, in every format. */
import * as assert from "assert";
import { KNOWN_AFTER_DEPLOYMENT, redact, redactMessage, secretStrings, shown } from "../../policy-pack/gate/redact";
import { UNKNOWN } from "../../policy-pack/gate/mocks";
import { errorMessage } from "../../policy-pack/gate/plan";
import { fixture, planHere } from "../support/cli";

const PROGRAM = fixture("quoted-secrets");
const SECRETS = [/orders-internal\.corp\.example/, /Tr0ub4dor-and-3/, /ghp_A1b2C3d4/, /plaintext-but-marked-secret-value/];

describe("gate: redaction", function () {
    it("secretStrings collects every string under a secret path, and nothing else", () => {
        const props = { uri: "http://a.example/x", nested: { list: ["one", { deep: "two" }], plain: "three" }, n: 4 };
        assert.deepStrictEqual(secretStrings(props, ["nested.list"]), ["one", "two"]);
        assert.deepStrictEqual(secretStrings(props, ["uri", "nested.list[1].deep"]), ["http://a.example/x", "two"]);
        assert.deepStrictEqual(secretStrings("whole", ["(value)"]), ["whole"]);
        assert.deepStrictEqual(secretStrings(props, []), []);
        assert.deepStrictEqual(secretStrings({ empty: "", unknown: UNKNOWN }, ["empty", "unknown"]), []);
    });

    it("redactMessage replaces each secret (a longer one whole) and each credential-looking substring", () => {
        assert.strictEqual(redactMessage('uri "http://a.example/x" and a.example', ["a.example", "http://a.example/x"]), 'uri "[secret]" and [secret]');
        assert.strictEqual(redactMessage("key AKIAABCDEFGHIJKLMNOP and AKIAQRSTUVWXYZ234567 here", []), "key [secret] and [secret] here");
        assert.strictEqual(redactMessage("uri https://user:pw-123@host.example/x", []), "uri [secret]host.example/x");
        assert.strictEqual(redactMessage("nothing to hide", ["absent"]), "nothing to hide");
    });

    it("redact and shown: secrets and credentials replaced at any depth; shown also names unknowns", () => {
        const value = { a: ["ok", "AKIAABCDEFGHIJKLMNOP"], b: { c: "s3cr3t" }, d: UNKNOWN, e: 5 };
        assert.deepStrictEqual(redact(value, ["b"]), { a: ["ok", "[secret]"], b: "[secret]", d: UNKNOWN, e: 5 });
        assert.deepStrictEqual(shown(value, ["b.c"]), { a: ["ok", "[secret]"], b: { c: "[secret]" }, d: KNOWN_AFTER_DEPLOYMENT, e: 5 });
        assert.strictEqual(shown("whole", ["(value)"]), "[secret]");
    });

    this.timeout(120_000);

    it("findings that quote a secret or a URL's password print neither, in text, JSON and SARIF", async () => {
        for (const mode of ["preview", "update"]) {
            const text = await planHere("--program", PROGRAM, "--mode", mode);
            assert.strictEqual(text.code, 1, text.stderr);
            // The finding is still there and still names the property: only the value is hidden.
            assert.match(text.stdout, /\[apigw-integration-https\] aws:apigateway\/integration:Integration "secret-uri".*uri "\[secret\]"/);
            assert.match(
                text.stdout,
                /\[apigw-integration-https\] aws:apigateway\/integration:Integration "password-uri".*uri "\[secret\]billing\.corp\.example\/v1"/,
            );
            const reports = [text.stdout + text.stderr];
            for (const format of mode === "preview" ? ["--json", "--sarif"] : ["--json"]) {
                const out = await planHere("--program", PROGRAM, "--mode", mode, format);
                reports.push(out.stdout);
                if (mode === "update") {
                    const json = JSON.parse(out.stdout);
                    assert.deepStrictEqual(json.outputs.token, { value: "[secret]", secret: false, known: true });
                    assert.deepStrictEqual(json.outputs.apiKey, { value: "[secret]", secret: true, known: true });
                }
            }
            for (const [i, report] of reports.entries()) {
                for (const secret of SECRETS) {
                    assert.doesNotMatch(report, secret, `${mode} report ${i}`);
                }
            }
        }
    });

    it("an error message never prints a credential", () => {
        assert.strictEqual(
            errorMessage(new Error("connect to https://admin:hunter2-long@db.example failed")),
            "error: the program failed: connect to [secret]db.example failed",
        );
    });
});
