/**
 * Routes an application team adds to the platform's shared REST API, from
 * its own Pulumi project, live after the team's own `pulumi up`.
 *
 * API Gateway serves a REST API through deployments, each a snapshot of the
 * whole API, and every stage serves one deployment. If a team only added
 * resources and methods, nothing would serve them until the platform's next
 * deployment; and if the team created a deployment for the platform's stage,
 * two stacks would own that stage. So the team publishes on a stage of its
 * own: `ApiRoute` creates the team's resources, methods, models, validators,
 * integrations and preflights (never API-wide things such as gateway
 * responses or authorizers), a deployment that follows them, and a stage
 * configured like the platform's (logging, throttling, X-Ray), behind the
 * platform's web ACL and mapped under the platform's custom domain when there
 * are ones. The platform owns the API, its authorizers, its stage and domain;
 * the team owns everything `ApiRoute` creates.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AuthKind, ENVIRONMENTS, EXECUTION_LOG_LEVELS, ExecutionLogLevel, STAGE_NAME } from "../../policy-pack/baseline";
import { validateThrottle, ThrottleSettings } from "../shared/throttle";
import { ComponentArgumentError, Environment, logRetention, matches, oneOf } from "../shared/validation";
import { CorsArgs, validateCors } from "./cors";
import { DeploymentSnapshot } from "./deployment-trigger";
import { RestStage } from "./rest-stage";
import { RouteBuilder } from "./route-builder";
import { RouteArgs, validateRoutes } from "./routes";

/** How the platform's stage is configured; exported by the platform (`stageSettings`) so team stages match it. */
export interface StageSettings {
    /** Stage-wide throttle. */
    throttle: ThrottleSettings;
    /** Execution log level. */
    executionLevel: ExecutionLogLevel;
    /** X-Ray tracing. */
    xrayTracing: boolean;
    /** Retention of access and execution logs, days. */
    logRetentionInDays: number;
}

/** The platform's shared API, as its stack outputs describe it. */
export interface SharedRestApi {
    /** Environment of the platform stack. */
    environment: Environment;
    /** The REST API id. */
    restApiId: pulumi.Input<string>;
    /** Resource id of `/`. */
    rootResourceId: pulumi.Input<string>;
    /** Execution ARN (Lambda permissions). */
    executionArn: pulumi.Input<string>;
    /**
     * Authorizer ids of the platform, per auth kind.
     * @default {} (only `iam` routes)
     */
    authorizerIds?: Partial<Record<Exclude<AuthKind, "iam" | "none">, pulumi.Input<string>>>;
    /** KMS key encrypting the team's log groups. */
    kmsKeyArn: pulumi.Input<string>;
    /** The platform stage's settings, copied onto the team's stage. */
    stageSettings: StageSettings;
    /**
     * The platform's CORS settings: team routes answer preflights the same way.
     * @default undefined (no CORS)
     */
    cors?: CorsArgs;
    /**
     * The platform's WAFv2 web ACL: the team's stage is associated with it.
     * @default undefined (private APIs: no web ACL)
     */
    webAclArn?: pulumi.Input<string>;
    /**
     * The platform's custom domain: the team's stage is mapped under it (the default endpoint may be disabled).
     * @default undefined (the stage's execute-api URL serves the routes)
     */
    customDomainName?: pulumi.Input<string>;
    /**
     * The platform's current deployment id: when it changes, the team's next `pulumi up` redeploys too,
     * so the team's stage also serves the platform's latest routes.
     * @default undefined
     */
    deploymentId?: pulumi.Input<string>;
}

