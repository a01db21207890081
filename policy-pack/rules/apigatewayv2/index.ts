/** API Gateway v2 (HTTP and WebSocket API) rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { apigwv2CorsRestrictedOrigins } from "./apigwv2-cors-restricted-origins";
import { apigwv2CorsWildcardMethodsHeaders } from "./apigwv2-cors-wildcard-methods-headers";
import { apigwv2DefaultEndpointDisabled } from "./apigwv2-default-endpoint-disabled";
import { apigwv2DomainTls12 } from "./apigwv2-domain-tls-1-2";
import { apigwv2IntegrationTls } from "./apigwv2-integration-tls";
import { apigwv2JwtAuthorizer } from "./apigwv2-jwt-authorizer";
import { apigwv2MtlsTruststoreBucket } from "./apigwv2-mtls-truststore-bucket";
import { apigwv2RouteAuthorization } from "./apigwv2-route-authorization";
import { apigwv2StageAccessLogging } from "./apigwv2-stage-access-logging";
import { apigwv2StageDataTrace } from "./apigwv2-stage-data-trace";
import { apigwv2StageThrottling } from "./apigwv2-stage-throttling";
import { apigwv2WebsocketExecutionLogging } from "./apigwv2-websocket-execution-logging";

export const apigatewayv2Rules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    apigwv2RouteAuthorization,
    apigwv2JwtAuthorizer,
    apigwv2StageAccessLogging,
    apigwv2StageThrottling,
    apigwv2StageDataTrace,
    apigwv2WebsocketExecutionLogging,
    apigwv2CorsRestrictedOrigins,
    apigwv2DomainTls12,
    apigwv2IntegrationTls,
    apigwv2CorsWildcardMethodsHeaders,
    apigwv2MtlsTruststoreBucket,
    apigwv2DefaultEndpointDisabled,
];
