import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AUTHORIZER_TTL } from "../../policy-pack/baseline";
import type { DeploymentSnapshot } from "../apigateway/deployment-trigger";
import { apiGatewayTrustPolicy, invokeFunctionPolicy, lambdaInvokeUri } from "../shared/policies";
import { ComponentArgumentError, intInRange, oneOf } from "../shared/validation";

export const LAMBDA_AUTHORIZER_TYPES = ["TOKEN", "REQUEST"] as const;

/** Settings of a Lambda authorizer, as an API's args carry them. */
export interface LambdaAuthorizerSettings {
    /** ARN of the authorizer function (owned by whoever validates the tokens). */
    functionArn: pulumi.Input<string>;
    /** TOKEN: one header holds a bearer token. REQUEST: the function sees headers, query and context. */
    type: "TOKEN" | "REQUEST";
    /**
     * Where the identity comes from. TOKEN: exactly one `method.request.header.X`. REQUEST: one or more of
     * `method.request.header|querystring.X`, `stageVariables.X`, `context.X` (required).
     * @default ["method.request.header.Authorization"] for TOKEN; none (required) for REQUEST
     */
    identitySources?: string[];
    /**
     * Seconds API Gateway caches a decision, `AUTHORIZER_TTL.min`–`max` (0–3600; 0 disables caching).
     * @default 300 (`AUTHORIZER_TTL.apiGatewayDefault`)
     */
    resultTtlSeconds?: number;
    /**
     * TOKEN only: regular expression the token must match before the function is called.
     * @default undefined (every token reaches the function)
     */
    identityValidationExpression?: string;
}

/** Arguments of {@link LambdaAuthorizer}. */
export interface LambdaAuthorizerArgs extends LambdaAuthorizerSettings {
    /** Id of the REST API the authorizer belongs to. */
    restApiId: pulumi.Input<string>;
    /**
     * The API's deployment snapshot: when given, the authorizer's inputs are part of the redeployment trigger.
     * @default undefined (not tracked: the caller redeploys)
     */
    snapshot?: DeploymentSnapshot;
}

const SOURCE = /^(method\.request\.(header|querystring)\.[A-Za-z0-9._-]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;

/** Validates the settings and returns the identity source expression API Gateway expects. */
export function lambdaAuthorizerIdentitySource(component: string, settings: LambdaAuthorizerSettings): string {
    const type = oneOf(component, "type", settings.type, LAMBDA_AUTHORIZER_TYPES);
    const sources = settings.identitySources ?? (type === "TOKEN" ? ["method.request.header.Authorization"] : []);
    if (sources.length === 0) {
        throw new ComponentArgumentError(
            component,
            "identitySources",
            "must list at least one source for a REQUEST authorizer, e.g. method.request.header.X-Partner-Token",
        );
    }
    if (type === "TOKEN" && (sources.length !== 1 || !sources[0].startsWith("method.request.header."))) {
        throw new ComponentArgumentError(
            component,
            "identitySources",
            `must be exactly one method.request.header.NAME for a TOKEN authorizer (got ${JSON.stringify(sources)})`,
        );
    }
    sources.forEach((s, i) => {
        if (!SOURCE.test(s)) {
            throw new ComponentArgumentError(
                component,
                `identitySources[${i}]`,
                `must be method.request.header|querystring.NAME, stageVariables.NAME or context.NAME (got ${JSON.stringify(s)})`,
            );
        }
    });
    intInRange(component, "resultTtlSeconds", settings.resultTtlSeconds ?? AUTHORIZER_TTL.apiGatewayDefault, AUTHORIZER_TTL.min, AUTHORIZER_TTL.max);
    if (settings.identityValidationExpression !== undefined && type !== "TOKEN") {
        throw new ComponentArgumentError(component, "identityValidationExpression", "is only valid for TOKEN authorizers");
    }
    return sources.join(",");
}

/**
 * A TOKEN or REQUEST Lambda authorizer with a bounded result cache. API Gateway
 * calls the function through a role that may invoke only that function, so the
 * function needs no resource policy open to API Gateway.
 */
export class LambdaAuthorizer extends pulumi.ComponentResource {
    /** The `aws.apigateway.Authorizer`. */
    public readonly authorizer: aws.apigateway.Authorizer;
    /** The role API Gateway assumes to invoke the function (`authorizerCredentials`). */
    public readonly invocationRole: aws.iam.Role;
    /** Its id, for methods' `authorizerId`. */
    public readonly authorizerId: pulumi.Output<string>;
    /** ARN of {@link invocationRole}. */
    public readonly invocationRoleArn: pulumi.Output<string>;

    constructor(name: string, args: LambdaAuthorizerArgs, opts?: pulumi.ComponentResourceOptions) {
        const identitySource = lambdaAuthorizerIdentitySource("LambdaAuthorizer", args);
        super("secure-api:auth:LambdaAuthorizer", name, {}, opts);
        const parent = { parent: this };
        const region = aws.getRegionOutput({}, parent);
        // authorizerCredentials: API Gateway assumes this role with the documented trust
        // policy and no aws:SourceAccount condition (it sends none for credentials roles);
        // see apiGatewayTrustPolicy and "Use API Gateway Lambda authorizers",
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization.html
        const role = new aws.iam.Role(
            `${name}-invoke`,
            {
                description: "Lets API Gateway invoke the authorizer function, and nothing else",
                assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
            },
            parent,
        );
        new aws.iam.RolePolicy(
            `${name}-invoke`,
            {
                role: role.id,
                policy: pulumi.output(args.functionArn).apply((arn) => JSON.stringify(invokeFunctionPolicy(arn))),
            },
            parent,
        );
        const inputs: aws.apigateway.AuthorizerArgs = {
            restApi: args.restApiId,
            type: args.type,
            authorizerUri: pulumi.all([region.region, args.functionArn]).apply(([r, arn]) => lambdaInvokeUri(r, arn)),
            authorizerCredentials: role.arn,
            identitySource,
            identityValidationExpression: args.identityValidationExpression,
            authorizerResultTtlInSeconds: args.resultTtlSeconds ?? AUTHORIZER_TTL.apiGatewayDefault,
        };
        this.authorizer = new aws.apigateway.Authorizer(name, args.snapshot ? args.snapshot.track("Authorizer", name, inputs) : inputs, parent);
        this.invocationRole = role;
        this.authorizerId = this.authorizer.id;
        this.invocationRoleArn = role.arn;
        this.registerOutputs({ authorizerId: this.authorizerId, invocationRoleArn: this.invocationRoleArn });
    }
}
