import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { invokePolicy } from "./policies";
import { ComponentArgumentError } from "./validation";

/** Arguments of {@link IamInvokePolicy}. */
export interface IamInvokePolicyArgs {
    /** ARNs of the AWS_IAM-protected methods callers may invoke (`.../stage/VERB/path`). */
    methodArns: pulumi.Input<pulumi.Input<string>[]>;
    /** Description shown in IAM. */
    description?: string;
}

/**
 * A managed IAM policy granting `execute-api:Invoke` on exactly the listed
 * method ARNs: what a service role needs to call the API's SigV4 (AWS_IAM) routes.
 */
export class IamInvokePolicy extends pulumi.ComponentResource {
    public readonly policyArn: pulumi.Output<string>;

    constructor(name: string, args: IamInvokePolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!args.methodArns || (Array.isArray(args.methodArns) && args.methodArns.length === 0)) {
            throw new ComponentArgumentError("IamInvokePolicy", "methodArns", "must list at least one method ARN");
        }
        super("secure-api:auth:IamInvokePolicy", name, {}, opts);
        const policy = new aws.iam.Policy(name, {
            description: args.description ?? "Invoke the API's AWS_IAM routes",
            policy: pulumi.output(args.methodArns).apply((arns) => JSON.stringify(invokePolicy(arns))),
        }, { parent: this });
        this.policyArn = policy.arn;
        this.registerOutputs({ policyArn: this.policyArn });
    }
}
