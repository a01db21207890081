/**
 * An application team's program: reads the platform's outputs through a
 * StackReference and attaches `GET /<pathPart>`, backed by the team's own
 * Lambda function and protected by the platform's Cognito authorizer, to the
 * shared API. The route is published on the platform stage by the platform's
 * next deployment (API Gateway deployments snapshot the whole API).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformOutputs } from "../outputs";

const HANDLER = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ shipments: [], caller: event.requestContext?.authorizer?.claims?.sub ?? null }),
});`;

export function consumerProgram() {
    const config = new pulumi.Config();
    const platform = new pulumi.StackReference(config.require("platformStack"));
    const output = <K extends keyof PlatformOutputs>(key: K) => platform.requireOutput(key) as pulumi.Output<NonNullable<PlatformOutputs[K]>>;
    const pathPart = config.require("pathPart");
    if (!/^[a-z0-9-]+$/.test(pathPart)) {
        throw new Error(`orders-app-team:pathPart must be lower-case letters, digits or - (got ${JSON.stringify(pathPart)})`);
    }
    const scopes = config.requireObject<string[]>("scopes");
    const retention = config.requireNumber("logRetentionInDays");

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
        kmsKeyId: output("kmsKeyArn"),
    });

    const restApi = output("restApiId");
    const resource = new aws.apigateway.Resource(pathPart, { restApi, parentId: output("rootResourceId"), pathPart });
    const method = new aws.apigateway.Method(`${pathPart}-get`, {
        restApi,
        resourceId: resource.id,
        httpMethod: "GET",
        authorization: "COGNITO_USER_POOLS",
        authorizerId: output("cognitoAuthorizerId"),
        authorizationScopes: scopes,
    });
    new aws.apigateway.Integration(`${pathPart}-get`, {
        restApi,
        resourceId: resource.id,
        httpMethod: method.httpMethod,
        type: "AWS_PROXY",
        integrationHttpMethod: "POST",
        uri: fn.invokeArn,
    });
    new aws.lambda.Permission(`${pathPart}-get`, {
        action: "lambda:InvokeFunction",
        function: fn.name,
        principal: "apigateway.amazonaws.com",
        sourceArn: pulumi.interpolate`${output("executionArn")}/*/GET/${pathPart}`,
    });
    return {
        routeUrl: pulumi.interpolate`${output("apiUrl")}/${pathPart}`,
        functionName: fn.name,
    };
}
