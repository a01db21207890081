/**
 * Guards against deploying a stack file's example values into a real account.
 *
 * The stack files ship with values that work offline (the mock runtime answers
 * `getCallerIdentity` with AWS's documentation account 123456789012, and the
 * files' example ARNs use that account). Before the program creates anything
 * it asks AWS which account it deploys into and stops, naming the stack config
 * key, when a configured ARN belongs to another account or a value is still a
 * placeholder (an RFC 2606 example domain, an `EXAMPLE` hosted zone).
 */
import { ComponentArgumentError } from "../components";
import { PlatformConfig, PROJECT } from "./config";

/** AWS's documentation example account id: what the stack files' example ARNs use, and what the offline mocks answer. */
export const EXAMPLE_ACCOUNT_ID = "123456789012";

/** Every configured ARN, by the config key that holds it. */
export function configuredArns(config: PlatformConfig): [key: string, arn: string][] {
    const arns: [string, string][] = [];
    if (config.lambdaAuthorizer?.functionArn) {
        arns.push(["lambdaAuthorizer.functionArn", config.lambdaAuthorizer.functionArn]);
    }
    config.routes.forEach((r, i) => {
        if (r.integration.kind === "lambda") {
            arns.push([`routes[${i}].integration.functionArn`, r.integration.functionArn]);
        }
    });
    (config.usagePlans?.clients ?? []).forEach((c, i) => {
        if (c.secret) {
            arns.push([`usagePlans.clients[${i}].secret.readerRoleArn`, c.secret.readerRoleArn]);
        }
    });
    (config.alarms?.alarmTopicArns ?? []).forEach((arn, i) => arns.push([`alarms.alarmTopicArns[${i}]`, arn]));
    if (config.domain?.certificateArn) {
        arns.push(["domain.certificateArn", config.domain.certificateArn]);
    }
    return arns;
}

/** The account field of an ARN (`arn:partition:service:region:account:resource`), or undefined when it has none. */
export function accountOfArn(arn: string): string | undefined {
    const account = arn.split(":")[4];
    return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Configured ARNs that belong to another account than the one the stack deploys into. */
export function accountProblems(config: PlatformConfig, accountId: string, project: string = PROJECT): string[] {
    return configuredArns(config).flatMap(([key, arn]) => {
        const account = accountOfArn(arn);
        return account !== undefined && account !== accountId
            ? [
                  `${project}:${key}: ${arn} is in account ${account}, but this stack deploys into account ${accountId}; set it to a resource of account ${accountId}`,
              ]
            : [];
    });
}

/** RFC 2606 / 6761 names reserved for documentation and tests: they never resolve to a real service. */
const EXAMPLE_HOST = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i;

function hostOf(value: string): string | undefined {
    try {
        return new URL(value).hostname;
    } catch {
        return undefined;
    }
}

/**
 * Placeholders that would deploy but never work, in an account other than the
 * documentation account (offline, the stack files' examples are fine).
 */
export function exampleValueProblems(config: PlatformConfig, accountId: string, project: string = PROJECT): string[] {
    if (accountId === EXAMPLE_ACCOUNT_ID) {
        return [];
    }
    const problems: string[] = [];
    const placeholder = (key: string, value: string, why: string) =>
        problems.push(`${project}:${key}: ${JSON.stringify(value)} is an example value (${why}); set your own before deploying into account ${accountId}`);
    if (config.domain) {
        if (EXAMPLE_HOST.test(config.domain.domainName)) {
            placeholder("domain.domainName", config.domain.domainName, "a reserved example domain");
        }
        if (config.domain.hostedZoneId && /EXAMPLE/i.test(config.domain.hostedZoneId)) {
            placeholder("domain.hostedZoneId", config.domain.hostedZoneId, "not a hosted zone of yours");
        }
    }
    config.routes.forEach((r, i) => {
        if (r.integration.kind === "http" && EXAMPLE_HOST.test(hostOf(r.integration.uri) ?? "")) {
            placeholder(`routes[${i}].integration.uri`, r.integration.uri, "a reserved example domain");
        }
    });
    const reference = config.lambdaAuthorizer?.reference;
    for (const [key, url] of [
        ["lambdaAuthorizer.reference.issuer", reference?.issuer],
        ["lambdaAuthorizer.reference.jwksUri", reference?.jwksUri],
    ] as const) {
        if (url !== undefined && EXAMPLE_HOST.test(hostOf(url) ?? "")) {
            placeholder(key, url, "a reserved example domain");
        }
    }
    (config.cognito?.identityProviders ?? []).forEach((p, i) => {
        const url = p.type === "OIDC" ? p.issuer : p.type === "SAML" ? p.metadataUrl : undefined;
        if (url !== undefined && EXAMPLE_HOST.test(hostOf(url) ?? "")) {
            placeholder(`cognito.identityProviders[${i}].${p.type === "OIDC" ? "issuer" : "metadataUrl"}`, url, "a reserved example domain");
        }
    });
    (config.cors?.allowedOrigins ?? []).forEach((origin, i) => {
        const host = hostOf(origin);
        if (host && host !== "localhost" && EXAMPLE_HOST.test(host)) {
            placeholder(`cors.allowedOrigins[${i}]`, origin, "a reserved example domain");
        }
    });
    return problems;
}

/** Config key of the component arguments a stack passes through, by component. */
const CONFIG_KEY_OF_COMPONENT: Record<string, (argument: string) => string> = {
    SecureApi: (a) => a,
    RestApi: (a) => a.replace(/^authorizers\.lambda\b/, "lambdaAuthorizer"),
    "RestApi authorizers.lambda": (a) => `lambdaAuthorizer.${a}`,
    PrivateApi: (a) => a,
    PublicApi: (a) => a,
    JwtAuthorizerFunction: (a) => `lambdaAuthorizer.reference.${a}`,
    RestStage: (a) => a,
    CognitoUserPool: (a) => `cognito.${a}`,
    WebAcl: (a) => (a === "logRetentionInDays" ? "logging.retentionInDays" : `waf.${a}`),
    CustomDomain: (a) => `domain.${a}`,
    MtlsTruststore: () => "domain.mtlsCaBundleFile",
    UsagePlans: (a) => `usagePlans.${a}`,
    ApiAlarms: (a) => `alarms.${a}`,
    DetectiveControls: (a) => (a === "alarmTopicArns" ? "alarms.alarmTopicArns" : `detectiveControls.${a}`),
    AuditTrail: (a) => (a === "logRetentionInDays" ? "logging.retentionInDays" : `audit.${a}`),
};

/** A component's argument error restated with the stack config key the user wrote. */
export function configProblemOf(err: ComponentArgumentError, project: string = PROJECT): string {
    const key = CONFIG_KEY_OF_COMPONENT[err.component];
    return key ? `${project}:${key(err.argument)}: ${err.problem} (${err.component})` : err.message;
}
