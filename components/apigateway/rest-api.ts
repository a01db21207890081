/**
 * A REST API built from a declarative route table. The work is split so each
 * piece can be read on its own:
 * - `rest-api-args.ts`: the arguments and their validation;
 * - `route-builder.ts`: resources, methods, models, validators, integrations, preflights;
 * - `rest-stage.ts`: deployment, stage, log groups, method settings;
 * - `deployment-trigger.ts`: when the deployment is replaced.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AuthKind } from "../../policy-pack/baseline";
import { CognitoAuthorizer } from "../auth/cognito-authorizer";
import { LambdaAuthorizer } from "../auth/lambda-authorizer";
import { slug } from "../shared/naming";
import { methodArn } from "../shared/policies";
import { ComponentArgumentError } from "../shared/validation";
import { gatewayResponseHeaders } from "./cors";
import { DeploymentSnapshot } from "./deployment-trigger";
import { ApiEndpoint } from "./endpoint";
import { RestApiArgs, validateRestApiArgs } from "./rest-api-args";
import { publishRestApi, restMetricDimensions, secureRestApiInputs } from "./rest-api-parts";
import { RouteBuilder } from "./route-builder";

export * from "./rest-api-args";

/**
 * A REST API: resources, methods with authorizers, request validation,
 * integrations, CORS preflights, a deployment that follows every snapshotted
 * change, and a stage with JSON access logs (KMS-encrypted), execution
 * logging, X-Ray and throttling. The public and private API components are
 * built on it. It is an {@link ApiEndpoint}.
 */
export class RestApi extends pulumi.ComponentResource implements ApiEndpoint {
    /** A REST API endpoint. */
    readonly kind = "REST" as const;
    /** REST stages can be put behind a WAFv2 web ACL. */
    readonly supportsWaf = true;
    /** The `aws.apigateway.RestApi`. */
    public readonly restApi: aws.apigateway.RestApi;
    /** The deployment the stage serves (replaced when anything it snapshots changes). */
    public readonly deployment: aws.apigateway.Deployment;
    /** The stage. */
    public readonly stage: aws.apigateway.Stage;
    /** The candidate deployment a canary serves, while one is tested. */
    public readonly candidateDeployment?: aws.apigateway.Deployment;
    /** Whether the stage has a canary under test (its metrics use the `<stage>/Canary` Stage dimension). */
    public readonly canaryActive: boolean;
    /** Stage-wide method settings (throttling, execution logging, metrics). */
    public readonly stageSettings: aws.apigateway.MethodSettings;
    /** The Cognito authorizer, when `authorizers.cognito` is given. */
    public readonly cognitoAuthorizer?: CognitoAuthorizer;
    /** The Lambda authorizer, when `authorizers.lambda` is given. */
    public readonly lambdaAuthorizer?: LambdaAuthorizer;
    /** Method per route key (`GET /orders`). */
    public readonly methods: ReadonlyMap<string, aws.apigateway.Method>;
    /** Children whose inputs the redeployment trigger covers (`Kind name`). */
    public readonly snapshotCovers: string[];
    /** The redeployment trigger (a hash of every snapshotted input). */
    public readonly deploymentTrigger: pulumi.Output<string>;

    /** REST API id (same as {@link apiId}). */
    public readonly restApiId: pulumi.Output<string>;
    /** REST API id. */
    public readonly apiId: pulumi.Output<string>;
    /** The API's name. */
    public readonly apiName: pulumi.Output<string>;
    /** `arn:aws:execute-api:region:account:apiId`. */
    public readonly executionArn: pulumi.Output<string>;
    /** Resource id of `/`, for routes attached later (e.g. by application teams). */
    public readonly rootResourceId: pulumi.Output<string>;
    /** Stage name. */
    public readonly stageName: pulumi.Output<string>;
    /** Stage ARN. */
    public readonly stageArn: pulumi.Output<string>;
    /** Default execute-api URL of the stage. */
    public readonly invokeUrl: pulumi.Output<string>;
    /** Access log group name. */
    public readonly accessLogGroupName: pulumi.Output<string>;
    /** AWS/ApiGateway metric dimensions of the stage: ApiName and Stage. */
    public readonly metricDimensions: pulumi.Output<Record<string, string>>;
    /** Id of the Cognito authorizer, when there is one. */
    public readonly cognitoAuthorizerId?: pulumi.Output<string>;
    /** Id of the Lambda authorizer, when there is one. */
    public readonly lambdaAuthorizerId?: pulumi.Output<string>;
    /** Method ARNs of the AWS_IAM routes, for least-privilege invoke policies. */
    public readonly iamMethodArns: pulumi.Output<string[]>;

