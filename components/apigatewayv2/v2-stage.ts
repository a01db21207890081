/**
 * The stage of an HTTP or WebSocket API: a KMS-encrypted access log group with
 * retention, JSON access logs with the platform's required fields, default
 * route throttling and per-route throttles, detailed metrics; for WebSocket
 * APIs execution logging (ERROR or INFO) with data trace off.
 *
 * `loggingLevel` and `dataTraceEnabled` are "Supported only for WebSocket
 * APIs" (terraform-provider-aws `apigatewayv2_stage` docs, and the
 * `RouteSettings` of the API Gateway v2 reference,
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages-stagename.html),
 * so HTTP stages leave them unset.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ExecutionLogLevel } from "../../policy-pack/baseline";
import { accessLogFormat } from "../apigateway/access-log";
import { EncryptedLogGroup } from "../observability/encrypted-log-group";
import { ThrottleSettings } from "../shared/throttle";

/**
 * Access log fields of HTTP APIs (context variables listed in "Customizing HTTP API access logs",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html).
 */
export const HTTP_ACCESS_LOG_FIELDS: Record<string, string> = {
    requestId: "$context.requestId",
    extendedRequestId: "$context.extendedRequestId",
    ip: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
    caller: "$context.identity.caller",
    principalId: "$context.authorizer.principalId",
    jwtSubject: "$context.authorizer.claims.sub",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    routeKey: "$context.routeKey",
    path: "$context.path",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    latency: "$context.responseLatency",
    integrationLatency: "$context.integrationLatency",
    authorizerError: "$context.authorizer.error",
    integrationError: "$context.integrationErrorMessage",
    errorMessage: "$context.error.message",
};

/**
 * Access log fields of WebSocket APIs, connection id, event type and route key included
 * ("Logging variables for WebSocket APIs",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-logging.html).
 */
export const WEBSOCKET_ACCESS_LOG_FIELDS: Record<string, string> = {
    requestId: "$context.requestId",
    extendedRequestId: "$context.extendedRequestId",
    ip: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
    caller: "$context.identity.caller",
    principalId: "$context.authorizer.principalId",
    connectionId: "$context.connectionId",
    eventType: "$context.eventType",
    routeKey: "$context.routeKey",
    requestTime: "$context.requestTime",
    status: "$context.status",
    integrationLatency: "$context.integrationLatency",
    authorizerError: "$context.authorizer.error",
    errorMessage: "$context.error.message",
};

/** A per-route throttle on a v2 stage. */
export interface RouteThrottle extends ThrottleSettings {
    /** Route key (`GET /orders`, `$connect`). */
    routeKey: string;
}

/** What {@link V2Stage} builds. */
export interface V2StageArgs {
    name: string;
    parent: pulumi.Resource;
    protocol: "HTTP" | "WEBSOCKET";
    apiId: pulumi.Input<string>;
    /** Stage name (`$default` for an auto-deploying default stage). */
    stageName: string;
    /** The deployment served, unless {@link autoDeploy}. */
    deploymentId?: pulumi.Input<string>;
    /** Auto-deploy every change (then no deployment is created). */
    autoDeploy: boolean;
    accessLogGroupName: pulumi.Input<string>;
    retentionInDays: number;
    kmsKeyArn: pulumi.Input<string>;
    throttle: ThrottleSettings;
    routeThrottles: RouteThrottle[];
    /** WebSocket only. */
    executionLevel?: ExecutionLogLevel;
    /** Routes the route settings refer to (they must exist first). */
    dependsOn: pulumi.Resource[];
    tags?: Record<string, string>;
}

/** The access log group and the stage. */
export class V2Stage {
    readonly accessLogs: EncryptedLogGroup;
    readonly stage: aws.apigatewayv2.Stage;

    constructor(args: V2StageArgs) {
        const { name, parent } = args;
        const websocket = args.protocol === "WEBSOCKET";
        this.accessLogs = new EncryptedLogGroup(
            `${name}-access-logs`,
            { logGroupName: args.accessLogGroupName, retentionInDays: args.retentionInDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
            { parent },
        );
        const executionLogging = websocket ? { loggingLevel: args.executionLevel ?? "ERROR", dataTraceEnabled: false } : {};
        this.stage = new aws.apigatewayv2.Stage(
            `${name}-stage`,
            {
                apiId: args.apiId,
                name: args.stageName,
                autoDeploy: args.autoDeploy,
                deploymentId: args.autoDeploy ? undefined : args.deploymentId,
                accessLogSettings: {
                    destinationArn: this.accessLogs.logGroupArn,
                    format: accessLogFormat(websocket ? WEBSOCKET_ACCESS_LOG_FIELDS : HTTP_ACCESS_LOG_FIELDS),
                },
                defaultRouteSettings: {
                    throttlingRateLimit: args.throttle.rateLimit,
                    throttlingBurstLimit: args.throttle.burstLimit,
                    detailedMetricsEnabled: true,
                    ...executionLogging,
                },
                routeSettings: args.routeThrottles.map((t) => ({
                    routeKey: t.routeKey,
                    throttlingRateLimit: t.rateLimit,
                    throttlingBurstLimit: t.burstLimit,
                    detailedMetricsEnabled: true,
                    ...executionLogging,
                })),
                tags: args.tags,
            },
            { parent, dependsOn: args.dependsOn },
        );
    }
}
