import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DeploymentSnapshot } from "../apigateway/deployment-trigger";
import { ComponentArgumentError } from "../shared/validation";

/** Arguments of {@link CognitoAuthorizer}. */
export interface CognitoAuthorizerArgs {
    /** Id of the REST API the authorizer belongs to. */
    restApiId: pulumi.Input<string>;
    /** ARNs of the user pools whose tokens are accepted (at least one). */
    userPoolArns: pulumi.Input<string>[];
    /**
     * Request header carrying the token: letters, digits, - and _.
     * @default "Authorization"
     */
    tokenHeader?: string;
    /**
     * The API's deployment snapshot: when given, the authorizer's inputs are part of the redeployment trigger.
     * @default undefined (not tracked: the caller redeploys)
     */
    snapshot?: DeploymentSnapshot;
}

/** A COGNITO_USER_POOLS authorizer: methods using it accept only JWTs issued by the given pools. */
export class CognitoAuthorizer extends pulumi.ComponentResource {
    /** The `aws.apigateway.Authorizer`. */
    public readonly authorizer: aws.apigateway.Authorizer;
    /** Its id, for methods' `authorizerId`. */
    public readonly authorizerId: pulumi.Output<string>;

    constructor(name: string, args: CognitoAuthorizerArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!args.userPoolArns || args.userPoolArns.length === 0) {
            throw new ComponentArgumentError("CognitoAuthorizer", "userPoolArns", "must list at least one user pool ARN");
        }
        const header = args.tokenHeader ?? "Authorization";
        // Letters, digits, - and _ (all HTTP token characters, RFC 9110 5.1); no `.`, which would split the identity source expression.
        if (!/^[A-Za-z0-9_-]+$/.test(header)) {
            throw new ComponentArgumentError("CognitoAuthorizer", "tokenHeader", `must be an HTTP header name (got ${JSON.stringify(header)})`);
        }
        super("secure-api:auth:CognitoAuthorizer", name, {}, opts);
        const inputs: aws.apigateway.AuthorizerArgs = {
            restApi: args.restApiId,
            type: "COGNITO_USER_POOLS",
            providerArns: args.userPoolArns,
            identitySource: `method.request.header.${header}`,
        };
        this.authorizer = new aws.apigateway.Authorizer(name, args.snapshot ? args.snapshot.track("Authorizer", name, inputs) : inputs, { parent: this });
        this.authorizerId = this.authorizer.id;
        this.registerOutputs({ authorizerId: this.authorizerId });
    }
}
