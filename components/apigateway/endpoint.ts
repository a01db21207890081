/**
 * The seam between an API and everything put around it.
 *
 * `CustomDomain`, `WebAcl`, `ApiAlarms`, `IamInvokePolicy`, `SecureApi` and
 * the stack outputs take an {@link ApiEndpoint}, never a concrete API class,
 * so a second kind of API (HTTP or WebSocket APIs on API Gateway v2) is one
 * new class implementing this interface, not edits across those files. What
 * differs between kinds is carried by the endpoint itself: its `kind`, the
 * CloudWatch metric dimensions, and whether a WAF can be put in front of it.
 */
import * as pulumi from "@pulumi/pulumi";

/** API kinds the platform knows: REST APIs (API Gateway v1), HTTP and WebSocket APIs (API Gateway v2, `components/apigatewayv2`). */
export type ApiKind = "REST" | "HTTP" | "WEBSOCKET";

/** A deployed API endpoint: one API and the stage that serves it. */
export interface ApiEndpoint {
    /** Which API Gateway API kind this is. */
    readonly kind: ApiKind;
    /** API id (`restApiId` for REST APIs, the v2 `apiId` for HTTP and WebSocket APIs). */
    readonly apiId: pulumi.Output<string>;
    /** The API's name as API Gateway shows it. */
    readonly apiName: pulumi.Output<string>;
    /** `arn:aws:execute-api:region:account:apiId`: the prefix of every method ARN (IAM policies, Lambda permissions). */
    readonly executionArn: pulumi.Output<string>;
    /** Name of the stage that serves the API. */
    readonly stageName: pulumi.Output<string>;
    /** ARN of the stage (what a WAF web ACL is associated with). */
    readonly stageArn: pulumi.Output<string>;
    /** The stage's default `https://…execute-api…/stage` URL. */
    readonly invokeUrl: pulumi.Output<string>;
    /** CloudWatch log group receiving the stage's access logs. */
    readonly accessLogGroupName: pulumi.Output<string>;
    /** CloudWatch dimensions of the stage's AWS/ApiGateway metrics (REST: ApiName and Stage; HTTP and WebSocket: ApiId and Stage). */
    readonly metricDimensions: pulumi.Output<Record<string, string>>;
    /** Whether a WAFv2 web ACL can be associated with the stage (REST stages: yes; HTTP and WebSocket APIs: no, AWS WAF cannot be associated with them). */
    readonly supportsWaf: boolean;
}

/** The endpoint's values as plain stack outputs (the contract in `stacks/outputs.ts`). */
export function endpointOutputs(endpoint: ApiEndpoint): {
    restApiId: pulumi.Output<string>;
    executionArn: pulumi.Output<string>;
    stageName: pulumi.Output<string>;
    invokeUrl: pulumi.Output<string>;
    accessLogGroupName: pulumi.Output<string>;
} {
    return {
        restApiId: endpoint.apiId,
        executionArn: endpoint.executionArn,
        stageName: endpoint.stageName,
        invokeUrl: endpoint.invokeUrl,
        accessLogGroupName: endpoint.accessLogGroupName,
    };
}
