import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, Settings, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-execution-logging";
const program =
    (settings: Settings, methodPath = "*/*") =>
    () => {
        const api = restApi("api");
        methodSettings("settings", api, stage("s", api), { throttlingRateLimit: 1, throttlingBurstLimit: 1, ...settings }, methodPath);
    };

describe(RULE, () => {
    it("passes the compliant baseline: ERROR (or INFO) logs and metrics", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ loggingLevel: "ERROR", metricsEnabled: true })));
        assertNoFindings(await ruleFindings(RULE, program({ loggingLevel: "INFO", metricsEnabled: true })));
    });

    it("reports (advisory) logging OFF and missing metrics, as two findings", async () => {
        assertFindings(await ruleFindings(RULE, program({ loggingLevel: "OFF" })), RULE, "advisory", [
            { resource: "settings", message: [/execution logging OFF/, /settings\.loggingLevel to INFO or ERROR/] },
            { resource: "settings", message: [/settings\.metricsEnabled is not set/, /metricsEnabled: true/] },
        ]);
    });

    it("reports an unset logging level alone when metrics are on", async () => {
        assertFindings(await ruleFindings(RULE, program({ metricsEnabled: true })), RULE, "advisory", [
            { resource: "settings", message: [/settings\.loggingLevel is not set/] },
        ]);
    });

    it("judges only stage-wide (*/*) settings", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ loggingLevel: "OFF" }, "orders/GET")));
    });
});
