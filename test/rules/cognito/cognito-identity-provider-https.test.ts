import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { assertAgreement, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "cognito-identity-provider-https";

type Details = Record<string, pulumi.Input<string>>;
const OIDC: Details = {
    client_id: "client",
    client_secret: "not-judged-by-this-rule",
    authorize_scopes: "openid email",
    attributes_request_method: "GET",
    oidc_issuer: "https://idp.example.com",
};
const SAML: Details = { MetadataURL: "https://idp.example.com/saml/metadata" };

const idp = (name: string, providerType: pulumi.Input<string>, providerDetails: Details) =>
    new aws.cognito.IdentityProvider(name, {
        userPoolId: userPool(`${name}-pool`).id,
        providerName: name,
        providerType,
        providerDetails,
        attributeMapping: { email: "email" },
    });

describe(RULE, () => {
    it("passes the compliant baseline (https OIDC issuer, https SAML metadata, a client_secret in providerDetails)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                idp("oidc", "OIDC", OIDC);
                idp("saml", "SAML", SAML);
            }),
        );
    });

    it("passes https endpoints given explicitly, a SAML MetadataFile, and providers of other types", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                idp("oidc", "OIDC", {
                    ...OIDC,
                    authorize_url: "https://idp.example.com/authorize",
                    token_url: "https://idp.example.com/token",
                    attributes_url: "https://idp.example.com/userinfo",
                    jwks_uri: "https://idp.example.com/jwks",
                });
                idp("saml", "SAML", { MetadataFile: "<EntityDescriptor/>" });
                idp("google", "Google", { client_id: "c", client_secret: "s", authorize_scopes: "openid" });
            }),
        );
    });

    for (const issuer of ["http://idp.example.com", "idp.example.com", "https://", "ftp://idp.example.com"]) {
        it(`rejects oidc_issuer ${JSON.stringify(issuer)}`, async () => {
            assertFindings(
                await ruleFindings(RULE, () => {
                    idp("oidc", "OIDC", { ...OIDC, oidc_issuer: issuer });
                }),
                RULE,
                "mandatory",
                [{ resource: "oidc", message: [/providerDetails\.oidc_issuer is not an https URL/, /Set providerDetails\.oidc_issuer/] }],
            );
        });
    }

    it("rejects an OIDC provider without oidc_issuer, or with an empty one", async () => {
        const { oidc_issuer: _, ...rest } = OIDC;
        const without = exactly(
            'IdentityProvider "oidc" is an OIDC provider without providerDetails.oidc_issuer. Set providerDetails.oidc_issuer to the issuer\'s https URL.',
        );
        for (const details of [rest, { ...OIDC, oidc_issuer: "" }]) {
            assertFindings(
                await ruleFindings(RULE, () => {
                    idp("oidc", "OIDC", details);
                }),
                RULE,
                "mandatory",
                [{ resource: "oidc", message: [without] }],
            );
        }
    });

    it("passes an empty optional endpoint (Cognito discovers it from the issuer)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                idp("oidc", "OIDC", { ...OIDC, jwks_uri: "" });
            }),
        );
    });

    it("rejects an oidc_issuer that is not a string", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                idp("oidc", "OIDC", { ...OIDC, oidc_issuer: 443 as unknown as string });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "oidc",
                    message: [
                        exactly(
                            'IdentityProvider "oidc" providerDetails.oidc_issuer is not an https URL, so anyone on the path can impersonate the identity provider (Cognito fetches the issuer\'s discovery document and signing keys from it). ' +
                                "Set providerDetails.oidc_issuer to the identity provider's https URL.",
                        ),
                    ],
                },
            ],
        );
    });

    it("does not judge a provider without a providerType, nor the URLs of providers other than OIDC and SAML", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                // Set from a value that turns out undefined (the SDK rejects a plain undefined), and a type that is not a string.
                idp("untyped", pulumi.output(undefined) as pulumi.Output<unknown> as pulumi.Output<string>, { ...OIDC, oidc_issuer: "http://idp.example.com" });
                idp("numbered", 1 as unknown as string, { ...OIDC, oidc_issuer: "http://idp.example.com" });
                idp("google", "Google", { client_id: "c", client_secret: "s", authorize_scopes: "openid", MetadataURL: "http://idp.example.com/metadata" });
            }),
        );
    });

    it("rejects each explicit OIDC endpoint given as http", async () => {
        const http = {
            authorize_url: "http://idp.example.com/a",
            token_url: "http://idp.example.com/t",
            attributes_url: "http://idp.example.com/u",
            jwks_uri: "http://idp.example.com/k",
        };
        assertFindings(
            await ruleFindings(RULE, () => {
                idp("oidc", "OIDC", { ...OIDC, ...http });
            }),
            RULE,
            "mandatory",
            Object.keys(http).map((k) => ({ resource: "oidc", message: [new RegExp(`providerDetails\\.${k} is not an https URL`)] })),
        );
    });

    it("rejects a SAML MetadataURL over http", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                idp("saml", "SAML", { MetadataURL: "http://idp.example.com/metadata" });
            }),
            RULE,
            "mandatory",
            [{ resource: "saml", message: [/providerDetails\.MetadataURL is not an https URL/] }],
        );
    });

    it("judges every provider of the stack", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                idp("a", "OIDC", { ...OIDC, oidc_issuer: "http://a.example.com" });
                idp("b", "SAML", { MetadataURL: "http://b.example.com/metadata" });
                idp("c", "OIDC", OIDC);
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/oidc_issuer is not an https URL/] },
                { resource: "b", message: [/MetadataURL is not an https URL/] },
            ],
        );
    });

    it("an issuer built from another resource's output cannot be verified at preview, and is judged at update", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const pool = userPool("upstream");
            idp("oidc", "OIDC", { ...OIDC, oidc_issuer: pulumi.interpolate`http://cognito-idp.us-east-1.amazonaws.com/${pool.id}` });
        });
        assertFindings(found.update, RULE, "mandatory", [{ resource: "oidc", message: [/oidc_issuer is not an https URL/] }]);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "oidc", message: [/cannot be verified at preview/, /providerDetails\.oidc_issuer is unknown/, /be an https URL/] },
        ]);
        assert.throws(() => assertAgreement(RULE, found), /preview and update verdicts differ/);
    });

    it("a provider type or URL built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            idp("type", afterDeployment("OIDC"), { ...OIDC, oidc_issuer: "http://idp.example.com" });
            idp("issuer", "OIDC", { ...OIDC, oidc_issuer: afterDeployment("http://idp.example.com") });
            idp("jwks", "OIDC", { ...OIDC, jwks_uri: afterDeployment("http://idp.example.com/jwks") });
            idp("saml", "SAML", { MetadataURL: afterDeployment("http://idp.example.com/metadata") });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "type",
                message: [/IdentityProvider "type"\.providerType is unknown; it must be known: OIDC and SAML providers must be reached over https\./],
            },
            {
                resource: "issuer",
                message: [
                    /IdentityProvider "issuer"\.providerDetails\.oidc_issuer is unknown; it must be an https URL \(Cognito fetches the issuer's discovery document and signing keys from it\)\./,
                ],
            },
            {
                resource: "jwks",
                message: [
                    /IdentityProvider "jwks"\.providerDetails\.jwks_uri is unknown; it must be an https URL \(Cognito exchanges codes, tokens and keys with it\)\./,
                ],
            },
            {
                resource: "saml",
                message: [
                    /IdentityProvider "saml"\.providerDetails\.MetadataURL is unknown; it must be an https URL \(Cognito fetches the SAML metadata and signing certificate from it\)\./,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "type", message: [/providerDetails\.oidc_issuer is not an https URL/] },
            { resource: "issuer", message: [/providerDetails\.oidc_issuer is not an https URL/] },
            { resource: "jwks", message: [/providerDetails\.jwks_uri is not an https URL/] },
            { resource: "saml", message: [/providerDetails\.MetadataURL is not an https URL/] },
        ]);
    });
});
