import * as pulumi from "@pulumi/pulumi";
import { StageSettings } from "../apigateway/api-route";
import { PrivateApi } from "../apigateway/private-api";
import { PublicApi } from "../apigateway/public-api";
import { RestApi } from "../apigateway/rest-api";
import { UsagePlans } from "../apigateway/usage-plans";
import { AuditTrail } from "../audit/audit-trail";
import { CognitoUserPool } from "../auth/cognito-user-pool";
import { IamInvokePolicy } from "../auth/iam-invoke-policy";
import type { PartnerRole } from "../auth/partner-role";
import type { JwtAuthorizerFunction } from "../lambda/jwt-authorizer-function";
import { ApiAlarms } from "../observability/api-alarms";
import { ApiGatewayAccount } from "../observability/api-gateway-account";
import { PlatformKey } from "../security/platform-key";
import { slug } from "../shared/naming";
import { CustomDomain } from "../tls/custom-domain";
import { WebAcl } from "../waf/web-acl";
import { createPartnerRoles, lambdaAuthorizerFor } from "./secure-api-access";
import { defaultsOf, SecureApiArgs, validateSecureApiArgs } from "./secure-api-args";
import { withFullScopes } from "./route-references";

export * from "./secure-api-args";

/**
 * An API with every security layer of the platform, from one args object:
 * KMS key, (optionally) the account logging role, Cognito pool and
 * authorizers, a public (REGIONAL + WAF) or private (VPC endpoint + resource
 * policy) REST API with logging, tracing and throttling, custom domain with
 * TLS 1.2 / mTLS, usage plans, alarms, an IAM invoke policy for SigV4 routes,
 * and a CloudTrail trail. Everything around the API depends only on its
 * `ApiEndpoint` (`api`, see `components/apigateway/endpoint.ts`).
 */