    constructor(name: string, args: RestApiArgs, opts?: pulumi.ComponentResourceOptions) {
        if (args.endpointType === "PRIVATE" && (!args.vpcEndpointIds?.length || args.policy === undefined)) {
            throw new ComponentArgumentError("RestApi", "vpcEndpointIds/policy", "are both required when endpointType is PRIVATE");
        }
        const { executionLevel, cors } = validateRestApiArgs(args);
        super("secure-api:apigateway:RestApi", name, {}, opts);
        const parent = { parent: this };
        const snapshot = new DeploymentSnapshot();

        this.restApi = new aws.apigateway.RestApi(name, snapshot.track("RestApi", name, secureRestApiInputs(args)), parent);
        const api = this.restApi;

        if (args.authorizers?.cognito) {
            this.cognitoAuthorizer = new CognitoAuthorizer(
                `${name}-cognito`,
                { restApiId: api.id, userPoolArns: args.authorizers.cognito.userPoolArns, snapshot },
                parent,
            );
        }
        if (args.authorizers?.lambda) {
            this.lambdaAuthorizer = new LambdaAuthorizer(`${name}-lambda-authorizer`, { restApiId: api.id, ...args.authorizers.lambda, snapshot }, parent);
        }
        const authorizerIds: Partial<Record<AuthKind, pulumi.Output<string>>> = {
            cognito: this.cognitoAuthorizer?.authorizerId,
            lambda: this.lambdaAuthorizer?.authorizerId,
        };

        const routes = new RouteBuilder({
            name,
            parent: this,
            restApiId: api.id,
            rootResourceId: api.rootResourceId,
            executionArn: api.executionArn,
            authorizerIds,
            cors,
            snapshot,
        });
        args.routes.forEach((route) => routes.addRoute(route));
        routes.addPreflights();
        if (cors) {
            // Gateway responses are API-wide: only the API's owner creates them (never an ApiRoute).
            for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
                const n = `${name}-${slug(type)}`;
                routes.deploymentDependencies.push(
                    new aws.apigateway.Response(
                        n,
                        snapshot.track("Response", n, {
                            restApiId: api.id,
                            responseType: type,
                            responseParameters: gatewayResponseHeaders(cors),
                        }),
                        parent,
                    ),
                );
            }
        }

        const published = publishRestApi(args, {
            name,
            parent: this,
            restApi: api,
            executionLevel,
            snapshot,
            deploymentDependencies: routes.deploymentDependencies,
            methodThrottles: args.routes.filter((r) => r.throttle).map((r) => ({ method: r.method, path: r.path, ...r.throttle! })),
        });
        this.deployment = published.deployment;
        this.stage = published.stage;
        this.candidateDeployment = published.candidateDeployment;
        this.canaryActive = published.canaryPhase === "testing";
        this.stageSettings = published.stageSettings;
        this.methods = routes.methods;
        this.snapshotCovers = snapshot.covered;
        this.deploymentTrigger = published.trigger;

        this.restApiId = api.id;
        this.apiId = api.id;
        this.apiName = api.name;
        this.executionArn = api.executionArn;
        this.rootResourceId = api.rootResourceId;
        this.stageName = this.stage.stageName;
        this.stageArn = this.stage.arn;
        this.invokeUrl = this.stage.invokeUrl;
        this.accessLogGroupName = published.accessLogs.logGroupName;
        this.metricDimensions = restMetricDimensions(api, this.stage);
        this.cognitoAuthorizerId = this.cognitoAuthorizer?.authorizerId;
        this.lambdaAuthorizerId = this.lambdaAuthorizer?.authorizerId;
        const iamRoutes = args.routes.filter((r) => r.auth === "iam");
        this.iamMethodArns = pulumi
            .all([api.executionArn, this.stage.stageName])
            .apply(([arn, st]) => iamRoutes.map((r) => methodArn(arn, st, r.method, r.path)));
        this.registerOutputs({
            restApiId: this.restApiId,
            executionArn: this.executionArn,
            rootResourceId: this.rootResourceId,
            stageName: this.stageName,
            stageArn: this.stageArn,
            invokeUrl: this.invokeUrl,
            accessLogGroupName: this.accessLogGroupName,
            iamMethodArns: this.iamMethodArns,
        });
    }
}
