/** Links between API Gateway v2 (HTTP and WebSocket) resources and their API. */
import * as aws from "@pulumi/aws";
import { isSet, Known } from "./known";
import { knownOutput, OutputsOf, refersTo, StackResource } from "./resources";

export type ApiV2Resource = StackResource<OutputsOf<aws.apigatewayv2.Api>>;

/** The v2 API a resource's `apiId` refers to, when it is in the stack. */
export function apiV2Of<P extends { readonly apiId: string }>(r: StackResource<P>, apis: readonly ApiV2Resource[]): ApiV2Resource | undefined {
    return apis.find((api) => refersTo(r, "apiId", api, [(a) => a.id]));
}

/** The protocol of a v2 API (`HTTP` or `WEBSOCKET`), upper-cased. */
export function protocolOf(api: ApiV2Resource): Known<string | undefined> {
    const protocol = knownOutput(api, "protocolType", (p) => p.protocolType);
    return protocol.known ? { known: true, value: protocol.value?.toUpperCase() } : protocol;
}

/**
 * True when an HTTP API is made by quick create (`target` set, known or not):
 * API Gateway then creates a route (`routeKey`, default `$default`) with no
 * authorizer and an auto-deploy `$default` stage with no access logs and no
 * throttling, none of which the program can configure (CreateApi, "Target":
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis.html).
 */
export function isQuickCreate(target: Known<unknown>): boolean {
    return isSet(target);
}

/** The fix for a quick-create API, for messages. */
export const QUICK_CREATE_FIX =
    "remove target and routeKey and declare the aws.apigatewayv2.Integration, Route and Stage (e.g. $default with autoDeploy) yourself";
