/** Builders shared by the apigateway specs and their `.cases` specs (a spec must not import another spec: its tests would register twice). */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { REST_API_COMPONENT } from "../../../policy-pack/rules/apigateway/apigw-component-routes-authorized";
import { restApi } from "../builders";
import { RemoteComponent } from "../components/remote-component";

/** RestApi arguments of a PRIVATE (VPC endpoint) API. */
export const PRIVATE = { endpointConfiguration: { types: "PRIVATE" } };

/** A route of the remote `aws-apigateway:index:RestAPI` component, as a program gives it. */
export type ComponentRoute = pulumi.Input<Record<string, unknown>>;
/** The remote REST API component with `routes` on stage v1, and any other inputs. */
export const componentRestApi = (name: string, routes: ComponentRoute[], extra: Record<string, unknown> = {}) =>
    new RemoteComponent(REST_API_COMPONENT, name, { routes, stageName: "v1", ...extra });

/** The CORS response header an OPTIONS integration response maps. */
export const ALLOW_ORIGIN_HEADER = "method.response.header.Access-Control-Allow-Origin";
/** An OPTIONS IntegrationResponse on a new RestApi whose Access-Control-Allow-Origin mapping is `value` (a quoted literal, as API Gateway takes it). */
export const corsIntegrationResponse = (name: string, value: pulumi.Input<string>) => {
    const api = restApi(`${name}-api`);
    return new aws.apigateway.IntegrationResponse(name, {
        restApi: api.id,
        resourceId: api.rootResourceId,
        httpMethod: "OPTIONS",
        statusCode: "200",
        responseParameters: { [ALLOW_ORIGIN_HEADER]: value },
    });
};
