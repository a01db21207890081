/**
 * Federated identity providers of hand-built user pools must be reached over https.
 *
 * An OIDC provider whose issuer (or an explicitly given endpoint) is plain
 * http, or a SAML provider whose metadata is fetched from an http URL, lets
 * anyone on the path forge the identity provider: its keys, its metadata, the
 * tokens Cognito trusts.
 *
 * Not judged: `providerDetails.client_secret`. It would be a plaintext secret
 * only if it were not a Pulumi secret, and `@pulumi/policy` unwraps Pulumi
 * secrets before a rule sees them, so a rule cannot tell a literal from
 * `config.requireSecret` — and Cognito needs the secret in providerDetails.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

/** OIDC endpoints Cognito discovers from the issuer; when given explicitly they must be https too. */
const OIDC_ENDPOINTS = ["authorize_url", "token_url", "attributes_url", "jwks_uri"] as const;

/** True for an absolute https URL with a host. */
export function isHttpsUrl(value: unknown): boolean {
    if (typeof value !== "string") {
        return false;
    }
    try {
        const url = new URL(value);
        return url.protocol === "https:" && url.hostname !== "";
    } catch {
        return false;
    }
}

export const cognitoIdentityProviderHttps = resourceRule({
    name: "cognito-identity-provider-https",
    service: "cognito",
    description:
        "Cognito OIDC identity providers must have an https oidc_issuer (and https endpoints when given); SAML providers must fetch MetadataURL over https.",
    remediationSteps: "Set providerDetails.oidc_issuer (OIDC) or providerDetails.MetadataURL (SAML) to the identity provider's https URL.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: validateResourceOfType(aws.cognito.IdentityProvider, (idp, args, report) => {
        const label = describe(args);
        const type = known(() => idp.providerType, "providerType");
        if (!type.known) {
            report(unverifiable(label, type.path, "be known: OIDC and SAML providers must be reached over https"));
            return;
        }
        const kind = typeof type.value === "string" ? type.value.toUpperCase() : "";
        const check = (key: string, required: boolean, what: string) => {
            const value = known(() => (idp.providerDetails as Record<string, unknown> | undefined)?.[key], `providerDetails.${key}`);
            if (!value.known) {
                report(unverifiable(label, value.path, `be an https URL (${what})`));
            } else if (value.value === undefined || value.value === "") {
                if (required) {
                    report(`${label} is an OIDC provider without providerDetails.${key}. Set providerDetails.${key} to the issuer's https URL.`);
                }
            } else if (!isHttpsUrl(value.value)) {
                report(
                    `${label} providerDetails.${key} is not an https URL, so anyone on the path can impersonate the identity provider (${what}). ` +
                        `Set providerDetails.${key} to the identity provider's https URL.`,
                );
            }
        };
        if (kind === "OIDC") {
            check("oidc_issuer", true, "Cognito fetches the issuer's discovery document and signing keys from it");
            for (const endpoint of OIDC_ENDPOINTS) {
                check(endpoint, false, "Cognito exchanges codes, tokens and keys with it");
            }
        } else if (kind === "SAML") {
            check("MetadataURL", false, "Cognito fetches the SAML metadata and signing certificate from it");
        }
    }),
});
