/**
 * Federated identity providers of a Cognito user pool: OIDC, SAML and the
 * social providers, each an `aws.cognito.IdentityProvider`. The
 * `providerDetails` keys per provider type are Cognito's
 * (`CreateIdentityProvider`, ProviderDetails,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html):
 * Google and LoginWithAmazon `client_id`, `client_secret`, `authorize_scopes`;
 * Facebook the same plus `api_version`; SignInWithApple `client_id`,
 * `team_id`, `key_id`, `private_key`, `authorize_scopes`; OIDC `client_id`,
 * `client_secret`, `attributes_request_method`, `oidc_issuer`,
 * `authorize_scopes`; SAML `MetadataURL` or `MetadataFile`, `IDPSignout`,
 * `RequestSigningAlgorithm` (only `rsa-sha256`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgumentError, matches } from "../shared/validation";

/** Social provider types; for them Cognito requires the provider name to equal the type. */
export const SOCIAL_PROVIDER_TYPES = ["Google", "Facebook", "LoginWithAmazon", "SignInWithApple"] as const;
export type SocialProviderType = (typeof SOCIAL_PROVIDER_TYPES)[number];

interface ProviderBase {
    /** Provider name, what app clients list in `identityProviders` (social providers: the type itself). */
    name: string;
    /**
     * User pool attribute to provider attribute (claim or SAML attribute name).
     * @default { email: "email" } for OIDC and social providers; required for SAML
     */
    attributeMapping?: Record<string, string>;
    /**
     * Scopes requested from the provider.
     * @default ["openid", "email"] (OIDC), ["openid", "email", "profile"] (Google), ["public_profile", "email"] (Facebook),
     * ["profile"] (LoginWithAmazon), ["email", "name"] (SignInWithApple)
     */
    scopes?: string[];
}

/** An OpenID Connect provider (discovery at `issuer`). */
export interface OidcProviderArgs extends ProviderBase {
    /** Discriminator. */
    type: "OIDC";
    /** Issuer URL, https only; Cognito discovers the endpoints at `<issuer>/.well-known/openid-configuration`. */
    issuer: string;
    /** The client id Cognito uses at the provider. */
    clientId: string;
    /** The client secret: a Pulumi secret. */
    clientSecret: pulumi.Input<string>;
    /**
     * How Cognito calls the userinfo endpoint.
     * @default "GET"
     */
    attributesRequestMethod?: "GET" | "POST";
}

/** A SAML 2.0 provider. */
export interface SamlProviderArgs extends ProviderBase {
    /** Discriminator. */
    type: "SAML";
    /**
     * The IdP's metadata URL, https only (give it or `metadataXml`).
     * @default undefined
     */
    metadataUrl?: string;
    /**
     * The IdP's metadata document (the stack reads it from a file in the project).
     * @default undefined
     */
    metadataXml?: string;
    /**
     * Sign the SAML requests Cognito sends (`RequestSigningAlgorithm: rsa-sha256`).
     * @default true
     */
    signRequests?: boolean;
    /**
     * Sign users out of the IdP too (`IDPSignout`).
     * @default false
     */
    idpSignout?: boolean;
}

/** A social provider. */
export interface SocialProviderArgs extends ProviderBase {
    /** Discriminator. */
    type: SocialProviderType;
    /** The app id / client id / services id at the provider. */
    clientId: string;
    /**
     * The app secret (Google, Facebook, LoginWithAmazon): a Pulumi secret.
     * @default undefined (required except for SignInWithApple)
     */
    clientSecret?: pulumi.Input<string>;
    /**
     * SignInWithApple: team id, key id and the private key (a Pulumi secret).
     * @default undefined (required for SignInWithApple)
     */
    apple?: { teamId: string; keyId: string; privateKey: pulumi.Input<string> };
    /**
     * Facebook Graph API version, e.g. `v17.0`.
     * @default undefined (Cognito's default)
     */
    apiVersion?: string;
}

/** One federated identity provider. */
export type IdentityProviderArgs = OidcProviderArgs | SamlProviderArgs | SocialProviderArgs;

const C = "CognitoUserPool";
const DEFAULT_SCOPES: Record<IdentityProviderArgs["type"], string[]> = {
    OIDC: ["openid", "email"],
    SAML: [],
    Google: ["openid", "email", "profile"],
    Facebook: ["public_profile", "email"],
    LoginWithAmazon: ["profile"],
    SignInWithApple: ["email", "name"],
};
/** Cognito ProviderNameType: 1-32 characters, no leading/trailing `_` or whitespace. */
const PROVIDER_NAME = /^[^_\s][^\s]{0,30}[^_\s]$|^[^_\s]$/;

function httpsUrl(argument: string, value: unknown): void {
    let url: URL | undefined;
    try {
        url = typeof value === "string" ? new URL(value) : undefined;
    } catch {
        url = undefined;
    }
    if (!url || url.protocol !== "https:" || url.username || url.password || url.hash) {
        throw new ComponentArgumentError(C, argument, `must be an https URL (got ${JSON.stringify(value)})`);
    }
}

const missing = (v: unknown) => v === undefined || v === null || v === "";

