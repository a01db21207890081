/** Rules on API Gateway methods, stages, authorizers and request validation. */
import type { PolicyResource } from "@pulumi/policy";
import { asNumber, asRecord, asString, describe, ofType, refersTo, resourceRule, stackRule, TYPES } from "./util";

export const methodAuthorization = resourceRule({
    name: "apigw-method-requires-authorization",
    description: "API Gateway methods must use an authorizer (Cognito, Lambda or AWS_IAM), except OPTIONS preflights and allow-listed methods.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set authorization to COGNITO_USER_POOLS, CUSTOM or AWS_IAM, or add the method's resource name to allowedAnonymousMethods.",
    configSchema: {
        properties: {
            allowedAnonymousMethods: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Pulumi resource names of methods that are intentionally anonymous (e.g. a health check).",
            },
        },
    },
    types: [TYPES.method],
    validate: (props, args, report) => {
        const authorization = (asString(props.authorization) ?? "NONE").toUpperCase();
        const httpMethod = (asString(props.httpMethod) ?? "").toUpperCase();
        const { allowedAnonymousMethods } = args.getConfig<{ allowedAnonymousMethods: string[] }>();
        if (authorization === "NONE" && httpMethod !== "OPTIONS" && !allowedAnonymousMethods.includes(args.name)) {
            report(`Method "${args.name}" (${httpMethod || "?"}) has authorization NONE, so anyone who can reach the API can call it. ` +
                `Use COGNITO_USER_POOLS, CUSTOM (Lambda authorizer) or AWS_IAM, or list "${args.name}" in allowedAnonymousMethods if it is meant to be public.`);
        }
    },
});

export const REQUIRED_ACCESS_LOG_FIELDS = ["$context.requestId", "$context.identity.sourceIp", "$context.status"];

export const stageAccessLogging = resourceRule({
    name: "apigw-stage-access-logging",
    description: "API Gateway stages must write access logs, in a format that includes the request id, source IP and status.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set accessLogSettings.destinationArn to a CloudWatch log group ARN and a JSON format with $context.requestId, $context.identity.sourceIp and $context.status.",
    types: [TYPES.stage],
    validate: (props, args, report) => {
        const settings = asRecord(props.accessLogSettings);
        if (!asString(settings.destinationArn)) {
            report(`Stage "${args.name}" has no access log settings, so requests to it leave no trace. Set accessLogSettings with a CloudWatch log group destinationArn and a JSON format.`);
            return;
        }
        const format = asString(settings.format) ?? "";
        const missing = REQUIRED_ACCESS_LOG_FIELDS.filter((f) => !format.includes(f));
        if (missing.length > 0) {
            report(`Stage "${args.name}" access log format lacks ${missing.join(", ")}; add them so each request can be traced to a caller.`);
        }
    },
});

export const stageXrayTracing = resourceRule({
    name: "apigw-stage-xray-tracing",
    description: "API Gateway stages should enable X-Ray tracing.",
    enforcementLevel: "advisory",
    remediationSteps: "Set xrayTracingEnabled: true on the stage.",
    types: [TYPES.stage],
    validate: (props, args, report) => {
        if (props.xrayTracingEnabled !== true) {
            report(`Stage "${args.name}" does not enable X-Ray tracing; set xrayTracingEnabled: true to trace requests end to end.`);
        }
    },
});

export const methodSettingsThrottling = resourceRule({
    name: "apigw-method-settings-throttling",
    description: "Method settings must not disable throttling (rate and burst limits above zero) and must not log full request bodies.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set settings.throttlingRateLimit and settings.throttlingBurstLimit above 0, and dataTraceEnabled: false.",
    types: [TYPES.methodSettings],
    validate: (props, args, report) => {
        const settings = asRecord(props.settings);
        const rate = asNumber(settings.throttlingRateLimit);
        const burst = asNumber(settings.throttlingBurstLimit);
        if (rate === undefined || burst === undefined || rate <= 0 || burst <= 0) {
            report(`Method settings "${args.name}" (${asString(props.methodPath) ?? "?"}) leave throttling unset or unlimited (rate ${rate ?? "unset"}, burst ${burst ?? "unset"}). ` +
                "Set settings.throttlingRateLimit and settings.throttlingBurstLimit to positive limits.");
        }
        if (settings.dataTraceEnabled === true) {
            report(`Method settings "${args.name}" enable dataTraceEnabled, which writes full request and response bodies (tokens, personal data) to CloudWatch. Set dataTraceEnabled: false.`);
        }
    },
});

