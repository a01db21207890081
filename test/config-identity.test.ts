/** Stack config of who may call: identity providers, secrets, resource policy, partners, the reference authorizer; and the stacks using them. */
import * as assert from "assert";
import { ConfigError, parsePlatformConfig } from "../stacks/config";
import { OFFLINE_SECRET_PLACEHOLDER } from "../stacks/config-identity";
import { platformProgram } from "../stacks/program";
import { Plan, runProgram, runStack, stackConfig } from "./harness";
import { ProgramError } from "../policy-pack/gate/runtime";

const devCognito = () =>
    JSON.parse(stackConfig("dev")["secure-api-platform:cognito"]) as Record<string, unknown> & {
        identityProviders: Record<string, unknown>[];
        clients: Record<string, unknown>[];
    };
const prodPartners = () => JSON.parse(stackConfig("prod")["secure-api-platform:partners"]) as Record<string, unknown>[];

function problems(stack: string, overrides: Record<string, unknown>, isSecretKey?: (key: string) => boolean): string[] {
    try {
        parsePlatformConfig(stackConfig(stack, overrides), `Pulumi.${stack}.yaml`, undefined, isSecretKey);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.problems;
    }
    return [];
}

const withProvider = (changes: Record<string, unknown>) => {
    const cognito = devCognito();
    return { cognito: { ...cognito, identityProviders: [{ ...cognito.identityProviders[0], ...changes }] } };
};

describe("stack config: who may call", () => {
    it("dev's OIDC client secret is secure: (offline: a placeholder); prod's partner external id too", () => {
        const dev = parsePlatformConfig(stackConfig("dev"), "Pulumi.dev.yaml");
        const idp = dev.cognito!.identityProviders![0];
        assert.strictEqual(idp.type, "OIDC");
        assert.strictEqual(idp.type === "OIDC" && idp.clientSecret, OFFLINE_SECRET_PLACEHOLDER);
        const prod = parsePlatformConfig(stackConfig("prod"), "Pulumi.prod.yaml");
        assert.strictEqual(prod.partners![0].externalId, OFFLINE_SECRET_PLACEHOLDER);
    });

    it("refuses a plain-text secret naming the key and the command; accepts it when Pulumi marked the key secret", () => {
        const plain = withProvider({ clientSecret: "hunter2" });
        assert.deepStrictEqual(problems("dev", plain), [
            "secure-api-platform:cognito.identityProviders[0].clientSecret: is plain text in Pulumi.dev.yaml; store it encrypted: pulumi config set --secret --path 'cognito.identityProviders[0].clientSecret' <value>",
        ]);
        assert.deepStrictEqual(
            problems("dev", plain, (k) => k === "secure-api-platform:cognito"),
            [],
        );
        const partners = [{ ...prodPartners()[0], externalId: "plain-id" }];
        assert.match(problems("prod", { partners }).join("\n"), /^secure-api-platform:partners\[0\]\.externalId: is plain text in Pulumi\.prod\.yaml/m);
    });

    const cases: [string, Record<string, unknown>, RegExp][] = [
        [
            "an http issuer",
            withProvider({ issuer: "http://login.example.com" }),
            /^secure-api-platform:cognito\.identityProviders\[0\]\.issuer: expected an https:\/\/ URL/,
        ],
        [
            "a missing client secret",
            withProvider({ clientSecret: undefined }),
            /^secure-api-platform:cognito\.identityProviders\[0\]\.clientSecret: is required/,
        ],
        ["an unknown provider type", withProvider({ type: "LDAP" }), /cognito\.identityProviders\[0\]\.type: expected one of OIDC, SAML, Google/],
        [
            "an http SAML metadata URL",
            { cognito: { ...devCognito(), identityProviders: [{ type: "SAML", name: "S", metadataUrl: "http://idp.example.com/m" }] } },
            /identityProviders\[0\]\.metadataUrl: expected an https:\/\/ URL/,
        ],
        [
            "a resource policy open to all of IPv4",
            { resourcePolicy: { allowedSourceCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } },
            /^secure-api-platform:resourcePolicy\.allowedSourceCidrs: together cover every IPv4 address/,
        ],
        [
            "a partner session above 43200",
            { "aws:region": "us-east-1", partners: [{ ...prodPartners()[0], maxSessionDurationSeconds: 86400 }] },
            /partners\[0\]\.maxSessionDurationSeconds: expected an integer from 3600 to 43200/,
        ],
    ];
    for (const [what, overrides, message] of cases) {
        it(`rejects ${what}`, () => {
            const found = problems(what.includes("partner") ? "prod" : "dev", overrides);
            assert.ok(
                found.some((p) => message.test(p)),
                `expected ${message}, got:\n${found.join("\n")}`,
            );
        });
    }

    const programCases: [string, string, Record<string, unknown>, RegExp][] = [
        [
            "a client naming an undefined provider",
            "dev",
            { cognito: { ...devCognito(), clients: [{ ...devCognito().clients[0], identityProviders: ["COGNITO", "Nope"] }, devCognito().clients[1]] } },
            /secure-api-platform:cognito\.clients\[0\]\.identityProviders\[1\]: must be COGNITO or a provider of identityProviders \(CorpOIDC\)/,
        ],
        [
            "a SAML metadata file outside the project",
            "dev",
            {
                cognito: {
                    ...devCognito(),
                    identityProviders: [{ type: "SAML", name: "S", metadataFile: "../../etc/idp.xml", attributeMapping: { email: "mail" } }],
                },
            },
            /secure-api-platform:cognito\.identityProviders\[0\]\.metadataFile: \.\.\/\.\.\/etc\/idp\.xml is outside the project/,
        ],
        [
            "a partner granted a cognito route",
            "prod",
            { partners: [{ ...prodPartners()[0], routes: ["GET /orders"] }] },
            /secure-api-platform:partners\[0\]\.routes\[0\]: must be an AWS_IAM route/,
        ],
        [
            "a TTL with the reference authorizer",
            "dev",
            { lambdaAuthorizer: { ...JSON.parse(stackConfig("dev")["secure-api-platform:lambdaAuthorizer"]), resultTtlSeconds: 60 } },
            /secure-api-platform:lambdaAuthorizer\.resultTtlSeconds: must be 0 with the reference authorizer/,
        ],
    ];
    for (const [what, stack, overrides, message] of programCases) {
        it(`the program refuses ${what} before creating anything, naming the key`, async () => {
            const error = await runProgram(platformProgram, { stack, config: stackConfig(stack, overrides) }).then(
                () => undefined,
                (err: unknown) => err,
            );
            assert.ok(error instanceof ProgramError, String(error));
            assert.match(error.message, message);
            assert.deepStrictEqual(
                error.resources.filter((r) => r.custom).map((r) => r.name),
                [],
            );
        });
    }
    it("the program refuses a plain-text secret before creating anything", async () => {
        const config = stackConfig("dev", withProvider({ clientSecret: "hunter2" }));
        const error = await runProgram(platformProgram, { stack: "dev", config }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, /cognito\.identityProviders\[0\]\.clientSecret: is plain text/);
        assert.deepStrictEqual(
            error.resources.filter((r) => r.custom),
            [],
        );
    });
});

