import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PASSWORD } from "../../policy-pack/baseline";
import { slug } from "../shared/naming";
import { CognitoUserPoolArgs, validateCognitoUserPoolArgs } from "./cognito-user-pool-args";
import { createIdentityProviders } from "./identity-providers";

export * from "./cognito-user-pool-args";

/**
 * A Cognito user pool for API callers: strong password policy, TOTP MFA
 * (required in prod), advanced security, admin-only sign-up, email recovery,
 * a resource server with scopes, and app clients (SPA without secret, M2M with).
 * Advanced security needs the PLUS feature plan, which Cognito bills per user.
 */
export class CognitoUserPool extends pulumi.ComponentResource {
    /** The `aws.cognito.UserPool`. */
    public readonly userPool: aws.cognito.UserPool;
    /** Pool id. */
    public readonly userPoolId: pulumi.Output<string>;
    /** Pool ARN (what a Cognito authorizer trusts). */
    public readonly userPoolArn: pulumi.Output<string>;
    /** Token issuer, `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
    public readonly issuerUrl: pulumi.Output<string>;
    /** Client name to client id. */
    public readonly clientIds: pulumi.Output<Record<string, string>>;
    /** Client name to client secret (m2m clients only), as a secret. */
    public readonly clientSecrets: pulumi.Output<Record<string, string>>;
    /** Full scope identifiers, e.g. `https://api.example.com/orders.read`. */
    public readonly scopeIdentifiers: pulumi.Output<string[]>;

    constructor(name: string, args: CognitoUserPoolArgs, opts?: pulumi.ComponentResourceOptions) {
        const { mfa, security } = validateCognitoUserPoolArgs(args);
        super("secure-api:auth:CognitoUserPool", name, {}, opts);
        const parent = { parent: this };
        const pool = new aws.cognito.UserPool(
            name,
            {
                mfaConfiguration: mfa,
                softwareTokenMfaConfiguration: { enabled: true },
                passwordPolicy: {
                    minimumLength: args.passwordMinimumLength ?? PASSWORD.defaultLength,
                    requireLowercase: true,
                    requireUppercase: true,
                    requireNumbers: true,
                    requireSymbols: true,
                    temporaryPasswordValidityDays: Math.min(3, PASSWORD.maxTemporaryValidityDays),
                    passwordHistorySize: 12,
                },
                userPoolTier: "PLUS",
                userPoolAddOns: { advancedSecurityMode: security },
                adminCreateUserConfig: { allowAdminCreateUserOnly: true },
                usernameAttributes: ["email"],
                autoVerifiedAttributes: ["email"],
                accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
                deletionProtection: args.environment === "prod" ? "ACTIVE" : "INACTIVE",
                tags: args.tags,
            },
            parent,
        );
        const server = new aws.cognito.ResourceServer(
            `${name}-api`,
            {
                userPoolId: pool.id,
                identifier: args.resourceServerIdentifier,
                name: `${name}-api`,
                scopes: args.scopes.map((s) => ({ scopeName: s.name, scopeDescription: s.description })),
            },
            parent,
        );
        if (args.domainPrefix) {
            new aws.cognito.UserPoolDomain(`${name}-domain`, { domain: args.domainPrefix, userPoolId: pool.id }, parent);
        }
        const providers = createIdentityProviders(name, pool.id, args.identityProviders ?? [], this);
        const validity = args.tokenValidityMinutes ?? 60;
        const clients = args.clients.map((client) => {
            const scopes = (client.scopes ?? []).map((s) => `${args.resourceServerIdentifier}/${s}`);
            const common = {
                userPoolId: pool.id,
                name: client.name,
                accessTokenValidity: validity,
                idTokenValidity: validity,
                refreshTokenValidity: 30,
                tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
                preventUserExistenceErrors: "ENABLED",
                enableTokenRevocation: true,
                allowedOauthFlowsUserPoolClient: true,
                supportedIdentityProviders: client.identityProviders ?? ["COGNITO"],
            };
            // A client can only name a provider once it exists.
            const dependsOn = [server, ...(client.identityProviders ?? []).flatMap((p) => providers.get(p) ?? [])];
            const created =
                client.kind === "spa"
                    ? new aws.cognito.UserPoolClient(
                          `${name}-${slug(client.name)}`,
                          {
                              ...common,
                              generateSecret: false,
                              allowedOauthFlows: ["code"],
                              allowedOauthScopes: ["openid", "email", ...scopes],
                              callbackUrls: client.callbackUrls,
                              logoutUrls: client.logoutUrls,
                              explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                          },
                          { parent: this, dependsOn },
                      )
                    : new aws.cognito.UserPoolClient(
                          `${name}-${slug(client.name)}`,
                          {
                              ...common,
                              generateSecret: true,
                              allowedOauthFlows: ["client_credentials"],
                              allowedOauthScopes: scopes,
                              explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
                          },
                          { parent: this, dependsOn: [server], additionalSecretOutputs: ["clientSecret"] },
                      );
            return { client, created };
        });
        const region = aws.getRegionOutput({}, parent);
        this.userPool = pool;
        this.userPoolId = pool.id;
        this.userPoolArn = pool.arn;
        this.issuerUrl = pulumi.interpolate`https://cognito-idp.${region.region}.amazonaws.com/${pool.id}`;
        this.clientIds = pulumi.all(clients.map((c) => c.created.id)).apply((ids) => Object.fromEntries(ids.map((id, i) => [clients[i].client.name, id])));
        const m2m = clients.filter((c) => c.client.kind === "m2m");
        this.clientSecrets = pulumi.secret(
            pulumi.all(m2m.map((c) => c.created.clientSecret)).apply((secrets) => Object.fromEntries(secrets.map((s, i) => [m2m[i].client.name, s]))),
        );
        this.scopeIdentifiers = pulumi.output(args.scopes.map((s) => `${args.resourceServerIdentifier}/${s.name}`));
        this.registerOutputs({
            userPoolId: this.userPoolId,
            userPoolArn: this.userPoolArn,
            issuerUrl: this.issuerUrl,
            clientIds: this.clientIds,
            clientSecrets: this.clientSecrets,
        });
    }
}
