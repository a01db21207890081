/**
 * Compatibility re-exports for callers outside policy-pack/rules that still
 * import helpers from the old module layout (tests of components and helpers).
 * New code imports from the rule files and lib/ directly; delete this file once
 * no caller uses it.
 */
export { originOf } from "./apigateway/apigw-cors-restricted-origins";
