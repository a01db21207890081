/**
 * A REST API whose routes come from an OpenAPI document (Swagger 2 or OpenAPI
 * 3, JSON or YAML), published exactly like a route-built `RestApi`: the same
 * `aws.apigateway.RestApi` inputs and stage (`rest-api-parts.ts`), so WAF,
 * custom domain, usage plans and alarms are put around it the same way (it is
 * an {@link ApiEndpoint}).
 *
 * The document is deployed as `body` with `putRestApiMode: "overwrite"` and
 * `failOnWarnings: true`. terraform-provider-aws
 * (`internal/service/apigateway/rest_api.go`, `resourceRestAPICreate` /
 * `resourceRestAPIUpdate`) creates the API with the configured inputs, then
 * calls PutRestApi with the body; overwrite mode replaces the whole definition
 * (resources, methods, authorizers, validators, gateway responses: nothing
 * created beside the body survives, which is why the platform's parts are
 * injected into the document instead) and drops literal properties the
 * document does not set (description, endpoint configuration, policy), which
 * the provider then patches back from the configured inputs
 * (`resourceRestAPIWithBodyUpdateOperations`). `fail_on_warnings` makes an
 * import warning (an ignored or unsupported field) a failed deployment rather
 * than a silently different API.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AUTHORIZER_TTL } from "../../policy-pack/baseline";
import { lambdaAuthorizerIdentitySource } from "../auth/lambda-authorizer";
import { slug } from "../shared/naming";
import { apiGatewayTrustPolicy, invokeFunctionPolicy, lambdaInvokeUri, methodArn } from "../shared/policies";
import { ComponentArgumentError } from "../shared/validation";
import { DeploymentSnapshot } from "./deployment-trigger";
import { ApiEndpoint } from "./endpoint";
import { checkOpenApiDocument, loadOpenApiDocument, OpenApiSource, PublicOperation } from "./openapi-document";
import { injectPlatform, PLATFORM_SCHEMES, referencedSchemes } from "./openapi-platform";
import { RestApiArgs, RestApiBaseArgs, validateApiIdentity, validateAuthorizers, validatePublishing } from "./rest-api-args";
import { publishRestApi, restMetricDimensions, secureRestApiInputs } from "./rest-api-parts";

export * from "./openapi-document";
export { PLATFORM_SCHEMES, PLATFORM_VALIDATOR } from "./openapi-platform";

/** Arguments of {@link OpenApiRestApi}: those of a route-built REST API, with a document instead of a route table. */
export interface OpenApiRestApiArgs extends Omit<RestApiBaseArgs, "routes">, Pick<RestApiArgs, "endpointType" | "vpcEndpointIds" | "policy"> {
    /** The OpenAPI document: `{ file }` (JSON or YAML) or `{ document }` (parsed). Its operations name the schemes `cognito`, `lambda` or `sigv4`. */
    document: OpenApiSource;
    /**
     * Operations callable without credentials, each with a reason (like a route table's waived `auth: "none"` route).
     * @default [] (every operation needs a platform authorizer)
     */
    publicOperations?: PublicOperation[];
}

const C = "OpenApiRestApi";

/** A REST API from an OpenAPI document, with the platform's authorizers, validators, CORS and stage. */
export class OpenApiRestApi extends pulumi.ComponentResource implements ApiEndpoint {
    readonly kind = "REST" as const;
    readonly supportsWaf = true;
    /** The `aws.apigateway.RestApi` (its `body` is the document with the platform's parts). */
    public readonly restApi: aws.apigateway.RestApi;
    /** The deployment the stage serves (replaced whenever the deployed document changes). */
    public readonly deployment: aws.apigateway.Deployment;
    /** The stage. */
    public readonly stage: aws.apigateway.Stage;
    /** Stage-wide method settings (throttling, execution logging, metrics). */
    public readonly stageSettings: aws.apigateway.MethodSettings;
    /** The role API Gateway assumes to invoke the Lambda authorizer, when the document uses `lambda`. */
    public readonly authorizerRole?: aws.iam.Role;
    /** Route keys (`GET /orders`) of the document's operations. */
    public readonly operations: readonly string[];
    /** Children whose inputs the redeployment trigger covers (`Kind name`). */
    public readonly snapshotCovers: string[];
    /** The redeployment trigger (a hash of the deployed document and the API's inputs). */
    public readonly deploymentTrigger: pulumi.Output<string>;
    /** The deployed document (JSON). */
    public readonly body: pulumi.Output<string>;
    public readonly restApiId: pulumi.Output<string>;
    public readonly apiId: pulumi.Output<string>;
    public readonly apiName: pulumi.Output<string>;
    public readonly executionArn: pulumi.Output<string>;
    public readonly stageName: pulumi.Output<string>;
    public readonly stageArn: pulumi.Output<string>;
    public readonly invokeUrl: pulumi.Output<string>;
    public readonly accessLogGroupName: pulumi.Output<string>;
    public readonly metricDimensions: pulumi.Output<Record<string, string>>;
    /** Method ARNs of the AWS_IAM (`sigv4`) operations, for least-privilege invoke policies. */
    public readonly iamMethodArns: pulumi.Output<string[]>;

