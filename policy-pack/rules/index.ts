/**
 * Every rule of the pack, as data. The real CLI loads them through
 * `policy-pack/index.ts`; the offline plan and the tests import them from here.
 */
import type { Policies } from "@pulumi/policy";
import * as apiGateway from "./api-gateway";
import * as exposure from "./exposure";
import * as identity from "./identity";
import * as logging from "./logging";
import * as tls from "./tls";
import * as usagePlans from "./usage-plans";
import * as waf from "./waf";

export const POLICY_PACK_NAME = "secure-api-platform";

export const policies: Policies = [
    apiGateway.methodAuthorization,
    apiGateway.stageAccessLogging,
    apiGateway.stageXrayTracing,
    apiGateway.stageThrottling,
    apiGateway.methodSettingsThrottling,
    apiGateway.executionLogging,
    apiGateway.authorizerCacheTtl,
    apiGateway.requestValidation,
    exposure.publicStageWaf,
    exposure.privateApiResourcePolicy,
    exposure.defaultEndpointDisabled,
    exposure.corsOrigins,
    tls.domainTls12,
    tls.truststoreBucket,
    usagePlans.usagePlanLimits,
    usagePlans.apiKeyAttached,
    identity.cognitoPasswordPolicy,
    identity.cognitoMfa,
    identity.cognitoAdvancedSecurity,
    logging.logGroupRetention,
    logging.logGroupKms,
    logging.cloudTrailSecure,
    logging.cloudTrailCloudWatch,
    logging.logBucketPublicAccess,
    waf.wafManagedRules,
    waf.wafLogging,
];
