/**
 * Cognito app clients list only identity providers that exist for their pool.
 *
 * A client's `supportedIdentityProviders` says through which providers its
 * users sign in. COGNITO (the pool's own users) always exists; every other
 * name must be an `aws.cognito.IdentityProvider` of the program defined for
 * the client's own user pool, or a provider the policy config names
 * (`allowedProviders`: providers managed outside the program). A name that
 * is neither is a typo or a leftover that starts accepting whoever controls
 * a provider of that name once one is added to the pool.
 *
 * What a client really needs cannot be seen in resources; the rule checks
 * that what it lists is defined, which is what a program can be held to.
 */
import * as aws from "@pulumi/aws";
import { isUnknown, snapshot } from "../lib/known";
import { listing, unverifiable } from "../lib/messages";
import { derivedFrom, knownOutput, OutputsOf, resourcesOf, sameKnownString, sameOrigin, StackResource } from "../lib/resources";
import { ruleConfig, stackRule } from "../lib/rule";
import { asArray } from "../lib/values";

/** Config of `cognito-app-client-identity-providers`. */
export interface AppClientProvidersConfig {
    /** Provider names app clients may list although no IdentityProvider of the program defines them (managed elsewhere). */
    allowedProviders: string[];
}

export const appClientProvidersConfig = ruleConfig<AppClientProvidersConfig>({
    allowedProviders: {
        type: "array",
        items: { type: "string", minLength: 1, maxLength: 32 },
        uniqueItems: true,
        default: [],
        description: "Identity provider names app clients may list without an IdentityProvider in the program (default none; COGNITO is always allowed).",
    },
});

type Client = StackResource<OutputsOf<aws.cognito.UserPoolClient>>;
type Provider = StackResource<OutputsOf<aws.cognito.IdentityProvider>>;

/** True when the provider belongs to the client's user pool (same origin, or the same literal pool id). */
function samePool(client: Client, provider: Provider): boolean {
    return (
        sameOrigin(client, "userPoolId", provider, "userPoolId") ||
        sameKnownString(
            () => client.props.userPoolId,
            () => provider.props.userPoolId,
        )
    );
}

export const cognitoAppClientIdentityProviders = stackRule({
    name: "cognito-app-client-identity-providers",
    service: "cognito",
    description:
        "Cognito app clients may list in supportedIdentityProviders only COGNITO, identity providers the program defines for the client's user pool, and configured allowedProviders.",
    remediationSteps:
        "Remove the provider from supportedIdentityProviders, define it with aws.cognito.IdentityProvider on the client's user pool, or list it in allowedProviders if it is managed elsewhere.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: {},
    config: appClientProvidersConfig,
    inspects: [aws.cognito.UserPoolClient, aws.cognito.IdentityProvider],
    validateStack: (args, report) => {
        const { allowedProviders } = appClientProvidersConfig.read(args);
        const providers = resourcesOf(args.resources, aws.cognito.IdentityProvider);
        for (const client of resourcesOf(args.resources, aws.cognito.UserPoolClient)) {
            const listed = knownOutput(client, "supportedIdentityProviders", (p) => p.supportedIdentityProviders);
            const entries = listed.known ? asArray(listed.value) : asArray(snapshot(() => client.props.supportedIdentityProviders));
            const ownProviders = providers.filter((p) => samePool(client, p));
            // Names derived from providers' outputs (`idp.providerName`): the engine records where they came from.
            const derived = providers.filter((p) => derivedFrom(client, "supportedIdentityProviders", p));
            const undefinedNames: string[] = [];
            const otherPool: string[] = [];
            for (const entry of entries) {
                if (isUnknown(entry) || typeof entry !== "string") {
                    if (derived.length === 0 || !derived.every((p) => ownProviders.includes(p))) {
                        report(
                            unverifiable(
                                client.label,
                                "supportedIdentityProviders",
                                "name only COGNITO, identity providers of the client's user pool or allowedProviders",
                            ),
                            client.urn,
                        );
                    }
                    continue;
                }
                if (entry === "COGNITO" || allowedProviders.includes(entry)) {
                    continue;
                }
                const named = (p: Provider) =>
                    sameKnownString(
                        () => p.props.providerName,
                        () => entry,
                    );
                if (ownProviders.some(named)) {
                    continue;
                }
                (providers.some(named) ? otherPool : undefinedNames).push(`"${entry}"`);
            }
            if (undefinedNames.length > 0) {
                report(
                    `${client.label} lists ${listing(undefinedNames)} in supportedIdentityProviders, but no IdentityProvider of the program defines ${undefinedNames.length === 1 ? "it" : "them"} and allowedProviders does not name ${undefinedNames.length === 1 ? "it" : "them"}. ` +
                        "Remove the name, define the provider on the client's user pool, or list it in allowedProviders.",
                    client.urn,
                );
            }
            if (otherPool.length > 0) {
                report(
                    `${client.label} lists ${listing(otherPool)} in supportedIdentityProviders, but that IdentityProvider is defined for another user pool than the client's (userPoolId). ` +
                        "Define the provider on the client's user pool or remove the name.",
                    client.urn,
                );
            }
        }
    },
});
