/**
 * A WebSocket API (API Gateway v2): `$connect` authorized by a Lambda
 * REQUEST authorizer or IAM (`none` only with a waiver), Lambda integrations
 * with permissions scoped to their route, a stage with KMS-encrypted JSON
 * access logs (connection id, event type and route key included), execution
 * logging ERROR or INFO with data trace off, default and per-route
 * throttling; and a least-privilege policy for backends that post to
 * connections (`execute-api:ManageConnections` on this stage's
 * `@connections` only). No WAF and no mTLS: AWS supports neither for
 * WebSocket APIs.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { API_NAME, ENVIRONMENTS, EXECUTION_LOG_LEVELS, ExecutionLogLevel, STAGE_NAME } from "../../policy-pack/baseline";
import { DeploymentSnapshot } from "../apigateway/deployment-trigger";
import { ApiEndpoint } from "../apigateway/endpoint";
import { slug } from "../shared/naming";
import { document } from "../shared/policies";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError, Environment, logRetention, matches, oneOf } from "../shared/validation";
import { lambdaRequestAuthorizer, V2LambdaAuthorizerSettings, validateV2LambdaAuthorizer } from "./v2-authorizers";
import { validateWebSocketRoutes, WEBSOCKET_AUTH_KINDS, WebSocketAuthKind, WebSocketRouteArgs } from "./v2-routes";
import { V2Stage } from "./v2-stage";

/** Arguments of {@link WebSocketApi}. */
export interface WebSocketApiArgs {
    /** dev or prod: bounds of log retention. */
    environment: Environment;
    /** API name, 1-128 letters, digits, spaces, _ or -. */
    apiName: string;
    /**
     * Description.
     * @default undefined
     */
    description?: string;
    /** Stage name (letters, digits, _ and -). */
    stageName: string;
    /**
     * Which part of a message selects the route.
     * @default "$request.body.action"
     */
    routeSelectionExpression?: string;
    /** Routes; `$connect` is required. */
    routes: WebSocketRouteArgs[];
    /** How `$connect` is authorized: `lambda` (needs `lambdaAuthorizer`), `iam`, or `none` (needs `connectWaiver`). */
    connectAuth: WebSocketAuthKind;
    /**
     * The Lambda REQUEST authorizer of `$connect` (identity sources from headers or the query string).
     * @default undefined (required with connectAuth lambda)
     */
    lambdaAuthorizer?: V2LambdaAuthorizerSettings;
    /**
     * Why anyone may connect (required with connectAuth none).
     * @default undefined
     */
    connectWaiver?: string;
    /** Default route throttle of the stage. */
    throttle: ThrottleSettings;
    /**
     * Access log retention (days), the log group's KMS key, and the execution log level.
     * @default executionLevel "ERROR"
     */
    logging: { retentionInDays: number; kmsKeyArn: pulumi.Input<string>; executionLevel?: ExecutionLogLevel };
    /**
     * Turn the default execute-api endpoint off (required when a custom domain is mapped).
     * @default false
     */
    disableExecuteApiEndpoint?: boolean;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates the arguments; returns the validated authorizer settings. */
export function validateWebSocketApiArgs(args: WebSocketApiArgs): { lambda?: { identitySources: string[] } } {
    const C = "WebSocketApi";
    const environment = oneOf(C, "environment", args.environment, ENVIRONMENTS);
    matches(C, "apiName", args.apiName, API_NAME.pattern, API_NAME.expected);
    matches(C, "stageName", args.stageName, STAGE_NAME.pattern, STAGE_NAME.expected);
    if (args.routeSelectionExpression !== undefined) {
        matches(
            C,
            "routeSelectionExpression",
            args.routeSelectionExpression,
            /^\$request\.body\.[A-Za-z0-9_.]+$/,
            "a $request.body.FIELD expression such as $request.body.action",
        );
    }
    validateWebSocketRoutes(C, args.routes);
    oneOf(C, "connectAuth", args.connectAuth, WEBSOCKET_AUTH_KINDS);
    if (args.connectAuth === "lambda" && !args.lambdaAuthorizer) {
        throw new ComponentArgumentError(C, "lambdaAuthorizer", 'is required with connectAuth "lambda"');
    }
    if (args.connectAuth !== "lambda" && args.lambdaAuthorizer) {
        throw new ComponentArgumentError(C, "lambdaAuthorizer", `only applies to connectAuth "lambda" (got connectAuth "${args.connectAuth}")`);
    }
    if (args.connectAuth === "none" && !(typeof args.connectWaiver === "string" && args.connectWaiver.trim().length >= 10)) {
        throw new ComponentArgumentError(
            C,
            "connectWaiver",
            `is required with connectAuth "none": say why anyone may connect (at least 10 characters) (got ${JSON.stringify(args.connectWaiver)})`,
        );
    }
    if (args.connectAuth !== "none" && args.connectWaiver !== undefined) {
        throw new ComponentArgumentError(C, "connectWaiver", `only applies to connectAuth "none" (got connectAuth "${args.connectAuth}")`);
    }
    validateThrottle(C, "throttle", args.throttle);
    if (!args.logging) {
        throw new ComponentArgumentError(C, "logging", "is required (retentionInDays and kmsKeyArn)");
    }
    logRetention(C, "logging.retentionInDays", args.logging.retentionInDays, environment);
    if (args.logging.kmsKeyArn === undefined || args.logging.kmsKeyArn === "") {
        throw new ComponentArgumentError(C, "logging.kmsKeyArn", "is required: access logs hold caller IPs and identities");
    }
    if (args.logging.executionLevel !== undefined) {
        oneOf(C, "logging.executionLevel", args.logging.executionLevel, EXECUTION_LOG_LEVELS);
    }
    return { lambda: args.lambdaAuthorizer ? validateV2LambdaAuthorizer(C, "lambdaAuthorizer", args.lambdaAuthorizer, "WEBSOCKET") : undefined };
}

/** A WebSocket API and its stage: an {@link ApiEndpoint}. */
export class WebSocketApi extends pulumi.ComponentResource implements ApiEndpoint {
    readonly kind = "WEBSOCKET" as const;
    /** AWS WAF cannot be associated with WebSocket APIs. */
    readonly supportsWaf = false;
    /** The `aws.apigatewayv2.Api` (protocol WEBSOCKET). */
    public readonly api: aws.apigatewayv2.Api;
    /** The stage. */
    public readonly stage: aws.apigatewayv2.Stage;
    /** The deployment the stage serves. */
    public readonly deployment: aws.apigatewayv2.Deployment;
    /** Route per route key. */
    public readonly routes: ReadonlyMap<string, aws.apigatewayv2.Route>;
    /** The `$connect` Lambda authorizer, with connectAuth lambda. */
    public readonly lambdaAuthorizer?: aws.apigatewayv2.Authorizer;
    /** Least-privilege policy for backends that post to connections (attach it to their roles). */
    public readonly connectionsPolicy: aws.iam.Policy;
    /** Resource names of waived anonymous routes (`$connect` with connectAuth none). */
    public readonly anonymousRouteNames: string[];

