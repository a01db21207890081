/**
 * Publishing a REST API: a deployment (redeployed whenever its
 * {@link DeploymentSnapshot} changes), the stage serving it with JSON access
 * logs to a KMS-encrypted group, a pre-created execution log group, X-Ray,
 * and method settings (stage-wide and per-route throttling, execution log
 * level, metrics, never data traces). Used by `RestApi` for the platform's
 * stage and by `ApiRoute` for an application team's own stage of the shared API.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ExecutionLogLevel } from "../../policy-pack/baseline";
import { EncryptedLogGroup } from "../observability/encrypted-log-group";
import { methodSettingsPath, slug } from "../shared/naming";
import { ThrottleSettings } from "../shared/throttle";
import { accessLogFormat } from "./access-log";
import { CanaryPhase, canaryPhase, CanarySettings } from "./canary";
import { DeploymentSnapshot } from "./deployment-trigger";

/** A per-method throttle on the stage. */
export interface MethodThrottle extends ThrottleSettings {
    /** HTTP method of the route. */
    method: string;
    /** Path of the route. */
    path: string;
}

/** What {@link RestStage} builds. */
export interface RestStageArgs {
    /** Prefix of every child's name. */
    name: string;
    /** Parent of every child. */
    parent: pulumi.Resource;
    /** The REST API. */
    restApiId: pulumi.Input<string>;
    /** Stage name. */
    stageName: string;
    /** Access log group name, e.g. `/aws/apigateway/<api>/<stage>/access`. */
    accessLogGroupName: pulumi.Input<string>;
    /** Retention of both log groups (already validated for the environment). */
    retentionInDays: number;
    /** KMS key of both log groups. */
    kmsKeyArn: pulumi.Input<string>;
    /** Stage-wide throttle. */
    throttle: ThrottleSettings;
    /** Per-method throttles. */
    methodThrottles: MethodThrottle[];
    /** Execution log level. */
    executionLevel: ExecutionLogLevel;
    /** X-Ray tracing. */
    xrayTracing: boolean;
    /** What the deployment snapshots, and the children it must wait for. */
    snapshot: DeploymentSnapshot;
    deploymentDependencies: pulumi.Resource[];
    /**
     * A canary release on the stage (see `canary.ts` for the phases).
     * @default undefined (no canary: one deployment that follows the API)
     */
    canary?: CanarySettings;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** The deployment, stage, log groups and method settings of one stage. */
export class RestStage {
    /** The deployment the stage serves; replaced whenever the snapshot's trigger changes. */
    readonly deployment: aws.apigateway.Deployment;
    /** The stage. */
    readonly stage: aws.apigateway.Stage;
    /** Client certificate the stage presents to HTTP backends, so they can reject requests that did not come through API Gateway. */
    readonly clientCertificate: aws.apigateway.ClientCertificate;
    /** Access log group (JSON lines in the {@link accessLogFormat}). */
    readonly accessLogs: EncryptedLogGroup;
    /** Execution log group `API-Gateway-Execution-Logs_<apiId>/<stage>`. */
    readonly executionLogs: EncryptedLogGroup;
    /** Stage-wide (`*\/*`) method settings. */
    readonly stageSettings: aws.apigateway.MethodSettings;
    /** Per-route method settings, by `METHOD path`. */
    readonly methodSettings: Map<string, aws.apigateway.MethodSettings> = new Map();
    /** The redeployment trigger. */
    readonly trigger: pulumi.Output<string>;
    /** The candidate deployment the canary serves, while a canary is tested. */
    readonly candidateDeployment?: aws.apigateway.Deployment;
    /** Canary phase from the config: none, testing, promote or rollback. */
    readonly canaryPhase: CanaryPhase;
    /** Canary execution log group `API-Gateway-Execution-Logs_<apiId>/<stage>/Canary`, while a canary block is configured. */
    readonly canaryExecutionLogs?: EncryptedLogGroup;
    /** Canary access log group: the access log group's name with `/Canary` appended, while a canary block is configured. */
    readonly canaryAccessLogs?: EncryptedLogGroup;

