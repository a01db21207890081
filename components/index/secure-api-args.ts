/** Arguments of {@link SecureApi} and their validation (every part's, before anything is created). */
import { CanarySettings } from "../apigateway/canary";
import { CorsArgs } from "../apigateway/cors";
import { PrivateNetworkArgs, validatePrivateNetwork } from "../apigateway/private-api";
import { LoggingSettings, validateRestApiArgs } from "../apigateway/rest-api";
import { RouteArgs } from "../apigateway/routes";
import { UsagePlansSettings, validateUsagePlans } from "../apigateway/usage-plans";
import { validateAuditTrailArgs } from "../audit/audit-trail";
import { CognitoUserPoolSettings, validateCognitoUserPoolArgs } from "../auth/cognito-user-pool";
import { ResourcePolicySettings, validateResourcePolicySettings } from "../apigateway/resource-policy";
import { ApiAlarmSettings, validateAlarmThresholds } from "../observability/api-alarms";
import { slug } from "../shared/naming";
import { ThrottleSettings } from "../shared/throttle";
import { ComponentArgumentError, Environment, ENVIRONMENTS, oneOf } from "../shared/validation";
import { CustomDomainSettings, validateCustomDomainArgs } from "../tls/custom-domain";
import { validateWebAclArgs, WebAclSettings } from "../waf/web-acl";
import { validateRouteReferences } from "./route-references";
import { SecureApiLambdaAuthorizerArgs, SecureApiPartnerArgs, validateLambdaAuthorizerChoice, validatePartners } from "./secure-api-access";

export * from "./secure-api-access";

/** Public: REGIONAL endpoint behind WAF. Private: reachable only through an execute-api VPC endpoint. */
export type ExposureArgs = { type: "public" } | { type: "private"; network: PrivateNetworkArgs };

/** WAF settings of a {@link SecureApi}. */
export interface SecureApiWafArgs extends WebAclSettings {
    /**
     * Put a web ACL in front of a private API too (public APIs always get one).
     * @default false
     */
    enabled?: boolean;
}

/** Audit trail settings of a {@link SecureApi}. */
export interface SecureApiAuditArgs {
    /**
     * Create the CloudTrail trail.
     * @default true
     */
    enabled?: boolean;
    /**
     * Trail name.
     * @default "<api name slug>-audit"
     */
    trailName?: string;
}

/** Arguments of {@link SecureApi}: one object describing a whole API and its guard rails. */
export interface SecureApiArgs {
    /** dev or prod; prod forbids wildcard CORS, optional MFA and audit-mode advanced security (`ENVIRONMENT_BASELINE`). */
    environment: Environment;
    /** API name (letters, digits, spaces, _ -). */
    apiName: string;
    /**
     * Description of the API.
     * @default undefined
     */
    description?: string;
    /**
     * Stage name.
     * @default the environment
     */
    stageName?: string;
    /** How the API is reached. */
    exposure: ExposureArgs;
    /** The route table. */
    routes: RouteArgs[];
    /**
     * Cognito user pool (and authorizer) for `auth: "cognito"` routes.
     * @default undefined (no pool; `cognito` routes are refused)
     */
    cognito?: CognitoUserPoolSettings;
    /**
     * Lambda authorizer for `auth: "lambda"` routes: your function (`functionArn`) or the platform's reference
     * JWT authorizer (`reference`, deployed by SecureApi, result cache off).
     * @default undefined (`lambda` routes are refused)
     */
    lambdaAuthorizer?: SecureApiLambdaAuthorizerArgs;
    /**
     * Resource policy: source IP allow/deny lists, organization and partner accounts for AWS_IAM routes, other
     * accounts' VPC endpoints (private). Private APIs always have one (deny unless through an admitted endpoint).
     * @default undefined (public: no resource policy; private: own endpoint only)
     */
    resourcePolicy?: ResourcePolicySettings;
    /**
     * Partners: a role each in this account, assumable from the partner's accounts with an external id, allowed
     * to invoke the AWS_IAM routes granted to it.
     * @default [] (none)
     */
    partners?: SecureApiPartnerArgs[];
    /**
     * CORS for browser clients.
     * @default undefined (no CORS)
     */
    cors?: CorsArgs;
    /** Stage-wide throttling. */
    throttle: ThrottleSettings;
    /** Log retention (days) and execution log level. */
    logging: LoggingSettings;
    /**
     * A canary release on the stage (testing, promote, rollback; see `apigateway/canary.ts`).
     * @default undefined (no canary)
     */
    canary?: CanarySettings;
    /**
     * WAF settings. Public APIs always get a web ACL; private APIs only when `enabled` is true.
     * @default {} (rate limit 2000, the managed groups, no IP lists)
     */
    waf?: SecureApiWafArgs;
    /**
     * Custom domain (public APIs only); disables the default execute-api endpoint.
     * @default undefined (served on the execute-api URL)
     */
    domain?: CustomDomainSettings;
    /**
     * Usage plan tiers and client API keys.
     * @default undefined (no usage plans)
     */
    usagePlans?: UsagePlansSettings;
    /**
     * Alarm thresholds and SNS topics.
     * @default {} (default thresholds, no notifications)
     */
    alarms?: ApiAlarmSettings;
    /**
     * CloudTrail audit trail.
     * @default { enabled: true }
     */
    audit?: SecureApiAuditArgs;
    /**
     * Own the account-level API Gateway CloudWatch logging role and setting. Exactly one stack per
     * account and region may set it (see `ApiGatewayAccount`); the others rely on the existing setting.
     * @default false
     */
    manageAccountSettings?: boolean;
    /**
     * Tags on every taggable resource.
     * @default {} (plus environment and managed-by)
     */
    tags?: Record<string, string>;
}

