/**
 * An HTTP API (API Gateway v2) built from the platform's route table, as
 * locked down as its REST APIs: every route authorized (JWT from the
 * platform's pool, a Lambda REQUEST authorizer with payload 2.0, simple
 * responses and a bounded cache, or SigV4), https-only and TLS-verified
 * private integrations, Lambda permissions scoped to the route, an explicit
 * stage with KMS-encrypted JSON access logs, default and per-route
 * throttling and detailed metrics, CORS only from the platform's origins.
 * AWS WAF cannot be associated with HTTP APIs (`supportsWaf: false`): use
 * the REST kind where a web ACL is required.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HTTP_METHODS } from "../../policy-pack/baseline";
import { DeploymentSnapshot } from "../apigateway/deployment-trigger";
import { ApiEndpoint } from "../apigateway/endpoint";
import { routeKey, slug } from "../shared/naming";
import { methodArn } from "../shared/policies";
import { HttpApiArgs, validateHttpApiArgs } from "./http-api-args";
import { lambdaRequestAuthorizer } from "./v2-authorizers";
import { httpIntegration } from "./v2-integrations";
import { HTTP_AUTHORIZATION_TYPES, HttpAuthKind } from "./v2-routes";
import { V2Stage } from "./v2-stage";

export * from "./http-api-args";

/** An HTTP API and its stage: an {@link ApiEndpoint}. */
export class HttpApi extends pulumi.ComponentResource implements ApiEndpoint {
    readonly kind = "HTTP" as const;
    /** AWS WAF cannot be associated with HTTP APIs. */
    readonly supportsWaf = false;
    /** The `aws.apigatewayv2.Api` (protocol HTTP). */
    public readonly api: aws.apigatewayv2.Api;
    /** The stage. */
    public readonly stage: aws.apigatewayv2.Stage;
    /** The deployment the stage serves (absent with autoDeploy). */
    public readonly deployment?: aws.apigatewayv2.Deployment;
    /** Route per route key (`GET /orders`). */
    public readonly routes: ReadonlyMap<string, aws.apigatewayv2.Route>;
    /** The JWT authorizer, with `authorizers.jwt`. */
    public readonly jwtAuthorizer?: aws.apigatewayv2.Authorizer;
    /** The Lambda REQUEST authorizer, with `authorizers.lambda`. */
    public readonly lambdaAuthorizer?: aws.apigatewayv2.Authorizer;
    /** VPC links by name. */
    public readonly vpcLinks: ReadonlyMap<string, aws.apigatewayv2.VpcLink>;
    /** Resource names of the waived `auth: none` routes (for the policy config's `allowedAnonymousRoutes`). */
    public readonly anonymousRouteNames: string[];

    public readonly apiId: pulumi.Output<string>;
    public readonly apiName: pulumi.Output<string>;
    public readonly executionArn: pulumi.Output<string>;
    public readonly stageName: pulumi.Output<string>;
    public readonly stageArn: pulumi.Output<string>;
    public readonly invokeUrl: pulumi.Output<string>;
    public readonly accessLogGroupName: pulumi.Output<string>;
    /** AWS/ApiGateway dimensions of HTTP APIs: ApiId and Stage. */
    public readonly metricDimensions: pulumi.Output<Record<string, string>>;
    /** Id of the JWT authorizer, when there is one. */
    public readonly jwtAuthorizerId?: pulumi.Output<string>;
    /** Id of the Lambda authorizer, when there is one. */
    public readonly lambdaAuthorizerId?: pulumi.Output<string>;
    /** Invoke ARNs of the AWS_IAM routes on the stage (least-privilege invoke policies). */
    public readonly iamRouteArns: pulumi.Output<string[]>;