    constructor(args: RestStageArgs) {
        const { name, parent } = args;
        this.trigger = args.snapshot.trigger();
        this.canaryPhase = canaryPhase("RestStage", "canary", args.canary);
        const deployment = (n: string, pinned: boolean) =>
            new aws.apigateway.Deployment(
                n,
                {
                    restApi: args.restApiId,
                    description: this.trigger.apply((t) => `Routes ${t.slice(0, 12)}`),
                    triggers: { redeployment: this.trigger },
                },
                { parent, dependsOn: args.deploymentDependencies, ...(pinned ? { ignoreChanges: ["triggers", "description"] } : {}) },
            );
        // While a canary is tested or rolled back the stable deployment is pinned: it keeps the API it was created with.
        this.deployment = deployment(`${name}-deployment`, this.canaryPhase === "testing" || this.canaryPhase === "rollback");
        if (this.canaryPhase === "testing") {
            this.candidateDeployment = deployment(`${name}-canary-deployment`, false);
        }

        const logs = (suffix: string, logGroupName: pulumi.Input<string>) =>
            new EncryptedLogGroup(
                `${name}-${suffix}`,
                {
                    logGroupName,
                    retentionInDays: args.retentionInDays,
                    kmsKeyArn: args.kmsKeyArn,
                    tags: args.tags,
                },
                { parent },
            );
        this.accessLogs = logs("access-logs", args.accessLogGroupName);
        // API Gateway writes execution logs to this group; created here (not on first
        // write by API Gateway) so it is KMS-encrypted and expires like the access logs.
        this.executionLogs = logs("execution-logs", pulumi.interpolate`API-Gateway-Execution-Logs_${args.restApiId}/${args.stageName}`);
        if (this.canaryPhase !== "none") {
            // Canary requests also log to a canary-specific group (canary-release.html): pre-created for the same reasons.
            this.canaryExecutionLogs = logs("canary-execution-logs", pulumi.interpolate`API-Gateway-Execution-Logs_${args.restApiId}/${args.stageName}/Canary`);
            // "The canary release access log group name has the /Canary suffix appended to the selected log group name" (canary-release.html).
            this.canaryAccessLogs = logs("canary-access-logs", pulumi.interpolate`${args.accessLogGroupName}/Canary`);
        }
        const candidate = this.candidateDeployment;
        const canary = args.canary;

        this.clientCertificate = new aws.apigateway.ClientCertificate(
            `${name}-client-certificate`,
            { description: `Backend client certificate of ${name}`, tags: args.tags },
            { parent },
        );
        this.stage = new aws.apigateway.Stage(
            `${name}-stage`,
            {
                restApi: args.restApiId,
                deployment: this.deployment.id,
                stageName: args.stageName,
                clientCertificateId: this.clientCertificate.id,
                xrayTracingEnabled: args.xrayTracing,
                accessLogSettings: { destinationArn: this.accessLogs.logGroupArn, format: accessLogFormat() },
                // Absent (not an empty object) without a tested canary, so the provider removes the stage's canary.
                ...(candidate && canary
                    ? {
                          canarySettings: {
                              deploymentId: candidate.id,
                              percentTraffic: canary.percentTraffic,
                              stageVariableOverrides: canary.stageVariableOverrides ?? {},
                              useStageCache: canary.useStageCache ?? false,
                          },
                      }
                    : {}),
                tags: args.tags,
            },
            {
                parent,
                dependsOn: [this.executionLogs, ...[this.canaryExecutionLogs, this.canaryAccessLogs].filter((g): g is EncryptedLogGroup => g !== undefined)],
            },
        );

        const base = { loggingLevel: args.executionLevel, metricsEnabled: true, dataTraceEnabled: false };
        const settings = (n: string, methodPath: string, t: ThrottleSettings) =>
            new aws.apigateway.MethodSettings(
                n,
                {
                    restApi: args.restApiId,
                    stageName: this.stage.stageName,
                    methodPath,
                    settings: { ...base, throttlingRateLimit: t.rateLimit, throttlingBurstLimit: t.burstLimit },
                },
                { parent },
            );
        this.stageSettings = settings(`${name}-stage-settings`, "*/*", args.throttle);
        for (const t of args.methodThrottles) {
            this.methodSettings.set(`${t.method} ${t.path}`, settings(`${name}-settings-${slug(t.method, t.path)}`, methodSettingsPath(t.method, t.path), t));
        }
    }
}
