import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ApiEndpoint } from "../apigateway/endpoint";
import { invokePolicy, methodArn } from "../shared/policies";
import { ComponentArgumentError } from "../shared/validation";

/** A route of an endpoint, for {@link IamInvokePolicyArgs.routes}. */
export interface InvokableRoute {
    /** HTTP method (`ANY` becomes `*`). */
    method: string;
    /** Route path; `{param}` segments become `*`. */
    path: string;
}

/** Arguments of {@link IamInvokePolicy}: either explicit method ARNs, or an endpoint and its AWS_IAM routes. */
export interface IamInvokePolicyArgs {
    /**
     * ARNs of the AWS_IAM-protected methods callers may invoke (`.../stage/VERB/path`).
     * @default derived from `endpoint` and `routes`
     */
    methodArns?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The deployed endpoint whose routes may be invoked (with `routes`).
     * @default undefined (give `methodArns` instead)
     */
    endpoint?: ApiEndpoint;
    /**
     * Routes of `endpoint` callers may invoke, on its stage only.
     * @default undefined (give `methodArns` instead)
     */
    routes?: InvokableRoute[];
    /**
     * Description shown in IAM.
     * @default "Invoke the API's AWS_IAM routes"
     */
    description?: string;
}

/**
 * A managed IAM policy granting `execute-api:Invoke` on exactly the listed
 * method ARNs: what a service role needs to call the API's SigV4 (AWS_IAM) routes.
 */
export class IamInvokePolicy extends pulumi.ComponentResource {
    /** The `aws.iam.Policy`. */
    public readonly policy: aws.iam.Policy;
    /** Its ARN, to attach to callers' roles. */
    public readonly policyArn: pulumi.Output<string>;

    constructor(name: string, args: IamInvokePolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        let methodArns: pulumi.Input<pulumi.Input<string>[]>;
        if (args.endpoint !== undefined) {
            if (!args.routes?.length) {
                throw new ComponentArgumentError("IamInvokePolicy", "routes", "must list at least one route of the endpoint");
            }
            const { endpoint, routes } = args;
            methodArns = pulumi
                .all([endpoint.executionArn, endpoint.stageName])
                .apply(([arn, stage]) => routes.map((r) => methodArn(arn, stage, r.method, r.path)));
        } else {
            if (!args.methodArns || (Array.isArray(args.methodArns) && args.methodArns.length === 0)) {
                throw new ComponentArgumentError("IamInvokePolicy", "methodArns", "must list at least one method ARN");
            }
            methodArns = args.methodArns;
        }
        super("secure-api:auth:IamInvokePolicy", name, {}, opts);
        this.policy = new aws.iam.Policy(
            name,
            {
                description: args.description ?? "Invoke the API's AWS_IAM routes",
                policy: pulumi.output(methodArns).apply((arns) => JSON.stringify(invokePolicy(arns))),
            },
            { parent: this },
        );
        this.policyArn = this.policy.arn;
        this.registerOutputs({ policyArn: this.policyArn });
    }
}
