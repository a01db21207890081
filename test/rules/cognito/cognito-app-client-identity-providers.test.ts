import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { appClientProvidersConfig, cognitoAppClientIdentityProviders } from "../../../policy-pack/rules/cognito/cognito-app-client-identity-providers";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, userPool } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "cognito-app-client-identity-providers";
const OIDC = {
    client_id: "client",
    client_secret: "s3cr3t",
    authorize_scopes: "openid email",
    attributes_request_method: "GET",
    oidc_issuer: "https://idp.example.com",
};

const provider = (name: string, pool: aws.cognito.UserPool, providerName = name) =>
    new aws.cognito.IdentityProvider(name, {
        userPoolId: pool.id,
        providerName,
        providerType: "OIDC",
        providerDetails: OIDC,
        attributeMapping: { email: "email" },
    });
const client = (
    name: string,
    pool: aws.cognito.UserPool,
    supportedIdentityProviders: pulumi.Input<pulumi.Input<string>[]> | undefined,
    dependsOn: pulumi.Resource[] = [],
) =>
    new aws.cognito.UserPoolClient(
        name,
        {
            userPoolId: pool.id,
            allowedOauthFlows: ["code"],
            allowedOauthFlowsUserPoolClient: true,
            allowedOauthScopes: ["openid"],
            callbackUrls: ["https://app.example.com/cb"],
            supportedIdentityProviders,
        },
        { dependsOn },
    );
/** The finding on a client listing `names` that no IdentityProvider defines. */
const undefinedMessage = (label: string, names: string, pronoun: "it" | "them") =>
    exactly(
        `UserPoolClient "${label}" lists ${names} in supportedIdentityProviders, but no IdentityProvider of the program defines ${pronoun} and allowedProviders does not name ${pronoun}. ` +
            "Remove the name, define the provider on the client's user pool, or list it in allowedProviders.",
    );
/** A pool with an OIDC provider "Okta" and a client listing `names`. */
const program = (names: string[]) => () => {
    const pool = userPool("pool");
    const okta = provider("Okta", pool);
    client("app", pool, names, [okta]);
};

describe(RULE, () => {
    it("pins the default config (no provider allowed beyond the program's and COGNITO)", () => {
        assert.deepStrictEqual(appClientProvidersConfig.defaults.allowedProviders, []);
        assert.deepStrictEqual(cognitoAppClientIdentityProviders.configSchema?.properties.allowedProviders.default, []);
    });

    it("passes the compliant baseline (COGNITO and a provider of the client's pool), and a client listing none", async () => {
        assertNoFindings(await ruleFindings(RULE, program(["COGNITO", "Okta"])));
        assertNoFindings(
            await ruleFindings(RULE, () => {
                client("app", userPool("pool"), undefined);
            }),
        );
    });

    it("accepts a provider name taken from the IdentityProvider's output (unknown until it exists)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const pool = userPool("pool");
                const okta = provider("Okta", pool);
                client("app", pool, [okta.providerName]);
            }),
        );
    });

    it("rejects a provider no IdentityProvider defines", async () => {
        assertFindings(await ruleFindings(RULE, program(["COGNITO", "Okta", "Google"])), RULE, "mandatory", [
            { resource: "app", message: [undefinedMessage("app", '"Google"', "it")] },
        ]);
    });

    it("rejects a provider defined for another user pool", async () => {
        const found = await ruleFindings(RULE, () => {
            const mine = userPool("mine");
            const theirs = userPool("theirs");
            const okta = provider("Okta", theirs);
            client("app", mine, ["Okta"], [okta]);
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "app",
                message: [
                    exactly(
                        'UserPoolClient "app" lists "Okta" in supportedIdentityProviders, but that IdentityProvider is defined for another user pool than the client\'s (userPoolId). ' +
                            "Define the provider on the client's user pool or remove the name.",
                    ),
                ],
            },
        ]);
    });

    it("reports every client of the stack, naming every undefined provider", async () => {
        const found = await ruleFindings(RULE, () => {
            const pool = userPool("pool");
            client("web", pool, ["Google", "Facebook"]);
            client("admin", pool, ["AzureAD"]);
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "web", message: [undefinedMessage("web", '"Google" and "Facebook"', "them")] },
            { resource: "admin", message: [undefinedMessage("admin", '"AzureAD"', "it")] },
        ]);
    });

    it("accepts a provider of the client's pool given by the same literal pool id, not one of another literal id", async () => {
        const program = (providerPoolId: string) => () => {
            const okta = new aws.cognito.IdentityProvider("Okta", {
                userPoolId: providerPoolId,
                providerName: "Okta",
                providerType: "OIDC",
                providerDetails: OIDC,
                attributeMapping: { email: "email" },
            });
            new aws.cognito.UserPoolClient("app", { userPoolId: "us-east-1_Mine", supportedIdentityProviders: ["Okta"] }, { dependsOn: [okta] });
        };
        assertNoFindings(await ruleFindings(RULE, program("us-east-1_Mine")));
        assertFindings(await ruleFindings(RULE, program("us-east-1_Theirs")), RULE, "mandatory", [
            {
                resource: "app",
                message: [/^UserPoolClient "app" lists "Okta" in supportedIdentityProviders, but that IdentityProvider is defined for another user pool/],
            },
        ]);
    });

    it("rejects a config with an empty, overlong, non-string or repeated allowed provider", async () => {
        const bad: [string, unknown[]][] = [
            ["an empty name", [""]],
            ["a name over 32 characters", ["P".repeat(33)]],
            ["a non-string name", [42]],
            ["a repeated name", ["Google", "Google"]],
        ];
        for (const [what, allowedProviders] of bad) {
            await assert.rejects(ruleFindings(RULE, program(["COGNITO"]), { config: { [RULE]: { allowedProviders } } }), /allowedProviders/, what);
        }
    });

    it("accepts providers the config lists (managed outside the program)", async () => {
        assertNoFindings(await ruleFindings(RULE, program(["Okta", "Google"]), { config: { [RULE]: { allowedProviders: ["Google"] } } }));
    });

    it("names built from outputs are judged once known, and reported as unverifiable at a first preview unless derived from the pool's own provider", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const pool = userPool("pool");
            const okta = provider("Okta", pool);
            client("entry", pool, ["COGNITO", afterDeployment("Google")]);
            client("list", pool, afterDeployment(["Google"]));
            // Unknown at preview (the provider's id), but derived from the client's own pool's provider: accepted.
            client("own", pool, [okta.id.apply(() => "Okta")]);
        });
        const unknown = /is unknown; it must name only COGNITO, identity providers of the client's user pool or allowedProviders\./;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "entry", message: [/UserPoolClient "entry"\.supportedIdentityProviders is unknown;/, unknown] },
            { resource: "list", message: [/UserPoolClient "list"\.supportedIdentityProviders is unknown;/, unknown] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "entry", message: [undefinedMessage("entry", '"Google"', "it")] },
            { resource: "list", message: [undefinedMessage("list", '"Google"', "it")] },
        ]);
    });

    it("a name derived from providers of the client's pool and of another pool is unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const pool = userPool("pool");
            const okta = provider("Okta", pool);
            const partner = provider("Partner", userPool("theirs"));
            client("mixed", pool, [pulumi.all([okta.id, partner.id]).apply(() => "Okta")]);
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "mixed",
                message: [
                    exactly(
                        'cannot be verified at preview: UserPoolClient "mixed".supportedIdentityProviders is unknown; it must name only COGNITO, identity providers of the client\'s user pool or allowedProviders.',
                    ),
                ],
            },
        ]);
        assertNoFindings(found.update);
    });
});
