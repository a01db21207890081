/**
 * Routes an application team adds to the platform's shared HTTP API, from its own Pulumi project: the
 * HTTP API counterpart of `ApiRoute` (`components/apigateway/api-route.ts`), with the same split of
 * ownership. The team creates its integrations, routes (authorized by the platform's JWT or Lambda
 * authorizer, or IAM) and Lambda permissions scoped to them, and publishes them on a stage of its own
 * (an HTTP API stage serves a deployment of the whole API, so a stage the platform owns would not serve the
 * team's routes until the platform's next deployment): auto-deployed, with the platform's throttle, JSON
 * access logs into a log group under the platform's key, detailed metrics. The platform owns the API, its
 * authorizers, its stage and domain.
 */
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS, STAGE_NAME } from "../../policy-pack/baseline";
import { routeKey, slug } from "../shared/naming";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError, Environment, logRetention, matches, oneOf } from "../shared/validation";
import * as aws from "@pulumi/aws";
import { httpIntegration } from "./v2-integrations";
import { HTTP_AUTHORIZATION_TYPES, HttpAuthKind, HttpRouteArgs, validateHttpRoutes } from "./v2-routes";
import { V2Stage } from "./v2-stage";

/** The platform's HTTP API, as its stack outputs (`httpApis.<name>`, `stageSettings`, `kmsKeyArn`) describe it. */
export interface SharedHttpApi {
    /** Environment of the platform stack. */
    environment: Environment;
    /** The HTTP API id. */
    apiId: pulumi.Input<string>;
    /** Its execution ARN (Lambda permissions). */
    executionArn: pulumi.Input<string>;
    /**
     * The platform's authorizer ids.
     * @default {} (only `iam` routes)
     */
    authorizerIds?: { jwt?: pulumi.Input<string>; lambda?: pulumi.Input<string> };
    /** KMS key of the team's access log group. */
    kmsKeyArn: pulumi.Input<string>;
    /** The platform's throttle and log retention, copied onto the team's stage. */
    stageSettings: { throttle: ThrottleSettings; logRetentionInDays: number };
}

/** Arguments of {@link HttpApiRoute}. */
export interface HttpApiRouteArgs {
    /** The platform's HTTP API. */
    api: SharedHttpApi;
    /** The team's stage (letters, digits, _ and -). */
    stageName: string;
    /** The team's routes (https or Lambda integrations). */
    routes: HttpRouteArgs[];
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates the arguments (nothing is created before). */
export function validateHttpApiRouteArgs(args: HttpApiRouteArgs): void {
    const C = "HttpApiRoute";
    if (!args.api) {
        throw new ComponentArgumentError(C, "api", "is required (the platform's stack outputs)");
    }
    const environment = oneOf(C, "api.environment", args.api.environment, ENVIRONMENTS);
    matches(C, "stageName", args.stageName, STAGE_NAME.pattern, STAGE_NAME.expected);
    const available = new Set<HttpAuthKind>(["iam"]);
    if (args.api.authorizerIds?.jwt !== undefined) {
        available.add("jwt");
    }
    if (args.api.authorizerIds?.lambda !== undefined) {
        available.add("lambda");
    }
    validateHttpRoutes(C, args.routes, available);
    if (!args.api.stageSettings) {
        throw new ComponentArgumentError(C, "api.stageSettings", "is required (the platform exports them as stageSettings)");
    }
    validateThrottle(C, "api.stageSettings.throttle", args.api.stageSettings.throttle);
    logRetention(C, "api.stageSettings.logRetentionInDays", args.api.stageSettings.logRetentionInDays, environment);
}

/** Routes of an application team on the shared HTTP API, published on the team's own stage. */
export class HttpApiRoute extends pulumi.ComponentResource {
    /** Route per route key. */
    public readonly routes: ReadonlyMap<string, aws.apigatewayv2.Route>;
    /** The team's stage (auto-deployed). */
    public readonly stage: aws.apigatewayv2.Stage;
    /** Stage name. */
    public readonly stageName: pulumi.Output<string>;
    /** `https://…execute-api…/<stage>`: where the team's routes are served. */
    public readonly url: pulumi.Output<string>;
    /** Access log group of the team's stage. */
    public readonly accessLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: HttpApiRouteArgs, opts?: pulumi.ComponentResourceOptions) {
        validateHttpApiRouteArgs(args);
        super("secure-api:apigatewayv2:HttpApiRoute", name, {}, opts);
        const parent = { parent: this };
        const { api } = args;
        const dependencies: pulumi.Resource[] = [];
        const routes = new Map<string, aws.apigatewayv2.Route>();
        for (const route of args.routes) {
            const key = routeKey(route.method, route.path);
            const n = `${name}-${slug(route.method, route.path)}`;
            const integration = httpIntegration(n, route, { apiId: api.apiId, executionArn: api.executionArn, vpcLinkIds: new Map(), dependencies }, parent);
            const created = new aws.apigatewayv2.Route(
                n,
                {
                    apiId: api.apiId,
                    routeKey: key,
                    authorizationType: HTTP_AUTHORIZATION_TYPES[route.auth],
                    authorizerId: route.auth === "jwt" || route.auth === "lambda" ? api.authorizerIds?.[route.auth] : undefined,
                    authorizationScopes: route.auth === "jwt" && route.scopes?.length ? route.scopes : undefined,
                    target: pulumi.interpolate`integrations/${integration.id}`,
                },
                parent,
            );
            routes.set(key, created);
        }
        this.routes = routes;
        const published = new V2Stage({
            name,
            parent: this,
            protocol: "HTTP",
            apiId: api.apiId,
            stageName: args.stageName,
            autoDeploy: true,
            accessLogGroupName: pulumi.interpolate`/aws/apigateway/${api.apiId}/${args.stageName}/access`,
            retentionInDays: api.stageSettings.logRetentionInDays,
            kmsKeyArn: api.kmsKeyArn,
            throttle: api.stageSettings.throttle,
            routeThrottles: args.routes.filter((r) => r.throttle).map((r) => ({ routeKey: routeKey(r.method, r.path), ...r.throttle! })),
            dependsOn: [...routes.values(), ...dependencies],
            tags: args.tags,
        });
        this.stage = published.stage;
        this.stageName = this.stage.name;
        this.url = this.stage.invokeUrl;
        this.accessLogGroupName = published.accessLogs.logGroupName;
        this.registerOutputs({ stageName: this.stageName, url: this.url });
    }
}
