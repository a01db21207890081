import * as pulumi from "@pulumi/pulumi";
import { ApiAlarms, ApiAlarmThresholds, validateAlarmThresholds } from "./api-alarms";
import { ApiGatewayAccount } from "./api-gateway-account";
import { AuditTrail, validateAuditTrailArgs } from "./audit-trail";
import { CognitoUserPool, CognitoUserPoolArgs, validateCognitoUserPoolArgs } from "./cognito-user-pool";
import { CorsArgs } from "./cors";
import { CustomDomain, CustomDomainArgs, validateCustomDomainArgs } from "./custom-domain";
import { IamInvokePolicy } from "./iam-invoke-policy";
import { LambdaAuthorizerSettings } from "./lambda-authorizer";
import { slug } from "./naming";
import { PlatformKey } from "./platform-key";
import { PrivateApi, PrivateNetworkArgs, validatePrivateNetwork } from "./private-api";
import { PublicApi } from "./public-api";
import { RestApi, validateRestApiArgs } from "./rest-api";
import { RouteArgs, ThrottleArgs } from "./routes";
import { UsagePlans, UsagePlansArgs, validateUsagePlans } from "./usage-plans";
import { ComponentArgumentError, Environment, ENVIRONMENTS, oneOf } from "./validation";
import { validateWebAclArgs, WebAcl, WebAclArgs } from "./waf";

/** Public: REGIONAL endpoint behind WAF. Private: reachable only through an execute-api VPC endpoint. */
export type ExposureArgs = { type: "public" } | { type: "private"; network: PrivateNetworkArgs };

/** Arguments of {@link SecureApi}: one object describing a whole API and its guard rails. */
export interface SecureApiArgs {
    /** dev or prod; prod forbids wildcard CORS, optional MFA and audit-mode advanced security. */
    environment: Environment;
    /** API name (letters, digits, spaces, _ -). */
    apiName: string;
    /** Description of the API. */
    description?: string;
    /** Stage name. Default: the environment. */
    stageName?: string;
    /** How the API is reached. */
    exposure: ExposureArgs;
    /** The route table. */
    routes: RouteArgs[];
    /** Cognito user pool (and authorizer) for `auth: "cognito"` routes. */
    cognito?: Omit<CognitoUserPoolArgs, "environment" | "tags">;
    /** Lambda authorizer for `auth: "lambda"` routes. */
    lambdaAuthorizer?: LambdaAuthorizerSettings;
    /** CORS for browser clients. */
    cors?: CorsArgs;
    /** Stage-wide throttling. */
    throttle: ThrottleArgs;
    /** Log retention (days) and execution log level. */
    logging: { retentionInDays: number; executionLevel?: "INFO" | "ERROR" };
    /** WAF settings. Public APIs always get a web ACL; private APIs only when `enabled` is true. */
    waf?: Omit<WebAclArgs, "stageArns" | "kmsKeyArn" | "logRetentionInDays" | "tags"> & { enabled?: boolean };
    /** Custom domain (public APIs only); disables the default execute-api endpoint. */
    domain?: Omit<CustomDomainArgs, "restApiId" | "stageName" | "kmsKeyArn" | "tags">;
    /** Usage plan tiers and client API keys. */
    usagePlans?: Omit<UsagePlansArgs, "restApiId" | "stageName" | "tags">;
    /** Alarm thresholds and SNS topics. */
    alarms?: ApiAlarmThresholds & { alarmActions?: pulumi.Input<string>[] };
    /** CloudTrail audit trail. Default enabled. */
    audit?: { enabled?: boolean; trailName?: string };
    /** Own the account-level API Gateway CloudWatch role (one stack per account/region). Default true. */
    manageAccountSettings?: boolean;
    /** Tags on every taggable resource. */
    tags?: Record<string, string>;
}

/** Defaults that both validation and construction use: stage name and audit trail name. */
function defaultsOf(args: SecureApiArgs): { stageName: string; trailName: string } {
    return { stageName: args.stageName ?? args.environment, trailName: args.audit?.trailName ?? `${slug(args.apiName)}-audit` };
}

