/** Pure naming helpers: stable logical names and AWS-compatible physical names. */

import { slug } from "../../policy-pack/baseline";

/** Lower-case, dash-separated slug of the parts: `slug("Orders API", "GET /a/{id}")` is `orders-api-get-a-id` (defined in the baseline: the pack's route waivers rely on it). */
export { slug };

/** The canonical key of a route: `GET /orders/{id}`. */
export function routeKey(method: string, path: string): string {
    return `${method.toUpperCase()} ${path}`;
}

/**
 * The method path of a MethodSettings for one method: the resource path with every `/` escaped as
 * `~1`, then `/` and the method: `~1orders~1{id}/GET`, and `~1/GET` for the root.
 *
 * The provider sends it unchanged inside UpdateStage patch paths (`/{methodPath}/throttling/burstLimit`;
 * terraform-provider-aws `internal/service/apigateway/method_settings.go`), whose `/` separate the
 * parts, so a resource path's own slashes must be escaped (API Gateway PatchOperation `path`: 'Any
 * slash ("/") character appearing in path names must be escaped with "~1"'). An unescaped
 * `orders/{id}/GET` is refused as an invalid method setting path once deployed, and GetStage keys its
 * methodSettings by the escaped form (hashicorp/terraform-provider-aws#9738; CloudFormation's
 * MethodSetting ResourcePath is the same encoding).
 */
export function methodSettingsPath(method: string, path: string): string {
    return `${resourcePath(path).replace(/\//g, "~1")}/${method.toUpperCase()}`;
}

/**
 * The path of a usage plan's per-method throttle: `/orders/{id}/GET`, the resource path then the method,
 * unescaped (CreateUsagePlan's `apiStages[].throttle` is a map keyed by `{resourcePath}/{httpMethod}`,
 * e.g. `/pets/GET`: AWS::ApiGateway::UsagePlan ApiStage `Throttle`).
 */
export function usagePlanThrottlePath(method: string, path: string): string {
    return `${resourcePath(path)}/${method.toUpperCase()}`;
}

/** A route path as an API Gateway resource path: with its leading `/` (`orders/{id}` is `/orders/{id}`). */
function resourcePath(path: string): string {
    return path.startsWith("/") ? path : `/${path}`;
}

/** WAF only logs to CloudWatch log groups whose name starts with `aws-waf-logs-`. */
export function wafLogGroupName(prefix: string): string {
    return `aws-waf-logs-${slug(prefix)}`.slice(0, 512);
}

/** Every path prefix of a route path: `/a/b/c` gives `/a`, `/a/b`, `/a/b/c`. */
export function pathPrefixes(path: string): string[] {
    const segments = path.split("/").filter((s) => s.length > 0);
    return segments.map((_, i) => "/" + segments.slice(0, i + 1).join("/"));
}

/** A name for an API Gateway model: alphanumeric only. */
export function modelName(method: string, path: string): string {
    const words = slug(method, path, "request").split("-");
    return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}
