import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ApiEndpoint, ApiKind } from "../apigateway/endpoint";
import { ComponentArgumentError, intInRange, positive } from "../shared/validation";

/**
 * AWS/ApiGateway metric names per API kind. REST: `4XXError`, `5XXError`, `Latency`
 * ("Amazon API Gateway dimensions and metrics"); HTTP APIs: `4xx`, `5xx`, `Latency`
 * ("Working with metrics for HTTP APIs", https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html);
 * WebSocket APIs: `ClientError`, `ExecutionError`, and `IntegrationLatency` (they publish no `Latency`;
 * "Monitoring WebSocket API execution with CloudWatch metrics",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-logging.html).
 */
export const API_METRICS: Readonly<Record<ApiKind, { clientErrors: string; serverErrors: string; latency: string }>> = {
    REST: { clientErrors: "4XXError", serverErrors: "5XXError", latency: "Latency" },
    HTTP: { clientErrors: "4xx", serverErrors: "5xx", latency: "Latency" },
    WEBSOCKET: { clientErrors: "ClientError", serverErrors: "ExecutionError", latency: "IntegrationLatency" },
};

/** Thresholds of {@link ApiAlarms}. */
export interface ApiAlarmThresholds {
    /**
     * 4XX responses per 5 minutes before alarming.
     * @default 100
     */
    clientErrors?: number;
    /**
     * 5XX responses per 5 minutes before alarming.
     * @default 5
     */
    serverErrors?: number;
    /**
     * p99 latency in milliseconds before alarming.
     * @default 2000
     */
    latencyP99Ms?: number;
    /**
     * Throttled (429) responses per 5 minutes before alarming.
     * @default 50
     */
    throttledRequests?: number;
}

/** Thresholds and where alarms go: what a stack configures. */
export interface ApiAlarmSettings extends ApiAlarmThresholds {
    /**
     * SNS topic ARNs notified on alarm and recovery.
     * @default [] (alarms change state without notifying anyone)
     */
    alarmActions?: pulumi.Input<string>[];
}

