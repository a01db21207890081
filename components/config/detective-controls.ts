/**
 * Detective controls after deploy: AWS Config managed rules that re-check, on
 * the deployed resources, what the policy pack checks before deploy, and
 * EventBridge routing of NON_COMPLIANT evaluations to the alarm topics.
 *
 * Rule identifiers, parameters, resource types and trigger types are those of
 * the AWS Config managed rules list
 * (https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html),
 * e.g. api-gw-execution-logging-enabled.html, api-gw-endpoint-type-check.html,
 * cloudwatch-log-group-encrypted.html. Change-triggered rules are scoped
 * (`Scope`: resource types, or a tag key/value — AWS allows one or the other,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_Scope.html);
 * periodic rules evaluate the account and take no scope.
 * API_GW_SSL_ENABLED is not created: it demands a client certificate on every
 * stage, which only makes sense when the backends verify it, and ours do not.
 * API_GW_CACHE_ENABLED_AND_ENCRYPTED is not created: it demands caching.
 *
 * One configuration recorder exists per account and region and `@pulumi/aws`
 * cannot look it up, so `recorder` says explicitly whether it exists (an
 * organization or Control Tower owns it) or is created here; Security Hub's
 * AWS Foundational Security Best Practices subscription likewise.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureBucket } from "../storage/secure-bucket";
import { assumeRolePolicy, document } from "../shared/policies";
import { ComponentArgumentError, oneOf } from "../shared/validation";

/** Who owns a per-account service: it already exists (the default), or this component creates it. */
export const OWNERSHIP = ["existing", "create"] as const;
export type Ownership = (typeof OWNERSHIP)[number];