/** Arguments of {@link ApiRoute}. */
export interface ApiRouteArgs {
    /** The platform's API. */
    api: SharedRestApi;
    /** The team's stage (letters, digits, _ and -); must differ from the platform's. */
    stageName: string;
    /** The team's routes; their first path segment must be one the platform does not use. */
    routes: RouteArgs[];
    /**
     * Base path of the team's stage under the platform's custom domain.
     * @default the stage name
     */
    basePath?: string;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates an ApiRoute's arguments; returns the validated CORS settings. */
export function validateApiRouteArgs(args: ApiRouteArgs): { cors?: Required<CorsArgs> } {
    const C = "ApiRoute";
    if (!args.api) {
        throw new ComponentArgumentError(C, "api", "is required (the platform's stack outputs)");
    }
    const environment = oneOf(C, "api.environment", args.api.environment, ENVIRONMENTS);
    matches(C, "stageName", args.stageName, STAGE_NAME.pattern, STAGE_NAME.expected);
    const available = new Set<AuthKind>(["iam"]);
    for (const [kind, id] of Object.entries(args.api.authorizerIds ?? {})) {
        if (id !== undefined) {
            available.add(kind as AuthKind);
        }
    }
    validateRoutes(C, args.routes, available);
    const settings = args.api.stageSettings;
    if (!settings) {
        throw new ComponentArgumentError(C, "api.stageSettings", "is required (the platform exports them as stageSettings)");
    }
    validateThrottle(C, "api.stageSettings.throttle", settings.throttle);
    oneOf(C, "api.stageSettings.executionLevel", settings.executionLevel, EXECUTION_LOG_LEVELS);
    logRetention(C, "api.stageSettings.logRetentionInDays", settings.logRetentionInDays, environment);
    if (args.basePath !== undefined) {
        matches(C, "basePath", args.basePath, /^[A-Za-z0-9._-]+$/, "letters, digits, . _ - without slashes");
    }
    return { cors: args.api.cors ? validateCors(C, args.api.cors, environment) : undefined };
}

/** Routes of an application team on the shared API, published on the team's own stage. */
export class ApiRoute extends pulumi.ComponentResource {
    /** The team's deployment of the shared API (replaced when the team's routes, or the platform's deployment, change). */
    public readonly deployment: aws.apigateway.Deployment;
    /** The team's stage. */
    public readonly stage: aws.apigateway.Stage;
    /** Method per route key (`GET /shipments`). */
    public readonly methods: ReadonlyMap<string, aws.apigateway.Method>;
    /** The team stage's association with the platform's web ACL, when the platform has one. */
    public readonly webAclAssociation?: aws.wafv2.WebAclAssociation;
    /** The mapping under the platform's custom domain, when the platform has one. */
    public readonly basePathMapping?: aws.apigateway.BasePathMapping;
    /** Stage name. */
    public readonly stageName: pulumi.Output<string>;
    /** Stage ARN. */
    public readonly stageArn: pulumi.Output<string>;
    /** Access log group of the team's stage. */
    public readonly accessLogGroupName: pulumi.Output<string>;
    /** Where the team's routes are served: `https://<domain>/<basePath>` or the stage's execute-api URL. */
    public readonly url: pulumi.Output<string>;

    constructor(name: string, args: ApiRouteArgs, opts?: pulumi.ComponentResourceOptions) {
        const { cors } = validateApiRouteArgs(args);
        super("secure-api:apigateway:ApiRoute", name, {}, opts);
        const { api } = args;
        const snapshot = new DeploymentSnapshot();
        if (api.deploymentId !== undefined) {
            snapshot.follow("platform deployment", api.deploymentId);
        }
        const routes = new RouteBuilder({
            name,
            parent: this,
            restApiId: api.restApiId,
            rootResourceId: api.rootResourceId,
            executionArn: api.executionArn,
            authorizerIds: api.authorizerIds ?? {},
            cors,
            snapshot,
        });
        args.routes.forEach((route) => routes.addRoute(route));
        routes.addPreflights();
        const settings = api.stageSettings;
        const published = new RestStage({
            name,
            parent: this,
            restApiId: api.restApiId,
            stageName: args.stageName,
            accessLogGroupName: pulumi.interpolate`/aws/apigateway/${api.restApiId}/${args.stageName}/access`,
            retentionInDays: settings.logRetentionInDays,
            kmsKeyArn: api.kmsKeyArn,
            throttle: settings.throttle,
            methodThrottles: args.routes.filter((r) => r.throttle).map((r) => ({ method: r.method, path: r.path, ...r.throttle! })),
            executionLevel: settings.executionLevel,
            xrayTracing: settings.xrayTracing,
            snapshot,
            deploymentDependencies: routes.deploymentDependencies,
            tags: args.tags,
        });
        this.deployment = published.deployment;
        this.stage = published.stage;
        this.methods = routes.methods;
        if (api.webAclArn !== undefined) {
            this.webAclAssociation = new aws.wafv2.WebAclAssociation(
                `${name}-waf`,
                {
                    resourceArn: this.stage.arn,
                    webAclArn: api.webAclArn,
                },
                { parent: this },
            );
        }
        const basePath = args.basePath ?? args.stageName;
        if (api.customDomainName !== undefined) {
            this.basePathMapping = new aws.apigateway.BasePathMapping(
                `${name}-mapping`,
                {
                    domainName: api.customDomainName,
                    restApi: api.restApiId,
                    stageName: this.stage.stageName,
                    basePath,
                },
                { parent: this },
            );
            this.url = pulumi.interpolate`https://${this.basePathMapping.domainName}/${basePath}`;
        } else {
            this.url = this.stage.invokeUrl;
        }
        this.stageName = this.stage.stageName;
        this.stageArn = this.stage.arn;
        this.accessLogGroupName = published.accessLogs.logGroupName;
        this.registerOutputs({ stageName: this.stageName, stageArn: this.stageArn, url: this.url });
    }
}
