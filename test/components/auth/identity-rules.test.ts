/** The pack's identity and cross-account rules on the platform's own components: their defaults pass, each default turned off is caught. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { CognitoUserPool, CognitoUserPoolArgs, PartnerRole, PartnerRoleArgs, PublicApi } from "../../../components";
import type { PolicyPackConfigFile } from "../../../policy-pack/gate/engine";
import { Plan, runProgram } from "../../harness";
import { restApiArgs } from "../fixtures";

const RULES = [
    "cognito-user-pool-self-sign-up",
    "cognito-user-pool-deletion-protection",
    "cognito-identity-pool-unauthenticated",
    "cognito-app-client-identity-providers",
    "iam-cross-account-role-trust",
];
const PROD_POOL = { "cognito-user-pool-deletion-protection": { required: true } };
const DEV_POOL = { "cognito-user-pool-deletion-protection": { required: false } };

async function findings(plan: Plan, config?: PolicyPackConfigFile): Promise<string[]> {
    return (await plan.violations({ config })).filter((v) => RULES.includes(v.policyName)).map((v) => `${v.policyName} ${v.resourceName}`);
}

const poolArgs = (overrides: Partial<CognitoUserPoolArgs> = {}): CognitoUserPoolArgs => ({
    environment: "prod",
    resourceServerIdentifier: "https://api.example.com",
    scopes: [{ name: "orders.read", description: "Read" }],
    clients: [{ name: "web", kind: "spa", callbackUrls: ["https://app.example.com/cb"], identityProviders: ["COGNITO", "Corp"] }],
    identityProviders: [{ type: "OIDC", name: "Corp", issuer: "https://login.example.com", clientId: "cid", clientSecret: pulumi.secret("s3cret") }],
    ...overrides,
});

/** Overrides the inputs of the component's children of one type (a default turned off). */
const override =
    (type: string, props: Record<string, unknown>): pulumi.ResourceTransform =>
    (a) =>
        a.type === type ? { props: { ...a.props, ...props }, opts: a.opts } : undefined;

describe("identity and cross-account rules on the components", () => {
    it("CognitoUserPool (prod, federated OIDC) passes every rule, deletion protection required", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs());
        });
        assert.deepStrictEqual(await findings(plan, PROD_POOL), []);
    });

    it("a dev pool is not deletion-protected: the default (and prod) config catches it, the dev config relaxes it", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs({ environment: "dev" }));
        });
        assert.deepStrictEqual(await findings(plan), ["cognito-user-pool-deletion-protection users"]);
        assert.deepStrictEqual(await findings(plan, PROD_POOL), ["cognito-user-pool-deletion-protection users"]);
        assert.deepStrictEqual(await findings(plan, DEV_POOL), []);
    });

    it("self sign-up and a client naming an undefined provider, turned on under the component, are caught", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs(), {
                transforms: [
                    override("aws:cognito/userPool:UserPool", { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }),
                    override("aws:cognito/userPoolClient:UserPoolClient", { supportedIdentityProviders: ["COGNITO", "Corp", "Google"] }),
                ],
            });
        });
        assert.deepStrictEqual((await findings(plan, PROD_POOL)).sort(), [
            "cognito-app-client-identity-providers users-web",
            "cognito-user-pool-self-sign-up users",
        ]);
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
        const partner = (overrides: Partial<PartnerRoleArgs> = {}) =>
            runProgram(() => {
                const api = new PublicApi("api", restApiArgs());
                new PartnerRole("p", args(api, overrides));
            });

        it("defaults pass; with requireMfa it passes the MFA config, without it that config catches it", async () => {
            const mfaConfig = { "iam-cross-account-role-trust": { requireMfa: true } };
            assert.deepStrictEqual(await findings(await partner()), []);
            assert.deepStrictEqual(await findings(await partner({ requireMfa: true }), mfaConfig), []);
            assert.deepStrictEqual(await findings(await partner(), mfaConfig), ["iam-cross-account-role-trust p"]);
        });

        it("a session the component allows (43200 s) is caught unless the config raises the maximum", async () => {
            const plan = await partner({ maxSessionDurationSeconds: 43200 });
            assert.deepStrictEqual(await findings(plan), ["iam-cross-account-role-trust p"]);
            assert.deepStrictEqual(await findings(plan, { "iam-cross-account-role-trust": { maxSessionSeconds: 43200 } }), []);
        });
    });
});
