/** Arguments of {@link RestApi} and their validation, shared with the components that wrap it. */
import { canaryPhase, CanarySettings } from "./canary";
import * as pulumi from "@pulumi/pulumi";
import { API_NAME, AuthKind, ENVIRONMENTS, EXECUTION_LOG_LEVELS, ExecutionLogLevel, STAGE_NAME } from "../../policy-pack/baseline";
import { LambdaAuthorizerSettings, lambdaAuthorizerIdentitySource } from "../auth/lambda-authorizer";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError, Environment, logRetention, matches, oneOf } from "../shared/validation";
import { CorsArgs, validateCors } from "./cors";
import { RouteArgs, validateRoutes } from "./routes";

export { EXECUTION_LOG_LEVELS, ExecutionLogLevel };

/** Authorizers an API offers its routes. AWS_IAM (`auth: "iam"`) needs none and is always available. */
export interface AuthorizersArgs {
    /**
     * Accept JWTs from these Cognito user pools (routes with `auth: "cognito"`).
     * @default undefined (no Cognito authorizer; `cognito` routes are refused)
     */
    cognito?: { userPoolArns: pulumi.Input<string>[] };
    /**
     * A Lambda authorizer (routes with `auth: "lambda"`).
     * @default undefined (no Lambda authorizer; `lambda` routes are refused)
     */
    lambda?: LambdaAuthorizerSettings;
}

/** Log retention and execution log level of a stage: what a stack configures. */
export interface LoggingSettings {
    /** Access and execution log retention in days: a CloudWatch value the environment allows (dev: 14+, prod: 365+). */
    retentionInDays: number;
    /**
     * Execution log level: INFO (all requests) or ERROR (failures only), from `EXECUTION_LOG_LEVELS`.
     * @default "ERROR"
     */
    executionLevel?: ExecutionLogLevel;
}

/** Stage logging settings, with the key that encrypts the logs. */
export interface StageLoggingArgs extends LoggingSettings {
    /** KMS key ARN encrypting the access and execution log groups. */
    kmsKeyArn: pulumi.Input<string>;
}

/** What every REST API flavour (public, private) takes. */
export interface RestApiBaseArgs {
    /** Environment: decides the allowed log retention, CORS origins (no wildcard or localhost in prod). */
    environment: Environment;
    /** Name of the API in API Gateway (`API_NAME`: 1-128 letters, digits, spaces, _ or -). */
    apiName: string;
    /**
     * Description shown in API Gateway.
     * @default undefined
     */
    description?: string;
    /** Stage name, e.g. `dev` or `prod` (`STAGE_NAME`: letters, digits, _ and -). */
    stageName: string;
    /** The route table. */
    routes: RouteArgs[];
    /**
     * Authorizers the routes may use.
     * @default {} (only `iam` and `none` routes)
     */
    authorizers?: AuthorizersArgs;
    /**
     * CORS for browser clients.
     * @default undefined (no CORS headers or preflights at all)
     */
    cors?: CorsArgs;
    /** Stage-wide throttling for every method. */
    throttle: ThrottleSettings;
    /** Access/execution logging. */
    logging: StageLoggingArgs;
    /**
     * X-Ray tracing on the stage.
     * @default true
     */
    xrayTracing?: boolean;
    /**
     * Disable the default execute-api endpoint (set when a custom domain fronts the API).
     * @default false
     */
    disableExecuteApiEndpoint?: boolean;
    /**
     * A canary release on the stage (`canary.ts`: testing, promote, rollback).
     * @default undefined (no canary)
     */
    canary?: CanarySettings;
    /**
     * Tags for taggable resources.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Arguments of {@link RestApi}. */
export interface RestApiArgs extends RestApiBaseArgs {
    /** REGIONAL for public APIs, PRIVATE for APIs reachable only through VPC endpoints. */
    endpointType: "REGIONAL" | "PRIVATE";
    /**
     * VPC endpoints a PRIVATE API is reachable through.
     * @default undefined (required for PRIVATE)
     */
    vpcEndpointIds?: pulumi.Input<string>[];
    /**
     * Resource policy document (JSON).
     * @default undefined (required for PRIVATE)
     */
    policy?: pulumi.Input<string>;
}

/** What validation derives from the args. */
export interface ValidatedRestApiArgs {
    /** The execution log level, defaulted. */
    executionLevel: ExecutionLogLevel;
    /**
     * CORS with every default filled in.
     * @default undefined (no CORS)
     */
    cors?: Required<CorsArgs>;
}

/**
 * Checks every argument of a REST API except the PRIVATE endpoint wiring (which
 * the private API component creates). Components that wrap RestApi call it
 * before creating anything, so bad input never leaves resources half-created.
 */
export function validateRestApiArgs(args: RestApiBaseArgs & Pick<RestApiArgs, "endpointType">): ValidatedRestApiArgs {
    const C = "RestApi";
    validateApiIdentity(C, args);
    validateRoutes(C, args.routes, validateAuthorizers(C, args.authorizers));
    return validatePublishing(C, args);
}

/** What a REST API is published with, whatever defines its routes (a route table or an OpenAPI document). */
export type StageArgs = Pick<RestApiBaseArgs, "environment" | "apiName" | "stageName" | "canary" | "throttle" | "logging" | "cors"> &
    Pick<RestApiArgs, "endpointType">;

/** Checks the environment, endpoint type, API and stage names and the canary. */
export function validateApiIdentity(C: string, args: StageArgs): void {
    oneOf(C, "environment", args.environment, ENVIRONMENTS);
    oneOf(C, "endpointType", args.endpointType, ["REGIONAL", "PRIVATE"] as const);
    matches(C, "apiName", args.apiName, API_NAME.pattern, API_NAME.expected);
    matches(C, "stageName", args.stageName, STAGE_NAME.pattern, STAGE_NAME.expected);
    canaryPhase(C, "canary", args.canary);
}

/** Checks the throttle, CORS and logging; returns the execution log level and CORS, defaulted. */
export function validatePublishing(C: string, args: StageArgs): ValidatedRestApiArgs {
    if (!args.throttle) {
        throw new ComponentArgumentError(C, "throttle", "is required (rateLimit and burstLimit for the whole stage)");
    }
    validateThrottle(C, "throttle", args.throttle);
    const cors = args.cors ? validateCors(C, args.cors, args.environment) : undefined;
    if (!args.logging) {
        throw new ComponentArgumentError(C, "logging", "is required (retentionInDays and kmsKeyArn)");
    }
    logRetention(C, "logging.retentionInDays", args.logging.retentionInDays, args.environment);
    const executionLevel = oneOf(C, "logging.executionLevel", args.logging.executionLevel ?? "ERROR", EXECUTION_LOG_LEVELS);
    return { executionLevel, cors };
}

/** Checks the authorizers; returns the auth kinds routes may use (`iam` always). */
export function validateAuthorizers(C: string, authorizers: AuthorizersArgs | undefined): Set<AuthKind> {
    const available = new Set<AuthKind>(["iam"]);
    if (authorizers?.cognito) {
        if (!authorizers.cognito.userPoolArns?.length) {
            throw new ComponentArgumentError(C, "authorizers.cognito.userPoolArns", "must list at least one user pool ARN");
        }
        available.add("cognito");
    }
    if (authorizers?.lambda) {
        lambdaAuthorizerIdentitySource(`${C} authorizers.lambda`, authorizers.lambda);
        available.add("lambda");
    }
    return available;
}
