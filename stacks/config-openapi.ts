/**
 * `openApiApis`: REST APIs whose routes come from an OpenAPI document in the
 * repository, built beside the platform's REST API with the same parts: its
 * authorizers (the Cognito pool, the Lambda authorizer), CORS origins,
 * throttle, logging (KMS key, retention, level), WAF web ACL, custom domain
 * (a base path mapping, the default endpoint then disabled) and alarms.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as yaml from "js-yaml";
import { API_NAME, AuthKind, STAGE_NAME } from "../policy-pack/baseline";
import {
    ApiAlarms,
    checkOpenApiDocument,
    ComponentArgumentError,
    endpointOutputs,
    LambdaAuthorizerSettings,
    loadOpenApiDocument,
    OpenApiRestApi,
    SecureApi,
    slug,
    validateCors,
} from "../components";
import { resourcePolicyJson } from "../components/apigateway/public-api";
import { ConfigError, PlatformConfig, PROJECT } from "./config";
import { arr, obj, optional, str } from "./config-schema";

/** The spec of `openApiApis`: a list of `{ name, file, stageName?, publicOperations? }`. */
export const openApiApisSpec = optional(
    arr(
        obj({
            name: str(API_NAME.pattern, API_NAME.expected),
            file: str(/\.(json|ya?ml)$/i, "a .json, .yaml or .yml file, relative to the project"),
            stageName: optional(str(STAGE_NAME.pattern, STAGE_NAME.expected)),
            publicOperations: optional(
                arr(
                    obj({
                        resource: str(/^[A-Z]+ \//, 'an operation as "METHOD /path"'),
                        reason: str(),
                        expires: optional(str(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD")),
                    }),
                ),
            ),
        }),
        1,
    ),
);

/** What each OpenAPI-defined API exports (`openApiApis.<name>` in the stack outputs). */
export interface OpenApiApiOutputs {
    restApiId: string;
    executionArn: string;
    stageName: string;
    invokeUrl: string;
    accessLogGroupName: string;
    /** https://domain/<name> when the platform has a custom domain, else the invoke URL. */
    apiUrl: string;
}

/** Reads a file named in config from inside the project (the platform's `readProjectFile`). */
export type ProjectFileReader = (file: string, key: string, source: string) => string;

/** An `openApiApis` entry with its document read and checked. */
export interface PreparedOpenApi {
    readonly key: string;
    readonly entry: NonNullable<PlatformConfig["openApiApis"]>[number];
    readonly document: Record<string, unknown>;
}

/** A component argument error restated with the config key of entry `key`. */
function configProblem(err: ComponentArgumentError, key: string): string {
    return `${PROJECT}:${key}: ${err.argument === "document" ? "" : `${err.argument} `}${err.problem} (${err.component})`;
}

/**
 * Reads and checks every entry's document before anything is created, with
 * the component's own checks and the authorizers the config offers; every
 * error names the key and the file.
 */
export function prepareOpenApiApis(config: PlatformConfig, source: string, read: ProjectFileReader): PreparedOpenApi[] {
    const names = new Set<string>();
    // The platform's origin list, checked once outside the entries' handler: this runs before the REST API's own
    // check of the same list, and a refusal is the REST API's (stacks/program.ts names its key, `cors.…`), not an entry's.
    const cors = config.openApiApis && config.cors ? validateCors("RestApi", config.cors, config.environment) : undefined;
    return (config.openApiApis ?? []).map((entry, i) => {
        const key = `openApiApis[${i}]`;
        if (names.has(entry.name)) {
            throw new ConfigError(source, [`${PROJECT}:${key}.name: duplicates ${JSON.stringify(entry.name)}; each OpenAPI API needs its own name`]);
        }
        names.add(entry.name);
        const text = read(entry.file, `${key}.file`, source);
        let document: unknown;
        try {
            document = yaml.load(text, { schema: yaml.JSON_SCHEMA });
        } catch (err) {
            throw new ConfigError(source, [`${PROJECT}:${key}.file: ${entry.file} is not JSON or YAML (${(err as Error).message.split("\n")[0]})`]);
        }
        if (document === null || typeof document !== "object" || Array.isArray(document)) {
            throw new ConfigError(source, [`${PROJECT}:${key}.file: ${entry.file} is not an OpenAPI document (expected a mapping with swagger or openapi)`]);
        }
        const available = new Set<AuthKind>(["iam", ...(config.cognito ? ["cognito" as const] : []), ...(config.lambdaAuthorizer ? ["lambda" as const] : [])]);
        try {
            const loaded = loadOpenApiDocument("OpenApiRestApi", { document: document as Record<string, unknown>, name: entry.file });
            checkOpenApiDocument("OpenApiRestApi", loaded, {
                available,
                endpointType: config.exposure === "private" ? "PRIVATE" : "REGIONAL",
                publicOperations: entry.publicOperations ?? [],
                cors,
            });
        } catch (err) {
            if (err instanceof ComponentArgumentError) {
                throw new ConfigError(source, [configProblem(err, key)]);
            }
            throw err;
        }
        return { key, entry, document: document as Record<string, unknown> };
    });
}

/** Builds each prepared entry around the platform's SecureApi; returns its outputs by name. */
export function createOpenApiApis(
    prepared: readonly PreparedOpenApi[],
    config: PlatformConfig,
    platform: SecureApi,
    source: string,
): pulumi.Output<Record<string, OpenApiApiOutputs>> | undefined {
    if (prepared.length === 0) {
        return undefined;
    }
    const out: Record<string, { [K in keyof OpenApiApiOutputs]: pulumi.Output<string> }> = {};
    for (const { key, entry, document } of prepared) {
        const n = slug(entry.name);
        const privateApi = platform.privateApi;
        const tags = { project: PROJECT, ...config.tags, environment: config.environment, "managed-by": "pulumi" };
        let api: OpenApiRestApi;
        try {
            api = new OpenApiRestApi(n, {
                environment: config.environment,
                apiName: entry.name,
                description: `${entry.name} (from ${entry.file})`,
                stageName: entry.stageName ?? config.environment,
                document: { document, name: entry.file },
                publicOperations: entry.publicOperations,
                authorizers: {
                    cognito: platform.userPool ? { userPoolArns: [platform.userPool.userPoolArn] } : undefined,
                    lambda: lambdaSettings(config, platform),
                },
                cors: config.cors,
                throttle: config.throttle,
                logging: { ...config.logging, kmsKeyArn: platform.key.keyArn },
                disableExecuteApiEndpoint: platform.domain !== undefined,
                endpointType: privateApi ? "PRIVATE" : "REGIONAL",
                vpcEndpointIds: privateApi ? [privateApi.vpcEndpointId] : undefined,
                policy: privateApi ? resourcePolicyJson("PRIVATE", config.resourcePolicy ?? {}, [], platform, [privateApi.vpcEndpointId]) : undefined,
                tags,
            });
        } catch (err) {
            if (err instanceof ComponentArgumentError) {
                throw new ConfigError(source, [configProblem(err, key)]);
            }
            throw err;
        }
        if (platform.webAcl) {
            new aws.wafv2.WebAclAssociation(`${n}-waf`, { resourceArn: api.stageArn, webAclArn: platform.webAcl.webAclArn }, { parent: api });
        }
        const mapping = platform.domain
            ? new aws.apigateway.BasePathMapping(
                  `${n}-mapping`,
                  { restApi: api.apiId, stageName: api.stageName, domainName: platform.domain.domainName, basePath: n },
                  { parent: api },
              )
            : undefined;
        if (config.alarms) {
            new ApiAlarms(
                `${n}-alarms`,
                { ...config.alarms, alarmActions: config.alarms.alarmTopicArns, endpoint: api, metricPrefix: entry.name, tags },
                { parent: api },
            );
        }
        const endpoint = endpointOutputs(api);
        out[entry.name] = {
            restApiId: endpoint.restApiId,
            executionArn: endpoint.executionArn,
            stageName: endpoint.stageName,
            invokeUrl: endpoint.invokeUrl,
            accessLogGroupName: endpoint.accessLogGroupName,
            apiUrl: mapping ? platform.domain!.domainName.apply((d) => `https://${d}/${n}`) : endpoint.invokeUrl,
        };
    }
    return pulumi.output(out);
}

/** The platform's Lambda authorizer as the OpenAPI APIs use it: the configured function, or the reference one (cache off). */
function lambdaSettings(config: PlatformConfig, platform: SecureApi): LambdaAuthorizerSettings | undefined {
    const lambda = config.lambdaAuthorizer;
    if (!lambda) {
        return undefined;
    }
    const { reference: _reference, functionArn, ...settings } = lambda;
    if (platform.jwtAuthorizer) {
        return { ...settings, functionArn: platform.jwtAuthorizer.functionArn, resultTtlSeconds: 0 };
    }
    return functionArn ? { ...settings, functionArn } : undefined;
}