/** Arguments of {@link DetectiveControls}. */
export interface DetectiveControlsArgs {
    /** Endpoint types the platform's REST APIs may have (API_GW_ENDPOINT_TYPE_CHECK). */
    endpointTypes: ("REGIONAL" | "PRIVATE" | "EDGE")[];
    /** Execution log levels a stage may have (API_GW_EXECUTION_LOGGING_ENABLED). */
    loggingLevels: ("ERROR" | "INFO")[];
    /** The KMS key log groups must use (CLOUDWATCH_LOG_GROUP_ENCRYPTED), and of the Config bucket. */
    kmsKeyArn: pulumi.Input<string>;
    /** SNS topics NON_COMPLIANT evaluations are sent to (their policies must allow events.amazonaws.com to publish). */
    alarmTopicArns: pulumi.Input<string>[];
    /**
     * Scope change-triggered rules to resources with this tag (else to the rules' resource types).
     * @default undefined (resource types)
     */
    scopeTag?: { key: string; value: string };
    /**
     * The account's configuration recorder: `existing`, or `create` (recorder, delivery channel to a SecureBucket, role).
     * @default "existing"
     */
    recorder?: Ownership;
    /**
     * Security Hub with the AWS Foundational Security Best Practices standard: `existing`, or `create`.
     * @default "existing"
     */
    securityHub?: Ownership;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

interface RuleSpec {
    id: string;
    params?: Record<string, string>;
    /** Resource types of a change-triggered rule; undefined for periodic rules. */
    types?: string[];
}

/** The managed rules, with parameters, for the given arguments. */
export function detectiveRules(args: Pick<DetectiveControlsArgs, "endpointTypes" | "loggingLevels">, kmsKeyArn: string): RuleSpec[] {
    return [
        {
            id: "API_GW_EXECUTION_LOGGING_ENABLED",
            params: { loggingLevel: args.loggingLevels.join(",") },
            types: ["AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage"],
        },
        { id: "API_GW_ASSOCIATED_WITH_WAF", types: ["AWS::ApiGateway::Stage"] },
        { id: "API_GW_XRAY_ENABLED", types: ["AWS::ApiGateway::Stage"] },
        { id: "API_GW_ENDPOINT_TYPE_CHECK", params: { endpointConfigurationTypes: args.endpointTypes.join(",") }, types: ["AWS::ApiGateway::RestApi"] },
        { id: "API_GWV2_ACCESS_LOGS_ENABLED", types: ["AWS::ApiGatewayV2::Stage"] },
        { id: "API_GWV2_AUTHORIZATION_TYPE_CONFIGURED" },
        { id: "CLOUD_TRAIL_ENABLED" },
        { id: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED" },
        { id: "CLOUDWATCH_LOG_GROUP_ENCRYPTED", params: { KmsKeyId: kmsKeyArn } },
    ];
}

/** Validates the arguments before anything is created. */
export function validateDetectiveControlsArgs(args: DetectiveControlsArgs): void {
    const C = "DetectiveControls";
    oneOf(C, "recorder", args.recorder ?? "existing", OWNERSHIP);
    oneOf(C, "securityHub", args.securityHub ?? "existing", OWNERSHIP);
    if (!args.endpointTypes?.length) {
        throw new ComponentArgumentError(C, "endpointTypes", "must list at least one endpoint type");
    }
    args.endpointTypes.forEach((t, i) => oneOf(C, `endpointTypes[${i}]`, t, ["REGIONAL", "PRIVATE", "EDGE"] as const));
    args.loggingLevels.forEach((l, i) => oneOf(C, `loggingLevels[${i}]`, l, ["ERROR", "INFO"] as const));
    if (!args.alarmTopicArns?.length) {
        throw new ComponentArgumentError(C, "alarmTopicArns", "must list at least one SNS topic: a non-compliance nobody hears of detects nothing");
    }
}

/** AWS Config managed rules on the platform's resources, optionally the recorder and Security Hub, and alerts on NON_COMPLIANT. */
export class DetectiveControls extends pulumi.ComponentResource {
    /** Config rule names by managed rule identifier. */
    public readonly ruleNames: pulumi.Output<Record<string, string>>;
    /** The EventBridge rule routing NON_COMPLIANT evaluations to the alarm topics. */
    public readonly complianceEventRule: aws.cloudwatch.EventRule;

    constructor(name: string, args: DetectiveControlsArgs, opts?: pulumi.ComponentResourceOptions) {
        validateDetectiveControlsArgs(args);
        super("secure-api:config:DetectiveControls", name, {}, opts);
        const parent = { parent: this };
        const recorderStatus = (args.recorder ?? "existing") === "create" ? this.createRecorder(name, args) : undefined;
        const rules = pulumi.output(args.kmsKeyArn).apply((arn) => detectiveRules(args, arn));
        const names: Record<string, pulumi.Output<string>> = {};
        for (const spec of detectiveRules(args, "(key)")) {
            const rule = new aws.cfg.Rule(
                `${name}-${spec.id.toLowerCase().replace(/_/g, "-")}`,
                {
                    description: `Platform detective control (AWS Config managed rule ${spec.id})`,
                    source: { owner: "AWS", sourceIdentifier: spec.id },
                    inputParameters: spec.params ? rules.apply((all) => JSON.stringify(all.find((r) => r.id === spec.id)!.params)) : undefined,
                    ...(spec.types
                        ? { scope: args.scopeTag ? { tagKey: args.scopeTag.key, tagValue: args.scopeTag.value } : { complianceResourceTypes: spec.types } }
                        : { maximumExecutionFrequency: "TwentyFour_Hours" }),
                    tags: args.tags,
                },
                { parent: this, dependsOn: recorderStatus ? [recorderStatus] : [] },
            );
            names[spec.id] = rule.name;
        }
        if ((args.securityHub ?? "existing") === "create") {
            const hub = new aws.securityhub.Account(`${name}-security-hub`, { enableDefaultStandards: false }, parent);
            const region = aws.getRegionOutput({}, parent);
            const partition = aws.getPartitionOutput({}, parent);
            new aws.securityhub.StandardsSubscription(
                `${name}-fsbp`,
                {
                    standardsArn: pulumi.interpolate`arn:${partition.partition}:securityhub:${region.region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
                },
                { parent: this, dependsOn: [hub] },
            );
        }
        this.complianceEventRule = new aws.cloudwatch.EventRule(
            `${name}-non-compliant`,
            {
                description: "AWS Config rule evaluations that became NON_COMPLIANT",
                eventPattern: pulumi.all(Object.values(names)).apply((ruleNames) =>
                    JSON.stringify({
                        source: ["aws.config"],
                        "detail-type": ["Config Rules Compliance Change"],
                        detail: { configRuleName: ruleNames, newEvaluationResult: { complianceType: ["NON_COMPLIANT"] } },
                    }),
                ),
                tags: args.tags,
            },
            parent,
        );
        args.alarmTopicArns.forEach(
            (arn, i) =>
                new aws.cloudwatch.EventTarget(
                    `${name}-non-compliant-${i}`,
                    {
                        rule: this.complianceEventRule.name,
                        arn,
                    },
                    parent,
                ),
        );
        this.ruleNames = pulumi.all(names);
        this.registerOutputs({ ruleNames: this.ruleNames });
    }

    /** Recorder (all supported types), delivery channel to a SecureBucket, role with AWS_ConfigRole; returns the recorder's status. */
    private createRecorder(name: string, args: DetectiveControlsArgs): aws.cfg.RecorderStatus {
        const parent = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, parent);
        const partition = aws.getPartitionOutput({}, parent);
        const role = new aws.iam.Role(
            `${name}-config-role`,
            {
                assumeRolePolicy: identity.accountId.apply((a) =>
                    JSON.stringify(assumeRolePolicy("config.amazonaws.com", { StringEquals: { "aws:SourceAccount": a } })),
                ),
                managedPolicyArns: [pulumi.interpolate`arn:${partition.partition}:iam::aws:policy/service-role/AWS_ConfigRole`],
                tags: args.tags,
            },
            parent,
        );
        // Delivery to the bucket (https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html).
        const bucket = new SecureBucket(
            `${name}-config-bucket`,
            {
                kmsKeyArn: args.kmsKeyArn,
                policyStatements: (bucketArn) =>
                    pulumi.all([identity.accountId, role.arn]).apply(([account, roleArn]) => [
                        {
                            Sid: "ConfigBucketCheck",
                            Effect: "Allow" as const,
                            Principal: { AWS: roleArn },
                            Action: ["s3:GetBucketAcl", "s3:ListBucket"],
                            Resource: bucketArn,
                        },
                        {
                            Sid: "ConfigDelivery",
                            Effect: "Allow" as const,
                            Principal: { AWS: roleArn },
                            Action: "s3:PutObject",
                            Resource: `${bucketArn}/AWSLogs/${account}/Config/*`,
                        },
                    ]),
                tags: args.tags,
            },
            parent,
        );
        // The bucket's objects are SSE-KMS with the platform key: the role needs to generate data keys with it, through S3 only.
        new aws.iam.RolePolicy(
            `${name}-config-kms`,
            {
                role: role.id,
                policy: pulumi.all([args.kmsKeyArn]).apply(([key]) =>
                    JSON.stringify(
                        document({
                            Sid: "EncryptConfigSnapshots",
                            Effect: "Allow",
                            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                            Resource: key,
                            Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
                        }),
                    ),
                ),
            },
            parent,
        );
        const recorder = new aws.cfg.Recorder(
            `${name}-recorder`,
            {
                roleArn: role.arn,
                recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
            },
            parent,
        );
        const channel = new aws.cfg.DeliveryChannel(
            `${name}-delivery`,
            {
                s3BucketName: bucket.bucketName,
                s3KmsKeyArn: args.kmsKeyArn,
            },
            { parent: this, dependsOn: [recorder, bucket] },
        );
        return new aws.cfg.RecorderStatus(`${name}-recorder-status`, { name: recorder.name, isEnabled: true }, { parent: this, dependsOn: [channel] });
    }
}
