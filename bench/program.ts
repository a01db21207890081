/**
 * The bench's generated program: `secure-api-gate-bench:resources` resources of
 * eight kinds (a REST API with a resource, method, integration, deployment and
 * stage, a log group and a role), every one created from this file.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const total = new pulumi.Config().requireNumber("resources");
const KINDS = 8;
for (let i = 0; i < total / KINDS; i++) {
    const api = new aws.apigateway.RestApi(`api-${i}`, { endpointConfiguration: { types: "REGIONAL" } });
    const resource = new aws.apigateway.Resource(`items-${i}`, { restApi: api.id, parentId: api.rootResourceId, pathPart: "items" });
    const method = new aws.apigateway.Method(`get-${i}`, { restApi: api.id, resourceId: resource.id, httpMethod: "GET", authorization: "AWS_IAM" });
    const integration = new aws.apigateway.Integration(`get-${i}`, {
        restApi: api.id,
        resourceId: resource.id,
        httpMethod: method.httpMethod,
        type: "MOCK",
    });
    const deployment = new aws.apigateway.Deployment(`d-${i}`, { restApi: api.id }, { dependsOn: [integration] });
    const logs = new aws.cloudwatch.LogGroup(`logs-${i}`, { retentionInDays: 90 });
    new aws.apigateway.Stage(`s-${i}`, {
        restApi: api.id,
        deployment: deployment.id,
        stageName: "v1",
        accessLogSettings: { destinationArn: logs.arn, format: '{"requestId":"$context.requestId"}' },
    });
    new aws.iam.Role(`role-${i}`, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
}
