/**
 * Builds routes on a REST API: the resource of each path prefix, and per
 * route its method (authorizer, scopes, API key, required parameters), model,
 * request validator, integration (HTTP proxy, Lambda proxy, or a MOCK answer)
 * and, with CORS, the OPTIONS preflight of each path. Used by `RestApi` for
 * the platform's route table and by `ApiRoute` for an application team's
 * routes on the shared API; every snapshotted child is recorded in a
 * {@link DeploymentSnapshot}.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AUTHORIZATION_TYPES, AuthKind, INTEGRATION_TIMEOUT_MS } from "../../policy-pack/baseline";
import { modelName, pathPrefixes, slug } from "../shared/naming";
import { lambdaInvokeUri, methodArn } from "../shared/policies";
import { CorsArgs, originEchoTemplate, originHeaders, preflightHeaders } from "./cors";
import { DeploymentSnapshot } from "./deployment-trigger";
import { RouteArgs } from "./routes";

/** Where routes are built. */
export interface RouteBuilderArgs {
    /** Prefix of every child's name (the component's name). */
    name: string;
    /** Parent of every child. */
    parent: pulumi.Resource;
    /** The REST API. */
    restApiId: pulumi.Input<string>;
    /** Resource id under which the first path segment hangs (the API root, or another resource). */
    rootResourceId: pulumi.Input<string>;
    /** The API's execution ARN (Lambda permissions). */
    executionArn: pulumi.Input<string>;
    /** Authorizer id per auth kind that has one. */
    authorizerIds: Partial<Record<AuthKind, pulumi.Input<string>>>;
    /**
     * Validated CORS settings.
     * @default undefined (no CORS headers or preflights)
     */
    cors?: Required<CorsArgs>;
    /** Records what the deployment snapshots. */
    snapshot: DeploymentSnapshot;
}

/** Creates resources, methods, integrations and preflights; collects what the deployment must wait for. */
export class RouteBuilder {
    /** Every child the deployment depends on. */
    readonly deploymentDependencies: pulumi.Resource[] = [];
    /** Resource per path (`/orders/{id}`). */
    readonly resources = new Map<string, aws.apigateway.Resource>();
    /** Method per route key (`GET /orders`). */
    readonly methods = new Map<string, aws.apigateway.Method>();
    private readonly methodsByPath = new Map<string, string[]>();
    private readonly validators: { body?: aws.apigateway.RequestValidator; params?: aws.apigateway.RequestValidator } = {};
    private readonly region: pulumi.Output<string>;

    constructor(private readonly args: RouteBuilderArgs) {
        this.region = aws.getRegionOutput({}, { parent: args.parent }).region;
    }

    private get opts(): pulumi.CustomResourceOptions {
        return { parent: this.args.parent };
    }

    /** The resource of a path, creating it and its missing prefixes. */
    resourceId(path: string): pulumi.Output<string> {
        const { name, snapshot } = this.args;
        for (const prefix of pathPrefixes(path)) {
            if (!this.resources.has(prefix)) {
                const parentPath = prefix.slice(0, prefix.lastIndexOf("/"));
                const n = `${name}-res-${slug(prefix)}`;
                const resource = new aws.apigateway.Resource(
                    n,
                    snapshot.track("Resource", n, {
                        restApi: this.args.restApiId,
                        parentId: parentPath === "" ? this.args.rootResourceId : this.resources.get(parentPath)!.id,
                        pathPart: prefix.slice(prefix.lastIndexOf("/") + 1),
                    }),
                    this.opts,
                );
                this.resources.set(prefix, resource);
                this.deploymentDependencies.push(resource);
            }
        }
        return this.resources.get(path)!.id;
    }

