import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { apiGatewayTrustPolicy } from "../shared/policies";

/** Arguments of {@link ApiGatewayAccount}. */
export interface ApiGatewayAccountArgs {
    /**
     * Tags for the role.
     * @default {}
     */
    tags?: Record<string, string>;
}

/**
 * The account-level API Gateway setting that lets stages write execution and
 * access logs to CloudWatch: a role API Gateway assumes, with the AWS managed
 * push-to-CloudWatch policy.
 *
 * There is one such setting per account and region, so exactly one stack per
 * account and region may own this component (`manageAccountSettings: true`);
 * every other stack relies on the existing setting. Both the role and the
 * setting are created with `retainOnDelete: true`: destroying the owning
 * stack leaves them in place, because every stage in the account and region
 * logs through that role, and API Gateway only checks the role when the
 * setting changes, so deleting it would silently stop all their logs.
 *
 * Trust policy: AWS's documented form, no `aws:SourceAccount` condition
 * (API Gateway does not send it for this role; with it `UpdateAccount`
 * fails). "API Gateway: Permissions for CloudWatch logging",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html#set-up-access-logging-permissions
 */
export class ApiGatewayAccount extends pulumi.ComponentResource {
    /** The role API Gateway assumes to write logs (retained on delete). */
    public readonly role: aws.iam.Role;
    /** The account setting (retained on delete). */
    public readonly account: aws.apigateway.Account;
    /** ARN of {@link role}, as the account setting holds it. */
    public readonly cloudwatchRoleArn: pulumi.Output<string>;

    constructor(name: string, args: ApiGatewayAccountArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("secure-api:observability:ApiGatewayAccount", name, {}, opts);
        const retained = { parent: this, retainOnDelete: true };
        this.role = new aws.iam.Role(
            `${name}-cloudwatch`,
            {
                description: "Lets API Gateway write logs to CloudWatch",
                assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
                tags: args.tags,
            },
            retained,
        );
        const attachment = new aws.iam.RolePolicyAttachment(
            `${name}-cloudwatch`,
            {
                role: this.role.name,
                policyArn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
            },
            retained,
        );
        this.account = new aws.apigateway.Account(name, { cloudwatchRoleArn: this.role.arn }, { ...retained, dependsOn: [attachment] });
        this.cloudwatchRoleArn = this.account.cloudwatchRoleArn;
        this.registerOutputs({ cloudwatchRoleArn: this.cloudwatchRoleArn });
    }
}
