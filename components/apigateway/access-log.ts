/** The JSON access log format of every stage: enough to trace a request to a caller and a decision. */
import { REQUIRED_ACCESS_LOG_FIELDS } from "../../policy-pack/baseline";
import { ComponentArgumentError } from "../shared/validation";

/** Field name to API Gateway context variable. */
export const ACCESS_LOG_FIELDS: Record<string, string> = {
    requestId: "$context.requestId",
    extendedRequestId: "$context.extendedRequestId",
    ip: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
    caller: "$context.identity.caller",
    user: "$context.identity.user",
    principalId: "$context.authorizer.principalId",
    apiKeyId: "$context.identity.apiKeyId",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    resourcePath: "$context.resourcePath",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    latency: "$context.responseLatency",
    integrationLatency: "$context.integrationLatency",
    authorizerError: "$context.authorizer.error",
    authorizerStatus: "$context.authorize.status",
    wafResponseCode: "$context.wafResponseCode",
    errorMessage: "$context.error.message",
};

/**
 * One-line JSON template for `accessLogSettings.format`, every value quoted. Refuses a field set
 * that lacks any of the baseline's `REQUIRED_ACCESS_LOG_FIELDS` (request id, source IP, status),
 * which the access-logging rule requires.
 *
 * Quoted because API Gateway writes `-` for a variable with no value (`$context.integrationLatency`
 * of a request refused before its integration: throttled, unauthorized, blocked by WAF), and an
 * unquoted `-` makes the line invalid JSON, which CloudWatch Logs' JSON filters (the 429 metric
 * filter) never match; AWS's own JSON example quotes every value ("Customize access log formats",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
 */
export function accessLogFormat(fields: Record<string, string> = ACCESS_LOG_FIELDS): string {
    const variables = Object.values(fields);
    const missing = REQUIRED_ACCESS_LOG_FIELDS.filter((f) => !variables.includes(f));
    if (missing.length > 0) {
        throw new ComponentArgumentError("accessLogFormat", "fields", `must include ${missing.join(", ")} so each request can be traced to a caller`);
    }
    const parts = Object.entries(fields).map(([k, v]) => `"${k}":"${v}"`);
    return `{${parts.join(",")}}`;
}
