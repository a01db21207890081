import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, Settings, stage } from "../builders";
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
});
