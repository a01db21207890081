/**
 * The contract between the platform and application teams: the outputs every
 * platform stack exports, read with `new pulumi.StackReference(...)`.
 */
export interface PlatformOutputs {
    environment: string;
    region: string;
    /** public or private. */
    exposure: string;
    restApiId: string;
    /** Resource id of `/`: app teams attach their routes under it. */
    rootResourceId: string;
    executionArn: string;
    stageName: string;
    /** Default execute-api URL (disabled when a custom domain is used). */
    invokeUrl: string;
    /** https://domain/basePath when a custom domain is configured, else the invoke URL. */
    apiUrl: string;
    customDomainName?: string;
    userPoolId?: string;
    userPoolArn?: string;
    issuerUrl?: string;
    /** App client name to client id. */
    userPoolClientIds?: Record<string, string>;
    /** M2M client name to client secret (secret). */
    userPoolClientSecrets?: Record<string, string>;
    cognitoAuthorizerId?: string;
    lambdaAuthorizerId?: string;
    /** Managed policy to attach to roles that call the AWS_IAM routes. */
    iamInvokePolicyArn?: string;
    vpcId?: string;
    vpcEndpointId?: string;
    /** Tier to usage plan id. */
    usagePlanIds?: Record<string, string>;
    /** Client to API key id. */
    apiKeyIds?: Record<string, string>;
    /** Client to API key value (secret). */
    apiKeyValues?: Record<string, string>;
    wafWebAclArn?: string;
    accessLogGroupName: string;
    wafLogGroupName?: string;
    auditTrailArn?: string;
    auditLogGroupName?: string;
    kmsKeyArn: string;
}

/** Outputs that must only ever be exported as secrets. */
export const SECRET_OUTPUTS: (keyof PlatformOutputs)[] = ["apiKeyValues", "userPoolClientSecrets"];
