/**
 * Stack config of the platform's HTTP and WebSocket APIs (API Gateway v2):
 * the `httpApis` and `webSocketApis` keys, their cross-key checks, and the
 * components they build. Each API shares the platform's KMS key, log
 * retention, CORS origin list and (for `auth: jwt`) its Cognito pool.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    ApiAlarms,
    ApiAlarmSettings,
    ComponentArgumentError,
    CorsArgs,
    CustomDomain,
    CustomDomainSettings,
    HttpApi,
    HttpApiArgs,
    HttpRouteArgs,
    validateHttpApiArgs,
    validateWebSocketApiArgs,
    WebSocketApi,
    WebSocketApiArgs,
} from "../components";
import { fullScope } from "../components/index/route-references";
import { httpApisSpec, webSocketApisSpec } from "./config-apis-v2-schema";
import { Infer } from "./config-schema";

export { httpApisSpec, webSocketApisSpec };

type HttpApiConfig = NonNullable<Infer<typeof httpApisSpec>>[number];
type WebSocketApiConfig = NonNullable<Infer<typeof webSocketApisSpec>>[number];

/** What the v2 API keys need from the rest of the parsed config. */
export interface ApisV2Config {
    environment: "dev" | "prod";
    apiName: string;
    httpApis?: HttpApiConfig[];
    webSocketApis?: WebSocketApiConfig[];
    cors?: CorsArgs;
    cognito?: { resourceServerIdentifier: string; scopes: { name: string }[]; clients: { name: string }[] };
    throttle: { rateLimit: number; burstLimit: number };
    logging: { retentionInDays: number; executionLevel?: "INFO" | "ERROR" };
}

/** What the platform hands the v2 APIs: its key, pool and alarm settings. */
export interface ApisV2Context {
    kmsKeyArn: pulumi.Input<string>;
    issuerUrl?: pulumi.Input<string>;
    clientIds?: pulumi.Input<Record<string, string>>;
    alarms?: ApiAlarmSettings;
    readFile: (file: string, key: string) => string;
    tags: Record<string, string>;
}

const PLACEHOLDER_KMS = "arn:aws:kms:us-east-1:000000000000:key/validated-before-creation";

function httpArgs(config: ApisV2Config, api: HttpApiConfig, ctx?: ApisV2Context): HttpApiArgs {
    return {
        environment: config.environment,
        apiName: api.name,
        description: api.description,
        stageName: api.stageName ?? config.environment,
        // Scopes as Cognito access tokens carry them: `<resource server identifier>/<scope>`.
        routes: api.routes.map((r): HttpRouteArgs => {
            const identifier = config.cognito?.resourceServerIdentifier;
            return r.auth === "jwt" && r.scopes && identifier ? { ...r, scopes: r.scopes.map((sc) => fullScope(identifier, sc)) } : (r as HttpRouteArgs);
        }),
        authorizers: {
            jwt: api.routes.some((r) => r.auth === "jwt")
                ? {
                      issuer: ctx?.issuerUrl ?? "https://cognito-idp.us-east-1.amazonaws.com/validated",
                      // One element per app client (known at preview, each id unknown until the client exists).
                      audiences: ctx?.clientIds
                          ? (config.cognito?.clients ?? []).map((c) => pulumi.output(ctx.clientIds!).apply((ids) => ids[c.name]))
                          : ["validated"],
                  }
                : undefined,
            lambda: api.lambdaAuthorizer,
        },
        cors: api.cors ? config.cors : undefined,
        throttle: api.throttle ?? config.throttle,
        logging: { retentionInDays: config.logging.retentionInDays, kmsKeyArn: ctx?.kmsKeyArn ?? PLACEHOLDER_KMS },
        disableExecuteApiEndpoint: api.domain !== undefined,
        tags: ctx?.tags,
    };
}

