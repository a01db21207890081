import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { accessLogFormat } from "./access-log";
import { CognitoAuthorizer } from "./cognito-authorizer";
import { CorsArgs, gatewayResponseHeaders, originEchoTemplate, originHeaders, preflightHeaders, validateCors } from "./cors";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { LambdaAuthorizer, LambdaAuthorizerSettings, lambdaAuthorizerIdentitySource } from "./lambda-authorizer";
import { methodSettingsPath, modelName, pathPrefixes, routeKey, slug } from "./naming";
import { lambdaInvokeUri, methodArn } from "./policies";
import { AuthKind, RouteArgs, ThrottleArgs, validateRoutes, validateThrottle } from "./routes";
import { ComponentArgumentError, Environment, ENVIRONMENTS, logRetention, matches, oneOf } from "./validation";

export const EXECUTION_LOG_LEVELS = ["INFO", "ERROR"] as const;

/** Authorizers an API offers its routes. AWS_IAM (`auth: "iam"`) needs none and is always available. */
export interface AuthorizersArgs {
    /** Accept JWTs from these Cognito user pools (routes with `auth: "cognito"`). */
    cognito?: { userPoolArns: pulumi.Input<string>[] };
    /** A Lambda authorizer (routes with `auth: "lambda"`). */
    lambda?: LambdaAuthorizerSettings;
}

/** Stage logging settings. */
export interface StageLoggingArgs {
    /** Access and execution log retention in days (a CloudWatch-accepted value). */
    retentionInDays: number;
    /** Execution log level: INFO (all requests) or ERROR (failures only). Default ERROR. */
    executionLevel?: "INFO" | "ERROR";
    /** KMS key ARN encrypting the access log group. */
    kmsKeyArn: pulumi.Input<string>;
}

/** Arguments of {@link RestApi}. */
export interface RestApiArgs {
    /** Environment: prod forbids wildcard CORS and localhost origins. */
    environment: Environment;
    /** Name of the API in API Gateway. */
    apiName: string;
    /** Description shown in API Gateway. */
    description?: string;
    /** REGIONAL for public APIs, PRIVATE for APIs reachable only through VPC endpoints. */
    endpointType: "REGIONAL" | "PRIVATE";
    /** VPC endpoints a PRIVATE API is reachable through (required for PRIVATE). */
    vpcEndpointIds?: pulumi.Input<string>[];
    /** Resource policy document (JSON). Required for PRIVATE. */
    policy?: pulumi.Input<string>;
    /** Stage name, e.g. `dev` or `prod` (letters, digits, _ and -). */
    stageName: string;
    /** The route table. */
    routes: RouteArgs[];
    /** Authorizers the routes may use. */
    authorizers?: AuthorizersArgs;
    /** CORS for browser clients; no CORS headers at all when omitted. */
    cors?: CorsArgs;
    /** Stage-wide throttling for every method. */
    throttle: ThrottleArgs;
    /** Access/execution logging. */
    logging: StageLoggingArgs;
    /** X-Ray tracing on the stage. Default true. */
    xrayTracing?: boolean;
    /** Disable the default execute-api endpoint (set when a custom domain fronts the API). Default false. */
    disableExecuteApiEndpoint?: boolean;
    /** Tags for taggable resources. */
    tags?: Record<string, string>;
}

/** The sorted, stable description of the route table that decides when to redeploy. */
export function routeSignature(routes: RouteArgs[], cors?: CorsArgs): string {
    const plain = routes.map((r) => ({
        key: routeKey(r.method, r.path),
        auth: r.auth,
        scopes: r.scopes ?? [],
        apiKeyRequired: r.apiKeyRequired ?? false,
        schema: r.requestSchema ?? null,
        params: r.requiredParameters ?? [],
        integration: r.integration.kind === "lambda" ? { kind: "lambda" } : r.integration,
    })).sort((a, b) => a.key.localeCompare(b.key));
    return createHash("sha256").update(JSON.stringify({ plain, cors: cors ?? null })).digest("hex");
}