export class SecureApi extends pulumi.ComponentResource {
    /** The REST API and its stage: the endpoint everything else is put around. */
    public readonly api: RestApi;
    /** The KMS key of every log group, bucket and the trail. */
    public readonly key: PlatformKey;
    /** The account-level logging setting, when `manageAccountSettings` is true. */
    public readonly accountSettings?: ApiGatewayAccount;
    /** The Cognito user pool, when `cognito` is given. */
    public readonly userPool?: CognitoUserPool;
    /** The web ACL (public APIs, or private with `waf.enabled`). */
    public readonly webAcl?: WebAcl;
    /** The custom domain, when `domain` is given. */
    public readonly domain?: CustomDomain;
    /** Usage plans and keys, when `usagePlans` is given. */
    public readonly usagePlans?: UsagePlans;
    /** Invoke policy of the AWS_IAM routes, when there are any. */
    public readonly iamInvokePolicy?: IamInvokePolicy;
    /** The private API wrapper (VPC endpoint, security group), for private exposure. */
    public readonly privateApi?: PrivateApi;
    /** The audit trail, unless `audit.enabled` is false. */
    public readonly auditTrail?: AuditTrail;
    /** Alarms on the stage. */
    public readonly alarms: ApiAlarms;
    /** The stage's settings, for application teams' stages (`ApiRoute`) to copy. */
    public readonly stageSettings: StageSettings;
    /** The reference JWT authorizer function, when `lambdaAuthorizer.reference` is given. */
    public readonly jwtAuthorizer?: JwtAuthorizerFunction;
    /** Partner name to its role, one per `partners` entry. */
    public readonly partnerRoles: ReadonlyMap<string, PartnerRole>;
    /** Partner name to the ARN of its role. */
    public readonly partnerRoleArns: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: SecureApiArgs, opts?: pulumi.ComponentResourceOptions) {
        validateSecureApiArgs(args);
        super("secure-api:index:SecureApi", name, {}, opts);
        const parent = { parent: this };
        const tags = { ...args.tags, environment: args.environment, "managed-by": "pulumi" };
        const { stageName, trailName } = defaultsOf(args);
        const environment = args.environment;

        this.key = new PlatformKey(`${name}-key`, { aliasName: `${slug(name)}-${environment}`, tags }, parent);
        if (args.manageAccountSettings === true) {
            this.accountSettings = new ApiGatewayAccount(`${name}-account`, { tags }, parent);
        }
        if (args.cognito) {
            this.userPool = new CognitoUserPool(`${name}-users`, { ...args.cognito, environment, tags }, parent);
        }
        const lambda = args.lambdaAuthorizer
            ? lambdaAuthorizerFor(
                  name,
                  args.lambdaAuthorizer,
                  args.routes,
                  { retentionInDays: args.logging.retentionInDays, kmsKeyArn: this.key.keyArn },
                  tags,
                  this,
              )
            : undefined;
        this.jwtAuthorizer = lambda?.fn;
        const partnerEndpoints = (args.partners ?? []).flatMap((p) => p.vpcEndpointIds ?? []);
        const resourcePolicy =
            args.resourcePolicy || partnerEndpoints.length > 0
                ? { ...args.resourcePolicy, vpcEndpointIds: [...(args.resourcePolicy?.vpcEndpointIds ?? []), ...partnerEndpoints] }
                : undefined;
        const apiArgs = {
            environment,
            apiName: args.apiName,
            description: args.description,
            stageName,
            // Cognito access tokens carry resource-server scopes as "<identifier>/<name>": the method must require that form.
            routes: withFullScopes(args),
            authorizers: {
                cognito: this.userPool ? { userPoolArns: [this.userPool.userPoolArn] } : undefined,
                lambda: lambda?.settings,
            },
            cors: args.cors,
            throttle: args.throttle,
            logging: { ...args.logging, kmsKeyArn: this.key.keyArn },
            disableExecuteApiEndpoint: args.domain !== undefined,
            canary: args.canary,
            tags,
        };
        const apiOpts = { parent: this, dependsOn: this.accountSettings ? [this.accountSettings] : [] };
        if (args.exposure.type === "private") {
            this.privateApi = new PrivateApi(name, { ...apiArgs, network: args.exposure.network, resourcePolicy }, apiOpts);
            this.api = this.privateApi.api;
        } else {
            this.api = new PublicApi(name, { ...apiArgs, resourcePolicy }, apiOpts).api;
        }
        this.partnerRoles = createPartnerRoles(name, args.partners ?? [], args.routes, this.api, tags, this);
        const partners = [...this.partnerRoles.entries()];
        this.partnerRoleArns = pulumi.all(partners.map(([, r]) => r.roleArn)).apply((arns) => Object.fromEntries(arns.map((arn, i) => [partners[i][0], arn])));
        this.stageSettings = {
            throttle: { rateLimit: args.throttle.rateLimit, burstLimit: args.throttle.burstLimit },
            executionLevel: args.logging.executionLevel ?? "ERROR",
            xrayTracing: true,
            logRetentionInDays: args.logging.retentionInDays,
        };

        if (args.exposure.type === "public" || args.waf?.enabled) {
            const { enabled: _enabled, ...waf } = args.waf ?? {};
            this.webAcl = new WebAcl(
                `${name}-waf`,
                {
                    ...waf,
                    endpoints: [this.api],
                    logRetentionInDays: args.logging.retentionInDays,
                    kmsKeyArn: this.key.keyArn,
                    environment,
                    tags,
                },
                parent,
            );
        }
        if (args.domain) {
            this.domain = new CustomDomain(`${name}-domain`, { ...args.domain, endpoint: this.api, kmsKeyArn: this.key.keyArn, tags }, parent);
        }
        if (args.usagePlans) {
            this.usagePlans = new UsagePlans(
                `${name}-plans`,
                {
                    ...args.usagePlans,
                    restApiId: this.api.apiId,
                    stageName: this.api.stageName,
                    secretsKmsKeyArn: this.key.keyArn,
                    tags,
                },
                parent,
            );
        }
        const iamRoutes = args.routes.filter((r) => r.auth === "iam");
        if (iamRoutes.length > 0) {
            this.iamInvokePolicy = new IamInvokePolicy(
                `${name}-invoke`,
                {
                    endpoint: this.api,
                    routes: iamRoutes,
                    description: `Invoke the AWS_IAM routes of ${args.apiName} (${stageName})`,
                },
                parent,
            );
        }
        this.alarms = new ApiAlarms(
            `${name}-alarms`,
            { ...args.alarms, endpoint: this.api, metricPrefix: args.apiName, canary: this.api.canaryActive, tags },
            parent,
        );
        if (args.audit?.enabled !== false) {
            this.auditTrail = new AuditTrail(
                `${name}-audit`,
                {
                    trailName,
                    kmsKeyArn: this.key.keyArn,
                    logRetentionInDays: args.logging.retentionInDays,
                    environment,
                    tags,
                },
                parent,
            );
        }
        this.registerOutputs({
            restApiId: this.api.apiId,
            invokeUrl: this.api.invokeUrl,
            stageName: this.api.stageName,
            webAclArn: this.webAcl?.webAclArn,
            userPoolId: this.userPool?.userPoolId,
            partnerRoleArns: this.partnerRoleArns,
        });
    }
}
