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
import { API_NAME, STAGE_NAME } from "../policy-pack/baseline";
import { ApiAlarms, ComponentArgumentError, endpointOutputs, LambdaAuthorizerSettings, OpenApiRestApi, SecureApi, slug } from "../components";
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

/** Builds each `openApiApis` entry around the platform's SecureApi; every error names the key and the file. */
export function createOpenApiApis(
    config: PlatformConfig,
    platform: SecureApi,
    source: string,
    read: ProjectFileReader,
): pulumi.Output<Record<string, OpenApiApiOutputs>> | undefined {
    const entries = config.openApiApis;
    if (!entries) {
        return undefined;
    }
    const names = new Set<string>();
    const out: Record<string, { [K in keyof OpenApiApiOutputs]: pulumi.Output<string> }> = {};
    entries.forEach((entry, i) => {
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
                document: { document: document as Record<string, unknown>, name: entry.file },
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
                throw new ConfigError(source, [`${PROJECT}:${key}: ${err.argument === "document" ? "" : `${err.argument} `}${err.problem} (${err.component})`]);
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
    });
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
