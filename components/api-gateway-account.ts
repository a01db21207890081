import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { assumeRolePolicy } from "./policies";

/**
 * The account-level API Gateway setting that lets stages write execution and
 * access logs to CloudWatch: a role API Gateway assumes (only from this
 * account) with the AWS managed push-to-CloudWatch policy. There is one such
 * setting per account and region, so only one stack should own it.
 */
export class ApiGatewayAccount extends pulumi.ComponentResource {
    public readonly cloudwatchRoleArn: pulumi.Output<string>;

    constructor(name: string, args: { tags?: Record<string, string> } = {}, opts?: pulumi.ComponentResourceOptions) {
        super("secure-api:observability:ApiGatewayAccount", name, {}, opts);
        const parent = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, parent);
        const role = new aws.iam.Role(`${name}-cloudwatch`, {
            description: "Lets API Gateway write logs to CloudWatch",
            assumeRolePolicy: identity.accountId.apply((a) => JSON.stringify(assumeRolePolicy("apigateway.amazonaws.com", a))),
            tags: args.tags,
        }, parent);
        const attachment = new aws.iam.RolePolicyAttachment(`${name}-cloudwatch`, {
            role: role.name,
            policyArn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
        }, parent);
        const account = new aws.apigateway.Account(name, { cloudwatchRoleArn: role.arn }, { parent: this, dependsOn: [attachment] });
        this.cloudwatchRoleArn = account.cloudwatchRoleArn;
        this.registerOutputs({ cloudwatchRoleArn: this.cloudwatchRoleArn });
    }
}
