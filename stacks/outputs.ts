/**
 * The contract between the platform and application teams: the outputs every
 * platform stack exports, read with `new pulumi.StackReference(...)`. The
 * endpoint values (`restApiId`, `executionArn`, `stageName`, `invokeUrl`,
 * `accessLogGroupName`) come from the API's `ApiEndpoint` (`endpointOutputs`).
 */
import type { ApiKeyStatus, CorsArgs, StageSettings } from "../components";
import type { OpenApiApiOutputs } from "./config-openapi";

export interface PlatformOutputs {
    /** dev or prod. */
    environment: "dev" | "prod";
    /** AWS region of the stack. */
    region: string;
    /** public or private. */
    exposure: string;
    /** The shared REST API's id. */
    restApiId: string;
    /** Resource id of `/`: app teams attach their routes under it (`ApiRoute`). */
    rootResourceId: string;
    /** `arn:aws:execute-api:region:account:apiId` (Lambda permissions, IAM policies). */
    executionArn: string;
    /** The platform's stage. */
    stageName: string;
    /** Default execute-api URL (disabled when a custom domain is used). */
    invokeUrl: string;
    /** https://domain/basePath when a custom domain is configured, else the invoke URL. */
    apiUrl: string;
    /** The platform stage's current deployment: app-team stages redeploy when it changes. */
    deploymentId: string;
    /** The candidate deployment a canary on the platform stage serves, while one is tested. */
    canaryDeploymentId?: string;
    /** Throttling, execution log level, X-Ray and log retention of the platform's stage, for app-team stages to copy. */
    stageSettings: StageSettings;
    /** The platform's CORS settings, when it has any: app-team routes answer preflights the same way. */
    cors?: CorsArgs;
    /** The custom domain (app-team stages are mapped under it). */
    customDomainName?: string;
    /** Cognito user pool id. */
    userPoolId?: string;
    /** Cognito user pool ARN. */
    userPoolArn?: string;
    /** Token issuer URL of the pool. */
    issuerUrl?: string;
    /** App client name to client id. */
    userPoolClientIds?: Record<string, string>;
    /** M2M client name to client secret (secret). */
    userPoolClientSecrets?: Record<string, string>;
    /** Cognito authorizer of the shared API (`auth: cognito` routes). */
    cognitoAuthorizerId?: string;
    /** Lambda authorizer of the shared API (`auth: lambda` routes). */
    lambdaAuthorizerId?: string;
    /** Managed policy to attach to roles that call the AWS_IAM routes. */
    iamInvokePolicyArn?: string;
    /** VPC of a private API's endpoint. */
    vpcId?: string;
    /** The execute-api VPC endpoint of a private API. */
    vpcEndpointId?: string;
    /** Tier to usage plan id. */
    usagePlanIds?: Record<string, string>;
    /** Client to API key id. */
    apiKeyIds?: Record<string, string>;
    /** Client to its current key: id, generation, whether the previous generation is still live (and its id), Secrets Manager ARN. */
    apiKeys?: Record<string, ApiKeyStatus>;
    /** Client to API key value (secret). */
    apiKeyValues?: Record<string, string>;
    /** The web ACL in front of public stages (app-team stages are associated with it). */
    wafWebAclArn?: string;
    /** Access log group of the platform's stage. */
    accessLogGroupName: string;
    /** WAF log group (`aws-waf-logs-*`). */
    wafLogGroupName?: string;
    /** The CloudTrail trail. */
    auditTrailArn?: string;
    /** CloudWatch copy of the trail. */
    auditLogGroupName?: string;
    /** AWS Config rule names by managed rule identifier, when `detectiveControls.enabled`. */
    configRuleNames?: Record<string, string>;
    /** The platform KMS key: app teams encrypt their log groups with it. */
    kmsKeyArn: string;
    /** Partner name to the ARN of the role it assumes (with its external id) to call its granted AWS_IAM routes. */
    partnerRoleArns?: Record<string, string>;
    /** The reference JWT authorizer function, when `lambdaAuthorizer.reference` deploys it. */
    jwtAuthorizerFunctionArn?: string;
    /** Per `openApiApis` entry (by name): its REST API id, execution ARN, stage, invoke URL, access log group and URL. */
    openApiApis?: Record<string, OpenApiApiOutputs>;
}

/** Outputs that must only ever be exported as secrets. */
export const SECRET_OUTPUTS: (keyof PlatformOutputs)[] = ["apiKeyValues", "userPoolClientSecrets"];