/** Arguments of {@link ApiAlarms}. */
export interface ApiAlarmsArgs extends ApiAlarmSettings {
    /** The endpoint watched: its metric dimensions, and its access log group (429s are counted from it). */
    endpoint: Pick<ApiEndpoint, "metricDimensions" | "accessLogGroupName"> & Partial<Pick<ApiEndpoint, "kind">>;
    /** Name used in the throttled-requests metric (`<metricPrefix>-throttled`), usually the API name. */
    metricPrefix: string;
    /**
     * Also watch the stage's canary: its 5XX errors and p99 latency, separately (API Gateway publishes
     * canary metrics with the `Stage` dimension `<stage>/Canary`; see `apigateway/canary.ts`). REST only:
     * API Gateway has no canary releases on HTTP or WebSocket stages.
     * @default false
     */
    canary?: boolean;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates thresholds and fills in defaults. */
export function validateAlarmThresholds(args: ApiAlarmThresholds): Required<ApiAlarmThresholds> {
    const C = "ApiAlarms";
    return {
        clientErrors: intInRange(C, "clientErrors", args.clientErrors ?? 100, 1, 10_000_000),
        serverErrors: intInRange(C, "serverErrors", args.serverErrors ?? 5, 1, 10_000_000),
        latencyP99Ms: positive(C, "latencyP99Ms", args.latencyP99Ms ?? 2000),
        throttledRequests: intInRange(C, "throttledRequests", args.throttledRequests ?? 50, 1, 10_000_000),
    };
}

/**
 * CloudWatch alarms on a stage: 4XX and 5XX counts, p99 latency, and
 * throttled requests (a metric filter on the access log's status 429).
 */
export class ApiAlarms extends pulumi.ComponentResource {
    /** The alarms by kind: `4xx`, `5xx`, `latency`, `throttled`. */
    public readonly alarms: Record<"4xx" | "5xx" | "latency" | "throttled", aws.cloudwatch.MetricAlarm>;
    /** WebSocket endpoints: errors of the backends (`IntegrationError`). */
    public readonly integrationErrorAlarm?: aws.cloudwatch.MetricAlarm;
    /** The canary's alarms (`5xx`, `latency`), when `canary` is true. */
    public readonly canaryAlarms?: Record<"5xx" | "latency", aws.cloudwatch.MetricAlarm>;
    /** Alarm names by kind. */
    public readonly alarmNames: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ApiAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        const { clientErrors, serverErrors, latencyP99Ms: latency, throttledRequests: throttled } = validateAlarmThresholds(args);
        const kind = args.endpoint.kind ?? "REST";
        if (args.canary === true && kind !== "REST") {
            throw new ComponentArgumentError(
                "ApiAlarms",
                "canary",
                `is only supported for REST endpoints (got a ${kind} endpoint: API Gateway has no canary releases on v2 stages)`,
            );
        }
        const metrics = API_METRICS[kind];
        super("secure-api:observability:ApiAlarms", name, {}, opts);
        const parent = { parent: this };
        const namespace = "SecureApi";
        const metricName = `${args.metricPrefix}-throttled`;
        new aws.cloudwatch.LogMetricFilter(
            `${name}-throttled`,
            {
                logGroupName: args.endpoint.accessLogGroupName,
                // The access log quotes every value (components/apigateway/access-log.ts), so status is the string "429".
                pattern: '{ $.status = "429" }',
                metricTransformation: { name: metricName, namespace, value: "1", defaultValue: "0" },
            },
            parent,
        );
        const dimensions = args.endpoint.metricDimensions;
        const common = {
            period: 300,
            evaluationPeriods: 1,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: args.alarmActions,
            okActions: args.alarmActions,
            tags: args.tags,
        };
        const alarms = {
            "4xx": new aws.cloudwatch.MetricAlarm(
                `${name}-4xx`,
                {
                    ...common,
                    namespace: "AWS/ApiGateway",
                    metricName: metrics.clientErrors,
                    statistic: "Sum",
                    threshold: clientErrors,
                    dimensions,
                    alarmDescription: `More than ${clientErrors} client errors in 5 minutes (auth failures, validation, WAF blocks)`,
                },
                parent,
            ),
            "5xx": new aws.cloudwatch.MetricAlarm(
                `${name}-5xx`,
                {
                    ...common,
                    namespace: "AWS/ApiGateway",
                    metricName: metrics.serverErrors,
                    statistic: "Sum",
                    threshold: serverErrors,
                    dimensions,
                    alarmDescription: `More than ${serverErrors} server errors in 5 minutes`,
                },
                parent,
            ),
            latency: new aws.cloudwatch.MetricAlarm(
                `${name}-latency-p99`,
                {
                    ...common,
                    namespace: "AWS/ApiGateway",
                    metricName: metrics.latency,
                    extendedStatistic: "p99",
                    threshold: latency,
                    dimensions,
                    evaluationPeriods: 3,
                    datapointsToAlarm: 2,
                    alarmDescription: `p99 latency above ${latency} ms`,
                },
                parent,
            ),
            throttled: new aws.cloudwatch.MetricAlarm(
                `${name}-throttled`,
                {
                    ...common,
                    namespace,
                    metricName,
                    statistic: "Sum",
                    threshold: throttled,
                    alarmDescription: `More than ${throttled} throttled (429) requests in 5 minutes`,
                },
                parent,
            ),
        };
        this.alarms = alarms;
        const named: Record<string, pulumi.Output<string>> = Object.fromEntries(Object.entries(alarms).map(([k, a]) => [k, a.name]));
        if (kind === "WEBSOCKET") {
            this.integrationErrorAlarm = new aws.cloudwatch.MetricAlarm(
                `${name}-integration-errors`,
                {
                    ...common,
                    namespace: "AWS/ApiGateway",
                    metricName: "IntegrationError",
                    statistic: "Sum",
                    threshold: serverErrors,
                    dimensions,
                    alarmDescription: `More than ${serverErrors} integration (backend) errors in 5 minutes`,
                },
                parent,
            );
            named["integration-errors"] = this.integrationErrorAlarm.name;
        }
        if (args.canary === true) {
            const canaryDimensions = dimensions.apply((d): Record<string, string> => ({ ...d, Stage: `${d.Stage}/Canary` }));
            this.canaryAlarms = {
                "5xx": new aws.cloudwatch.MetricAlarm(
                    `${name}-canary-5xx`,
                    {
                        ...common,
                        namespace: "AWS/ApiGateway",
                        metricName: "5XXError",
                        statistic: "Sum",
                        threshold: serverErrors,
                        dimensions: canaryDimensions,
                        alarmDescription: `Canary: more than ${serverErrors} server errors in 5 minutes (roll back: canary.rollback)`,
                    },
                    parent,
                ),
                latency: new aws.cloudwatch.MetricAlarm(
                    `${name}-canary-latency-p99`,
                    {
                        ...common,
                        namespace: "AWS/ApiGateway",
                        metricName: "Latency",
                        extendedStatistic: "p99",
                        threshold: latency,
                        dimensions: canaryDimensions,
                        evaluationPeriods: 3,
                        datapointsToAlarm: 2,
                        alarmDescription: `Canary: p99 latency above ${latency} ms (roll back: canary.rollback)`,
                    },
                    parent,
                ),
            };
            named["canary-5xx"] = this.canaryAlarms["5xx"].name;
            named["canary-latency"] = this.canaryAlarms.latency.name;
        }
        this.alarmNames = pulumi.all(named);
        this.registerOutputs({ alarmNames: this.alarmNames });
    }
}
