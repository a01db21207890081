/**
 * lib/secrets, literally: where each credential format may start and end (its boundaries), which values the formats
 * redact (every occurrence, whole), the AWS secret access key test (exactly 40 base64 characters next to an access
 * key id), PRIVATEKEY as a secret name, a reference name only as the name's last word, and the exact shape of each
 * reference or setting a secret-named variable may hold.
 */
import * as assert from "assert";
import { UNKNOWN } from "../../../policy-pack/rules/lib/known";
import {
    credentialFormat,
    isReferenceOrSetting,
    plaintextSecrets,
    REDACTED,
    redactCredentials,
    SECRET_NAME,
    undecidedSecretNames,
} from "../../../policy-pack/rules/lib/secrets";
import { SECRET_ACCESS_KEY } from "../secret-samples";

// Fake credentials, built by concatenation so that no file holds a whole token.
const KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
const OTHER_KEY_ID = "AKIA" + "QRSTUVWXYZ234567";
const GITHUB = "ghp_" + "a".repeat(36);
const GOOGLE = "AIza" + "SyA-1234567890abcdefghijklmnopqrstu";
const JWT_HEAD = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.";
const JWT = JWT_HEAD + "c2lnbmF0dXJl";

const ACCESS_KEY = "looks like an AWS access key id";
const SECRET_KEY = "looks like an AWS secret access key (40 base64 characters next to an access key id)";

describe("lib/secrets (literal)", () => {
    it("finds a token right after a separator such as = or a space", () => {
        assert.strictEqual(credentialFormat(`id=${KEY_ID}`), ACCESS_KEY);
        assert.strictEqual(credentialFormat("key=sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc"), "looks like a Stripe live secret key");
        assert.strictEqual(credentialFormat(`token=${GITHUB}`), "looks like a GitHub token");
        assert.strictEqual(credentialFormat("token=github_" + "pat_11ABCDEFG0123456789_abcdefghijklmnop"), "looks like a GitHub fine-grained token");
        assert.strictEqual(credentialFormat("slack=xox" + "b-1234567890-abcdefghij"), "looks like a Slack token");
        assert.strictEqual(credentialFormat(`key=${GOOGLE}`), "looks like a Google API key");
        assert.strictEqual(credentialFormat(`Bearer ${JWT}`), "looks like a JWT (a bearer token)");
    });

    it("finds a fixed-length token followed by a separator, and not one inside a longer word", () => {
        assert.strictEqual(credentialFormat(`${KEY_ID};`), ACCESS_KEY);
        assert.strictEqual(credentialFormat(`${GITHUB};`), "looks like a GitHub token");
        assert.strictEqual(credentialFormat(`${GOOGLE};`), "looks like a Google API key");
        assert.strictEqual(credentialFormat(`X${KEY_ID}`), undefined);
        assert.strictEqual(credentialFormat(`${KEY_ID}X`), undefined);
    });

    it("does not take a prefix with too short a body for a token", () => {
        assert.strictEqual(credentialFormat("sk_" + "live_abc"), undefined);
        assert.strictEqual(credentialFormat("github_" + "pat_short"), undefined);
        assert.strictEqual(credentialFormat("xox" + "b-12345"), undefined);
    });

    it("takes a JWT with an empty signature, and a URL password under a one-letter scheme", () => {
        assert.strictEqual(credentialFormat(JWT_HEAD), "looks like a JWT (a bearer token)");
        assert.strictEqual(credentialFormat("h://app:" + "pw@db"), "is a URL with an embedded password");
    });

    it("redacts every credential in a text, each as [secret] from its scheme or prefix to its end", () => {
        assert.strictEqual(REDACTED, "[secret]");
        assert.strictEqual(redactCredentials(`a ${KEY_ID} b ${OTHER_KEY_ID} c`), "a [secret] b [secret] c");
        assert.strictEqual(redactCredentials(`Authorization: Bearer ${JWT} sent`), "Authorization: Bearer [secret] sent");
        assert.strictEqual(redactCredentials("url postgres://app:" + "hunter2@db.internal:5432/app"), "url [secret]db.internal:5432/app");
        assert.strictEqual(redactCredentials("nothing to hide"), "nothing to hide");
    });

    it("reports as an AWS secret access key, next to an access key id, only a value of exactly 40 base64 characters with a digit or symbol", () => {
        const found = plaintextSecrets({
            AWS_ACCESS_KEY_ID: KEY_ID,
            ROTATED: SECRET_ACCESS_KEY,
            NOTE: `see ${SECRET_ACCESS_KEY}`,
            NOTE_AFTER: `${SECRET_ACCESS_KEY} (rotated)`,
            LETTERS: "abcdefghij".repeat(4),
        });
        assert.deepStrictEqual(found, [
            { variable: "AWS_ACCESS_KEY_ID", reason: ACCESS_KEY },
            { variable: "ROTATED", reason: SECRET_KEY },
        ]);
        assert.deepStrictEqual(plaintextSecrets({ ROTATED: SECRET_ACCESS_KEY }), []);
    });

    it("takes PRIVATEKEY, with or without the underscore, as a secret name", () => {
        assert.strictEqual(SECRET_NAME.test("privateKey"), true);
        assert.strictEqual(SECRET_NAME.test("PRIVATEKEY"), true);
        assert.strictEqual(SECRET_NAME.test("PRIVATE_KEY"), true);
        assert.strictEqual(SECRET_NAME.test("PRIVATE_KEYS_DIR"), true);
        assert.strictEqual(SECRET_NAME.test("PRIVATE_NETWORK"), false);
    });

    it("takes a secret-named variable for a reference only when its last word says so", () => {
        const names = undecidedSecretNames({
            DB_PASSWORD_IDENTIFIER: UNKNOWN,
            apiTokenNamespace: UNKNOWN,
            DB_PASSWORD_ID: UNKNOWN,
            tokenParameterName: UNKNOWN,
        });
        assert.deepStrictEqual(names, ["DB_PASSWORD_IDENTIFIER", "apiTokenNamespace"]);
    });

    it("accepts each reference or setting whole", () => {
        const accepted = [
            "/app/db-password",
            "{{resolve:ssm:/app/db/password}}",
            "{{resolve:secretsmanager:db:SecretString:password}}",
            "1.25",
            "1.5",
            "-3",
            "15s",
            "1.25s",
            "1.5h",
            "5 s",
            "5second",
            "5minute",
            "1hour",
            "7day",
            "2week",
            "P1D",
            "P10D",
            "P1Y2M3D",
            "PT1H30M",
            "true",
            "https://issuer.example.com",
            "https://issuer.example.com/oauth2",
        ];
        assert.deepStrictEqual(
            accepted.filter((v) => !isReferenceOrSetting(v)),
            [],
        );
    });

    it("refuses a value that only contains, begins with or ends with a reference or setting", () => {
        const refused = [
            "pw-arn:aws:secretsmanager:",
            "pw/abc",
            "/app/db password",
            "hunter2-ssm:x",
            "{{resolve:ssm:/app/db}}x",
            "x{{resolve:ssm:/app/db}}",
            "12abc",
            "abc 5s",
            "5sxyz",
            "xP1D",
            "P1Dx",
            "xtrue",
            "truex",
            "xhttps://issuer.example.com",
            "https://issuer.example.com?token=abc",
        ];
        assert.deepStrictEqual(
            refused.filter((v) => isReferenceOrSetting(v)),
            [],
        );
    });
});
