/** API Gateway (REST) rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { apigwApiKeyAttached } from "./apigw-api-key-attached";
import { apigwComponentRoutesAuthorized } from "./apigw-component-routes-authorized";
import { apigwComponentStageUnverified } from "./apigw-component-stage-unverified";
import { apigwApiKeyGenerated } from "./apigw-api-key-generated";
import { apigwAuthorizerCacheTtl } from "./apigw-authorizer-cache-ttl";
import { apigwBackendClientCertificate } from "./apigw-backend-client-certificate";
import { apigwCacheEncrypted } from "./apigw-cache-encrypted";
import { apigwCorsRestrictedOrigins } from "./apigw-cors-restricted-origins";
import { apigwDefaultEndpointDisabled } from "./apigw-default-endpoint-disabled";
import { apigwDetailedMetrics } from "./apigw-detailed-metrics";
import { apigwDomainTls12 } from "./apigw-domain-tls-1-2";
import { apigwExecutionLogging } from "./apigw-execution-logging";
import { apigwIntegrationHttps } from "./apigw-integration-https";
import { apigwMethodRequiresAuthorization } from "./apigw-method-requires-authorization";
import { apigwMethodSettingsThrottling } from "./apigw-method-settings-throttling";
import { apigwMtlsTruststoreBucket } from "./apigw-mtls-truststore-bucket";
import { apigwPrivateApiResourcePolicy } from "./apigw-private-api-resource-policy";
import { apigwPublicApiResourcePolicy } from "./apigw-public-api-resource-policy";
import { apigwPublicStageWaf } from "./apigw-public-stage-waf";
import { apigwRequestValidation } from "./apigw-request-validation";
import { apigwStageAccessLogging } from "./apigw-stage-access-logging";
import { apigwStageThrottling } from "./apigw-stage-throttling";
import { apigwStageVariableSecrets } from "./apigw-stage-variable-secrets";
import { apigwStageXrayTracing } from "./apigw-stage-xray-tracing";
import { apigwUsagePlanLimits } from "./apigw-usage-plan-limits";

export const apigatewayRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [
    apigwMethodRequiresAuthorization,
    apigwStageAccessLogging,
    apigwStageXrayTracing,
    apigwStageThrottling,
    apigwMethodSettingsThrottling,
    apigwExecutionLogging,
    apigwAuthorizerCacheTtl,
    apigwRequestValidation,
    apigwPublicStageWaf,
    apigwPrivateApiResourcePolicy,
    apigwDefaultEndpointDisabled,
    apigwCorsRestrictedOrigins,
    apigwDomainTls12,
    apigwMtlsTruststoreBucket,
    apigwUsagePlanLimits,
    apigwApiKeyAttached,
    apigwComponentRoutesAuthorized,
    apigwComponentStageUnverified,
    apigwIntegrationHttps,
    apigwStageVariableSecrets,
    apigwApiKeyGenerated,
    apigwPublicApiResourcePolicy,
    apigwCacheEncrypted,
    apigwDetailedMetrics,
    apigwBackendClientCertificate,
];
