/**
 * Pins RestStage, built directly, with literal values: the deployments per
 * canary phase (which are pinned with ignoreChanges, seen through a stack
 * transformation since the recorder keeps no resource options), their
 * description and dependencies, the log groups (names, parents, the canary
 * groups while a canary block is configured) and the stage's dependency on
 * them, the canary settings with their defaults, the client certificate and
 * the per-route method settings.
 */
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CanarySettings, DeploymentSnapshot, RestStage, RestStageArgs } from "../../../components";
import { Plan, runProgram, thrown } from "../../harness";
import { KMS_ARN } from "../fixtures";

const T = {
    deployment: "aws:apigateway/deployment:Deployment",
    stage: "aws:apigateway/stage:Stage",
    settings: "aws:apigateway/methodSettings:MethodSettings",
    certificate: "aws:apigateway/clientCertificate:ClientCertificate",
    logs: "secure-api:observability:EncryptedLogGroup",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
};
const PARENT = "urn:pulumi:test::secure-api-platform::pulumi:pulumi:Stack$test:index:Parent::p";
// sha256('{"Method a":{"x":1}}'): the trigger of the snapshot every stage below is built from.
const TRIGGER = "c980d40beb5f21174608f79426cdda8b67e3e1dd9234bbec52f924e37e3b2bef";

interface Built {
    plan: Plan;
    /** ignoreChanges of each resource, by name. */
    ignored: Record<string, string[] | undefined>;
}

/** The stage "x" of API api123, stage dev, under `parent`: no method throttles, no canary, an empty snapshot unless overridden. */
const stageArgs = (parent: pulumi.ComponentResource, overrides: Partial<RestStageArgs> = {}): RestStageArgs => ({
    name: "x",
    parent,
    restApiId: "api123",
    stageName: "dev",
    accessLogGroupName: "/aws/apigateway/orders/dev/access",
    retentionInDays: 30,
    kmsKeyArn: KMS_ARN,
    throttle: { rateLimit: 100, burstLimit: 200 },
    methodThrottles: [],
    executionLevel: "ERROR",
    xrayTracing: true,
    snapshot: new DeploymentSnapshot(),
    deploymentDependencies: [],
    ...overrides,
});

async function build(canary?: CanarySettings, tags?: Record<string, string>): Promise<Built> {
    const ignored: Record<string, string[] | undefined> = {};
    const plan = await runProgram(() => {
        pulumi.runtime.registerStackTransformation((t) => {
            ignored[t.name] = t.opts.ignoreChanges;
            return undefined;
        });
        const parent = new pulumi.ComponentResource("test:index:Parent", "p");
        const dependency = new aws.apigateway.Resource("orders-resource", { restApi: "api123", parentId: "root", pathPart: "orders" });
        const snapshot = new DeploymentSnapshot();
        snapshot.track("Method", "a", { x: 1 });
        const stage = new RestStage(
            stageArgs(parent, {
                methodThrottles: [{ method: "POST", path: "/orders", rateLimit: 5, burstLimit: 10 }],
                snapshot,
                deploymentDependencies: [dependency],
                canary,
                tags,
            }),
        );
        return { methodSettings: [...stage.methodSettings.keys()], phase: stage.canaryPhase };
    });
    return { plan, ignored };
}

const names = (plan: Plan, type: string) =>
    plan
        .ofType(type)
        .map((r) => r.name)
        .sort();
const logGroupNames = (plan: Plan) =>
    plan
        .ofType(T.logGroup)
        .map((g) => String(g.props.name))
        .sort();
/** Names of the log groups the stage depends on. */
const stageLogDependencies = (plan: Plan) => {
    const deps = plan.one(T.stage).dependencies;
    return plan
        .ofType(T.logGroup)
        .filter((g) => deps.includes(g.urn))
        .map((g) => g.name)
        .sort();
};

