/**
 * Pins the literal text and the exact patterns of the "who may call" config (stacks/config-identity.ts)
 * and the stack-file secret paths (stacks/config-secrets.ts): every problem names the key, what was
 * given and what is allowed; anchors and length bounds of each pattern; secrets never shown.
 */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { secretValue } from "../stacks/config-identity";
import { encryptedPaths, isEncryptedPath } from "../stacks/config-secrets";
import { stackConfig } from "./harness";

const P = "secure-api-platform";
type Raw = Record<string, unknown>;

function problems(stack: string, overrides: Raw, isSecretKey?: (key: string) => boolean): string[] {
    try {
        parsePlatformConfig(stackConfig(stack, overrides), `Pulumi.${stack}.yaml`, undefined, isSecretKey);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    return [];
}

const devCognito = () => JSON.parse(stackConfig("dev")[`${P}:cognito`]) as Raw & { identityProviders: Raw[] };
const prodPartner = () => (JSON.parse(stackConfig("prod")[`${P}:partners`]) as Raw[])[0];
const devReference = () => (JSON.parse(stackConfig("dev")[`${P}:lambdaAuthorizer`]) as { reference: Raw }).reference;
/** dev's cognito with a second identity provider after CorpOIDC. */
const withSecondProvider = (provider: Raw) => ({ cognito: { ...devCognito(), identityProviders: [devCognito().identityProviders[0], provider] } });
const withOidc = (changes: Raw) => ({ cognito: { ...devCognito(), identityProviders: [{ ...devCognito().identityProviders[0], ...changes }] } });
const facebook = (apiVersion: string) =>
    withSecondProvider({ type: "Facebook", name: "Facebook", clientId: "fb-app", clientSecret: { secure: "v1:abc" }, apiVersion });
const withPartner = (changes: Raw) => ({ partners: [{ ...prodPartner(), ...changes }] });
const withPolicy = (policy: Raw) => ({ resourcePolicy: policy });
const withReference = (changes: Raw) => ({ lambdaAuthorizer: { type: "TOKEN", reference: { ...devReference(), ...changes } } });

interface Field {
    what: string;
    stack: string;
    key: string;
    expected: string;
    build: (value: string) => Raw;
    accepted: string[];
    rejected: string[];
}

const fields: Field[] = [
    {
        what: "an OIDC issuer",
        stack: "dev",
        key: "cognito.identityProviders[0].issuer",
        expected: "an https:// URL",
        build: (issuer) => withOidc({ issuer }),
        accepted: ["https://login.example.com"],
        rejected: ["xhttps://login.example.com", "https://login.example.com x"],
    },
    {
        what: "a partner account id",
        stack: "dev",
        key: "resourcePolicy.partnerAccountIds[0]",
        expected: "a 12-digit AWS account id",
        build: (id) => withPolicy({ partnerAccountIds: [id] }),
        accepted: ["123456789012"],
        rejected: ["12345678901", "1234567890123", "a123456789012", "123456789012a"],
    },
    {
        what: "a VPC endpoint id",
        stack: "dev",
        key: "resourcePolicy.vpcEndpointIds[0]",
        expected: "a VPC endpoint id such as vpce-0123456789abcdef0",
        build: (id) => withPolicy({ vpcEndpointIds: [id] }),
        accepted: ["vpce-01234567", "vpce-0123456789abcdef0"],
        rejected: ["vpce-0123456", "vpce-0123456789abcdef01", "xvpce-01234567", "vpce-01234567x", "vpce-0123456G"],
    },
    {
        what: "an OIDC scope",
        stack: "dev",
        key: "cognito.identityProviders[0].scopes[0]",
        expected: "a scope without spaces",
        build: (scope) => withOidc({ scopes: [scope] }),
        accepted: ["openid"],
        rejected: ["open id"],
    },
    {
        what: "a SAML metadata file",
        stack: "dev",
        key: "cognito.identityProviders[1].metadataFile",
        expected: "a path to a .xml metadata file, relative to the project",
        build: (metadataFile) => withSecondProvider({ type: "SAML", name: "S", metadataFile }),
        accepted: ["idp.xml"],
        rejected: ["idp.xml.bak"],
    },
    {
        what: "a Facebook Graph API version",
        stack: "dev",
        key: "cognito.identityProviders[1].apiVersion",
        expected: "a Graph API version such as v17.0",
        build: facebook,
        accepted: ["v17.0", "v17.10"],
        rejected: ["xv17.0", "v17.0x", "v.0", "v17."],
    },
    {
        what: "an AWS Organizations id",
        stack: "dev",
        key: "resourcePolicy.organizationId",
        expected: "an AWS Organizations id such as o-a1b2c3d4e5",
        build: (organizationId) => withPolicy({ organizationId }),
        accepted: ["o-a1b2c3d4e5", `o-${"a".repeat(32)}`],
        rejected: ["o-a1b2c3d4e", `o-${"a".repeat(33)}`, "xo-a1b2c3d4e5", "o-a1b2c3d4e5X"],
    },
    {
        what: "a partner name",
        stack: "prod",
        key: "partners[0].name",
        expected: "1-40 letters, digits, - or _",
        build: (name) => withPartner({ name }),
        accepted: ["a", "A".repeat(40)],
        rejected: ["A".repeat(41), "!acme", "acme!"],
    },
    {
        what: "a partner route",
        stack: "prod",
        key: "partners[0].routes[0]",
        expected: 'a route key such as "GET /internal/reports"',
        build: (route) => withPartner({ routes: [route] }),
        accepted: ["GET /internal/reports"],
        rejected: ["xGET /internal/reports", "GET /internal/reports x"],
    },
    {
        what: "a Lambda authorizer function ARN",
        stack: "dev",
        key: "lambdaAuthorizer.functionArn",
        expected: "a Lambda function ARN",
        build: (functionArn) => ({ lambdaAuthorizer: { type: "TOKEN", functionArn } }),
        accepted: ["arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f"],
        rejected: ["xarn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws1:lambda:us-east-1:123456789012:function:f"],
    },
];

describe("stack config: who may call, literal messages and pattern bounds", () => {
    for (const field of fields) {
        it(`accepts ${field.what} ${field.accepted.map((v) => JSON.stringify(v)).join(", ")}`, () => {
            for (const value of field.accepted) {
                assert.deepStrictEqual(problems(field.stack, field.build(value)), [], value);
            }
        });
        it(`refuses ${field.what} ${field.rejected.map((v) => JSON.stringify(v)).join(", ")}, naming the key and what is allowed`, () => {
            for (const value of field.rejected) {
                assert.deepStrictEqual(problems(field.stack, field.build(value)), [
                    `${P}:${field.key}: expected ${field.expected}, got ${JSON.stringify(value)}`,
                ]);
            }
        });
    }

    it("refuses a malformed CIDR with the example and the reason", () => {
        assert.deepStrictEqual(problems("dev", withPolicy({ allowedSourceCidrs: ["nope"] })), [
            `${P}:resourcePolicy.allowedSourceCidrs[0]: expected an IPv4 CIDR such as 203.0.113.0/24, got "nope" (is not of the form a.b.c.d/n)`,
        ]);
    });

    it("user pool attribute names: 1-64 of letters, digits, _ : . -, anchored at both ends", () => {
        assert.deepStrictEqual(problems("dev", withOidc({ attributeMapping: { [`custom:${"a".repeat(57)}`]: "x" } })), []);
        for (const key of [`custom:${"a".repeat(58)}`, " email", "email "]) {
            assert.deepStrictEqual(problems("dev", withOidc({ attributeMapping: { [key]: "mail" } })), [
                `${P}:cognito.identityProviders[0].attributeMapping.${key}: key must be a user pool attribute name`,
            ]);
        }
    });

    it("reference authorizer route scopes: keys are route keys, anchored at both ends", () => {
        for (const key of ["xPOST /partners/events", "POST /partners/events x"]) {
            assert.deepStrictEqual(problems("dev", withReference({ routeScopes: { [key]: ["events.write"] } })), [
                `${P}:lambdaAuthorizer.reference.routeScopes.${key}: key must be a route key such as "POST /partners/events"`,
            ]);
        }
    });

    it("an external id: 2-1224 of letters, digits or +=,.@:/-_, the value never shown", () => {
        const secret = () => true;
        for (const externalId of ["ab", "a".repeat(1224), "a+=,.@:/-_Z9"]) {
            assert.deepStrictEqual(problems("prod", withPartner({ externalId }), secret), [], externalId);
        }
        for (const externalId of ["a", "a".repeat(1225), "ab cd", "ab!"]) {
            assert.deepStrictEqual(problems("prod", withPartner({ externalId }), secret), [
                `${P}:partners[0].externalId: expected 2-1224 letters, digits or +=,.@:/-_ (an sts:ExternalId) (value not shown)`,
            ]);
        }
    });

    it("a secret left out is required, saying how to set it", () => {
        assert.deepStrictEqual(problems("dev", withOidc({ clientSecret: undefined })), [
            `${P}:cognito.identityProviders[0].clientSecret: is required (expected a secret value (pulumi config set --secret --path ...))`,
        ]);
    });

    it("a secret that is empty, a number or a malformed envelope is not a secret value", () => {
        const secret = () => true;
        for (const clientSecret of ["", 42, ["v1:abc"], { secure: "v1:abc", extra: "x" }, { secure: 42 }]) {
            assert.deepStrictEqual(problems("dev", withOidc({ clientSecret }), secret), [
                `${P}:cognito.identityProviders[0].clientSecret: expected a secret value (pulumi config set --secret --path ...), got a value that is not a string`,
            ]);
        }
    });

    it("secretValue: nothing and null are told apart from a secure: envelope, which parses to the literal [secret]", () => {
        const errors: string[] = [];
        assert.strictEqual(secretValue().parse(undefined, "k.a", errors), undefined);
        assert.strictEqual(secretValue().parse(null, "k.b", errors), undefined);
        assert.strictEqual(secretValue().parse({ secure: "v1:abc" }, "k.c", errors), "[secret]");
        assert.strictEqual(secretValue(/^x$/, "an x").parse("x", "k.d", errors), "x");
        assert.deepStrictEqual(errors, [
            "k.a: expected a secret value (pulumi config set --secret --path ...), got nothing",
            "k.b: expected a secret value (pulumi config set --secret --path ...), got a value that is not a string",
        ]);
    });

    it("offline, dev's encrypted OIDC client secret parses to the literal placeholder [secret]", () => {
        const idp = parsePlatformConfig(stackConfig("dev"), "Pulumi.dev.yaml").cognito!.identityProviders![0];
        assert.strictEqual(idp.type === "OIDC" ? idp.clientSecret : undefined, "[secret]");
    });

    it("a plain-text Apple private key is refused by its path; accepted when the cognito key is marked secret", () => {
        const apple = withSecondProvider({ type: "SignInWithApple", name: "SignInWithApple", clientId: "c", teamId: "t", keyId: "k", privateKey: "plain" });
        assert.deepStrictEqual(problems("dev", apple), [
            `${P}:cognito.identityProviders[1].privateKey: is plain text in Pulumi.dev.yaml; store it encrypted: pulumi config set --secret --path 'cognito.identityProviders[1].privateKey' <value>`,
        ]);
        assert.deepStrictEqual(
            problems("dev", apple, (k) => k === `${P}:cognito`),
            [],
        );
    });

    it("a plain-text partner external id is accepted when the partners key is marked secret", () => {
        assert.deepStrictEqual(
            problems("prod", withPartner({ externalId: "plain-id" }), (k) => k === `${P}:partners`),
            [],
        );
    });

    it("a null partner or a null cognito is a shape problem, not a crash of the secret check", () => {
        assert.deepStrictEqual(problems("prod", { partners: [null] }), [
            `${P}:partners[0]: expected an object with keys name, accountIds, externalId, requireMfa, maxSessionDurationSeconds, routes, vpcEndpointIds, got null`,
        ]);
        assert.deepStrictEqual(problems("dev", { cognito: null }), [
            `${P}:httpApis[0].routes: auth jwt trusts the platform's Cognito pool, but ${P}:cognito is not configured`,
        ]);
    });
});

describe("stack file: secure: paths", () => {
    it("a stack file that is empty, null or has a null config value has no encrypted paths", () => {
        assert.deepStrictEqual([...encryptedPaths(undefined, P)], []);
        assert.deepStrictEqual([...encryptedPaths(null, P)], []);
        assert.deepStrictEqual([...encryptedPaths({ config: { cognito: null } }, P)], []);
    });

    it("an object with secure: and another key is not an envelope", () => {
        assert.deepStrictEqual([...encryptedPaths({ config: { [`${P}:cognito`]: { secure: "v1:abc", mfa: "ON" } } }, P)], []);
    });

    it("a path inside an encrypted whole key (after a dot) is encrypted", () => {
        assert.ok(isEncryptedPath(new Set(["cognito"]), "cognito.identityProviders[0].clientSecret"));
    });
});