/** Every argument of every part is checked before the first resource exists. */
export function validateSecureApiArgs(args: SecureApiArgs): void {
    const C = "SecureApi";
    oneOf(C, "environment", args.environment, ENVIRONMENTS);
    if (!args.exposure) {
        throw new ComponentArgumentError(C, "exposure", "is required: { type: \"public\" } or { type: \"private\", network }");
    }
    const exposure = oneOf(C, "exposure.type", args.exposure.type, ["public", "private"] as const);
    if (args.exposure.type === "private") {
        validatePrivateNetwork(args.exposure.network);
        if (args.domain) {
            throw new ComponentArgumentError(C, "domain", "is only supported for public APIs (private APIs are reached through the VPC endpoint's DNS)");
        }
    }
    validateRestApiArgs({
        environment: args.environment,
        apiName: args.apiName,
        endpointType: exposure === "public" ? "REGIONAL" : "PRIVATE",
        stageName: defaultsOf(args).stageName,
        routes: args.routes,
        // The pool does not exist yet: its ARN only has to be present for validation.
        authorizers: { cognito: args.cognito ? { userPoolArns: ["(created by SecureApi)"] } : undefined, lambda: args.lambdaAuthorizer },
        cors: args.cors,
        throttle: args.throttle,
        logging: { ...args.logging, kmsKeyArn: "(created by SecureApi)" },
    });
    if (args.cognito) {
        validateCognitoUserPoolArgs({ ...args.cognito, environment: args.environment });
    }
    if (exposure === "public" || args.waf?.enabled) {
        validateWebAclArgs({ ...args.waf, logRetentionInDays: args.logging.retentionInDays });
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
    validateAlarmThresholds(args.alarms ?? {});
    if (args.audit?.enabled !== false) {
        validateAuditTrailArgs({ trailName: defaultsOf(args).trailName, logRetentionInDays: args.logging.retentionInDays });
    }
}

/**
 * An API with every security layer of the platform, from one args object:
 * KMS key, account logging role, Cognito pool and authorizers, a public
 * (REGIONAL + WAF) or private (VPC endpoint + resource policy) REST API with
 * logging, tracing and throttling, custom domain with TLS 1.2 / mTLS, usage
 * plans, alarms, an IAM invoke policy for SigV4 routes, and a CloudTrail trail.
 */
export class SecureApi extends pulumi.ComponentResource {
    public readonly api: RestApi;
    public readonly key: PlatformKey;
    public readonly userPool?: CognitoUserPool;
    public readonly webAcl?: WebAcl;
    public readonly domain?: CustomDomain;
    public readonly usagePlans?: UsagePlans;
    public readonly iamInvokePolicy?: IamInvokePolicy;
    public readonly privateApi?: PrivateApi;
    public readonly auditTrail?: AuditTrail;
    public readonly alarms: ApiAlarms;

    constructor(name: string, args: SecureApiArgs, opts?: pulumi.ComponentResourceOptions) {
        validateSecureApiArgs(args);
        super("secure-api:index:SecureApi", name, {}, opts);
        const parent = { parent: this };
        const tags = { ...args.tags, environment: args.environment, "managed-by": "pulumi" };
        const { stageName, trailName } = defaultsOf(args);

        this.key = new PlatformKey(`${name}-key`, { aliasName: `${slug(name)}-${args.environment}`, tags }, parent);
        const account = args.manageAccountSettings === false ? undefined : new ApiGatewayAccount(`${name}-account`, { tags }, parent);

        if (args.cognito) {
            this.userPool = new CognitoUserPool(`${name}-users`, { ...args.cognito, environment: args.environment, tags }, parent);
        }
        const apiArgs = {
            environment: args.environment,
            apiName: args.apiName,
            description: args.description,
            stageName,
            routes: args.routes,
            authorizers: {
                cognito: this.userPool ? { userPoolArns: [this.userPool.userPoolArn] } : undefined,
                lambda: args.lambdaAuthorizer,
            },
            cors: args.cors,
            throttle: args.throttle,
            logging: { ...args.logging, kmsKeyArn: this.key.keyArn },
            disableExecuteApiEndpoint: args.domain !== undefined,
            tags,
        };
        const apiOpts = { parent: this, dependsOn: account ? [account] : [] };
        if (args.exposure.type === "private") {
            this.privateApi = new PrivateApi(name, { ...apiArgs, network: args.exposure.network }, apiOpts);
            this.api = this.privateApi.api;
        } else {
            this.api = new PublicApi(name, apiArgs, apiOpts).api;
        }

        if (args.exposure.type === "public" || args.waf?.enabled) {
            const { enabled: _enabled, ...waf } = args.waf ?? {};
            this.webAcl = new WebAcl(`${name}-waf`, {
                ...waf,
                stageArns: [this.api.stageArn],
                logRetentionInDays: args.logging.retentionInDays,
                kmsKeyArn: this.key.keyArn,
                tags,
            }, parent);
        }
        if (args.domain) {
            this.domain = new CustomDomain(`${name}-domain`, {
                ...args.domain,
                restApiId: this.api.restApiId,
                stageName: this.api.stageName,
                kmsKeyArn: this.key.keyArn,
                tags,
            }, parent);
        }
        if (args.usagePlans) {
            this.usagePlans = new UsagePlans(`${name}-plans`, {
                ...args.usagePlans,
                restApiId: this.api.restApiId,
                stageName: this.api.stageName,
                tags,
            }, parent);
        }
        if (args.routes.some((r) => r.auth === "iam")) {
            this.iamInvokePolicy = new IamInvokePolicy(`${name}-invoke`, {
                methodArns: this.api.iamMethodArns,
                description: `Invoke the AWS_IAM routes of ${args.apiName} (${stageName})`,
            }, parent);
        }
        this.alarms = new ApiAlarms(`${name}-alarms`, {
            ...args.alarms,
            apiName: args.apiName,
            stageName: this.api.stageName,
            accessLogGroupName: this.api.accessLogGroupName,
            tags,
        }, parent);
        if (args.audit?.enabled !== false) {
            this.auditTrail = new AuditTrail(`${name}-audit`, {
                trailName,
                kmsKeyArn: this.key.keyArn,
                logRetentionInDays: args.logging.retentionInDays,
                tags,
            }, parent);
        }
        this.registerOutputs({
            restApiId: this.api.restApiId,
            invokeUrl: this.api.invokeUrl,
            stageName: this.api.stageName,
            webAclArn: this.webAcl?.webAclArn,
            userPoolId: this.userPool?.userPoolId,
        });
    }
}
