/**
 * Pins CognitoUserPool's federated identity providers literally: the exact
 * error message of every provider check (type, name pattern and its 1/32/33
 * character boundaries, COGNITO, OIDC clientId/scopes, SAML metadata, social
 * clientId/clientSecret, attribute mapping), that `api_version` is Facebook's
 * only, the providers' logical names and their parent.
 */
import * as assert from "assert";
import { CognitoUserPool, CognitoUserPoolArgs, IdentityProviderArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";

const oidc: IdentityProviderArgs = { type: "OIDC", name: "Corp", issuer: "https://login.example.com", clientId: "cid", clientSecret: "s3cret" };
const samlXml = '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"></EntityDescriptor>';
const poolArgs = (identityProviders: IdentityProviderArgs[]): CognitoUserPoolArgs => ({
    environment: "dev",
    resourceServerIdentifier: "https://api.example.com",
    scopes: [{ name: "orders.read", description: "Read" }],
    clients: [{ name: "web", kind: "spa", callbackUrls: ["https://app.example.com/cb"] }],
    identityProviders,
});
/** A provider with fields the types forbid (missing, null), as a JavaScript caller may pass it. */
const loose = (provider: Record<string, unknown>): IdentityProviderArgs => provider as unknown as IdentityProviderArgs;

async function rejects(providers: IdentityProviderArgs[], message: string): Promise<void> {
    const error = await assertRejectsBeforeCreating(() => new CognitoUserPool("users", poolArgs(providers)));
    assert.strictEqual(error.message, message);
}

const nameProblem = (name: string) =>
    `CognitoUserPool: identityProviders[0].name must be 1-32 characters without spaces, not starting or ending with _ (got ${JSON.stringify(name)})`;

describe("CognitoUserPool identity providers (literal)", () => {
    describe("provider checks", () => {
        it("rejects an unknown provider type, listing the six Cognito types", () =>
            rejects(
                [loose({ ...oidc, type: "Azure", name: "Azure" })],
                'CognitoUserPool: identityProviders[0].type must be one of OIDC, SAML, Google, Facebook, LoginWithAmazon, SignInWithApple (got "Azure")',
            ));

        it("accepts provider names of 1 and 32 characters and an inner underscore", async () => {
            const names = ["X", `A${"b".repeat(30)}Z`, "my_corp"];
            const plan = await runProgram(() => {
                new CognitoUserPool("users", poolArgs(names.map((name) => ({ ...oidc, name }))));
            });
            const created = plan.ofType("aws:cognito/identityProvider:IdentityProvider").map((r) => r.props.providerName);
            assert.deepStrictEqual(created, names);
        });

        it("rejects a provider name of 33 characters", () => rejects([{ ...oidc, name: "c".repeat(33) }], nameProblem("c".repeat(33))));

        it("rejects a provider name starting with _", () => rejects([{ ...oidc, name: "_Corp" }], nameProblem("_Corp")));

        it("rejects a provider name ending with _", () => rejects([{ ...oidc, name: "Corp_" }], nameProblem("Corp_")));

        it("rejects a provider name with a space", () => rejects([{ ...oidc, name: "My Corp" }], nameProblem("My Corp")));

        it("rejects a provider named COGNITO (the built-in directory)", () =>
            rejects([{ ...oidc, name: "COGNITO" }], 'CognitoUserPool: identityProviders[0].name must be unique and not COGNITO (got "COGNITO")'));

        it("rejects an issuer that is not a URL at all", () =>
            rejects([{ ...oidc, issuer: "login.example.com" }], 'CognitoUserPool: identityProviders[0].issuer must be an https URL (got "login.example.com")'));

        for (const [what, clientId] of [
            ["missing", undefined],
            ["null", null],
            ["empty", ""],
        ] as const) {
            it(`rejects an OIDC provider whose clientId is ${what}`, () =>
                rejects([loose({ ...oidc, clientId })], "CognitoUserPool: identityProviders[0].clientId is required for an OIDC provider"));
        }

        it("rejects OIDC scopes without openid", () =>
            rejects([{ ...oidc, scopes: ["email", "profile"] }], "CognitoUserPool: identityProviders[0].scopes must include openid for an OIDC provider"));

        it("rejects a SAML provider with both a metadata URL and a metadata document", () =>
            rejects(
                [{ type: "SAML", name: "Okta", metadataUrl: "https://idp.example.com/metadata", metadataXml: samlXml, attributeMapping: { email: "mail" } }],
                "CognitoUserPool: identityProviders[0].metadataUrl/metadataXml exactly one is required for a SAML provider",
            ));

        it("rejects a SAML provider with neither a metadata URL nor a metadata document", () =>
            rejects(
                [{ type: "SAML", name: "Okta", attributeMapping: { email: "mail" } }],
                "CognitoUserPool: identityProviders[0].metadataUrl/metadataXml exactly one is required for a SAML provider",
            ));

        it("rejects a metadata document without an EntityDescriptor", () =>
            rejects(
                [{ type: "SAML", name: "Okta", metadataXml: "<EntitiesDescriptor></EntitiesDescriptor>", attributeMapping: { email: "mail" } }],
                "CognitoUserPool: identityProviders[0].metadataXml must be a SAML metadata document (an EntityDescriptor)",
            ));

        it("rejects a social provider without clientId, naming its type", () =>
            rejects(
                [{ type: "Google", name: "Google", clientId: "", clientSecret: "gs" }],
                "CognitoUserPool: identityProviders[0].clientId is required for a Google provider",
            ));

        it("rejects a Facebook provider without clientSecret, naming its type", () =>
            rejects(
                [{ type: "Facebook", name: "Facebook", clientId: "f" }],
                "CognitoUserPool: identityProviders[0].clientSecret is required for a Facebook provider (a Pulumi secret)",
            ));

        it("rejects an attribute mapping to an empty provider attribute, at the provider's index", () =>
            rejects(
                [oidc, { type: "Google", name: "Google", clientId: "g", clientSecret: "gs", attributeMapping: { email: "" } }],
                'CognitoUserPool: identityProviders[1].attributeMapping must map non-empty attribute names (got "email": "")',
            ));

        it("rejects an attribute mapping from an empty pool attribute", () =>
            rejects(
                [{ ...oidc, attributeMapping: { "": "sub" } }],
                'CognitoUserPool: identityProviders[0].attributeMapping must map non-empty attribute names (got "": "sub")',
            ));
    });

    describe("created providers", () => {
        it("accepts an unprefixed EntityDescriptor and passes it as MetadataFile", async () => {
            const plan = await runProgram(() => {
                new CognitoUserPool("users", poolArgs([{ type: "SAML", name: "Okta", metadataXml: samlXml, attributeMapping: { email: "mail" } }]));
            });
            assert.deepStrictEqual(plan.props("aws:cognito/identityProvider:IdentityProvider").providerDetails, {
                MetadataFile: samlXml,
                IDPSignout: "false",
                RequestSigningAlgorithm: "rsa-sha256",
            });
        });

        it("sends api_version for Facebook only (Google's ProviderDetails have no such key)", async () => {
            const plan = await runProgram(() => {
                new CognitoUserPool("users", poolArgs([{ type: "Google", name: "Google", clientId: "g", clientSecret: "gs", apiVersion: "v17.0" }]));
            });
            assert.deepStrictEqual(plan.props("aws:cognito/identityProvider:IdentityProvider").providerDetails, {
                client_id: "g",
                client_secret: "gs",
                authorize_scopes: "openid email profile",
            });
        });

        it("names each provider <pool>-idp-<slug of its name>, one dash per run of other characters", async () => {
            const plan = await runProgram(() => {
                new CognitoUserPool("users", poolArgs([{ ...oidc, name: "Acme::SSO.v2" }]));
            });
            const idp = plan.one("aws:cognito/identityProvider:IdentityProvider");
            assert.strictEqual(idp.name, "users-idp-acme-sso-v2");
            assert.strictEqual(idp.props.providerName, "Acme::SSO.v2");
        });

        it("creates the providers as children of the pool component", async () => {
            const plan = await runProgram(() => {
                new CognitoUserPool("users", poolArgs([oidc]));
            });
            const pool = plan.one("secure-api:auth:CognitoUserPool");
            assert.strictEqual(plan.one("aws:cognito/identityProvider:IdentityProvider").parent, pool.urn);
        });
    });
});
