/**
 * ApiAlarms against literal expected values (the alarms AWS would create), per API kind, with the
 * canary alarms, the throttled-requests metric filter, and each argument's exact error.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ApiAlarms } from "../../../components";
import type { ApiKind } from "../../../components/apigateway/endpoint";
import { assertRejectsBeforeCreating, Plan, runProgram } from "../../harness";

const SNS = "arn:aws:sns:us-east-1:123456789012:oncall";

function endpoint(kind?: ApiKind) {
    return {
        ...(kind === undefined ? {} : { kind }),
        metricDimensions: pulumi.output({ ApiName: "orders", Stage: "prod" } as Record<string, string>),
        accessLogGroupName: pulumi.output("/aws/apigateway/orders"),
    };
}

/** Every alarm's inputs by resource name. */
function alarmsOf(plan: Plan): Record<string, Record<string, unknown>> {
    return Object.fromEntries(plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => [a.name, a.props]));
}

/** The inputs every alarm shares, written out. */
const COMMON = {
    period: 300,
    comparisonOperator: "GreaterThanThreshold",
    treatMissingData: "notBreaching",
    alarmActions: [SNS],
    okActions: [SNS],
    tags: { team: "orders" },
};
const DIMENSIONS = { ApiName: "orders", Stage: "prod" };