function webSocketArgs(config: ApisV2Config, api: WebSocketApiConfig, ctx?: ApisV2Context): WebSocketApiArgs {
    return {
        environment: config.environment,
        apiName: api.name,
        description: api.description,
        stageName: api.stageName ?? config.environment,
        routeSelectionExpression: api.routeSelectionExpression,
        routes: api.routes.map((r) => ({ routeKey: r.routeKey, throttle: r.throttle, integration: { kind: "lambda", functionArn: r.functionArn } })),
        connectAuth: api.connectAuth,
        connectWaiver: api.connectWaiver,
        lambdaAuthorizer: api.lambdaAuthorizer,
        throttle: api.throttle ?? config.throttle,
        logging: {
            retentionInDays: config.logging.retentionInDays,
            kmsKeyArn: ctx?.kmsKeyArn ?? PLACEHOLDER_KMS,
            executionLevel: api.executionLevel ?? config.logging.executionLevel,
        },
        disableExecuteApiEndpoint: api.domain !== undefined,
        tags: ctx?.tags,
    };
}

/** Cross-key checks of `httpApis` and `webSocketApis`, and every component argument check, each naming the key. Creates nothing. */
export function apisV2Problems(config: ApisV2Config, project: string): string[] {
    const problems: string[] = [];
    const names = new Set<string>([config.apiName]);
    const check = (key: string, validate: () => unknown) => {
        try {
            validate();
        } catch (err) {
            if (!(err instanceof ComponentArgumentError)) {
                throw err;
            }
            problems.push(`${project}:${key}.${err.argument}: ${err.problem} (${err.component})`);
        }
    };
    const unique = (key: string, name: string) => {
        if (names.has(name)) {
            problems.push(`${project}:${key}.name: ${JSON.stringify(name)} is already the name of another API of this stack`);
        }
        names.add(name);
    };
    (config.httpApis ?? []).forEach((api, i) => {
        const key = `httpApis[${i}]`;
        unique(key, api.name);
        if (api.waf !== undefined) {
            problems.push(
                `${project}:${key}.waf: AWS WAF cannot be associated with HTTP APIs (web ACLs protect REST API stages, not API Gateway v2); ` +
                    "remove it, or declare this API as the stack's REST API (routes) where a web ACL is required",
            );
        }
        if (api.cors && !config.cors) {
            problems.push(`${project}:${key}.cors: is true but the stack has no ${project}:cors origin list to use`);
        }
        if (api.routes.some((r) => r.auth === "jwt") && !config.cognito) {
            problems.push(`${project}:${key}.routes: auth jwt trusts the platform's Cognito pool, but ${project}:cognito is not configured`);
        }
        const defined = (config.cognito?.scopes ?? []).map((sc) => sc.name);
        const identifier = config.cognito?.resourceServerIdentifier ?? "";
        api.routes.forEach((r, j) =>
            (r.scopes ?? []).forEach((scope, k) => {
                const name = scope.startsWith(`${identifier}/`) ? scope.slice(identifier.length + 1) : scope;
                if (r.auth === "jwt" && config.cognito && !defined.includes(name)) {
                    problems.push(
                        `${project}:${key}.routes[${j}].scopes[${k}]: ${JSON.stringify(scope)} is not a scope of the user pool (cognito.scopes: ${defined.join(", ") || "none"}); no token could ever carry it`,
                    );
                }
            }),
        );
        check(key, () => validateHttpApiArgs(httpArgs(config, api)));
    });
    (config.webSocketApis ?? []).forEach((api, i) => {
        const key = `webSocketApis[${i}]`;
        unique(key, api.name);
        if (api.waf !== undefined) {
            problems.push(`${project}:${key}.waf: AWS WAF cannot be associated with WebSocket APIs; remove it`);
        }
        if (api.domain?.mtlsCaBundleFile !== undefined) {
            problems.push(`${project}:${key}.domain.mtlsCaBundleFile: API Gateway has no mutual TLS for WebSocket APIs (REST and HTTP APIs only); remove it`);
        }
        check(key, () => validateWebSocketApiArgs(webSocketArgs(config, api)));
    });
    return problems;
}

