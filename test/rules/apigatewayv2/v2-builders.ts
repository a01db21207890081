/** Raw @pulumi/aws API Gateway v2 building blocks for the apigatewayv2 specs: compliant by default, taking the args to change. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ACCESS_LOG_FORMAT, LOG_GROUP_ARN } from "../builders";

export function httpApi(name: string, args: Partial<aws.apigatewayv2.ApiArgs> = {}): aws.apigatewayv2.Api {
    return new aws.apigatewayv2.Api(name, { name, protocolType: "HTTP", ...args });
}

export function wsApi(name: string, args: Partial<aws.apigatewayv2.ApiArgs> = {}): aws.apigatewayv2.Api {
    return new aws.apigatewayv2.Api(name, { name, protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action", ...args });
}

export function route(
    name: string,
    api: aws.apigatewayv2.Api,
    routeKey: pulumi.Input<string>,
    args: Partial<aws.apigatewayv2.RouteArgs> = {},
): aws.apigatewayv2.Route {
    return new aws.apigatewayv2.Route(name, { apiId: api.id, routeKey, authorizationType: "AWS_IAM", ...args });
}

export type RouteSettings = aws.types.input.apigatewayv2.StageDefaultRouteSettings;
export const V2_THROTTLED: RouteSettings = { throttlingRateLimit: 10, throttlingBurstLimit: 20, loggingLevel: "ERROR", dataTraceEnabled: false };

export function v2Stage(name: string, api: aws.apigatewayv2.Api, args: Partial<aws.apigatewayv2.StageArgs> = {}): aws.apigatewayv2.Stage {
    return new aws.apigatewayv2.Stage(name, {
        apiId: api.id,
        name,
        autoDeploy: true,
        defaultRouteSettings: V2_THROTTLED,
        accessLogSettings: { destinationArn: LOG_GROUP_ARN, format: ACCESS_LOG_FORMAT },
        ...args,
    });
}