/** True when method settings belong to the stage: by dependency, or same API id and stage name. */
export function appliesToStage(settings: PolicyResource, stage: PolicyResource): boolean {
    if (refersTo(settings, "stageName", stage, [])) {
        return true;
    }
    const { stageName, restApi } = settings.props;
    return stageName !== undefined && stageName === stage.props.stageName && restApi !== undefined && restApi === stage.props.restApi;
}

export const stageThrottling = stackRule({
    name: "apigw-stage-throttling",
    description: "Every API Gateway stage must have stage-wide (*/*) method settings with throttling limits.",
    enforcementLevel: "mandatory",
    remediationSteps: "Add aws.apigateway.MethodSettings with methodPath \"*/*\" and throttling rate and burst limits for the stage.",
    validate: (args, report) => {
        const settings = ofType(args.resources, TYPES.methodSettings);
        for (const stage of ofType(args.resources, TYPES.stage)) {
            const covered = settings.some((s) =>
                asString(s.props.methodPath) === "*/*" &&
                appliesToStage(s, stage) &&
                (asNumber(asRecord(s.props.settings).throttlingRateLimit) ?? 0) > 0 &&
                (asNumber(asRecord(s.props.settings).throttlingBurstLimit) ?? 0) > 0);
            if (!covered) {
                report(`${describe(stage)} has no stage-wide throttling, so one client can exhaust the account's API Gateway limits. ` +
                    "Add MethodSettings with methodPath \"*/*\" and positive throttlingRateLimit and throttlingBurstLimit for this stage.", stage.urn);
            }
        }
    },
});

export const executionLogging = resourceRule({
    name: "apigw-execution-logging",
    description: "Stage-wide method settings should enable execution logging (INFO or ERROR) and metrics.",
    enforcementLevel: "advisory",
    remediationSteps: "Set settings.loggingLevel to INFO or ERROR and settings.metricsEnabled: true.",
    types: [TYPES.methodSettings],
    validate: (props, args, report) => {
        if (asString(props.methodPath) !== "*/*") {
            return;
        }
        const settings = asRecord(props.settings);
        const level = (asString(settings.loggingLevel) ?? "OFF").toUpperCase();
        if (level !== "INFO" && level !== "ERROR") {
            report(`Method settings "${args.name}" leave execution logging ${level}; set settings.loggingLevel to INFO or ERROR to diagnose authorizer and integration failures.`);
        }
        if (settings.metricsEnabled !== true) {
            report(`Method settings "${args.name}" do not enable detailed CloudWatch metrics; set settings.metricsEnabled: true so alarms see per-method data.`);
        }
    },
});

export const authorizerCacheTtl = resourceRule({
    name: "apigw-authorizer-cache-ttl",
    description: "Lambda authorizers must not cache results longer than the configured maximum (3600 s by default).",
    enforcementLevel: "mandatory",
    remediationSteps: "Set authorizerResultTtlInSeconds between 0 and maxTtlSeconds.",
    configSchema: {
        properties: {
            maxTtlSeconds: { type: "integer", minimum: 0, maximum: 3600, default: 3600, description: "Largest allowed authorizer result cache TTL." },
        },
    },
    types: [TYPES.authorizer],
    validate: (props, args, report) => {
        const type = (asString(props.type) ?? "TOKEN").toUpperCase();
        if (type === "COGNITO_USER_POOLS") {
            return;
        }
        const { maxTtlSeconds } = args.getConfig<{ maxTtlSeconds: number }>();
        // API Gateway caches for 300 s when the TTL is not set.
        const ttl = asNumber(props.authorizerResultTtlInSeconds) ?? 300;
        if (ttl > maxTtlSeconds || ttl < 0) {
            report(`Authorizer "${args.name}" caches its decision for ${ttl} s, longer than the allowed ${maxTtlSeconds} s: a revoked token keeps working that long. ` +
                `Set authorizerResultTtlInSeconds to at most ${maxTtlSeconds}.`);
        }
    },
});

export const requestValidation = resourceRule({
    name: "apigw-request-validation",
    description: "Methods that declare request models should validate requests against them.",
    enforcementLevel: "advisory",
    remediationSteps: "Create an aws.apigateway.RequestValidator with validateRequestBody: true and set requestValidatorId on the method.",
    types: [TYPES.method],
    validate: (props, args, report) => {
        const models = Object.keys(asRecord(props.requestModels));
        if (models.length > 0 && !asString(props.requestValidatorId)) {
            report(`Method "${args.name}" declares request models (${models.join(", ")}) but no request validator, so invalid bodies reach the backend. Set requestValidatorId.`);
        }
    },
});
