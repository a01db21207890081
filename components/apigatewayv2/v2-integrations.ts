/**
 * The integration of one HTTP API route (and, for Lambda, the permission scoped to that route), shared by
 * `HttpApi` and `HttpApiRoute`. Values per terraform-provider-aws `apigatewayv2/integration.go` and
 * "Working with integrations for HTTP APIs" (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations.html):
 * Lambda proxy with payload 2.0 and method POST; HTTP proxy (public or through a VPC link) with payload 1.0.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DeploymentSnapshot } from "../apigateway/deployment-trigger";
import { methodArn } from "../shared/policies";
import { HttpRouteArgs } from "./v2-routes";

/** Where the integration goes. */
export interface HttpIntegrationContext {
    apiId: pulumi.Input<string>;
    executionArn: pulumi.Input<string>;
    /** VPC links by name (private integrations). */
    vpcLinkIds: ReadonlyMap<string, { id: pulumi.Input<string> }>;
    /** What the deployment snapshots, when the API has one. */
    snapshot?: DeploymentSnapshot;
    /** Children the deployment (or stage) waits for; the integration and permission are added. */
    dependencies: pulumi.Resource[];
}

/** Creates the integration of `route` (named `n`). */
export function httpIntegration(
    n: string,
    route: HttpRouteArgs,
    ctx: HttpIntegrationContext,
    opts: pulumi.CustomResourceOptions,
): aws.apigatewayv2.Integration {
    const i = route.integration;
    let inputs: aws.apigatewayv2.IntegrationArgs;
    switch (i.kind) {
        case "lambda":
            inputs = { apiId: ctx.apiId, integrationType: "AWS_PROXY", integrationMethod: "POST", integrationUri: i.functionArn, payloadFormatVersion: "2.0" };
            // Scoped to this route: ${executionArn}/*/${METHOD}${path} (any stage, this method and path only).
            ctx.dependencies.push(
                new aws.lambda.Permission(
                    `${n}-invoke`,
                    {
                        action: "lambda:InvokeFunction",
                        function: i.functionArn,
                        principal: "apigateway.amazonaws.com",
                        sourceArn: pulumi.output(ctx.executionArn).apply((arn) => methodArn(arn, "*", route.method, route.path)),
                    },
                    opts,
                ),
            );
            break;
        case "http":
            // HTTP_PROXY supports payload format 1.0 only.
            inputs = {
                apiId: ctx.apiId,
                integrationType: "HTTP_PROXY",
                integrationMethod: route.method,
                integrationUri: i.uri,
                connectionType: "INTERNET",
                payloadFormatVersion: "1.0",
                timeoutMilliseconds: i.timeoutMs ?? 29000,
            };
            break;
        case "private":
            inputs = {
                apiId: ctx.apiId,
                integrationType: "HTTP_PROXY",
                integrationMethod: route.method,
                integrationUri: i.targetArn,
                connectionType: "VPC_LINK",
                connectionId: ctx.vpcLinkIds.get(i.vpcLink)!.id,
                tlsConfig: { serverNameToVerify: i.serverNameToVerify },
                payloadFormatVersion: "1.0",
                timeoutMilliseconds: i.timeoutMs ?? 29000,
            };
            break;
    }
    const integration = new aws.apigatewayv2.Integration(n, ctx.snapshot ? ctx.snapshot.track("Integration", n, inputs) : inputs, opts);
    ctx.dependencies.push(integration);
    return integration;
}
