/**
 * Authorizers of HTTP and WebSocket APIs, with what API Gateway v2 accepts
 * (terraform-provider-aws `internal/service/apigatewayv2/authorizer.go`:
 * payload format "1.0"/"2.0", result TTL 0–3600, name 1–128; AWS docs
 * "Working with AWS Lambda authorizers for HTTP APIs",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html:
 * simple responses need payload 2.0; caching needs identity sources; and
 * "Controlling access to WebSocket APIs with AWS Lambda REQUEST authorizers",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html:
 * identity sources `route.request.header|querystring.NAME`, no payload version,
 * no simple responses and no result cache).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AUTHORIZER_TTL } from "../../policy-pack/baseline";
import { lambdaInvokeUri } from "../shared/policies";
import { ComponentArgumentError, intInRange } from "../shared/validation";

/** The JWT authorizer of an HTTP API: the platform's Cognito pool as issuer, its app clients as audience. */
export interface JwtAuthorizerSettings {
    /** Token issuer, `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
    issuer: pulumi.Input<string>;
    /** App client ids whose tokens are accepted (`aud`/`client_id`). */
    audiences: pulumi.Input<pulumi.Input<string>[]>;
}

/** A Lambda REQUEST authorizer of an HTTP or WebSocket API. */
export interface V2LambdaAuthorizerSettings {
    /** ARN of the authorizer function. */
    functionArn: pulumi.Input<string>;
    /**
     * Where the caller's credentials are read: HTTP `$request.header.NAME` / `$request.querystring.NAME`;
     * WebSocket `route.request.header.NAME` / `route.request.querystring.NAME`.
     * @default ["$request.header.Authorization"] (HTTP), ["route.request.header.Authorization"] (WebSocket)
     */
    identitySources?: string[];
    /**
     * HTTP only: seconds API Gateway caches a decision, `AUTHORIZER_TTL.min`–`max` (0–3600).
     * @default 300 (`AUTHORIZER_TTL.apiGatewayDefault`)
     */
    resultTtlSeconds?: number;
}

const HTTP_SOURCE = /^\$(request\.(header|querystring)\.[A-Za-z0-9._-]+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$/;
const WS_SOURCE = /^(route\.request\.(header|querystring)\.[A-Za-z0-9._-]+|context\.[A-Za-z0-9_.]+|stageVariables\.[A-Za-z0-9_]+)$/;

/** Validates Lambda authorizer settings for a protocol; returns the identity sources and the TTL (HTTP only). */
export function validateV2LambdaAuthorizer(
    component: string,
    at: string,
    settings: V2LambdaAuthorizerSettings,
    protocol: "HTTP" | "WEBSOCKET",
): { identitySources: string[]; ttl?: number } {
    if (settings.functionArn === undefined || settings.functionArn === "") {
        throw new ComponentArgumentError(component, `${at}.functionArn`, "is required (the authorizer function's ARN)");
    }
    const http = protocol === "HTTP";
    const sources = settings.identitySources ?? [http ? "$request.header.Authorization" : "route.request.header.Authorization"];
    if (sources.length === 0) {
        // An empty list turns caching off and lets requests without credentials reach the function; require a source.
        throw new ComponentArgumentError(component, `${at}.identitySources`, "must list at least one source, e.g. $request.header.Authorization");
    }
    sources.forEach((s, i) => {
        if (!(http ? HTTP_SOURCE : WS_SOURCE).test(s)) {
            throw new ComponentArgumentError(
                component,
                `${at}.identitySources[${i}]`,
                `must be ${http ? "$request.header|querystring.NAME, $context.NAME or $stageVariables.NAME" : "route.request.header|querystring.NAME, context.NAME or stageVariables.NAME"} (got ${JSON.stringify(s)})`,
            );
        }
    });
    if (!http) {
        if (settings.resultTtlSeconds !== undefined) {
            throw new ComponentArgumentError(
                component,
                `${at}.resultTtlSeconds`,
                "is not supported for WebSocket APIs (API Gateway caches only HTTP API authorizer results)",
            );
        }
        return { identitySources: sources };
    }
    const ttl = intInRange(
        component,
        `${at}.resultTtlSeconds`,
        settings.resultTtlSeconds ?? AUTHORIZER_TTL.apiGatewayDefault,
        AUTHORIZER_TTL.min,
        AUTHORIZER_TTL.max,
    );
    return { identitySources: sources, ttl };
}

/** Creates the Lambda REQUEST authorizer and the permission letting exactly this authorizer invoke the function. */
export function lambdaRequestAuthorizer(
    name: string,
    args: { apiId: pulumi.Input<string>; executionArn: pulumi.Input<string>; protocol: "HTTP" | "WEBSOCKET"; settings: V2LambdaAuthorizerSettings },
    validated: { identitySources: string[]; ttl?: number },
    opts: pulumi.CustomResourceOptions,
): { authorizer: aws.apigatewayv2.Authorizer; permission: aws.lambda.Permission } {
    const region = aws.getRegionOutput({}, opts);
    const partition = aws.getPartitionOutput({}, opts);
    const http = args.protocol === "HTTP";
    const authorizer = new aws.apigatewayv2.Authorizer(
        name,
        {
            apiId: args.apiId,
            name,
            authorizerType: "REQUEST",
            authorizerUri: pulumi.all([region.name, partition.partition, args.settings.functionArn]).apply(([r, p, fn]) => lambdaInvokeUri(r, fn, p)),
            identitySources: validated.identitySources,
            ...(http ? { authorizerPayloadFormatVersion: "2.0", enableSimpleResponses: true, authorizerResultTtlInSeconds: validated.ttl } : {}),
        },
        opts,
    );
    // Scoped to this authorizer: arn:aws:execute-api:region:account:apiId/authorizers/authorizerId
    // ("Lambda authorizers for HTTP APIs", resource-based policy example).
    const permission = new aws.lambda.Permission(
        `${name}-invoke`,
        {
            action: "lambda:InvokeFunction",
            function: args.settings.functionArn,
            principal: "apigateway.amazonaws.com",
            sourceArn: pulumi.interpolate`${args.executionArn}/authorizers/${authorizer.id}`,
        },
        opts,
    );
    return { authorizer, permission };
}
