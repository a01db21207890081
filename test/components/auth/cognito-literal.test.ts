/**
 * CognitoUserPool, pinned with literals: every argument check's exact message and its boundaries
 * (names, scopes, clients, URLs, domain prefix, token validity), and the exact inputs of the pool,
 * resource server and app clients Cognito gets.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { CognitoUserPool, CognitoUserPoolArgs, IdentityProviderArgs, UserPoolClientArgs, validateCognitoUserPoolArgs } from "../../../components";
import { runProgram } from "../../harness";

const oidc: IdentityProviderArgs = { type: "OIDC", name: "Corp", issuer: "https://login.example.com", clientId: "cid", clientSecret: pulumi.secret("s3cret") };
const spa = (overrides: Partial<UserPoolClientArgs> = {}): UserPoolClientArgs => ({
    name: "web",
    kind: "spa",
    callbackUrls: ["https://app.example.com/cb"],
    ...overrides,
});
const poolArgs = (overrides: Partial<CognitoUserPoolArgs> = {}): CognitoUserPoolArgs => ({
    environment: "dev",
    resourceServerIdentifier: "https://api.example.com",
    scopes: [{ name: "orders.read", description: "Read orders" }],
    clients: [spa()],
    ...overrides,
});
const long = (n: number, ch = "a"): string => ch.repeat(n);

describe("CognitoUserPool argument checks (exact messages)", () => {
    const rejected: [string, Partial<CognitoUserPoolArgs>, string][] = [
        ["an unknown environment", { environment: "test" as "dev" }, 'CognitoUserPool: environment must be one of dev, prod (got "test")'],
        [
            "advanced security OFF",
            { advancedSecurityMode: "OFF" as "AUDIT" },
            'CognitoUserPool: advancedSecurityMode must be one of AUDIT, ENFORCED (got "OFF")',
        ],
        ["token validity 4 (min-1)", { tokenValidityMinutes: 4 }, "CognitoUserPool: tokenValidityMinutes must be an integer from 5 to 1440 (got 4)"],
        ["token validity 1441 (max+1)", { tokenValidityMinutes: 1441 }, "CognitoUserPool: tokenValidityMinutes must be an integer from 5 to 1440 (got 1441)"],
        [
            "a resource server identifier with a space",
            { resourceServerIdentifier: "https://api example.com" },
            'CognitoUserPool: resourceServerIdentifier must be 1-256 printable characters without spaces (got "https://api example.com")',
        ],
        [
            "a 257-character resource server identifier",
            { resourceServerIdentifier: long(257) },
            `CognitoUserPool: resourceServerIdentifier must be 1-256 printable characters without spaces (got "${long(257)}")`,
        ],
        ["no scopes", { scopes: [] }, "CognitoUserPool: scopes must list at least one scope"],
        ["scopes left out", { scopes: undefined as unknown as [] }, "CognitoUserPool: scopes must list at least one scope"],
        [
            "a scope name with a space",
            { scopes: [{ name: "orders read", description: "x" }] },
            'CognitoUserPool: scopes[0].name must be letters, digits, . _ - (got "orders read")',
        ],
        [
            "a 257-character scope name",
            { scopes: [{ name: long(257), description: "x" }] },
            `CognitoUserPool: scopes[0].name must be letters, digits, . _ - (got "${long(257)}")`,
        ],
        ["no clients", { clients: [] }, "CognitoUserPool: clients must list at least one app client"],
        ["clients left out", { clients: undefined as unknown as [] }, "CognitoUserPool: clients must list at least one app client"],
        ["an unknown client kind", { clients: [spa({ kind: "web" as "spa" })] }, 'CognitoUserPool: clients[0].kind must be one of spa, m2m (got "web")'],
        [
            "a client name with a slash",
            { clients: [spa({ name: "web/app" })] },
            'CognitoUserPool: clients[0].name must be 1-128 word characters (got "web/app")',
        ],
        [
            "a 129-character client name",
            { clients: [spa({ name: long(129) })] },
            `CognitoUserPool: clients[0].name must be 1-128 word characters (got "${long(129)}")`,
        ],
        ["a duplicate client name", { clients: [spa(), spa()] }, 'CognitoUserPool: clients[1].name duplicates client "web"'],
        [
            "a provider when the pool defines none",
            { clients: [spa({ identityProviders: ["Corp"] })] },
            'CognitoUserPool: clients[0].identityProviders[0] must be COGNITO or a provider of identityProviders (none defined) (got "Corp")',
        ],
        [
            "a provider the pool does not define (two defined)",
            {
                identityProviders: [oidc, { type: "Google", name: "Google", clientId: "g", clientSecret: "gs" }],
                clients: [spa({ identityProviders: ["Okta"] })],
            },
            'CognitoUserPool: clients[0].identityProviders[0] must be COGNITO or a provider of identityProviders (Corp, Google) (got "Okta")',
        ],
        [
            "an m2m client with COGNITO and a federated provider",
            { identityProviders: [oidc], clients: [{ name: "worker", kind: "m2m", scopes: ["orders.read"], identityProviders: ["COGNITO", "Corp"] }] },
            "CognitoUserPool: clients[0].identityProviders only apply to spa clients (an m2m client signs in with its own secret)",
        ],
        [
            "an http callback in prod",
            { environment: "prod", clients: [spa({ callbackUrls: ["http://localhost:3000/cb"] })] },
            'CognitoUserPool: clients[0].callbackUrls[0] must be an https URL (got "http://localhost:3000/cb")',
        ],
        [
            "an http logout URL in dev (indexed in logoutUrls)",
            { clients: [spa({ logoutUrls: ["http://app.example.com/bye"] })] },
            'CognitoUserPool: clients[0].logoutUrls[0] must be an https URL (or http://localhost in dev) (got "http://app.example.com/bye")',
        ],
        [
            "an empty domain prefix",
            { domainPrefix: "" },
            'CognitoUserPool: domainPrefix must be lower-case letters, digits and -, not starting or ending with - (got "")',
        ],
    ];
    for (const [what, overrides, message] of rejected) {
        it(`rejects ${what}`, () => {
            assert.throws(
                () => validateCognitoUserPoolArgs(poolArgs(overrides)),
                (error: Error) => {
                    assert.strictEqual(error.message, message);
                    return true;
                },
            );
        });
    }

    const badUrl = (u: string): string =>
        `CognitoUserPool: clients[0].callbackUrls[0] must be an https URL (or http://localhost in dev) (got ${JSON.stringify(u)})`;
    for (const url of [
        "http://evil.example.com/http://localhost/",
        "http://localhost.evil.example.com/",
        "ftp://x/https://app.example.com",
        "https://app.example.com/cb x",
    ]) {
        it(`rejects the callback URL ${JSON.stringify(url)} in dev`, () => {
            assert.throws(
                () => validateCognitoUserPoolArgs(poolArgs({ clients: [spa({ callbackUrls: [url] })] })),
                (error: Error) => {
                    assert.strictEqual(error.message, badUrl(url));
                    return true;
                },
            );
        });
    }

    const badPrefix = (p: string): string =>
        `CognitoUserPool: domainPrefix must be lower-case letters, digits and -, not starting or ending with - (got ${JSON.stringify(p)})`;
    for (const prefix of ["-orders", "orders-", "Orders", long(64)]) {
        it(`rejects the domain prefix ${JSON.stringify(prefix)}`, () => {
            assert.throws(
                () => validateCognitoUserPoolArgs(poolArgs({ domainPrefix: prefix })),
                (error: Error) => {
                    assert.strictEqual(error.message, badPrefix(prefix));
                    return true;
                },
            );
        });
    }

    const accepted: [string, Partial<CognitoUserPoolArgs>][] = [
        ["token validity 5 (min)", { tokenValidityMinutes: 5 }],
        ["token validity 1440 (max)", { tokenValidityMinutes: 1440 }],
        ["a 256-character resource server identifier", { resourceServerIdentifier: long(256, "~") }],
        ["a 256-character scope name", { scopes: [{ name: long(256), description: "x" }] }],
        ["a client name with spaces and + = , . @ -", { clients: [spa({ name: "web app+=,.@-_" })] }],
        ["a 128-character client name", { clients: [spa({ name: long(128) })] }],
        ["an m2m client naming only COGNITO", { clients: [{ name: "worker", kind: "m2m", scopes: ["orders.read"], identityProviders: ["COGNITO"] }] }],
        ["http://localhost/cb in dev", { clients: [spa({ callbackUrls: ["http://localhost/cb"] })] }],
        ["http://localhost:3000/cb in dev", { clients: [spa({ callbackUrls: ["http://localhost:3000/cb"] })] }],
        ["http://localhost:3000 (no path) in dev", { clients: [spa({ callbackUrls: ["http://localhost:3000"], logoutUrls: ["http://localhost"] })] }],
        ["a one-character domain prefix", { domainPrefix: "a" }],
        ["a 63-character domain prefix", { domainPrefix: `a${long(61, "-")}b` }],
    ];
    for (const [what, overrides] of accepted) {
        it(`accepts ${what}`, () => {
            assert.deepStrictEqual(validateCognitoUserPoolArgs(poolArgs(overrides)), { mfa: "OPTIONAL", security: "ENFORCED" });
        });
    }
});

describe("CognitoUserPool resources (exact inputs)", () => {
    const clients: UserPoolClientArgs[] = [spa(), { name: "worker", kind: "m2m", scopes: ["orders.read"] }];

    it("the pool: PLUS tier, email usernames verified and used for recovery, 3-day temporary passwords, history of 12", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs());
        });
        const pool = plan.props("aws:cognito/userPool:UserPool");
        assert.deepStrictEqual(pool.passwordPolicy, {
            minimumLength: 14,
            requireLowercase: true,
            requireUppercase: true,
            requireNumbers: true,
            requireSymbols: true,
            temporaryPasswordValidityDays: 3,
            passwordHistorySize: 12,
        });
        assert.strictEqual(pool.userPoolTier, "PLUS");
        assert.deepStrictEqual(pool.usernameAttributes, ["email"]);
        assert.deepStrictEqual(pool.autoVerifiedAttributes, ["email"]);
        assert.deepStrictEqual(pool.accountRecoverySetting, { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] });
    });

    it("the resource server is named <name>-api and carries the scopes with their descriptions", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs());
        });
        const server = plan.one("aws:cognito/resourceServer:ResourceServer");
        assert.strictEqual(server.name, "users-api");
        assert.strictEqual(server.props.name, "users-api");
        assert.strictEqual(server.props.identifier, "https://api.example.com");
        assert.deepStrictEqual(server.props.scopes, [{ scopeName: "orders.read", scopeDescription: "Read orders" }]);
    });

    it("every client: token units minutes/minutes/days, 30-day refresh, no user existence errors, revocation, OAuth on", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs({ clients, tokenValidityMinutes: 30 }));
        });
        const found = plan.ofType("aws:cognito/userPoolClient:UserPoolClient");
        assert.deepStrictEqual(found.map((c) => c.name).sort(), ["users-web", "users-worker"]);
        for (const c of found) {
            assert.deepStrictEqual(c.props.tokenValidityUnits, { accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
            assert.strictEqual(c.props.accessTokenValidity, 30);
            assert.strictEqual(c.props.idTokenValidity, 30);
            assert.strictEqual(c.props.refreshTokenValidity, 30);
            assert.strictEqual(c.props.preventUserExistenceErrors, "ENABLED");
            assert.strictEqual(c.props.enableTokenRevocation, true);
            assert.strictEqual(c.props.allowedOauthFlowsUserPoolClient, true);
            assert.deepStrictEqual(c.props.supportedIdentityProviders, ["COGNITO"]);
        }
    });

    it("spa: SRP and refresh auth flows, openid and email only without scopes; m2m: refresh flow only", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs({ clients }));
        });
        const web = plan.props("aws:cognito/userPoolClient:UserPoolClient", "users-web");
        const worker = plan.props("aws:cognito/userPoolClient:UserPoolClient", "users-worker");
        assert.deepStrictEqual(web.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
        assert.deepStrictEqual(web.allowedOauthScopes, ["openid", "email"]);
        assert.deepStrictEqual(web.callbackUrls, ["https://app.example.com/cb"]);
        assert.deepStrictEqual(worker.explicitAuthFlows, ["ALLOW_REFRESH_TOKEN_AUTH"]);
    });

    it("the m2m client is the pool's child and waits for the resource server", async () => {
        const plan = await runProgram(() => {
            new CognitoUserPool("users", poolArgs({ clients }));
        });
        const component = plan.one("secure-api:auth:CognitoUserPool");
        const server = plan.one("aws:cognito/resourceServer:ResourceServer");
        for (const name of ["users-web", "users-worker"]) {
            const client = plan.one("aws:cognito/userPoolClient:UserPoolClient", name);
            assert.strictEqual(client.parent, component.urn);
            assert.ok(client.dependencies.includes(server.urn), `${name} depends on ${client.dependencies.join(", ")}`);
        }
    });

    it("outputs: the issuer URL of the pool and the full scope identifiers", async () => {
        const plan = await runProgram(() => {
            const pool = new CognitoUserPool(
                "users",
                poolArgs({
                    scopes: [
                        { name: "orders.read", description: "R" },
                        { name: "orders.write", description: "W" },
                    ],
                }),
            );
            return { id: pool.userPoolId, issuer: pool.issuerUrl, scopes: pool.scopeIdentifiers };
        });
        const id = String(plan.outputs.id.value);
        assert.ok(id.length > 0);
        assert.strictEqual(plan.outputs.issuer.value, `https://cognito-idp.us-east-1.amazonaws.com/${id}`);
        assert.deepStrictEqual(plan.outputs.scopes.value, ["https://api.example.com/orders.read", "https://api.example.com/orders.write"]);
    });
});
