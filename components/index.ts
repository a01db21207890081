/**
 * The platform's components. Each folder is one module of the
 * `secure-api:<module>:<Class>` type tokens of the classes in it; `shared/`
 * holds the pure helpers they use. Application teams import from here and
 * extend (e.g. `ApiRoute` on the platform's API).
 *
 * The guardrail baseline (`policy-pack/baseline`: HTTP methods, auth kinds,
 * throttle and quota bounds, log retention values, WAF groups, CIDR parsing,
 * ...) is re-exported too: it is the one definition of every limit.
 */
export * from "../policy-pack/baseline";

export * from "./apigateway/access-log";
export * from "./apigateway/api-key-rotation";
export * from "./apigateway/api-key-secret";
export * from "./apigateway/api-route";
export * from "./apigateway/canary";
export * from "./apigateway/cors";
export * from "./apigateway/deployment-trigger";
export * from "./apigateway/endpoint";
export * from "./apigateway/openapi-api";
export * from "./apigateway/private-api";
export * from "./apigateway/public-api";
export * from "./apigateway/resource-policy";
export * from "./apigateway/rest-api";
export * from "./apigateway/rest-stage";
export * from "./apigateway/route-builder";
export * from "./apigateway/routes";
export * from "./apigateway/usage-plans";
export * from "./audit/audit-trail";
export * from "./config/detective-controls";
export * from "./auth/cognito-authorizer";
export * from "./auth/cognito-user-pool";
export * from "./auth/iam-invoke-policy";
export * from "./auth/lambda-authorizer";
export * from "./auth/partner-role";
export * from "./index/secure-api";
export * from "./lambda";
export * from "./observability/api-alarms";
export * from "./observability/api-gateway-account";
export * from "./observability/encrypted-log-group";
export * from "./security/platform-key";
export * from "./shared/limits";
export * from "./shared/naming";
export * from "./shared/policies";
export * from "./shared/throttle";
export * from "./shared/validation";
export * from "./storage/secure-bucket";
export * from "./tls/custom-domain";
export * from "./tls/mtls-truststore";
export * from "./waf/web-acl";
