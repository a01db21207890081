/**
 * Composes the platform for one environment from its parsed config and
 * returns the outputs application teams consume.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import {
    CognitoUserPoolSettings,
    DetectiveControls,
    DetectiveControlsArgs,
    endpointOutputs,
    EXECUTION_LOG_LEVELS,
    IdentityProviderArgs,
    RouteArgs,
    SecureApi,
    validateDetectiveControlsArgs,
} from "../components";
import { ConfigError, PlatformConfig, PROJECT } from "./config";
import { createOpenApiApis, prepareOpenApiApis } from "./config-openapi";
import { PlatformOutputs } from "./outputs";

type Outputs = { [K in keyof PlatformOutputs]: pulumi.Input<PlatformOutputs[K]> };

/** Where files named in config (e.g. the mTLS CA bundle) are read from: the project root. */
export const PROJECT_ROOT = path.resolve(__dirname, "..");

function readCaBundle(file: string, source: string): string {
    const resolved = path.resolve(PROJECT_ROOT, file);
    // Only files of the project: a stack file must not be able to make the program read /etc/... or a sibling repository.
    if (path.isAbsolute(file) || !resolved.startsWith(PROJECT_ROOT + path.sep)) {
        throw new ConfigError(source, [
            `${PROJECT}:domain.mtlsCaBundleFile: must be a path inside the project, relative to ${PROJECT_ROOT} (got ${JSON.stringify(file)})`,
        ]);
    }
    if (!fs.existsSync(resolved)) {
        throw new ConfigError(source, [`${PROJECT}:domain.mtlsCaBundleFile: file ${file} does not exist (paths are relative to ${PROJECT_ROOT})`]);
    }
    return fs.readFileSync(resolved, "utf8");
}

/**
 * A file named in config, read from inside the project only (a path that leaves it, absolute or through
 * `..`, is refused naming the key).
 */
export function readProjectFile(file: string, key: string, source: string): string {
    const resolved = path.resolve(PROJECT_ROOT, file);
    const relative = path.relative(PROJECT_ROOT, resolved);
    if (path.isAbsolute(file) || relative.startsWith("..") || path.isAbsolute(relative)) {
        throw new ConfigError(source, [`${PROJECT}:${key}: ${file} is outside the project (paths are relative to ${PROJECT_ROOT} and stay inside it)`]);
    }
    if (!fs.existsSync(resolved)) {
        throw new ConfigError(source, [`${PROJECT}:${key}: file ${file} does not exist (paths are relative to ${PROJECT_ROOT})`]);
    }
    return fs.readFileSync(resolved, "utf8");
}

type ConfiguredProvider = NonNullable<NonNullable<PlatformConfig["cognito"]>["identityProviders"]>[number];

/** A configured identity provider as the component takes it: secrets as Pulumi secrets, SAML metadata read from its file. */
function identityProvider(p: ConfiguredProvider, i: number, source: string): IdentityProviderArgs {
    switch (p.type) {
        case "SAML": {
            const { metadataFile, ...rest } = p;
            const key = `cognito.identityProviders[${i}].metadataFile`;
            return { ...rest, metadataXml: metadataFile !== undefined ? readProjectFile(metadataFile, key, source) : undefined };
        }
        case "SignInWithApple": {
            const { teamId, keyId, privateKey, ...rest } = p;
            return { ...rest, apple: { teamId, keyId, privateKey: pulumi.secret(privateKey) } };
        }
        default:
            return { ...p, clientSecret: pulumi.secret(p.clientSecret) };
    }
}

function cognitoSettings(config: PlatformConfig, source: string): CognitoUserPoolSettings | undefined {
    if (!config.cognito) {
        return undefined;
    }
    const { identityProviders, ...rest } = config.cognito;
    return { ...rest, identityProviders: identityProviders?.map((p, i) => identityProvider(p, i, source)) };
}

/** Builds the SecureApi of the stack and returns its outputs. */
export function createPlatform(config: PlatformConfig, region: string, source: string): Outputs {
    return withoutUndefined(buildPlatform(config, region, source));
}

/** Drops outputs a stack does not have (e.g. vpcId of a public API) instead of exporting undefined. */
function withoutUndefined(outputs: Outputs): Outputs {
    return Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined)) as Outputs;
}