    public readonly apiId: pulumi.Output<string>;
    public readonly apiName: pulumi.Output<string>;
    public readonly executionArn: pulumi.Output<string>;
    public readonly stageName: pulumi.Output<string>;
    public readonly stageArn: pulumi.Output<string>;
    /** `wss://…execute-api…/stage`. */
    public readonly invokeUrl: pulumi.Output<string>;
    /** `https://…execute-api…/stage`: where backends post to `@connections`. */
    public readonly connectionsUrl: pulumi.Output<string>;
    public readonly accessLogGroupName: pulumi.Output<string>;
    /** AWS/ApiGateway dimensions of WebSocket APIs: ApiId and Stage. */
    public readonly metricDimensions: pulumi.Output<Record<string, string>>;
    /** ARN of {@link connectionsPolicy}. */
    public readonly connectionsPolicyArn: pulumi.Output<string>;

    constructor(name: string, args: WebSocketApiArgs, opts?: pulumi.ComponentResourceOptions) {
        const validated = validateWebSocketApiArgs(args);
        super("secure-api:apigatewayv2:WebSocketApi", name, {}, opts);
        const parent = { parent: this };
        const snapshot = new DeploymentSnapshot();
        this.api = new aws.apigatewayv2.Api(
            name,
            snapshot.track("Api", name, {
                name: args.apiName,
                description: args.description,
                protocolType: "WEBSOCKET",
                routeSelectionExpression: args.routeSelectionExpression ?? "$request.body.action",
                disableExecuteApiEndpoint: args.disableExecuteApiEndpoint ?? false,
                tags: args.tags,
            }),
            parent,
        );
        const api = this.api;
        const dependencies: pulumi.Resource[] = [];
        if (args.lambdaAuthorizer && validated.lambda) {
            const { authorizer, permission } = lambdaRequestAuthorizer(
                `${name}-connect-authorizer`,
                { apiId: api.id, executionArn: api.executionArn, protocol: "WEBSOCKET", settings: args.lambdaAuthorizer },
                validated.lambda,
                parent,
            );
            snapshot.follow("connect authorizer", authorizer.id);
            this.lambdaAuthorizer = authorizer;
            dependencies.push(authorizer, permission);
        }
        const routes = new Map<string, aws.apigatewayv2.Route>();
        this.anonymousRouteNames = [];
        for (const route of args.routes) {
            const n = `${name}-${slug(route.routeKey.replace(/^\$/, "")) || "route"}`;
            const connect = route.routeKey === "$connect";
            // Scoped to this route: ${executionArn}/*/${routeKey}.
            const permission = new aws.lambda.Permission(
                `${n}-invoke`,
                {
                    action: "lambda:InvokeFunction",
                    function: route.integration.functionArn,
                    principal: "apigateway.amazonaws.com",
                    sourceArn: pulumi.interpolate`${api.executionArn}/*/${route.routeKey}`,
                },
                parent,
            );
            // WebSocket Lambda proxy integrations: AWS_PROXY, POST (payload format 1.0 is the only one WebSocket APIs have).
            const integration = new aws.apigatewayv2.Integration(
                n,
                snapshot.track("Integration", n, {
                    apiId: api.id,
                    integrationType: "AWS_PROXY",
                    integrationMethod: "POST",
                    integrationUri: route.integration.functionArn,
                }),
                parent,
            );
            // Only $connect carries authorization; other routes run on the connection it authorized.
            const authorizationType = connect ? { lambda: "CUSTOM", iam: "AWS_IAM", none: "NONE" }[args.connectAuth] : "NONE";
            const created = new aws.apigatewayv2.Route(
                n,
                snapshot.track("Route", n, {
                    apiId: api.id,
                    routeKey: route.routeKey,
                    authorizationType,
                    authorizerId: connect && args.connectAuth === "lambda" ? this.lambdaAuthorizer?.id : undefined,
                    target: pulumi.interpolate`integrations/${integration.id}`,
                }),
                parent,
            );
            if (connect && args.connectAuth === "none") {
                this.anonymousRouteNames.push(n);
            }
            routes.set(route.routeKey, created);
            dependencies.push(permission, integration, created);
        }
        this.routes = routes;
        const trigger = snapshot.trigger();
        this.deployment = new aws.apigatewayv2.Deployment(
            `${name}-deployment`,
            { apiId: api.id, description: trigger.apply((t) => `Routes ${t.slice(0, 12)}`), triggers: { redeployment: trigger } },
            { parent: this, dependsOn: dependencies },
        );
        const published = new V2Stage({
            name,
            parent: this,
            protocol: "WEBSOCKET",
            apiId: api.id,
            stageName: args.stageName,
            deploymentId: this.deployment.id,
            autoDeploy: false,
            accessLogGroupName: `/aws/apigateway/${args.apiName}/${args.stageName}/access`,
            retentionInDays: args.logging.retentionInDays,
            kmsKeyArn: args.logging.kmsKeyArn,
            throttle: args.throttle,
            routeThrottles: args.routes.filter((r) => r.throttle).map((r) => ({ routeKey: r.routeKey, ...r.throttle! })),
            executionLevel: args.logging.executionLevel ?? "ERROR",
            dependsOn: [...routes.values()],
            tags: args.tags,
        });
        this.stage = published.stage;
        // ManageConnections on this API's stage only: POST (send), GET (status), DELETE (disconnect) on @connections
        // ("Use @connections commands in your backend service",
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html).
        this.connectionsPolicy = new aws.iam.Policy(
            `${name}-connections`,
            {
                description: `Post to, read and close connections of the ${args.apiName} WebSocket API (${args.stageName} stage only)`,
                policy: pulumi.all([api.executionArn, this.stage.name]).apply(([arn, stage]) =>
                    JSON.stringify(
                        document({
                            Sid: "ManageConnections",
                            Effect: "Allow",
                            Action: "execute-api:ManageConnections",
                            Resource: ["POST", "GET", "DELETE"].map((verb) => `${arn}/${stage}/${verb}/@connections/*`),
                        }),
                    ),
                ),
                tags: args.tags,
            },
            parent,
        );
        this.apiId = api.id;
        this.apiName = api.name;
        this.executionArn = api.executionArn;
        this.stageName = this.stage.name;
        this.stageArn = this.stage.arn;
        this.invokeUrl = this.stage.invokeUrl;
        this.connectionsUrl = pulumi.interpolate`${api.apiEndpoint}/${this.stage.name}`.apply((u) => u.replace(/^wss:/, "https:"));
        this.accessLogGroupName = published.accessLogs.logGroupName;
        this.metricDimensions = pulumi.all([api.id, this.stage.name]).apply(([id, s]): Record<string, string> => ({ ApiId: id, Stage: s }));
        this.connectionsPolicyArn = this.connectionsPolicy.arn;
        this.registerOutputs({
            apiId: this.apiId,
            executionArn: this.executionArn,
            stageName: this.stageName,
            invokeUrl: this.invokeUrl,
            accessLogGroupName: this.accessLogGroupName,
            connectionsPolicyArn: this.connectionsPolicyArn,
        });
    }
}
