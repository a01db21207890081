/**
 * Secrets of the stack config must be stored encrypted path by path: Pulumi marks a whole key secret
 * when any value under it is `secure:`, so the program also reads its stack file.
 */
import * as assert from "assert";
import * as path from "path";
import { ProgramError, runUnderMocks } from "../policy-pack/gate/runtime";
import { ConfigError, parsePlatformConfig, PROJECT } from "../stacks/config";
import { encryptedPaths, isEncryptedPath, readEncryptedPaths, storedEncrypted } from "../stacks/config-secrets";
import { platformProgram } from "../stacks/program";
import { ROOT, stackConfig } from "./harness";

const DEV_FILE = path.join(ROOT, "Pulumi.dev.yaml");
const COGNITO = `${PROJECT}:cognito`;

/** The dev config as the real CLI hands it to the program: decrypted, with a second OIDC provider whose secret is `secondSecret` when given. */
function decryptedDev(secondSecret?: string): Record<string, string> {
    const raw = stackConfig("dev");
    const cognito = JSON.parse(raw[COGNITO]) as { identityProviders: Record<string, unknown>[] };
    const first = { ...cognito.identityProviders[0], clientSecret: "decrypted-by-pulumi-0001" };
    const second = { ...first, name: "PartnerOIDC", issuer: "https://login.partner.example.com", clientSecret: secondSecret };
    return { ...raw, [COGNITO]: JSON.stringify({ ...cognito, identityProviders: secondSecret === undefined ? [first] : [first, second] }) };
}

function problems(raw: Record<string, string>, isSecret: (fullKey: string, path: string) => boolean): string[] {
    try {
        parsePlatformConfig(raw, "Pulumi.dev.yaml", PROJECT, isSecret);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    return [];
}

describe("stack config: secrets stored encrypted, path by path", () => {
    it("reads the secure: paths of the stacks' files (dev's OIDC client secret, prod's partner external id)", () => {
        assert.deepStrictEqual([...readEncryptedPaths(DEV_FILE, PROJECT)!], ["cognito.identityProviders[0].clientSecret"]);
        assert.deepStrictEqual([...readEncryptedPaths(path.join(ROOT, "Pulumi.prod.yaml"), PROJECT)!], ["partners[0].externalId"]);
        assert.strictEqual(readEncryptedPaths(path.join(ROOT, "Pulumi.nope.yaml"), PROJECT), undefined);
    });

    it("finds whole-key and nested envelopes, bare keys, and ignores other namespaces", () => {
        const file = {
            config: {
                [`${PROJECT}:partners`]: { secure: "v1:abc" },
                cognito: { identityProviders: [{ clientSecret: "plain" }, { privateKey: { secure: "v1:def" } }] },
                "aws:secretKey": { secure: "v1:ghi" },
            },
        };
        assert.deepStrictEqual([...encryptedPaths(file, PROJECT)].sort(), ["cognito.identityProviders[1].privateKey", "partners"]);
        assert.deepStrictEqual([...encryptedPaths({}, PROJECT)], []);
        const encrypted = encryptedPaths(file, PROJECT);
        assert.ok(isEncryptedPath(encrypted, "partners[0].externalId"), "inside an encrypted whole key");
        assert.ok(!isEncryptedPath(encrypted, "partnersX[0].externalId"));
        assert.ok(!isEncryptedPath(encrypted, "cognito.identityProviders[0].clientSecret"));
    });

    it("a plain-text secret next to an encrypted one is refused although Pulumi marks the whole key secret", () => {
        const marked = (k: string) => k === COGNITO;
        const found = problems(decryptedDev("hunter2-plaintext"), storedEncrypted(marked, readEncryptedPaths(DEV_FILE, PROJECT)));
        assert.deepStrictEqual(found, [
            "secure-api-platform:cognito.identityProviders[1].clientSecret: is plain text in Pulumi.dev.yaml; store it encrypted: pulumi config set --secret --path 'cognito.identityProviders[1].clientSecret' <value>",
        ]);
        assert.ok(!found.join("\n").includes("hunter2"), "the value is never shown");
    });

    it("without the stack file only the key-level mark counts; an unmarked key is refused either way", () => {
        const marked = (k: string) => k === COGNITO;
        assert.deepStrictEqual(problems(decryptedDev("hunter2-plaintext"), storedEncrypted(marked, undefined)), []);
        const unmarked = problems(
            decryptedDev("hunter2-plaintext"),
            storedEncrypted(() => false, readEncryptedPaths(DEV_FILE, PROJECT)),
        );
        assert.deepStrictEqual(
            unmarked.map((p) => p.split(":")[1]),
            ["cognito.identityProviders[0].clientSecret", "cognito.identityProviders[1].clientSecret"],
        );
    });

    it("the program reads its stack file: a decrypted config with a plain-text sibling is refused before anything is created", async () => {
        const error = await runUnderMocks(platformProgram, {
            project: PROJECT,
            stack: "dev",
            config: decryptedDev("hunter2-plaintext"),
            secretKeys: [COGNITO],
        }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError, String(error));
        assert.match(error.message, /cognito\.identityProviders\[1\]\.clientSecret: is plain text in Pulumi\.dev\.yaml/);
        assert.doesNotMatch(error.message, /identityProviders\[0\]/);
        assert.deepStrictEqual(
            error.resources.filter((r) => r.custom),
            [],
        );
    });

    it("the program accepts the decrypted config when every secret is secure: in the stack file", async () => {
        const result = await runUnderMocks(platformProgram, { project: PROJECT, stack: "dev", config: decryptedDev(), secretKeys: [COGNITO] });
        assert.strictEqual(result.resources.filter((r) => r.type === "aws:cognito/identityProvider:IdentityProvider").length, 1);
    });
});