describe("stacks: who may call", () => {
    const plans: Record<string, Plan> = {};
    before(async () => {
        plans.dev = await runStack("dev");
        plans.prod = await runStack("prod");
    });

    it("dev federates one OIDC provider for the web client, its secret kept secret", () => {
        const idp = plans.dev.one("aws:cognito/identityProvider:IdentityProvider");
        assert.strictEqual(idp.props.providerType, "OIDC");
        assert.strictEqual((idp.props.providerDetails as Record<string, string>).oidc_issuer, "https://login.dev.example.com");
        assert.ok(idp.secretPaths.some((p) => p.includes("client_secret")));
        const web = plans.dev.ofType("aws:cognito/userPoolClient:UserPoolClient").find((c) => c.props.name === "web")!;
        assert.deepStrictEqual(web.props.supportedIdentityProviders, ["COGNITO", "CorpOIDC"]);
    });

    it("dev deploys the reference JWT authorizer with the cache off; prod keeps its function ARN", () => {
        const fn = plans.dev.one("aws:lambda/function:Function");
        const authorizer = plans.dev.one("aws:apigateway/authorizer:Authorizer", "orders-dev-lambda-authorizer");
        assert.strictEqual(authorizer.props.authorizerResultTtlInSeconds, 0);
        assert.ok(authorizer.propertyDependencies.authorizerUri.includes(fn.urn));
        assert.match(String(plans.dev.outputs.jwtAuthorizerFunctionArn.value), /^arn:aws:lambda:/);
        assert.strictEqual(plans.prod.ofType("aws:lambda/function:Function").length, 0);
    });

    it("prod: a public resource policy limited to the configured ranges, and partner acme's role", () => {
        const policy = JSON.parse(String(plans.prod.props("aws:apigateway/restApi:RestApi").policy)) as {
            Statement: { Sid: string; Condition?: Record<string, Record<string, unknown>> }[];
        };
        const allowList = policy.Statement.find((s) => s.Sid === "DenySourceIpsOutsideAllowList")!;
        assert.deepStrictEqual(allowList.Condition, { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24", "192.0.2.0/24"] } });
        assert.strictEqual(plans.dev.props("aws:apigateway/restApi:RestApi", "orders-dev").policy, undefined);
        const role = plans.prod.one("aws:iam/role:Role", "orders-prod-partner-acme");
        assert.strictEqual(role.props.maxSessionDuration, 3600);
        const trust = JSON.parse(String(role.props.assumeRolePolicy));
        assert.deepStrictEqual(trust.Statement[0].Condition.Bool, { "aws:MultiFactorAuthPresent": "true" });
        assert.deepStrictEqual(Object.keys(plans.prod.outputs.partnerRoleArns.value as object), ["acme"]);
    });
});
