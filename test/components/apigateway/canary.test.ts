import * as assert from "assert";
import { Plan, runStack } from "../../harness";
import { parsePlatformConfig } from "../../../stacks/config";
import { ProgramError } from "../../../policy-pack/gate/runtime";
import { platformProgram } from "../../../stacks/program";
import { runProgram, stackConfig } from "../../harness";

const STAGE = "aws:apigateway/stage:Stage";
const DEPLOYMENT = "aws:apigateway/deployment:Deployment";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/** The deployments of the platform's route-built REST API (dev also has an OpenAPI-defined one, without a canary). */
const deployments = (plan: Plan) =>
    plan
        .ofType(DEPLOYMENT)
        .map((d) => d.name)
        .filter((n) => n.startsWith("orders-dev-"))
        .sort();

describe("canary releases (stack config)", () => {
    const plans: Record<string, Plan> = {};
    before(async () => {
        plans.none = await runStack("dev");
        plans.testing = await runStack("dev", { canary: { percentTraffic: 10, stageVariableOverrides: { backend: "v2" } } });
        plans.promote = await runStack("dev", { canary: { percentTraffic: 10, promote: true } });
        plans.rollback = await runStack("dev", { canary: { percentTraffic: 10, rollback: true } });
    });

    it("without a canary: one deployment, and no canarySettings input at all", () => {
        assert.deepStrictEqual(deployments(plans.none), ["orders-dev-deployment"]);
        assert.ok(!("canarySettings" in plans.none.props(STAGE, "orders-dev-stage")), "canarySettings is absent");
        assert.strictEqual(plans.none.ofType(ALARM).filter((a) => a.name.includes("canary")).length, 0);
    });

    it("testing: the stage serves the pinned stable deployment, the canary the candidate, with the configured traffic", () => {
        const plan = plans.testing;
        assert.deepStrictEqual(deployments(plan), ["orders-dev-canary-deployment", "orders-dev-deployment"]);
        const stage = plan.one(STAGE, "orders-dev-stage");
        const stable = plan.one(DEPLOYMENT, "orders-dev-deployment");
        const candidate = plan.one(DEPLOYMENT, "orders-dev-canary-deployment");
        assert.ok(stage.propertyDependencies.deployment.includes(stable.urn));
        assert.ok(stage.propertyDependencies.canarySettings.includes(candidate.urn));
        const canary = stage.props.canarySettings as Record<string, unknown>;
        assert.deepStrictEqual(
            { ...canary, deploymentId: undefined },
            { deploymentId: undefined, percentTraffic: 10, stageVariableOverrides: { backend: "v2" }, useStageCache: false },
        );
        // Same tracing, access logs and (stage-wide) method settings for the canary: there is only one stage.
        assert.strictEqual(stage.props.xrayTracingEnabled, true);
        assert.strictEqual(
            plan.ofType("aws:apigateway/methodSettings:MethodSettings").length,
            plans.none.ofType("aws:apigateway/methodSettings:MethodSettings").length,
        );
        assert.ok(
            plan
                .ofType(LOG_GROUP)
                .some((g) => /API-Gateway-Execution-Logs_.+\/dev\/Canary$/.test(String(g.props.name)) && g.props.kmsKeyId && g.props.retentionInDays === 14),
        );
        // The canary's access logs go to the access log group's name + "/Canary" (canary-release.html): pre-created, encrypted, expiring.
        const accessGroups = plan.ofType(LOG_GROUP).map((g) => String(g.props.name));
        const canaryAccess = plan
            .ofType(LOG_GROUP)
            .filter((g) => !String(g.props.name).startsWith("API-Gateway-Execution-Logs_") && String(g.props.name).endsWith("/Canary"));
        assert.strictEqual(canaryAccess.length, 1, accessGroups.join(", "));
        assert.ok(accessGroups.includes(String(canaryAccess[0].props.name).replace(/\/Canary$/, "")), accessGroups.join(", "));
        assert.ok(canaryAccess[0].props.kmsKeyId);
        assert.strictEqual(canaryAccess[0].props.retentionInDays, 14);
        assert.ok(!plans.none.ofType(LOG_GROUP).some((g) => String(g.props.name).endsWith("/Canary")));
        assert.strictEqual(plan.outputs.canaryDeploymentId.value, candidate.outputs?.id ?? plan.outputs.canaryDeploymentId.value);
    });

    it("ApiAlarms watches the canary's 5XX and latency separately, on the <stage>/Canary dimension", () => {
        const alarms = plans.testing.ofType(ALARM).filter((a) => a.name.includes("canary"));
        assert.deepStrictEqual(alarms.map((a) => a.props.metricName).sort(), ["5XXError", "Latency"]);
        for (const alarm of alarms) {
            assert.deepStrictEqual(alarm.props.dimensions, { ApiName: "orders-dev", Stage: "dev/Canary" });
        }
    });

    it("promote: one deployment again (the stable one follows the API), canary settings cleared", () => {
        assert.deepStrictEqual(deployments(plans.promote), ["orders-dev-deployment"]);
        assert.ok(!("canarySettings" in plans.promote.props(STAGE, "orders-dev-stage")));
        assert.strictEqual(plans.promote.outputs.canaryDeploymentId, undefined);
    });

    it("rollback: the candidate is removed and canary settings cleared; removing the block leaves no canary either", () => {
        assert.deepStrictEqual(deployments(plans.rollback), ["orders-dev-deployment"]);
        assert.strictEqual(plans.rollback.props(STAGE, "orders-dev-stage").canarySettings, undefined);
        assert.strictEqual(plans.none.props(STAGE, "orders-dev-stage").canarySettings, undefined);
    });

    const bad: [string, Record<string, unknown>, RegExp][] = [
        ["a percentage above 100", { percentTraffic: 150 }, /secure-api-platform:canary\.percentTraffic: expected a number >= 0 and <= 100, got 150/],
        [
            "a bad stage variable name",
            { percentTraffic: 5, stageVariableOverrides: { "bad-name": "x" } },
            /secure-api-platform:canary\.stageVariableOverrides\.bad-name: key must be a stage variable name/,
        ],
        ["an unknown key", { percentTraffic: 5, weight: 3 }, /secure-api-platform:canary\.weight: unknown key/],
    ];
    for (const [what, canary, message] of bad) {
        it(`rejects ${what} in config`, () => {
            assert.throws(() => parsePlatformConfig(stackConfig("dev", { canary }), "Pulumi.dev.yaml"), message);
        });
    }

    it("rejects promote together with rollback before creating anything, naming the key", async () => {
        const error = await runProgram(platformProgram, {
            stack: "dev",
            config: stackConfig("dev", { canary: { percentTraffic: 5, promote: true, rollback: true } }),
        }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(error instanceof ProgramError);
        assert.match(error.message, /secure-api-platform:canary: sets both promote and rollback; choose one \(RestApi\)/);
        assert.deepStrictEqual(
            error.resources.filter((r) => r.custom),
            [],
        );
    });
});