describe("ApiAlarms", () => {
    it("on a REST stage: 4XXError, 5XXError, p99 Latency and 429s, with the default thresholds written out", async () => {
        const plan = await runProgram(() => {
            const alarms = new ApiAlarms("alarms", { endpoint: endpoint(), metricPrefix: "orders", alarmActions: [SNS], tags: { team: "orders" } });
            return { names: alarms.alarmNames };
        });
        assert.deepStrictEqual(alarmsOf(plan), {
            "alarms-4xx": {
                ...COMMON,
                evaluationPeriods: 1,
                namespace: "AWS/ApiGateway",
                metricName: "4XXError",
                statistic: "Sum",
                threshold: 100,
                dimensions: DIMENSIONS,
                alarmDescription: "More than 100 client errors in 5 minutes (auth failures, validation, WAF blocks)",
            },
            "alarms-5xx": {
                ...COMMON,
                evaluationPeriods: 1,
                namespace: "AWS/ApiGateway",
                metricName: "5XXError",
                statistic: "Sum",
                threshold: 5,
                dimensions: DIMENSIONS,
                alarmDescription: "More than 5 server errors in 5 minutes",
            },
            "alarms-latency-p99": {
                ...COMMON,
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
                namespace: "AWS/ApiGateway",
                metricName: "Latency",
                extendedStatistic: "p99",
                threshold: 2000,
                dimensions: DIMENSIONS,
                alarmDescription: "p99 latency above 2000 ms",
            },
            "alarms-throttled": {
                ...COMMON,
                evaluationPeriods: 1,
                namespace: "SecureApi",
                metricName: "orders-throttled",
                statistic: "Sum",
                threshold: 50,
                alarmDescription: "More than 50 throttled (429) requests in 5 minutes",
            },
        });
        assert.deepStrictEqual(plan.one("aws:cloudwatch/logMetricFilter:LogMetricFilter", "alarms-throttled").props, {
            logGroupName: "/aws/apigateway/orders",
            pattern: '{ $.status = "429" }',
            metricTransformation: { name: "orders-throttled", namespace: "SecureApi", value: "1", defaultValue: "0" },
        });
        const component = plan.one("secure-api:observability:ApiAlarms").urn;
        assert.deepStrictEqual(
            plan
                .childrenOf(component)
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            [
                "aws:cloudwatch/logMetricFilter:LogMetricFilter alarms-throttled",
                "aws:cloudwatch/metricAlarm:MetricAlarm alarms-4xx",
                "aws:cloudwatch/metricAlarm:MetricAlarm alarms-5xx",
                "aws:cloudwatch/metricAlarm:MetricAlarm alarms-latency-p99",
                "aws:cloudwatch/metricAlarm:MetricAlarm alarms-throttled",
            ],
        );
        assert.deepStrictEqual(Object.keys(plan.outputs.names.value as object), ["4xx", "5xx", "latency", "throttled"]);
    });

    it("on an HTTP stage uses the v2 metric names 4xx, 5xx and Latency", async () => {
        const plan = await runProgram(() => new ApiAlarms("alarms", { endpoint: endpoint("HTTP"), metricPrefix: "orders" }));
        const alarms = alarmsOf(plan);
        assert.deepStrictEqual(
            ["alarms-4xx", "alarms-5xx", "alarms-latency-p99"].map((n) => alarms[n].metricName),
            ["4xx", "5xx", "Latency"],
        );
        assert.strictEqual(alarms["alarms-integration-errors"], undefined);
    });

    it("on a WebSocket stage uses ClientError, ExecutionError and IntegrationLatency, and watches IntegrationError", async () => {
        const plan = await runProgram(() => {
            const alarms = new ApiAlarms("alarms", { endpoint: endpoint("WEBSOCKET"), metricPrefix: "chat", serverErrors: 7, alarmActions: [SNS] });
            return { names: alarms.alarmNames };
        });
        const alarms = alarmsOf(plan);
        assert.deepStrictEqual(
            ["alarms-4xx", "alarms-5xx", "alarms-latency-p99"].map((n) => alarms[n].metricName),
            ["ClientError", "ExecutionError", "IntegrationLatency"],
        );
        assert.deepStrictEqual(alarms["alarms-integration-errors"], {
            period: 300,
            evaluationPeriods: 1,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
            alarmActions: [SNS],
            okActions: [SNS],
            namespace: "AWS/ApiGateway",
            metricName: "IntegrationError",
            statistic: "Sum",
            threshold: 7,
            dimensions: DIMENSIONS,
            alarmDescription: "More than 7 integration (backend) errors in 5 minutes",
        });
        assert.deepStrictEqual(Object.keys(plan.outputs.names.value as object), ["4xx", "5xx", "latency", "throttled", "integration-errors"]);
    });

    it("with canary: true watches the canary's 5XXError and p99 Latency on the <stage>/Canary dimension", async () => {
        const plan = await runProgram(() => {
            const alarms = new ApiAlarms("alarms", { endpoint: endpoint("REST"), metricPrefix: "orders", canary: true, serverErrors: 3, latencyP99Ms: 900 });
            return { names: alarms.alarmNames };
        });
        const alarms = alarmsOf(plan);
        const shared = { period: 300, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching", namespace: "AWS/ApiGateway" };
        assert.deepStrictEqual(alarms["alarms-canary-5xx"], {
            ...shared,
            evaluationPeriods: 1,
            metricName: "5XXError",
            statistic: "Sum",
            threshold: 3,
            dimensions: { ApiName: "orders", Stage: "prod/Canary" },
            alarmDescription: "Canary: more than 3 server errors in 5 minutes (roll back: canary.rollback)",
        });
        assert.deepStrictEqual(alarms["alarms-canary-latency-p99"], {
            ...shared,
            evaluationPeriods: 3,
            datapointsToAlarm: 2,
            metricName: "Latency",
            extendedStatistic: "p99",
            threshold: 900,
            dimensions: { ApiName: "orders", Stage: "prod/Canary" },
            alarmDescription: "Canary: p99 latency above 900 ms (roll back: canary.rollback)",
        });
        // The live stage's alarms keep the live dimension.
        assert.deepStrictEqual(alarms["alarms-5xx"].dimensions, DIMENSIONS);
        assert.deepStrictEqual(Object.keys(plan.outputs.names.value as object), ["4xx", "5xx", "latency", "throttled", "canary-5xx", "canary-latency"]);
    });

    it("without canary (or canary: false) creates no canary alarm", async () => {
        for (const canary of [undefined, false]) {
            const plan = await runProgram(() => new ApiAlarms("alarms", { endpoint: endpoint(), metricPrefix: "orders", canary }));
            assert.deepStrictEqual(Object.keys(alarmsOf(plan)).sort(), ["alarms-4xx", "alarms-5xx", "alarms-latency-p99", "alarms-throttled"]);
        }
    });

    it("rejects canary on a v2 stage, and each threshold out of range, naming the argument", async () => {
        for (const kind of ["HTTP", "WEBSOCKET"] as const) {
            const error = await assertRejectsBeforeCreating(() => new ApiAlarms("bad", { endpoint: endpoint(kind), metricPrefix: "o", canary: true }));
            assert.strictEqual(
                error.message,
                `ApiAlarms: canary is only supported for REST endpoints (got a ${kind} endpoint: API Gateway has no canary releases on v2 stages)`,
            );
        }
        const cases: [Record<string, number>, string][] = [
            [{ clientErrors: 0 }, "ApiAlarms: clientErrors must be an integer from 1 to 10000000 (got 0)"],
            [{ serverErrors: 10_000_001 }, "ApiAlarms: serverErrors must be an integer from 1 to 10000000 (got 10000001)"],
            [{ latencyP99Ms: 0 }, "ApiAlarms: latencyP99Ms must be a number above 0 (got 0)"],
            [{ throttledRequests: 1.5 }, "ApiAlarms: throttledRequests must be an integer from 1 to 10000000 (got 1.5)"],
        ];
        for (const [thresholds, message] of cases) {
            const error = await assertRejectsBeforeCreating(() => new ApiAlarms("bad", { endpoint: endpoint(), metricPrefix: "o", ...thresholds }));
            assert.strictEqual(error.message, message);
        }
    });
});