/** What validation derives from the args. */
export interface ValidatedRestApiArgs {
    executionLevel: (typeof EXECUTION_LOG_LEVELS)[number];
    cors?: Required<CorsArgs>;
}

/**
 * Checks every argument of a REST API except the PRIVATE endpoint wiring (which
 * the private API component creates). Components that wrap RestApi call it
 * before creating anything, so bad input never leaves resources half-created.
 */
export function validateRestApiArgs(args: Omit<RestApiArgs, "vpcEndpointIds" | "policy">): ValidatedRestApiArgs {
    const C = "RestApi";
    oneOf(C, "environment", args.environment, ENVIRONMENTS);
    oneOf(C, "endpointType", args.endpointType, ["REGIONAL", "PRIVATE"] as const);
    matches(C, "apiName", args.apiName, /^[A-Za-z0-9 _-]{1,128}$/, "1-128 letters, digits, spaces, _ or -");
    matches(C, "stageName", args.stageName, /^[A-Za-z0-9_-]{1,128}$/, "letters, digits, _ or -");
    const available = new Set<AuthKind>(["iam"]);
    if (args.authorizers?.cognito) {
        if (!args.authorizers.cognito.userPoolArns?.length) {
            throw new ComponentArgumentError(C, "authorizers.cognito.userPoolArns", "must list at least one user pool ARN");
        }
        available.add("cognito");
    }
    if (args.authorizers?.lambda) {
        lambdaAuthorizerIdentitySource(`${C} authorizers.lambda`, args.authorizers.lambda);
        available.add("lambda");
    }
    validateRoutes(C, args.routes, available);
    if (!args.throttle) {
        throw new ComponentArgumentError(C, "throttle", "is required (rateLimit and burstLimit for the whole stage)");
    }
    validateThrottle(C, "throttle", args.throttle);
    if (!args.logging) {
        throw new ComponentArgumentError(C, "logging", "is required (retentionInDays and kmsKeyArn)");
    }
    logRetention(C, "logging.retentionInDays", args.logging.retentionInDays);
    const executionLevel = oneOf(C, "logging.executionLevel", args.logging.executionLevel ?? "ERROR", EXECUTION_LOG_LEVELS);
    return { executionLevel, cors: args.cors ? validateCors(C, args.cors, args.environment) : undefined };
}

const AUTHORIZATION: Record<AuthKind, string> = { cognito: "COGNITO_USER_POOLS", lambda: "CUSTOM", iam: "AWS_IAM", none: "NONE" };

/**
 * A REST API built from a declarative route table: resources, methods with
 * authorizers, request validation, integrations, CORS preflights, a deployment,
 * and a stage with JSON access logs (KMS-encrypted), execution logging, X-Ray
 * and throttling. The public and private API components are built on it.
 */
export class RestApi extends pulumi.ComponentResource {
    public readonly restApiId: pulumi.Output<string>;
    public readonly executionArn: pulumi.Output<string>;
    /** Resource id of `/`, for routes attached later (e.g. by application teams). */
    public readonly rootResourceId: pulumi.Output<string>;
    public readonly stageName: pulumi.Output<string>;
    public readonly stageArn: pulumi.Output<string>;
    public readonly invokeUrl: pulumi.Output<string>;
    public readonly accessLogGroupName: pulumi.Output<string>;
    public readonly cognitoAuthorizerId?: pulumi.Output<string>;
    public readonly lambdaAuthorizerId?: pulumi.Output<string>;
    /** Method ARNs of the AWS_IAM routes, for least-privilege invoke policies. */
    public readonly iamMethodArns: pulumi.Output<string[]>;