    constructor(name: string, args: OpenApiRestApiArgs, opts?: pulumi.ComponentResourceOptions) {
        if (args.endpointType === "PRIVATE" && (!args.vpcEndpointIds?.length || args.policy === undefined)) {
            throw new ComponentArgumentError(C, "vpcEndpointIds/policy", "are both required when endpointType is PRIVATE");
        }
        validateApiIdentity(C, args);
        const available = validateAuthorizers(C, args.authorizers);
        const { executionLevel, cors } = validatePublishing(C, args);
        const document = loadOpenApiDocument(C, args.document);
        const checked = checkOpenApiDocument(C, document, {
            available,
            endpointType: args.endpointType,
            publicOperations: args.publicOperations ?? [],
            cors,
        });
        const lambda = args.authorizers?.lambda;
        const identitySource = lambda ? lambdaAuthorizerIdentitySource(`${C} authorizers.lambda`, lambda) : "";
        super("secure-api:apigateway:OpenApiRestApi", name, {}, opts);
        const parent = { parent: this };
        const snapshot = new DeploymentSnapshot();
        const region = aws.getRegionOutput({}, parent).region;
        const account = aws.getCallerIdentityOutput({}, parent).accountId;

        // Named, so its ARN (in the document) is known before it exists: a first preview can check the body.
        const usesLambda = lambda !== undefined && referencedSchemes(document.raw).has(PLATFORM_SCHEMES.lambda);
        const roleName = `${slug(name)}-authorizer`.slice(0, 64);
        if (usesLambda) {
            this.authorizerRole = new aws.iam.Role(
                `${name}-authorizer`,
                {
                    name: roleName,
                    description: "Lets API Gateway invoke the authorizer function, and nothing else",
                    assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
                },
                parent,
            );
            new aws.iam.RolePolicy(
                `${name}-authorizer`,
                { role: this.authorizerRole.id, policy: pulumi.output(lambda.functionArn).apply((arn) => JSON.stringify(invokeFunctionPolicy(arn))) },
                parent,
            );
        }
        const cognitoArns = args.authorizers?.cognito ? pulumi.all(args.authorizers.cognito.userPoolArns) : pulumi.output(undefined);
        const usesCognito = referencedSchemes(document.raw).has(PLATFORM_SCHEMES.cognito);
        this.body = pulumi
            .all([region, account, usesCognito ? cognitoArns : pulumi.output(undefined), usesLambda ? pulumi.output(lambda.functionArn) : pulumi.output("")])
            .apply(([r, acct, pools, fn]) =>
                JSON.stringify(
                    injectPlatform(document.raw, document.version, {
                        cognito: pools ? { providerArns: pools } : undefined,
                        lambda:
                            usesLambda && lambda
                                ? {
                                      type: lambda.type,
                                      authorizerUri: lambdaInvokeUri(r, fn),
                                      credentials: `arn:aws:iam::${acct}:role/${roleName}`,
                                      identitySource,
                                      ttlSeconds: lambda.resultTtlSeconds ?? AUTHORIZER_TTL.apiGatewayDefault,
                                      identityValidationExpression: lambda.identityValidationExpression,
                                  }
                                : undefined,
                        cors,
                        publicOperations: (args.publicOperations ?? []).map((w) => w.resource),
                    }),
                ),
            );
        this.restApi = new aws.apigateway.RestApi(
            name,
            snapshot.track("RestApi", name, { ...secureRestApiInputs(args), body: this.body, putRestApiMode: "overwrite", failOnWarnings: true }),
            { ...parent, ...(this.authorizerRole ? { dependsOn: [this.authorizerRole] } : {}) },
        );
        const api = this.restApi;
        const published = publishRestApi(args, {
            name,
            parent: this,
            restApi: api,
            executionLevel,
            snapshot,
            deploymentDependencies: [api],
            methodThrottles: [],
        });
        this.deployment = published.deployment;
        this.stage = published.stage;
        this.stageSettings = published.stageSettings;
        this.operations = checked.operations;
        this.snapshotCovers = snapshot.covered;
        this.deploymentTrigger = published.trigger;
        this.restApiId = api.id;
        this.apiId = api.id;
        this.apiName = api.name;
        this.executionArn = api.executionArn;
        this.stageName = this.stage.stageName;
        this.stageArn = this.stage.arn;
        this.invokeUrl = this.stage.invokeUrl;
        this.accessLogGroupName = published.accessLogs.logGroupName;
        this.metricDimensions = restMetricDimensions(api, this.stage);
        const iam = checked.iamOperations.map((k) => k.split(" ") as [string, string]);
        this.iamMethodArns = pulumi.all([api.executionArn, this.stage.stageName]).apply(([arn, st]) => iam.map(([m, p]) => methodArn(arn, st, m, p)));
        this.registerOutputs({
            restApiId: this.restApiId,
            executionArn: this.executionArn,
            stageName: this.stageName,
            stageArn: this.stageArn,
            invokeUrl: this.invokeUrl,
            accessLogGroupName: this.accessLogGroupName,
            iamMethodArns: this.iamMethodArns,
        });
    }
}
