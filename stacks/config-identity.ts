/**
 * Stack config of "who may call": federated identity providers, the resource
 * policy, partners and the reference Lambda authorizer; and the check that
 * every secret in them is stored encrypted (`secure:`).
 */
import * as pulumi from "@pulumi/pulumi";
import { allowListProblems, AUTHORIZER_TTL, ipv4CidrProblem } from "../policy-pack/baseline";
import { JWT_ALGORITHMS, LAMBDA_AUTHORIZER_TYPES } from "../components";
import { arr, bool, checkedStr, int, obj, oneOf, optional, record, refined, Spec, str, tagged } from "./config-schema";

/** What a secret holds offline: the gate cannot decrypt `secure:` values and gives them a placeholder. */
export const OFFLINE_SECRET_PLACEHOLDER = "[secret]";

/** A `{ secure: "v1:..." }` envelope: an encrypted value nobody decrypted (the offline gate reads the file itself). */
function isSecureEnvelope(value: unknown): boolean {
    return (
        value !== null &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as Record<string, unknown>).secure === "string"
    );
}

/** A secret value: decrypted by Pulumi (a string), or still encrypted offline (its placeholder). */
export const secretValue = (pattern?: RegExp, expected?: string): Spec<string> => ({
    expected: "a secret value (pulumi config set --secret --path ...)",
    optional: false,
    parse(value, path, errors) {
        if (typeof value === "string" && value.length > 0) {
            if (pattern && !pattern.test(value)) {
                errors.push(`${path}: expected ${expected} (value not shown)`);
                return undefined;
            }
            return value;
        }
        if (isSecureEnvelope(value)) {
            return OFFLINE_SECRET_PLACEHOLDER;
        }
        errors.push(
            `${path}: expected a secret value (pulumi config set --secret --path ...), got ${value === undefined ? "nothing" : "a value that is not a string"}`,
        );
        return undefined;
    },
});

const httpsUrl = str(/^https:\/\/[^\s]+$/, "an https:// URL");
const cidr = checkedStr("an IPv4 CIDR such as 203.0.113.0/24", ipv4CidrProblem);
const cidrList = (minItems = 0) => refined(arr(cidr, minItems), (values) => allowListProblems(values));
const accountId = str(/^\d{12}$/, "a 12-digit AWS account id");
const vpcEndpointId = str(/^vpce-[0-9a-f]{8,17}$/, "a VPC endpoint id such as vpce-0123456789abcdef0");
const attributeMapping = optional(record(str(), /^[\w:.-]{1,64}$/, "a user pool attribute name"));
const scopes = optional(arr(str(/^[\x21-\x7e]+$/, "a scope without spaces"), 1));
const social = { name: str(), clientId: str(), clientSecret: secretValue(), scopes, attributeMapping };

/** `cognito.identityProviders`: one entry per provider, by `type`. */
export const identityProvidersSpec = optional(
    arr(
        tagged("type", {
            OIDC: obj({
                name: str(),
                issuer: httpsUrl,
                clientId: str(),
                clientSecret: secretValue(),
                scopes,
                attributeMapping,
                attributesRequestMethod: optional(oneOf(["GET", "POST"] as const)),
            }),
            SAML: obj({
                name: str(),
                metadataUrl: optional(httpsUrl),
                metadataFile: optional(str(/\.xml$/, "a path to a .xml metadata file, relative to the project")),
                signRequests: optional(bool()),
                idpSignout: optional(bool()),
                attributeMapping,
            }),
            Google: obj(social),
            Facebook: obj({ ...social, apiVersion: optional(str(/^v\d+\.\d+$/, "a Graph API version such as v17.0")) }),
            LoginWithAmazon: obj(social),
            SignInWithApple: obj({ name: str(), clientId: str(), teamId: str(), keyId: str(), privateKey: secretValue(), scopes, attributeMapping }),
        }),
        1,
    ),
);