/** Defaults that both validation and construction use: stage name and audit trail name. */
export function defaultsOf(args: SecureApiArgs): { stageName: string; trailName: string } {
    return { stageName: args.stageName ?? args.environment, trailName: args.audit?.trailName ?? `${slug(args.apiName)}-audit` };
}

/** Every argument of every part is checked before the first resource exists. */
export function validateSecureApiArgs(args: SecureApiArgs): void {
    const C = "SecureApi";
    oneOf(C, "environment", args.environment, ENVIRONMENTS);
    if (!args.exposure) {
        throw new ComponentArgumentError(C, "exposure", 'is required: { type: "public" } or { type: "private", network }');
    }
    const exposure = oneOf(C, "exposure.type", args.exposure.type, ["public", "private"] as const);
    if (args.exposure.type === "private") {
        validatePrivateNetwork(args.exposure.network);
        if (args.domain) {
            throw new ComponentArgumentError(C, "domain", "is only supported for public APIs (private APIs are reached through the VPC endpoint's DNS)");
        }
    }
    const lambda = args.lambdaAuthorizer
        ? validateLambdaAuthorizerChoice(slug(args.apiName), args.lambdaAuthorizer, args.routes, args.logging?.retentionInDays)
        : undefined;
    validateResourcePolicySettings(C, "resourcePolicy", args.resourcePolicy ?? {}, exposure === "public" ? "REGIONAL" : "PRIVATE");
    validatePartners(args.partners ?? [], args.routes ?? [], exposure);
    validateRestApiArgs({
        environment: args.environment,
        apiName: args.apiName,
        endpointType: exposure === "public" ? "REGIONAL" : "PRIVATE",
        stageName: defaultsOf(args).stageName,
        routes: args.routes,
        // The pool does not exist yet: its ARN only has to be present for validation.
        authorizers: { cognito: args.cognito ? { userPoolArns: ["(created by SecureApi)"] } : undefined, lambda },
        cors: args.cors,
        throttle: args.throttle,
        logging: { ...args.logging, kmsKeyArn: "(created by SecureApi)" },
        canary: args.canary,
    });
    if (args.cognito) {
        validateCognitoUserPoolArgs({ ...args.cognito, environment: args.environment });
    }
    if (exposure === "public" || args.waf?.enabled) {
        validateWebAclArgs({ ...args.waf, logRetentionInDays: args.logging.retentionInDays, environment: args.environment });
    }
    if (args.domain) {
        validateCustomDomainArgs(args.domain);
    }
    if (args.usagePlans) {
        validateUsagePlans(args.usagePlans);
        if (!args.routes.some((r) => r.apiKeyRequired)) {
            throw new ComponentArgumentError(C, "usagePlans", "are configured but no route sets apiKeyRequired, so keys would never be checked");
        }
    }
    validateRouteReferences(args);
    validateAlarmThresholds(args.alarms ?? {});
    if (args.audit?.enabled !== false) {
        validateAuditTrailArgs({ trailName: defaultsOf(args).trailName, logRetentionInDays: args.logging.retentionInDays, environment: args.environment });
    }
}