/** Outputs of one HTTP or WebSocket API (`httpApis.<name>` / `webSocketApis.<name>` stack outputs). */
export interface ApiV2Outputs {
    kind: "HTTP" | "WEBSOCKET";
    apiId: pulumi.Output<string>;
    executionArn: pulumi.Output<string>;
    stageName: pulumi.Output<string>;
    invokeUrl: pulumi.Output<string>;
    apiUrl: pulumi.Output<string>;
    accessLogGroupName: pulumi.Output<string>;
    jwtAuthorizerId?: pulumi.Output<string>;
    lambdaAuthorizerId?: pulumi.Output<string>;
    connectionsPolicyArn?: pulumi.Output<string>;
    connectionsUrl?: pulumi.Output<string>;
}

function domainSettings(d: NonNullable<HttpApiConfig["domain"]>, key: string, ctx: ApisV2Context): CustomDomainSettings {
    return {
        domainName: d.domainName,
        hostedZoneId: d.hostedZoneId,
        certificateArn: d.certificateArn,
        basePath: d.basePath,
        mtlsCaBundlePem: d.mtlsCaBundleFile ? ctx.readFile(d.mtlsCaBundleFile, `${key}.domain.mtlsCaBundleFile`) : undefined,
    };
}

/** Builds the stack's HTTP and WebSocket APIs (already validated by {@link apisV2Problems}); returns their outputs by name. */
export function buildApisV2(
    config: ApisV2Config,
    ctx: ApisV2Context,
): { httpApis?: Record<string, ApiV2Outputs>; webSocketApis?: Record<string, ApiV2Outputs> } {
    const out: { httpApis?: Record<string, ApiV2Outputs>; webSocketApis?: Record<string, ApiV2Outputs> } = {};
    const around = (n: string, key: string, endpoint: HttpApi | WebSocketApi, d: HttpApiConfig["domain"]) => {
        const custom = d ? new CustomDomain(`${n}-domain`, { ...domainSettings(d, key, ctx), endpoint, kmsKeyArn: ctx.kmsKeyArn, tags: ctx.tags }) : undefined;
        if (ctx.alarms) {
            new ApiAlarms(`${n}-alarms`, { ...ctx.alarms, endpoint, metricPrefix: endpoint instanceof HttpApi ? `${n}-http` : `${n}-ws`, tags: ctx.tags });
        }
        return {
            kind: endpoint.kind,
            apiId: endpoint.apiId,
            executionArn: endpoint.executionArn,
            stageName: endpoint.stageName,
            invokeUrl: endpoint.invokeUrl,
            apiUrl: custom ? custom.url : endpoint.invokeUrl,
            accessLogGroupName: endpoint.accessLogGroupName,
        };
    };
    for (const [i, api] of (config.httpApis ?? []).entries()) {
        const n = api.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
        const http = new HttpApi(n, httpArgs(config, api, ctx));
        (out.httpApis ??= {})[api.name] = {
            ...around(n, `httpApis[${i}]`, http, api.domain),
            ...(http.jwtAuthorizerId ? { jwtAuthorizerId: http.jwtAuthorizerId } : {}),
            ...(http.lambdaAuthorizerId ? { lambdaAuthorizerId: http.lambdaAuthorizerId } : {}),
        };
    }
    for (const [i, api] of (config.webSocketApis ?? []).entries()) {
        const n = api.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
        const ws = new WebSocketApi(n, webSocketArgs(config, api, ctx));
        (out.webSocketApis ??= {})[api.name] = {
            ...around(n, `webSocketApis[${i}]`, ws, api.domain),
            connectionsPolicyArn: ws.connectionsPolicyArn,
            connectionsUrl: ws.connectionsUrl,
        };
    }
    return out;
}