/** `resourcePolicy`. */
export const resourcePolicySpec = optional(
    obj({
        allowedSourceCidrs: optional(cidrList(1)),
        deniedSourceCidrs: optional(cidrList()),
        organizationId: optional(str(/^o-[a-z0-9]{10,32}$/, "an AWS Organizations id such as o-a1b2c3d4e5")),
        partnerAccountIds: optional(arr(accountId, 1)),
        vpcEndpointIds: optional(arr(vpcEndpointId, 1)),
    }),
);

/** `partners`. */
export const partnersSpec = optional(
    arr(
        obj({
            name: str(/^[A-Za-z0-9_-]{1,40}$/, "1-40 letters, digits, - or _"),
            accountIds: arr(accountId, 1),
            externalId: secretValue(/^[\w+=,.@:/-]{2,1224}$/, "2-1224 letters, digits or +=,.@:/-_ (an sts:ExternalId)"),
            requireMfa: optional(bool()),
            maxSessionDurationSeconds: optional(int(3600, 43200)),
            routes: arr(str(/^[A-Z]+ \/\S*$/, 'a route key such as "GET /internal/reports"'), 1),
            vpcEndpointIds: optional(arr(vpcEndpointId, 1)),
        }),
        1,
    ),
);

/** `lambdaAuthorizer`: `functionArn` (yours) or `reference` (the platform's JWT authorizer). */
export const lambdaAuthorizerSpec = optional(
    obj({
        functionArn: optional(str(/^arn:aws[a-z-]*:lambda:/, "a Lambda function ARN")),
        reference: optional(
            obj({
                issuer: httpsUrl,
                audience: str(),
                jwksUri: optional(httpsUrl),
                routeScopes: optional(record(arr(str()), /^[A-Z]+ \/\S*$/, 'a route key such as "POST /partners/events"')),
                allowedAlgorithms: optional(arr(oneOf(JWT_ALGORITHMS), 1)),
                clockSkewSeconds: optional(int(0, 300)),
                memorySize: optional(int(128, 10240)),
                timeoutSeconds: optional(int(1, 9)),
                reservedConcurrentExecutions: optional(int(1, 1000)),
            }),
        ),
        type: oneOf(LAMBDA_AUTHORIZER_TYPES),
        identitySources: optional(arr(str(), 1)),
        resultTtlSeconds: optional(int(AUTHORIZER_TTL.min, AUTHORIZER_TTL.max)),
        identityValidationExpression: optional(str()),
    }),
);

/** Where secrets sit in the raw (decoded) config: top-level key and the paths below it. */
function secretPaths(values: Record<string, unknown>): [key: string, path: string, value: unknown][] {
    const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((e) => e !== null && typeof e === "object") : []);
    const cognito = values.cognito !== null && typeof values.cognito === "object" ? (values.cognito as Record<string, unknown>) : {};
    return [
        ...list(cognito.identityProviders).flatMap((p, i): [string, string, unknown][] => [
            ["cognito", `cognito.identityProviders[${i}].clientSecret`, p.clientSecret],
            ["cognito", `cognito.identityProviders[${i}].privateKey`, p.privateKey],
        ]),
        ...list(values.partners).map((p, i): [string, string, unknown] => ["partners", `partners[${i}].externalId`, p.externalId]),
    ];
}

/**
 * Secrets written in plain text: a string that `isSecret` (given the full top-level key and the
 * value's path) does not say is stored encrypted. In the file, a `secure:` value anywhere under a
 * key makes Pulumi mark the whole key secret when it decrypts it; `storedEncrypted`
 * (`config-secrets.ts`) also checks the path itself in the stack file.
 */
export function plaintextSecretProblems(
    values: Record<string, unknown>,
    isSecret: (fullKey: string, path: string) => boolean,
    project: string,
    source: string,
): string[] {
    return secretPaths(values)
        .filter(([key, path, value]) => typeof value === "string" && !isSecret(`${project}:${key}`, path))
        .map(([, path]) => `${project}:${path}: is plain text in ${source}; store it encrypted: pulumi config set --secret --path '${path}' <value>`);
}

/** Whether Pulumi marked a config key secret (the SDK's own check; false where it has none). */
export function runtimeIsSecretKey(fullKey: string): boolean {
    const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
    return runtime.isConfigSecret?.(fullKey) ?? false;
}
