/** Pure naming helpers: stable logical names and AWS-compatible physical names. */

import { slug } from "../../policy-pack/baseline";

/** Lower-case, dash-separated slug of the parts: `slug("Orders API", "GET /a/{id}")` is `orders-api-get-a-id` (defined in the baseline: the pack's route waivers rely on it). */
export { slug };

/** The canonical key of a route: `GET /orders/{id}`. */
export function routeKey(method: string, path: string): string {
    return `${method.toUpperCase()} ${path}`;
}

/** The method path API Gateway method settings use: `orders/{id}/GET`. */
export function methodSettingsPath(method: string, path: string): string {
    return `${path.replace(/^\//, "")}/${method.toUpperCase()}`;
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
