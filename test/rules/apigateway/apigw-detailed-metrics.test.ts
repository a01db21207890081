import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, methodSettings, restApi, Settings, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-detailed-metrics";
const program =
    (settings: Settings, methodPath = "*/*") =>
    () => {
        const api = restApi("api");
        methodSettings("settings", api, stage("s", api), { throttlingRateLimit: 1, throttlingBurstLimit: 1, loggingLevel: "ERROR", ...settings }, methodPath);
    };

describe(RULE, () => {
    it("passes the compliant baseline: stage-wide detailed metrics", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ metricsEnabled: true })));
    });

    it("reports (advisory) metrics unset or false on */*", async () => {
        assertFindings(await ruleFindings(RULE, program({})), RULE, "advisory", [
            { resource: "settings", message: [/settings\.metricsEnabled is not set/, /metricsEnabled: true/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ metricsEnabled: false })), RULE, "advisory", [
            { resource: "settings", message: [/settings\.metricsEnabled is false/] },
        ]);
    });

    it("judges only stage-wide (*/*) settings", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ metricsEnabled: false }, "orders/GET")));
    });

    it("a metrics flag or method path built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const s = stage("s", api);
            const settingsOf = (name: string, metricsEnabled: pulumi.Input<boolean>, methodPath: pulumi.Input<string>) =>
                new aws.apigateway.MethodSettings(name, {
                    restApi: api.id,
                    stageName: s.stageName,
                    methodPath,
                    settings: { loggingLevel: "ERROR", metricsEnabled },
                });
            settingsOf("metrics", afterDeployment(false), "*/*");
            settingsOf("path", false, afterDeployment("*/*"));
            // Unknown, but no violation whatever it becomes: the path of settings that enable metrics.
            settingsOf("enabled", true, afterDeployment("*/*"));
            // Without metrics an unknown path may be "*/*": unverifiable at preview, passed once known not to be.
            settingsOf("per-method", false, afterDeployment("orders/GET"));
        });
        assertFindings(found.preview, RULE, "advisory", [
            {
                resource: "metrics",
                message: [/^cannot be verified at preview: MethodSettings "metrics"\.settings\.metricsEnabled is unknown; it must be true\.$/],
            },
            {
                resource: "path",
                message: [/MethodSettings "path"\.methodPath is unknown; it must be known: stage-wide \("\*\/\*"\) settings must enable detailed metrics\.$/],
            },
            { resource: "per-method", message: [/MethodSettings "per-method"\.methodPath is unknown;/] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "metrics", message: [/MethodSettings "metrics" does not enable detailed CloudWatch metrics \(settings\.metricsEnabled is false\)/] },
            { resource: "path", message: [/MethodSettings "path" does not enable detailed CloudWatch metrics \(settings\.metricsEnabled is false\)/] },
        ]);
    });
});