describe("RestStage (literal)", () => {
    const built: Record<string, Built> = {};
    before(async () => {
        built.none = await build();
        built.testing = await build({ percentTraffic: 10 });
        built.promote = await build({ percentTraffic: 10, promote: true });
        built.rollback = await build({ percentTraffic: 10, rollback: true });
    });

    it("without a canary: one unpinned deployment, described by the trigger, after the deployment dependencies, under the parent", () => {
        const { plan, ignored } = built.none;
        assert.deepStrictEqual(names(plan, T.deployment), ["x-deployment"]);
        const deployment = plan.one(T.deployment, "x-deployment");
        assert.deepStrictEqual(deployment.props, { restApi: "api123", description: "Routes c980d40beb5f", triggers: { redeployment: TRIGGER } });
        assert.strictEqual(deployment.parent, PARENT);
        assert.ok(deployment.dependencies.includes(plan.one("aws:apigateway/resource:Resource").urn));
        assert.strictEqual(ignored["x-deployment"], undefined);
        assert.strictEqual(plan.outputs.phase.value, "none");
    });

    it("without a canary: the access and execution log groups only, under the parent; the stage waits for the execution logs", () => {
        const { plan } = built.none;
        assert.deepStrictEqual(names(plan, T.logs), ["x-access-logs", "x-execution-logs"]);
        assert.deepStrictEqual(logGroupNames(plan), ["/aws/apigateway/orders/dev/access", "API-Gateway-Execution-Logs_api123/dev"]);
        for (const group of plan.ofType(T.logs)) {
            assert.strictEqual(group.parent, PARENT, group.name);
        }
        // The access log group is a dependency through accessLogSettings.destinationArn.
        assert.deepStrictEqual(stageLogDependencies(plan), ["x-access-logs", "x-execution-logs"]);
        assert.ok(!("canarySettings" in plan.props(T.stage)));
    });

    it("testing: the stable deployment is pinned, the candidate follows the API", () => {
        const { plan, ignored } = built.testing;
        assert.deepStrictEqual(names(plan, T.deployment), ["x-canary-deployment", "x-deployment"]);
        assert.deepStrictEqual(ignored["x-deployment"], ["triggers", "description"]);
        assert.strictEqual(ignored["x-canary-deployment"], undefined);
        const candidate = plan.one(T.deployment, "x-canary-deployment");
        assert.deepStrictEqual(candidate.props, { restApi: "api123", description: "Routes c980d40beb5f", triggers: { redeployment: TRIGGER } });
        assert.strictEqual(candidate.parent, PARENT);
        assert.ok(candidate.dependencies.includes(plan.one("aws:apigateway/resource:Resource").urn));
        assert.strictEqual(plan.outputs.phase.value, "testing");
    });

    it("testing: the canary serves the candidate with the percent, no overrides and no stage cache by default", () => {
        const { plan } = built.testing;
        const stage = plan.one(T.stage);
        const candidate = plan.one(T.deployment, "x-canary-deployment");
        assert.deepStrictEqual(stage.propertyDependencies.canarySettings, [candidate.urn]);
        assert.deepStrictEqual(stage.props.canarySettings, {
            deploymentId: candidate.outputs?.id,
            percentTraffic: 10,
            stageVariableOverrides: {},
            useStageCache: false,
        });
    });

    it("testing: passes the configured stage variable overrides and stage cache through", async () => {
        const { plan } = await build({ percentTraffic: 25, stageVariableOverrides: { backend: "v2" }, useStageCache: true });
        assert.deepStrictEqual(plan.props(T.stage).canarySettings, {
            deploymentId: plan.one(T.deployment, "x-canary-deployment").outputs?.id,
            percentTraffic: 25,
            stageVariableOverrides: { backend: "v2" },
            useStageCache: true,
        });
    });

    for (const phase of ["testing", "promote", "rollback"]) {
        it(`${phase}: pre-creates the canary execution and access log groups, which the stage waits for`, () => {
            const { plan } = built[phase];
            assert.deepStrictEqual(names(plan, T.logs), ["x-access-logs", "x-canary-access-logs", "x-canary-execution-logs", "x-execution-logs"]);
            assert.deepStrictEqual(logGroupNames(plan), [
                "/aws/apigateway/orders/dev/access",
                "/aws/apigateway/orders/dev/access/Canary",
                "API-Gateway-Execution-Logs_api123/dev",
                "API-Gateway-Execution-Logs_api123/dev/Canary",
            ]);
            assert.deepStrictEqual(stageLogDependencies(plan), ["x-access-logs", "x-canary-access-logs", "x-canary-execution-logs", "x-execution-logs"]);
        });
    }

    it("promote: one unpinned deployment again, no canary settings", () => {
        const { plan, ignored } = built.promote;
        assert.deepStrictEqual(names(plan, T.deployment), ["x-deployment"]);
        assert.strictEqual(ignored["x-deployment"], undefined);
        assert.ok(!("canarySettings" in plan.props(T.stage)));
        assert.strictEqual(plan.outputs.phase.value, "promote");
    });

    it("rollback: one deployment, still pinned, no canary settings", () => {
        const { plan, ignored } = built.rollback;
        assert.deepStrictEqual(names(plan, T.deployment), ["x-deployment"]);
        assert.deepStrictEqual(ignored["x-deployment"], ["triggers", "description"]);
        assert.ok(!("canarySettings" in plan.props(T.stage)));
        assert.strictEqual(plan.outputs.phase.value, "rollback");
    });

    it("names its argument in canary errors", async () => {
        let message = "";
        await runProgram(() => {
            const parent = new pulumi.ComponentResource("test:index:Parent", "p");
            message = thrown(() => new RestStage(stageArgs(parent, { canary: { percentTraffic: 101 } }))).message;
        });
        assert.strictEqual(message, "RestStage: canary.percentTraffic must be a number from 0 to 100 (got 101)");
    });

    it("gives the stage a client certificate, described and tagged, under the parent", async () => {
        const { plan } = await build(undefined, { team: "orders" });
        const certificate = plan.one(T.certificate, "x-client-certificate");
        assert.deepStrictEqual(certificate.props, { description: "Backend client certificate of x", tags: { team: "orders" } });
        assert.strictEqual(certificate.parent, PARENT);
        assert.ok(plan.one(T.stage).propertyDependencies.clientCertificateId.includes(certificate.urn));
    });

    it("creates stage-wide and per-route method settings under the parent, keyed `METHOD path`", () => {
        const { plan } = built.none;
        assert.deepStrictEqual(plan.outputs.methodSettings.value, ["POST /orders"]);
        assert.deepStrictEqual(names(plan, T.settings), ["x-settings-post-orders", "x-stage-settings"]);
        for (const settings of plan.ofType(T.settings)) {
            assert.strictEqual(settings.parent, PARENT, settings.name);
        }
        assert.deepStrictEqual(plan.props(T.settings, "x-settings-post-orders"), {
            restApi: "api123",
            stageName: "dev",
            methodPath: "~1orders/POST",
            settings: { loggingLevel: "ERROR", metricsEnabled: true, dataTraceEnabled: false, throttlingRateLimit: 5, throttlingBurstLimit: 10 },
        });
    });
});