    constructor(name: string, args: RestApiArgs, opts?: pulumi.ComponentResourceOptions) {
        if (args.endpointType === "PRIVATE" && (!args.vpcEndpointIds?.length || args.policy === undefined)) {
            throw new ComponentArgumentError("RestApi", "vpcEndpointIds/policy", "are both required when endpointType is PRIVATE");
        }
        const { executionLevel, cors } = validateRestApiArgs(args);
        super("secure-api:apigateway:RestApi", name, {}, opts);
        const parent = { parent: this };
        const region = aws.getRegionOutput({}, parent);

        const api = new aws.apigateway.RestApi(name, {
            name: args.apiName,
            description: args.description,
            endpointConfiguration: { types: args.endpointType, vpcEndpointIds: args.vpcEndpointIds },
            policy: args.policy,
            securityPolicy: "TLS_1_2",
            disableExecuteApiEndpoint: args.disableExecuteApiEndpoint ?? false,
            apiKeySource: "HEADER",
            tags: args.tags,
        }, parent);

        const cognito = args.authorizers?.cognito
            ? new CognitoAuthorizer(`${name}-cognito`, { restApiId: api.id, userPoolArns: args.authorizers.cognito.userPoolArns }, parent)
            : undefined;
        const lambda = args.authorizers?.lambda
            ? new LambdaAuthorizer(`${name}-lambda-authorizer`, { restApiId: api.id, ...args.authorizers.lambda }, parent)
            : undefined;
        const authorizerIds: Partial<Record<AuthKind, pulumi.Output<string>>> = {
            cognito: cognito?.authorizerId,
            lambda: lambda?.authorizerId,
        };

        // One API Gateway resource per distinct path prefix.
        const resources = new Map<string, aws.apigateway.Resource>();
        const resourceId = (path: string): pulumi.Output<string> => {
            for (const prefix of pathPrefixes(path)) {
                if (!resources.has(prefix)) {
                    const parentPath = prefix.slice(0, prefix.lastIndexOf("/"));
                    resources.set(prefix, new aws.apigateway.Resource(`${name}-res-${slug(prefix)}`, {
                        restApi: api.id,
                        parentId: parentPath === "" ? api.rootResourceId : resources.get(parentPath)!.id,
                        pathPart: prefix.slice(prefix.lastIndexOf("/") + 1),
                    }, parent));
                }
            }
            return resources.get(path)!.id;
        };

        let bodyValidator: aws.apigateway.RequestValidator | undefined;
        let paramsValidator: aws.apigateway.RequestValidator | undefined;
        const validatorFor = (route: RouteArgs): pulumi.Output<string> | undefined => {
            if (route.requestSchema) {
                bodyValidator ??= new aws.apigateway.RequestValidator(`${name}-validate-body`, {
                    restApi: api.id, name: "body-and-parameters", validateRequestBody: true, validateRequestParameters: true,
                }, parent);
                return bodyValidator.id;
            }
            if (route.requiredParameters?.length || /\{/.test(route.path)) {
                paramsValidator ??= new aws.apigateway.RequestValidator(`${name}-validate-params`, {
                    restApi: api.id, name: "parameters", validateRequestBody: false, validateRequestParameters: true,
                }, parent);
                return paramsValidator.id;
            }
            return undefined;
        };

        const deployDeps: pulumi.Resource[] = [];
        const methodsByPath = new Map<string, string[]>();
        for (const route of args.routes) {
            const key = slug(route.method, route.path);
            const resId = resourceId(route.path);
            methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
            const pathParams = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\+?\}/g)].map((m) => m[1]);
            const requestParameters: Record<string, boolean> = {};
            pathParams.forEach((p) => (requestParameters[`method.request.path.${p}`] = true));
            (route.requiredParameters ?? []).forEach((p) => (requestParameters[p] = true));
            const model = route.requestSchema
                ? new aws.apigateway.Model(`${name}-model-${key}`, {
                    restApi: api.id,
                    name: modelName(route.method, route.path),
                    contentType: "application/json",
                    schema: JSON.stringify(route.requestSchema),
                }, parent)
                : undefined;
            const method = new aws.apigateway.Method(`${name}-${key}`, {
                restApi: api.id,
                resourceId: resId,
                httpMethod: route.method,
                authorization: AUTHORIZATION[route.auth],
                authorizerId: authorizerIds[route.auth],
                authorizationScopes: route.scopes,
                apiKeyRequired: route.apiKeyRequired ?? false,
                requestParameters,
                requestModels: model ? { "application/json": model.name } : undefined,
                requestValidatorId: validatorFor(route),
            }, parent);
            deployDeps.push(method, ...this.integrate(`${name}-${key}`, api, resId, method, route, pathParams, region.region, cors));
        }

        if (cors) {
            for (const [path, methods] of methodsByPath) {
                deployDeps.push(...this.preflight(`${name}-${slug("options", path)}`, api, resourceId(path), methods, cors));
            }
            for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
                deployDeps.push(new aws.apigateway.Response(`${name}-${slug(type)}`, {
                    restApiId: api.id,
                    responseType: type,
                    responseParameters: gatewayResponseHeaders(cors),
                }, parent));
            }
        }

        const signature = routeSignature(args.routes, args.cors);
        const deployment = new aws.apigateway.Deployment(`${name}-deployment`, {
            restApi: api.id,
            description: `Routes ${signature.slice(0, 12)}`,
            triggers: { redeployment: signature },
        }, { parent: this, dependsOn: deployDeps });

        const accessLogs = new EncryptedLogGroup(`${name}-access-logs`, {
            logGroupName: pulumi.interpolate`/aws/apigateway/${args.apiName}/${args.stageName}/access`,
            retentionInDays: args.logging.retentionInDays,
            kmsKeyArn: args.logging.kmsKeyArn,
            tags: args.tags,
        }, parent);

        // API Gateway writes execution logs to this group; created here (not on first
        // write by API Gateway) so it is KMS-encrypted and expires like the access logs.
        const executionLogs = new EncryptedLogGroup(`${name}-execution-logs`, {
            logGroupName: pulumi.interpolate`API-Gateway-Execution-Logs_${api.id}/${args.stageName}`,
            retentionInDays: args.logging.retentionInDays,
            kmsKeyArn: args.logging.kmsKeyArn,
            tags: args.tags,
        }, parent);

        const stage = new aws.apigateway.Stage(`${name}-stage`, {
            restApi: api.id,
            deployment: deployment.id,
            stageName: args.stageName,
            xrayTracingEnabled: args.xrayTracing ?? true,
            accessLogSettings: { destinationArn: accessLogs.logGroupArn, format: accessLogFormat() },
            tags: args.tags,
        }, { parent: this, dependsOn: [executionLogs] });

        const baseSettings = { loggingLevel: executionLevel, metricsEnabled: true, dataTraceEnabled: false };
        new aws.apigateway.MethodSettings(`${name}-stage-settings`, {
            restApi: api.id,
            stageName: stage.stageName,
            methodPath: "*/*",
            settings: { ...baseSettings, throttlingRateLimit: args.throttle.rateLimit, throttlingBurstLimit: args.throttle.burstLimit },
        }, parent);
        for (const route of args.routes.filter((r) => r.throttle)) {
            new aws.apigateway.MethodSettings(`${name}-settings-${slug(route.method, route.path)}`, {
                restApi: api.id,
                stageName: stage.stageName,
                methodPath: methodSettingsPath(route.method, route.path),
                settings: { ...baseSettings, throttlingRateLimit: route.throttle!.rateLimit, throttlingBurstLimit: route.throttle!.burstLimit },
            }, parent);
        }

        this.restApiId = api.id;
        this.executionArn = api.executionArn;
        this.rootResourceId = api.rootResourceId;
        this.stageName = stage.stageName;
        this.stageArn = stage.arn;
        this.invokeUrl = stage.invokeUrl;
        this.accessLogGroupName = accessLogs.logGroupName;
        this.cognitoAuthorizerId = cognito?.authorizerId;
        this.lambdaAuthorizerId = lambda?.authorizerId;
        const iamRoutes = args.routes.filter((r) => r.auth === "iam");
        this.iamMethodArns = pulumi.all([api.executionArn, stage.stageName]).apply(([arn, st]) =>
            iamRoutes.map((r) => methodArn(arn, st, r.method, r.path)));
        this.registerOutputs({
            restApiId: this.restApiId,
            executionArn: this.executionArn,
            rootResourceId: this.rootResourceId,
            stageName: this.stageName,
            stageArn: this.stageArn,
            invokeUrl: this.invokeUrl,
            accessLogGroupName: this.accessLogGroupName,
            iamMethodArns: this.iamMethodArns,
        });
    }

    /** The integration of one route (and its responses for mock integrations). */
    private integrate(
        name: string, api: aws.apigateway.RestApi, resourceId: pulumi.Output<string>, method: aws.apigateway.Method,
        route: RouteArgs, pathParams: string[], region: pulumi.Output<string>, cors?: Required<CorsArgs>,
    ): pulumi.Resource[] {
        const opts = { parent: this, dependsOn: [method] };
        const common = { restApi: api.id, resourceId, httpMethod: method.httpMethod };
        const integration = route.integration;
        if (integration.kind === "mock") {
            return this.mockResponse(name, api, resourceId, method, {
                headers: cors ? originHeaders(cors) : undefined,
                template: [cors ? originEchoTemplate(cors.allowedOrigins) : "", JSON.stringify(integration.responseBody)].filter((s) => s).join("\n"),
                responseModels: { "application/json": "Empty" },
            });
        }
        if (integration.kind === "http") {
            const requestParameters: Record<string, string> = {};
            pathParams.forEach((p) => (requestParameters[`integration.request.path.${p}`] = `method.request.path.${p}`));
            return [new aws.apigateway.Integration(`${name}-integration`, {
                ...common,
                type: "HTTP_PROXY",
                integrationHttpMethod: route.method,
                uri: integration.uri,
                requestParameters,
                timeoutMilliseconds: integration.timeoutMs ?? 29000,
            }, opts)];
        }
        const permission = new aws.lambda.Permission(`${name}-invoke`, {
            action: "lambda:InvokeFunction",
            function: integration.functionArn,
            principal: "apigateway.amazonaws.com",
            sourceArn: api.executionArn.apply((arn) => methodArn(arn, "*", route.method, route.path)),
        }, { parent: this });
        return [permission, new aws.apigateway.Integration(`${name}-integration`, {
            ...common,
            type: "AWS_PROXY",
            integrationHttpMethod: "POST",
            uri: pulumi.all([region, integration.functionArn]).apply(([r, arn]) => lambdaInvokeUri(r, arn)),
        }, opts)];
    }

    /** An OPTIONS method answering CORS preflights from API Gateway itself (MOCK). */
    private preflight(
        name: string, api: aws.apigateway.RestApi, resourceId: pulumi.Output<string>, methods: string[], cors: Required<CorsArgs>,
    ): pulumi.Resource[] {
        const method = new aws.apigateway.Method(name, {
            restApi: api.id, resourceId, httpMethod: "OPTIONS", authorization: "NONE",
        }, { parent: this });
        return [method, ...this.mockResponse(name, api, resourceId, method, {
            headers: preflightHeaders(cors, methods),
            template: originEchoTemplate(cors.allowedOrigins),
        })];
    }

    /** A MOCK integration answering 200 with the given headers and body template (routes and preflights). */
    private mockResponse(
        name: string, api: aws.apigateway.RestApi, resourceId: pulumi.Output<string>, method: aws.apigateway.Method,
        response: { headers?: Record<string, string>; template: string; responseModels?: Record<string, string> },
    ): pulumi.Resource[] {
        const common = { restApi: api.id, resourceId, httpMethod: method.httpMethod };
        const integration = new aws.apigateway.Integration(`${name}-integration`, {
            ...common, type: "MOCK", requestTemplates: { "application/json": "{\"statusCode\": 200}" }, passthroughBehavior: "NEVER",
        }, { parent: this, dependsOn: [method] });
        const methodResponse = new aws.apigateway.MethodResponse(`${name}-200`, {
            ...common,
            statusCode: "200",
            responseModels: response.responseModels,
            responseParameters: response.headers ? Object.fromEntries(Object.keys(response.headers).map((h) => [h, true])) : undefined,
        }, { parent: this, dependsOn: [method] });
        const integrationResponse = new aws.apigateway.IntegrationResponse(`${name}-200`, {
            ...common,
            statusCode: "200",
            responseParameters: response.headers,
            responseTemplates: { "application/json": response.template },
        }, { parent: this, dependsOn: [integration, methodResponse] });
        return [integration, methodResponse, integrationResponse];
    }
}