/** Validates the providers and returns their names (what clients may list besides `COGNITO`). */
export function validateIdentityProviders(providers: readonly IdentityProviderArgs[]): Set<string> {
    const names = new Set<string>();
    providers.forEach((p, i) => {
        const at = `identityProviders[${i}]`;
        const types = ["OIDC", "SAML", ...SOCIAL_PROVIDER_TYPES];
        if (!types.includes(p.type)) {
            throw new ComponentArgumentError(C, `${at}.type`, `must be one of ${types.join(", ")} (got ${JSON.stringify(p.type)})`);
        }
        matches(C, `${at}.name`, p.name, PROVIDER_NAME, "1-32 characters without spaces, not starting or ending with _");
        if (p.name === "COGNITO" || names.has(p.name)) {
            throw new ComponentArgumentError(C, `${at}.name`, `must be unique and not COGNITO (got ${JSON.stringify(p.name)})`);
        }
        if ((SOCIAL_PROVIDER_TYPES as readonly string[]).includes(p.type) && p.name !== p.type) {
            throw new ComponentArgumentError(
                C,
                `${at}.name`,
                `must be ${JSON.stringify(p.type)} for a ${p.type} provider (Cognito names social providers by their type)`,
            );
        }
        names.add(p.name);
        if (p.type === "OIDC") {
            httpsUrl(`${at}.issuer`, p.issuer);
            if (missing(p.clientId)) {
                throw new ComponentArgumentError(C, `${at}.clientId`, "is required for an OIDC provider");
            }
            if (missing(p.clientSecret)) {
                throw new ComponentArgumentError(C, `${at}.clientSecret`, "is required for an OIDC provider (a Pulumi secret)");
            }
            if (!(p.scopes ?? DEFAULT_SCOPES.OIDC).includes("openid")) {
                throw new ComponentArgumentError(C, `${at}.scopes`, "must include openid for an OIDC provider");
            }
        } else if (p.type === "SAML") {
            if ((p.metadataUrl === undefined) === (p.metadataXml === undefined)) {
                throw new ComponentArgumentError(C, `${at}.metadataUrl/metadataXml`, "exactly one is required for a SAML provider");
            }
            if (p.metadataUrl !== undefined) {
                httpsUrl(`${at}.metadataUrl`, p.metadataUrl);
            } else if (!/<(\w+:)?EntityDescriptor[\s>]/.test(p.metadataXml ?? "")) {
                throw new ComponentArgumentError(C, `${at}.metadataXml`, "must be a SAML metadata document (an EntityDescriptor)");
            }
            if (!p.attributeMapping || !p.attributeMapping.email) {
                throw new ComponentArgumentError(C, `${at}.attributeMapping`, "must map email to a SAML attribute (the pool's users sign in with email)");
            }
        } else {
            if (missing(p.clientId)) {
                throw new ComponentArgumentError(C, `${at}.clientId`, `is required for a ${p.type} provider`);
            }
            if (p.type === "SignInWithApple") {
                if (!p.apple || missing(p.apple.teamId) || missing(p.apple.keyId) || missing(p.apple.privateKey)) {
                    throw new ComponentArgumentError(C, `${at}.apple`, "must give teamId, keyId and privateKey (a Pulumi secret) for SignInWithApple");
                }
            } else if (missing(p.clientSecret)) {
                throw new ComponentArgumentError(C, `${at}.clientSecret`, `is required for a ${p.type} provider (a Pulumi secret)`);
            }
        }
        Object.entries(p.attributeMapping ?? {}).forEach(([k, v]) => {
            if (!k || !v) {
                throw new ComponentArgumentError(
                    C,
                    `${at}.attributeMapping`,
                    `must map non-empty attribute names (got ${JSON.stringify(k)}: ${JSON.stringify(v)})`,
                );
            }
        });
    });
    return names;
}

/** The `providerDetails` Cognito expects for a provider; secrets stay Pulumi secrets. */
export function providerDetails(p: IdentityProviderArgs): Record<string, pulumi.Input<string>> {
    const scopes = (p.scopes ?? DEFAULT_SCOPES[p.type]).join(" ");
    const secret = (v: pulumi.Input<string> | undefined) => pulumi.secret(pulumi.output(v ?? ""));
    switch (p.type) {
        case "OIDC":
            return {
                client_id: p.clientId,
                client_secret: secret(p.clientSecret),
                oidc_issuer: p.issuer,
                authorize_scopes: scopes,
                attributes_request_method: p.attributesRequestMethod ?? "GET",
            };
        case "SAML":
            return {
                ...(p.metadataUrl !== undefined ? { MetadataURL: p.metadataUrl } : { MetadataFile: p.metadataXml! }),
                IDPSignout: String(p.idpSignout ?? false),
                ...((p.signRequests ?? true) ? { RequestSigningAlgorithm: "rsa-sha256" } : {}),
            };
        case "SignInWithApple":
            return {
                client_id: p.clientId,
                team_id: p.apple!.teamId,
                key_id: p.apple!.keyId,
                private_key: secret(p.apple!.privateKey),
                authorize_scopes: scopes,
            };
        default:
            return {
                client_id: p.clientId,
                client_secret: secret(p.clientSecret),
                authorize_scopes: scopes,
                ...(p.type === "Facebook" && p.apiVersion ? { api_version: p.apiVersion } : {}),
            };
    }
}

/** Creates the providers of a pool; returns them by name (clients depend on them). */
export function createIdentityProviders(
    name: string,
    userPoolId: pulumi.Input<string>,
    providers: readonly IdentityProviderArgs[],
    parent: pulumi.Resource,
): Map<string, aws.cognito.IdentityProvider> {
    return new Map(
        providers.map((p) => [
            p.name,
            new aws.cognito.IdentityProvider(
                `${name}-idp-${p.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`,
                {
                    userPoolId,
                    providerName: p.name,
                    providerType: p.type,
                    providerDetails: providerDetails(p),
                    attributeMapping: p.attributeMapping ?? { email: "email" },
                },
                { parent },
            ),
        ]),
    );
}
