/** Lambda functions the platform deploys: the JWT authorizer function and its settings. */
export * from "./bundle";
export * from "./jwt-authorizer-function";
export { CLOCK_SKEW_SECONDS, DEFAULT_ALGORITHMS, JWT_ALGORITHMS, JwtAlgorithm, RouteScopes } from "./jwt-authorizer/settings";
