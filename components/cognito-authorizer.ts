import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgumentError } from "./validation";

/** Arguments of {@link CognitoAuthorizer}. */
export interface CognitoAuthorizerArgs {
    /** Id of the REST API the authorizer belongs to. */
    restApiId: pulumi.Input<string>;
    /** ARNs of the user pools whose tokens are accepted (at least one). */
    userPoolArns: pulumi.Input<string>[];
    /** Request header carrying the token. Default `Authorization`. */
    tokenHeader?: string;
}

/** A COGNITO_USER_POOLS authorizer: methods using it accept only JWTs issued by the given pools. */
export class CognitoAuthorizer extends pulumi.ComponentResource {
    public readonly authorizerId: pulumi.Output<string>;

    constructor(name: string, args: CognitoAuthorizerArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!args.userPoolArns || args.userPoolArns.length === 0) {
            throw new ComponentArgumentError("CognitoAuthorizer", "userPoolArns", "must list at least one user pool ARN");
        }
        const header = args.tokenHeader ?? "Authorization";
        if (!/^[A-Za-z0-9-]+$/.test(header)) {
            throw new ComponentArgumentError("CognitoAuthorizer", "tokenHeader", `must be an HTTP header name (got ${JSON.stringify(header)})`);
        }
        super("secure-api:auth:CognitoAuthorizer", name, {}, opts);
        const authorizer = new aws.apigateway.Authorizer(name, {
            restApi: args.restApiId,
            type: "COGNITO_USER_POOLS",
            providerArns: args.userPoolArns,
            identitySource: `method.request.header.${header}`,
        }, { parent: this });
        this.authorizerId = authorizer.id;
        this.registerOutputs({ authorizerId: this.authorizerId });
    }
}
