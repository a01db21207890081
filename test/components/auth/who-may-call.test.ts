/** Federated identity providers on CognitoUserPool, and PartnerRole. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { CognitoUserPool, CognitoUserPoolArgs, IdentityProviderArgs, PartnerRole, PartnerRoleArgs, PublicApi } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { restApiArgs } from "../fixtures";

const oidc: IdentityProviderArgs = { type: "OIDC", name: "Corp", issuer: "https://login.example.com", clientId: "cid", clientSecret: pulumi.secret("s3cret") };
const poolArgs = (overrides: Partial<CognitoUserPoolArgs> = {}): CognitoUserPoolArgs => ({
    environment: "dev",
    resourceServerIdentifier: "https://api.example.com",
    scopes: [{ name: "orders.read", description: "Read" }],
    clients: [{ name: "web", kind: "spa", callbackUrls: ["https://app.example.com/cb"], identityProviders: ["COGNITO", "Corp"] }],
    identityProviders: [oidc],
    ...overrides,
});

describe("CognitoUserPool identity providers", () => {
    it("defaults: no providers, clients accept COGNITO only", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool(
                "users",
                poolArgs({ identityProviders: undefined, clients: [{ name: "web", kind: "spa", callbackUrls: ["https://a.example.com/cb"] }] }),
            );
        });
        assert.strictEqual(plan.ofType("aws:cognito/identityProvider:IdentityProvider").length, 0);
        assert.deepStrictEqual(plan.props("aws:cognito/userPoolClient:UserPoolClient").supportedIdentityProviders, ["COGNITO"]);
    });

    it("OIDC: Cognito's providerDetails keys, secret kept secret, client lists it and waits for it", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs());
        });
        const idp = plan.one("aws:cognito/identityProvider:IdentityProvider");
        assert.strictEqual(idp.props.providerType, "OIDC");
        assert.strictEqual(idp.props.providerName, "Corp");
        assert.deepStrictEqual(idp.props.providerDetails, {
            client_id: "cid",
            client_secret: "s3cret",
            oidc_issuer: "https://login.example.com",
            authorize_scopes: "openid email",
            attributes_request_method: "GET",
        });
        assert.ok(
            idp.secretPaths.some((p) => p.includes("client_secret")),
            `secret paths: ${idp.secretPaths.join(", ")}`,
        );
        assert.deepStrictEqual(idp.props.attributeMapping, { email: "email" });
        const client = plan.one("aws:cognito/userPoolClient:UserPoolClient");
        assert.deepStrictEqual(client.props.supportedIdentityProviders, ["COGNITO", "Corp"]);
        assert.ok(client.dependencies.includes(idp.urn));
    });

    it("SAML (signed requests by default) and the social providers", async () => {
        const providers: IdentityProviderArgs[] = [
            {
                type: "SAML",
                name: "Okta",
                metadataUrl: "https://idp.example.com/metadata",
                attributeMapping: { email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" },
            },
            {
                type: "SAML",
                name: "Adfs",
                metadataXml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"></md:EntityDescriptor>',
                signRequests: false,
                idpSignout: true,
                attributeMapping: { email: "mail" },
            },
            { type: "Google", name: "Google", clientId: "g", clientSecret: "gs" },
            { type: "Facebook", name: "Facebook", clientId: "f", clientSecret: "fs", apiVersion: "v17.0" },
            { type: "LoginWithAmazon", name: "LoginWithAmazon", clientId: "a", clientSecret: "as" },
            { type: "SignInWithApple", name: "SignInWithApple", clientId: "ap", apple: { teamId: "T", keyId: "K", privateKey: "PK" } },
        ];
        const plan = await runProgram(() => {
            new CognitoUserPool(
                "users",
                poolArgs({
                    identityProviders: providers,
                    clients: [{ name: "web", kind: "spa", callbackUrls: ["https://a.example.com/cb"], identityProviders: providers.map((p) => p.name) }],
                }),
            );
        });
        const details = Object.fromEntries(
            plan.ofType("aws:cognito/identityProvider:IdentityProvider").map((r) => [r.props.providerName, r.props.providerDetails]),
        );
        assert.deepStrictEqual(details.Okta, { MetadataURL: "https://idp.example.com/metadata", IDPSignout: "false", RequestSigningAlgorithm: "rsa-sha256" });
        assert.deepStrictEqual(Object.keys(details.Adfs as object).sort(), ["IDPSignout", "MetadataFile"]);
        assert.deepStrictEqual(details.Google, { client_id: "g", client_secret: "gs", authorize_scopes: "openid email profile" });
        assert.deepStrictEqual(details.Facebook, { client_id: "f", client_secret: "fs", authorize_scopes: "public_profile email", api_version: "v17.0" });
        assert.deepStrictEqual(details.LoginWithAmazon, { client_id: "a", client_secret: "as", authorize_scopes: "profile" });
        assert.deepStrictEqual(details.SignInWithApple, { client_id: "ap", team_id: "T", key_id: "K", private_key: "PK", authorize_scopes: "email name" });
    });

    describe("bad providers throw before anything is created", () => {
        const cases: [string, Partial<CognitoUserPoolArgs>, RegExp][] = [
            [
                "an http issuer",
                { identityProviders: [{ ...oidc, issuer: "http://login.example.com" } as IdentityProviderArgs] },
                /identityProviders\[0\]\.issuer must be an https URL/,
            ],
            [
                "a missing client secret",
                { identityProviders: [{ ...oidc, clientSecret: "" } as IdentityProviderArgs] },
                /identityProviders\[0\]\.clientSecret is required/,
            ],
            [
                "a client naming an undefined provider",
                { clients: [{ name: "web", kind: "spa", callbackUrls: ["https://a.example.com/cb"], identityProviders: ["Nope"] }] },
                /clients\[0\]\.identityProviders\[0\] must be COGNITO or a provider of identityProviders \(Corp\) \(got "Nope"\)/,
            ],
            [
                "an m2m client with a provider",
                { clients: [{ name: "w", kind: "m2m", scopes: ["orders.read"], identityProviders: ["Corp"] }] },
                /clients\[0\]\.identityProviders only apply to spa clients/,
            ],
            [
                "an http SAML metadata URL",
                { identityProviders: [{ type: "SAML", name: "S", metadataUrl: "http://x.example.com/m", attributeMapping: { email: "mail" } }] },
                /metadataUrl must be an https URL/,
            ],
            [
                "SAML without email mapping",
                { identityProviders: [{ type: "SAML", name: "S", metadataUrl: "https://x.example.com/m" }] },
                /attributeMapping must map email/,
            ],
            [
                "a social provider named otherwise",
                { identityProviders: [{ type: "Google", name: "Gmail", clientId: "g", clientSecret: "s" }] },
                /name must be "Google"/,
            ],
            [
                "Apple without a private key",
                { identityProviders: [{ type: "SignInWithApple", name: "SignInWithApple", clientId: "a" }] },
                /apple must give teamId, keyId and privateKey/,
            ],
            ["a duplicate provider", { identityProviders: [oidc, oidc] }, /identityProviders\[1\]\.name must be unique/],
        ];
        for (const [what, overrides, message] of cases) {
            it(what, () =>
                assertRejectsBeforeCreating(() => {
                    new CognitoUserPool("users", poolArgs(overrides));
                }, message),
            );
        }
    });
});

describe("PartnerRole", () => {
    const args = (api: PublicApi, overrides: Partial<PartnerRoleArgs> = {}): PartnerRoleArgs => ({
        partnerName: "acme",
        trustedAccountIds: ["111122223333"],
        externalId: pulumi.secret("ext-id-123"),
        endpoint: api.api,
        routes: [{ method: "GET", path: "/orders", auth: "iam" }],
        ...overrides,
    });

    it("defaults: trust the partner's account with its external id, 3600 s sessions, invoke the granted routes only", async () => {
        const plan = await runProgram(() => {
            const api = new PublicApi("api", restApiArgs());
            new PartnerRole("p", args(api));
        });
        const role = plan.one("aws:iam/role:Role", "p");
        assert.strictEqual(role.props.maxSessionDuration, 3600);
        assert.deepStrictEqual(JSON.parse(String(role.props.assumeRolePolicy)).Statement, [
            {
                Sid: "PartnerAccountsWithExternalId",
                Effect: "Allow",
                Principal: { AWS: ["arn:aws:iam::111122223333:root"] },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": "ext-id-123" } },
            },
        ]);
        assert.ok(role.secretPaths.includes("assumeRolePolicy"), "the trust policy holds the external id, so it is secret");
        const policy = JSON.parse(String(plan.props("aws:iam/rolePolicy:RolePolicy", "p-invoke").policy));
        assert.deepStrictEqual(policy.Statement[0].Action, "execute-api:Invoke");
        assert.match(policy.Statement[0].Resource[0], /^arn:aws:execute-api:.+\/dev\/GET\/orders$/);
    });

    it("options: MFA required and a longer session", async () => {
        const plan = await runProgram(() => {
            const api = new PublicApi("api", restApiArgs());
            new PartnerRole("p", args(api, { requireMfa: true, maxSessionDurationSeconds: 43200 }));
        });
        const role = plan.one("aws:iam/role:Role", "p");
        assert.strictEqual(role.props.maxSessionDuration, 43200);
        assert.deepStrictEqual(JSON.parse(String(role.props.assumeRolePolicy)).Statement[0].Condition.Bool, { "aws:MultiFactorAuthPresent": "true" });
    });

    describe("bad arguments throw before the role is created", () => {
        const cases: [string, Partial<PartnerRoleArgs>, RegExp][] = [
            ["a session below 3600", { maxSessionDurationSeconds: 900 }, /maxSessionDurationSeconds must be an integer from 3600 to 43200/],
            ["a session above 43200", { maxSessionDurationSeconds: 86400 }, /maxSessionDurationSeconds must be an integer from 3600 to 43200/],
            ["no accounts", { trustedAccountIds: [] }, /trustedAccountIds must list at least one/],
            ["a wildcard account", { trustedAccountIds: ["*"] }, /trustedAccountIds\[0\] must be a 12-digit/],
            ["no external id", { externalId: "" }, /externalId is required/],
            ["a route that is not AWS_IAM", { routes: [{ method: "GET", path: "/orders", auth: "cognito" }] }, /routes\[0\] must be an AWS_IAM route/],
        ];
        for (const [what, overrides, message] of cases) {
            it(what, async () => {
                const plan = await runProgram(() => {
                    const api = new PublicApi("api", restApiArgs());
                    assert.throws(() => new PartnerRole("p", args(api, overrides)), message);
                });
                assert.strictEqual(plan.ofType("aws:iam/role:Role").filter((r) => r.name === "p").length, 0);
            });
        }
    });
});