    private validatorFor(route: RouteArgs): pulumi.Output<string> | undefined {
        const { name, snapshot, restApiId } = this.args;
        const make = (suffix: string, validatorName: string, body: boolean) => {
            const n = `${name}-validate-${suffix}`;
            const validator = new aws.apigateway.RequestValidator(
                n,
                snapshot.track("RequestValidator", n, {
                    restApi: restApiId,
                    name: validatorName,
                    validateRequestBody: body,
                    validateRequestParameters: true,
                }),
                this.opts,
            );
            this.deploymentDependencies.push(validator);
            return validator;
        };
        if (route.requestSchema) {
            this.validators.body ??= make("body", "body-and-parameters", true);
            return this.validators.body.id;
        }
        if (route.requiredParameters?.length || /\{/.test(route.path)) {
            this.validators.params ??= make("params", "parameters", false);
            return this.validators.params.id;
        }
        return undefined;
    }

    /** One route: model, method, integration (and its Lambda permission or MOCK responses). */
    addRoute(route: RouteArgs): aws.apigateway.Method {
        const { name, snapshot, restApiId } = this.args;
        const key = slug(route.method, route.path);
        const resourceId = this.resourceId(route.path);
        this.methodsByPath.set(route.path, [...(this.methodsByPath.get(route.path) ?? []), route.method]);
        const pathParams = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\+?\}/g)].map((m) => m[1]);
        const requestParameters: Record<string, boolean> = {};
        pathParams.forEach((p) => (requestParameters[`method.request.path.${p}`] = true));
        (route.requiredParameters ?? []).forEach((p) => (requestParameters[p] = true));
        let model: aws.apigateway.Model | undefined;
        if (route.requestSchema) {
            const n = `${name}-model-${key}`;
            model = new aws.apigateway.Model(
                n,
                snapshot.track("Model", n, {
                    restApi: restApiId,
                    name: modelName(route.method, route.path),
                    contentType: "application/json",
                    schema: JSON.stringify(route.requestSchema),
                }),
                this.opts,
            );
            this.deploymentDependencies.push(model);
        }
        const n = `${name}-${key}`;
        const method = new aws.apigateway.Method(
            n,
            snapshot.track("Method", n, {
                restApi: restApiId,
                resourceId,
                httpMethod: route.method,
                authorization: AUTHORIZATION_TYPES[route.auth],
                authorizerId: this.args.authorizerIds[route.auth],
                authorizationScopes: route.scopes,
                apiKeyRequired: route.apiKeyRequired ?? false,
                requestParameters,
                requestModels: model ? { "application/json": model.name } : undefined,
                requestValidatorId: this.validatorFor(route),
            }),
            this.opts,
        );
        this.methods.set(`${route.method} ${route.path}`, method);
        this.deploymentDependencies.push(method, ...this.integrate(n, resourceId, method, route, pathParams));
        return method;
    }

    /** The integration of one route (and its responses for mock integrations). */
    private integrate(
        name: string,
        resourceId: pulumi.Output<string>,
        method: aws.apigateway.Method,
        route: RouteArgs,
        pathParams: string[],
    ): pulumi.Resource[] {
        const { snapshot, restApiId, cors } = this.args;
        const opts = { parent: this.args.parent, dependsOn: [method] };
        const common = { restApi: restApiId, resourceId, httpMethod: method.httpMethod };
        const integration = route.integration;
        const n = `${name}-integration`;
        if (integration.kind === "mock") {
            return this.mockResponse(name, resourceId, method, {
                headers: cors ? originHeaders(cors) : undefined,
                template: [cors ? originEchoTemplate(cors.allowedOrigins) : "", JSON.stringify(integration.responseBody)].filter((s) => s).join("\n"),
                responseModels: { "application/json": "Empty" },
            });
        }
        if (integration.kind === "http") {
            const requestParameters: Record<string, string> = {};
            pathParams.forEach((p) => (requestParameters[`integration.request.path.${p}`] = `method.request.path.${p}`));
            return [
                new aws.apigateway.Integration(
                    n,
                    snapshot.track("Integration", n, {
                        ...common,
                        type: "HTTP_PROXY",
                        integrationHttpMethod: route.method,
                        uri: integration.uri,
                        requestParameters,
                        timeoutMilliseconds: integration.timeoutMs ?? INTEGRATION_TIMEOUT_MS.max,
                    }),
                    opts,
                ),
            ];
        }
        const permission = new aws.lambda.Permission(
            `${name}-invoke`,
            {
                action: "lambda:InvokeFunction",
                function: integration.functionArn,
                principal: "apigateway.amazonaws.com",
                sourceArn: pulumi.output(this.args.executionArn).apply((arn) => methodArn(arn, "*", route.method, route.path)),
            },
            this.opts,
        );
        return [
            permission,
            new aws.apigateway.Integration(
                n,
                snapshot.track("Integration", n, {
                    ...common,
                    type: "AWS_PROXY",
                    integrationHttpMethod: "POST",
                    uri: pulumi.all([this.region, integration.functionArn]).apply(([r, arn]) => lambdaInvokeUri(r, arn)),
                }),
                opts,
            ),
        ];
    }

    /** An OPTIONS method on every path routed so far, answering CORS preflights from API Gateway itself (MOCK). */
    addPreflights(): void {
        const { cors, snapshot, restApiId, name } = this.args;
        if (!cors) {
            return;
        }
        for (const [path, methods] of this.methodsByPath) {
            const n = `${name}-${slug("options", path)}`;
            const resourceId = this.resourceId(path);
            const method = new aws.apigateway.Method(
                n,
                snapshot.track("Method", n, {
                    restApi: restApiId,
                    resourceId,
                    httpMethod: "OPTIONS",
                    authorization: "NONE",
                }),
                this.opts,
            );
            this.deploymentDependencies.push(
                method,
                ...this.mockResponse(n, resourceId, method, {
                    headers: preflightHeaders(cors, methods),
                    template: originEchoTemplate(cors.allowedOrigins),
                }),
            );
        }
    }

    /** A MOCK integration answering 200 with the given headers and body template (routes and preflights). */
    private mockResponse(
        name: string,
        resourceId: pulumi.Output<string>,
        method: aws.apigateway.Method,
        response: { headers?: Record<string, string>; template: string; responseModels?: Record<string, string> },
    ): pulumi.Resource[] {
        const { snapshot, restApiId, parent } = this.args;
        const common = { restApi: restApiId, resourceId, httpMethod: method.httpMethod };
        const n = `${name}-integration`;
        const integration = new aws.apigateway.Integration(
            n,
            snapshot.track("Integration", n, {
                ...common,
                type: "MOCK",
                requestTemplates: { "application/json": '{"statusCode": 200}' },
                passthroughBehavior: "NEVER",
            }),
            { parent, dependsOn: [method] },
        );
        const r = `${name}-200`;
        const methodResponse = new aws.apigateway.MethodResponse(
            r,
            snapshot.track("MethodResponse", r, {
                ...common,
                statusCode: "200",
                responseModels: response.responseModels,
                responseParameters: response.headers ? Object.fromEntries(Object.keys(response.headers).map((h) => [h, true])) : undefined,
            }),
            { parent, dependsOn: [method] },
        );
        const integrationResponse = new aws.apigateway.IntegrationResponse(
            r,
            snapshot.track("IntegrationResponse", r, {
                ...common,
                statusCode: "200",
                responseParameters: response.headers,
                responseTemplates: { "application/json": response.template },
            }),
            { parent, dependsOn: [integration, methodResponse] },
        );
        return [integration, methodResponse, integrationResponse];
    }
}