    constructor(name: string, args: HttpApiArgs, opts?: pulumi.ComponentResourceOptions) {
        const validated = validateHttpApiArgs(args);
        super("secure-api:apigatewayv2:HttpApi", name, {}, opts);
        const parent = { parent: this };
        const snapshot = new DeploymentSnapshot();
        const autoDeploy = args.autoDeploy ?? false;
        const cors = validated.cors;
        const methods = new Set(args.routes.flatMap((r) => (r.method === "ANY" ? HTTP_METHODS.filter((m) => m !== "ANY") : [r.method])));

        this.api = new aws.apigatewayv2.Api(
            name,
            snapshot.track("Api", name, {
                name: args.apiName,
                description: args.description,
                protocolType: "HTTP",
                disableExecuteApiEndpoint: args.disableExecuteApiEndpoint ?? false,
                corsConfiguration: cors
                    ? {
                          allowOrigins: cors.allowedOrigins,
                          allowMethods: [...methods, "OPTIONS"].sort(),
                          allowHeaders: cors.allowHeaders,
                          maxAge: cors.maxAgeSeconds,
                          // Never credentials: the platform's tokens travel in the Authorization header.
                          allowCredentials: false,
                      }
                    : undefined,
                tags: args.tags,
            }),
            parent,
        );
        const api = this.api;
        const dependencies: pulumi.Resource[] = [];

        const authorizerIds: Partial<Record<HttpAuthKind, pulumi.Output<string>>> = {};
        if (args.authorizers?.jwt) {
            const n = `${name}-jwt`;
            this.jwtAuthorizer = new aws.apigatewayv2.Authorizer(
                n,
                snapshot.track("Authorizer", n, {
                    apiId: api.id,
                    name: n,
                    authorizerType: "JWT",
                    identitySources: ["$request.header.Authorization"],
                    jwtConfiguration: { issuer: args.authorizers.jwt.issuer, audiences: args.authorizers.jwt.audiences },
                }),
                parent,
            );
            authorizerIds.jwt = this.jwtAuthorizer.id;
            dependencies.push(this.jwtAuthorizer);
        }
        if (args.authorizers?.lambda && validated.lambda) {
            const { authorizer, permission } = lambdaRequestAuthorizer(
                `${name}-lambda-authorizer`,
                { apiId: api.id, executionArn: api.executionArn, protocol: "HTTP", settings: args.authorizers.lambda },
                validated.lambda,
                parent,
            );
            snapshot.follow("lambda authorizer", authorizer.id);
            this.lambdaAuthorizer = authorizer;
            authorizerIds.lambda = authorizer.id;
            dependencies.push(authorizer, permission);
        }

        const links = new Map<string, aws.apigatewayv2.VpcLink>();
        for (const [linkName, link] of Object.entries(args.vpcLinks ?? {})) {
            links.set(
                linkName,
                new aws.apigatewayv2.VpcLink(
                    `${name}-${linkName}`,
                    { name: `${args.apiName}-${linkName}`.slice(0, 128), subnetIds: link.subnetIds, securityGroupIds: link.securityGroupIds, tags: args.tags },
                    parent,
                ),
            );
        }
        this.vpcLinks = links;

        const routes = new Map<string, aws.apigatewayv2.Route>();
        this.anonymousRouteNames = [];
        for (const route of args.routes) {
            const key = routeKey(route.method, route.path);
            const n = `${name}-${slug(route.method, route.path)}`;
            const integration = httpIntegration(n, route, { apiId: api.id, executionArn: api.executionArn, vpcLinkIds: links, snapshot, dependencies }, parent);
            const created = new aws.apigatewayv2.Route(
                n,
                snapshot.track("Route", n, {
                    apiId: api.id,
                    routeKey: key,
                    authorizationType: HTTP_AUTHORIZATION_TYPES[route.auth],
                    authorizerId: route.auth === "jwt" || route.auth === "lambda" ? authorizerIds[route.auth] : undefined,
                    authorizationScopes: route.auth === "jwt" && route.scopes?.length ? route.scopes : undefined,
                    target: pulumi.interpolate`integrations/${integration.id}`,
                }),
                parent,
            );
            routes.set(key, created);
            dependencies.push(created);
            if (route.auth === "none") {
                this.anonymousRouteNames.push(n);
            }
        }
        this.routes = routes;

        if (!autoDeploy) {
            const trigger = snapshot.trigger();
            this.deployment = new aws.apigatewayv2.Deployment(
                `${name}-deployment`,
                { apiId: api.id, description: trigger.apply((t) => `Routes ${t.slice(0, 12)}`), triggers: { redeployment: trigger } },
                { parent: this, dependsOn: dependencies },
            );
        }
        const published = new V2Stage({
            name,
            parent: this,
            protocol: "HTTP",
            apiId: api.id,
            stageName: args.stageName,
            deploymentId: this.deployment?.id,
            autoDeploy,
            accessLogGroupName: `/aws/apigateway/${args.apiName}/${args.stageName.replace("$", "")}/access`,
            retentionInDays: args.logging.retentionInDays,
            kmsKeyArn: args.logging.kmsKeyArn,
            throttle: args.throttle,
            routeThrottles: args.routes.filter((r) => r.throttle).map((r) => ({ routeKey: routeKey(r.method, r.path), ...r.throttle! })),
            dependsOn: [...routes.values()],
            tags: args.tags,
        });
        this.stage = published.stage;

        this.apiId = api.id;
        this.apiName = api.name;
        this.executionArn = api.executionArn;
        this.stageName = this.stage.name;
        this.stageArn = this.stage.arn;
        this.invokeUrl = this.stage.invokeUrl;
        this.accessLogGroupName = published.accessLogs.logGroupName;
        this.metricDimensions = pulumi.all([api.id, this.stage.name]).apply(([id, s]): Record<string, string> => ({ ApiId: id, Stage: s }));
        this.jwtAuthorizerId = authorizerIds.jwt;
        this.lambdaAuthorizerId = authorizerIds.lambda;
        const iamRoutes = args.routes.filter((r) => r.auth === "iam");
        this.iamRouteArns = pulumi.all([api.executionArn, this.stage.name]).apply(([arn, st]) => iamRoutes.map((r) => methodArn(arn, st, r.method, r.path)));
        this.registerOutputs({
            apiId: this.apiId,
            executionArn: this.executionArn,
            stageName: this.stageName,
            invokeUrl: this.invokeUrl,
            accessLogGroupName: this.accessLogGroupName,
        });
    }
}
