/**
 * What every REST API of the platform is made of, whatever defines its routes
 * (the route table of `RestApi`, or the OpenAPI document of `OpenApiRestApi`):
 * the `aws.apigateway.RestApi` inputs (TLS 1.2, header API keys, endpoint
 * type, resource policy) and the published stage (`RestStage`: deployment,
 * JSON access logs, execution logs, X-Ray, throttling).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ExecutionLogLevel, TLS_SECURITY_POLICY } from "../../policy-pack/baseline";
import { DeploymentSnapshot } from "./deployment-trigger";
import { RestApiArgs } from "./rest-api-args";
import { MethodThrottle, RestStage } from "./rest-stage";

/** The inputs of the `aws.apigateway.RestApi` of a REST API (without its routes or body). */
export function secureRestApiInputs(
    args: Pick<RestApiArgs, "apiName" | "description" | "endpointType" | "vpcEndpointIds" | "policy" | "disableExecuteApiEndpoint" | "tags">,
): aws.apigateway.RestApiArgs {
    return {
        name: args.apiName,
        description: args.description,
        endpointConfiguration: { types: args.endpointType, vpcEndpointIds: args.vpcEndpointIds },
        policy: args.policy,
        securityPolicy: TLS_SECURITY_POLICY,
        disableExecuteApiEndpoint: args.disableExecuteApiEndpoint ?? false,
        apiKeySource: "HEADER",
        tags: args.tags,
    };
}

/** What {@link publishRestApi} needs beyond the API's args. */
export interface PublishArgs {
    name: string;
    parent: pulumi.Resource;
    restApi: aws.apigateway.RestApi;
    executionLevel: ExecutionLogLevel;
    snapshot: DeploymentSnapshot;
    deploymentDependencies: pulumi.Resource[];
    methodThrottles: MethodThrottle[];
}

/** The platform's stage of a REST API: the same for route-built and OpenAPI-built APIs. */
export function publishRestApi(
    args: Pick<RestApiArgs, "apiName" | "stageName" | "logging" | "throttle" | "xrayTracing" | "canary" | "tags">,
    p: PublishArgs,
): RestStage {
    return new RestStage({
        name: p.name,
        parent: p.parent,
        restApiId: p.restApi.id,
        stageName: args.stageName,
        accessLogGroupName: `/aws/apigateway/${args.apiName}/${args.stageName}/access`,
        retentionInDays: args.logging.retentionInDays,
        kmsKeyArn: args.logging.kmsKeyArn,
        throttle: args.throttle,
        methodThrottles: p.methodThrottles,
        executionLevel: p.executionLevel,
        xrayTracing: args.xrayTracing ?? true,
        snapshot: p.snapshot,
        deploymentDependencies: p.deploymentDependencies,
        canary: args.canary,
        tags: args.tags,
    });
}

/** The stage's CloudWatch metric dimensions (ApiName and Stage). */
export function restMetricDimensions(api: aws.apigateway.RestApi, stage: aws.apigateway.Stage): pulumi.Output<Record<string, string>> {
    return pulumi.all([api.name, stage.stageName]).apply(([n, s]): Record<string, string> => ({ ApiName: n, Stage: s }));
}
