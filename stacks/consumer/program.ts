/**
 * An application team's program: reads the platform's outputs through a
 * StackReference and adds `GET /<pathPart>`, backed by the team's own Lambda
 * function and protected by the platform's Cognito authorizer, to the shared
 * API with `ApiRoute`. The route goes live with this program's own
 * `pulumi up`: `ApiRoute` publishes it on a stage the team owns (configured
 * like the platform's, behind its WAF and under its custom domain), so the
 * platform stack neither changes nor has to redeploy.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ApiRoute, ComponentArgumentError, HttpApiRoute, SharedHttpApi, SharedRestApi } from "../../components";
import type { PlatformOutputs } from "../outputs";

const HANDLER = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ shipments: [], caller: event.requestContext?.authorizer?.claims?.sub ?? null }),
});`;

/** The platform's outputs as `ApiRoute` needs them; which optional ones exist decides what the team creates. */
export async function sharedApiOf(platform: pulumi.StackReference): Promise<SharedRestApi> {
    const value = async <K extends keyof PlatformOutputs>(key: K) => (await platform.getOutputDetails(key)).value as PlatformOutputs[K] | undefined;
    const required = async <K extends keyof PlatformOutputs>(key: K) => {
        const v = await value(key);
        if (v === undefined) {
            throw new Error(`the platform stack ${platform.name} has no output ${key}; update the platform first`);
        }
        return v as NonNullable<PlatformOutputs[K]>;
    };
    const output = <K extends keyof PlatformOutputs>(key: K) => platform.requireOutput(key) as pulumi.Output<string>;
    const optional = async <K extends keyof PlatformOutputs>(key: K) => ((await value(key)) !== undefined ? output(key) : undefined);
    return {
        environment: await required("environment"),
        restApiId: output("restApiId"),
        rootResourceId: output("rootResourceId"),
        executionArn: output("executionArn"),
        kmsKeyArn: output("kmsKeyArn"),
        authorizerIds: { cognito: await optional("cognitoAuthorizerId"), lambda: await optional("lambdaAuthorizerId") },
        stageSettings: await required("stageSettings"),
        cors: await value("cors"),
        webAclArn: await optional("wafWebAclArn"),
        customDomainName: await optional("customDomainName"),
        deploymentId: await optional("deploymentId"),
    };
}

/** The platform's HTTP API named `name` (stack output `httpApis.<name>`), as `HttpApiRoute` needs it. */
export async function sharedHttpApiOf(platform: pulumi.StackReference, stack: string, name: string, shared: SharedRestApi): Promise<SharedHttpApi> {
    const apis = (await platform.getOutputDetails("httpApis")).value as PlatformOutputs["httpApis"];
    const api = apis?.[name];
    if (!api) {
        throw new Error(
            `orders-app-team:httpApi: the platform stack ${stack} has no HTTP API ${JSON.stringify(name)} (it has: ${Object.keys(apis ?? {}).join(", ") || "none"})`,
        );
    }
    return {
        environment: shared.environment,
        apiId: api.apiId,
        executionArn: api.executionArn,
        authorizerIds: { jwt: api.jwtAuthorizerId, lambda: api.lambdaAuthorizerId },
        kmsKeyArn: shared.kmsKeyArn,
        stageSettings: { throttle: shared.stageSettings.throttle, logRetentionInDays: shared.stageSettings.logRetentionInDays },
    };
}

export async function consumerProgram() {
    const config = new pulumi.Config();
    const platform = new pulumi.StackReference(config.require("platformStack"));
    const pathPart = config.require("pathPart");
    if (!/^[a-z0-9-]+$/.test(pathPart)) {
        throw new Error(`orders-app-team:pathPart must be lower-case letters, digits or - (got ${JSON.stringify(pathPart)})`);
    }
    const scopes = config.requireObject<string[]>("scopes");
    const retention = config.requireNumber("logRetentionInDays");
    const stageName = config.get("stageName") ?? pathPart;
    const api = await sharedApiOf(platform);

    const role = new aws.iam.Role(`${pathPart}-fn`, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    new aws.iam.RolePolicyAttachment(`${pathPart}-fn-logs`, {
        role: role.name,
        policyArn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    });
    const fn = new aws.lambda.Function(pathPart, {
        runtime: "nodejs20.x",
        handler: "index.handler",
        role: role.arn,
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(HANDLER) }),
        timeout: 10,
        tracingConfig: { mode: "Active" },
    });
    // The function's log group, created up front so it is encrypted with the platform key and expires.
    new aws.cloudwatch.LogGroup(`${pathPart}-fn`, {
        name: pulumi.interpolate`/aws/lambda/${fn.name}`,
        retentionInDays: retention,
        kmsKeyId: api.kmsKeyArn,
    });

    const route = withConfigKeys(
        () =>
            new ApiRoute(pathPart, {
                api,
                stageName,
                routes: [{ path: `/${pathPart}`, method: "GET", auth: "cognito", scopes, integration: { kind: "lambda", functionArn: fn.arn } }],
            }),
    );
    // The same function behind the platform's HTTP API too, when the team names one (orders-app-team:httpApi).
    const httpApiName = config.get("httpApi");
    const httpRoute = httpApiName
        ? withConfigKeys(
              async () =>
                  new HttpApiRoute(`${pathPart}-http`, {
                      api: await sharedHttpApiOf(platform, config.require("platformStack"), httpApiName, api),
                      stageName,
                      routes: [{ path: `/${pathPart}`, method: "GET", auth: "jwt", scopes, integration: { kind: "lambda", functionArn: fn.arn } }],
                  }),
          )
        : undefined;
    const httpUrl = httpRoute ? (await httpRoute).url : undefined;
    return {
        ...(httpUrl ? { httpRouteUrl: pulumi.interpolate`${httpUrl}/${pathPart}` } : {}),
        routeUrl: pulumi.interpolate`${route.url}/${pathPart}`,
        stageName: route.stageName,
        functionName: fn.name,
    };
}

/** Team config keys of the ApiRoute arguments this program fills from config. */
const TEAM_KEYS: [RegExp, string][] = [
    [/^stageName$/, "stageName"],
    [/^routes\[0\]\.scopes/, "scopes"],
    [/^routes\[0\]\.path/, "pathPart"],
];

/** Restates an ApiRoute argument error with the team's stack config key, where the value came from config. */
function withConfigKeys<T>(build: () => T): T {
    try {
        const built = build();
        return built instanceof Promise ? (built.catch((err: unknown) => restated(err)) as T) : built;
    } catch (err) {
        return restated(err);
    }
}

function restated(err: unknown): never {
    const key = err instanceof ComponentArgumentError ? TEAM_KEYS.find(([re]) => re.test(err.argument))?.[1] : undefined;
    if (err instanceof ComponentArgumentError && key) {
        throw new Error(`orders-app-team:${key}: ${err.problem} (${err.component})`);
    }
    throw err;
}