function buildPlatform(config: PlatformConfig, region: string, source: string): Outputs {
    const domain = config.domain
        ? {
              domainName: config.domain.domainName,
              hostedZoneId: config.domain.hostedZoneId,
              certificateArn: config.domain.certificateArn,
              basePath: config.domain.basePath,
              mtlsCaBundlePem: config.domain.mtlsCaBundleFile ? readCaBundle(config.domain.mtlsCaBundleFile, source) : undefined,
          }
        : undefined;
    const detective: Omit<DetectiveControlsArgs, "kmsKeyArn"> | undefined = config.detectiveControls?.enabled
        ? {
              endpointTypes: [config.exposure === "private" ? "PRIVATE" : "REGIONAL"],
              loggingLevels: [...EXECUTION_LOG_LEVELS],
              alarmTopicArns: config.alarms?.alarmTopicArns ?? [],
              scopeTag: { key: "project", value: PROJECT },
              recorder: config.detectiveControls.recorder,
              securityHub: config.detectiveControls.securityHub,
          }
        : undefined;
    if (detective) {
        validateDetectiveControlsArgs({ ...detective, kmsKeyArn: "(created by SecureApi)" });
    }
    const openApiDocuments = prepareOpenApiApis(config, source, readProjectFile);
    const api = new SecureApi(config.apiName.toLowerCase().replace(/[^a-z0-9-]+/g, "-"), {
        environment: config.environment,
        apiName: config.apiName,
        description: config.description,
        exposure: config.exposure === "private" ? { type: "private", network: config.network! } : { type: "public" },
        routes: config.routes as RouteArgs[],
        cognito: cognitoSettings(config, source),
        lambdaAuthorizer: config.lambdaAuthorizer,
        resourcePolicy: config.resourcePolicy,
        partners: config.partners?.map((p) => ({ ...p, externalId: pulumi.secret(p.externalId) })),
        cors: config.cors,
        throttle: config.throttle,
        logging: config.logging,
        canary: config.canary,
        waf: config.waf,
        domain,
        usagePlans: config.usagePlans,
        alarms: config.alarms ? { ...config.alarms, alarmActions: config.alarms.alarmTopicArns } : undefined,
        audit: config.audit,
        manageAccountSettings: config.manageAccountSettings,
        tags: { project: PROJECT, ...config.tags },
    });
    const controls = detective
        ? new DetectiveControls(`${config.apiName.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}-detective`, {
              ...detective,
              kmsKeyArn: api.key.keyArn,
              tags: { project: PROJECT, ...config.tags },
          })
        : undefined;
    const openApiApis = createOpenApiApis(openApiDocuments, config, api, source);
    const endpoint = endpointOutputs(api.api);
    return {
        environment: config.environment,
        region,
        exposure: config.exposure,
        restApiId: endpoint.restApiId,
        rootResourceId: api.api.rootResourceId,
        executionArn: endpoint.executionArn,
        stageName: endpoint.stageName,
        invokeUrl: endpoint.invokeUrl,
        apiUrl: api.domain ? api.domain.url : endpoint.invokeUrl,
        deploymentId: api.api.deployment.id,
        canaryDeploymentId: api.api.candidateDeployment?.id,
        stageSettings: api.stageSettings,
        cors: config.cors,
        customDomainName: api.domain?.domainName,
        userPoolId: api.userPool?.userPoolId,
        userPoolArn: api.userPool?.userPoolArn,
        issuerUrl: api.userPool?.issuerUrl,
        userPoolClientIds: api.userPool?.clientIds,
        userPoolClientSecrets: api.userPool ? pulumi.secret(api.userPool.clientSecrets) : undefined,
        cognitoAuthorizerId: api.api.cognitoAuthorizerId,
        lambdaAuthorizerId: api.api.lambdaAuthorizerId,
        iamInvokePolicyArn: api.iamInvokePolicy?.policyArn,
        vpcId: api.privateApi?.vpcId,
        vpcEndpointId: api.privateApi?.vpcEndpointId,
        usagePlanIds: api.usagePlans?.usagePlanIds,
        apiKeyIds: api.usagePlans?.apiKeyIds,
        apiKeys: api.usagePlans?.apiKeys,
        apiKeyValues: api.usagePlans ? pulumi.secret(api.usagePlans.apiKeyValues) : undefined,
        wafWebAclArn: api.webAcl?.webAclArn,
        accessLogGroupName: endpoint.accessLogGroupName,
        wafLogGroupName: api.webAcl?.logGroupName,
        auditTrailArn: api.auditTrail?.trailArn,
        auditLogGroupName: api.auditTrail?.logGroupName,
        kmsKeyArn: api.key.keyArn,
        partnerRoleArns: config.partners?.length ? api.partnerRoleArns : undefined,
        jwtAuthorizerFunctionArn: api.jwtAuthorizer?.functionArn,
        configRuleNames: controls?.ruleNames,
        openApiApis,
    };
}
