import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, Settings, stage, THROTTLED } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-execution-logging";
const program =
    (settings: Settings, methodPath = "*/*") =>
    () => {
        const api = restApi("api");
        methodSettings("settings", api, stage("s", api), { ...THROTTLED, ...settings }, methodPath);
    };

describe(RULE, () => {
    it("passes the compliant baseline: stage-wide ERROR or INFO logging", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ loggingLevel: "ERROR" })));
        assertNoFindings(await ruleFindings(RULE, program({ loggingLevel: "INFO" })));
    });

    it("reports (mandatory) a stage with no method settings at all", async () => {
        const found = await ruleFindings(RULE, () => {
            stage("bare", restApi("api"));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "bare", message: [/Stage "bare" has no stage-wide method settings/, /methodPath "\*\/\*"/, /loggingLevel INFO or ERROR/] },
        ]);
    });

    it("reports stage-wide logging OFF or unset on the settings", async () => {
        assertFindings(await ruleFindings(RULE, program({ loggingLevel: "OFF" })), RULE, "mandatory", [
            { resource: "settings", message: [/turns execution logging OFF for every method \(settings\.loggingLevel\)/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ loggingLevel: undefined })), RULE, "mandatory", [
            { resource: "settings", message: [/settings\.loggingLevel is not set/] },
        ]);
    });

    it("reports a stage with only per-method settings, and a method that turns logging off", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            const s = stage("s", api);
            methodSettings("orders-off", api, s, { ...THROTTLED, loggingLevel: "OFF" }, "orders/GET");
            methodSettings("users-unset", api, s, { ...THROTTLED, loggingLevel: undefined }, "users/GET");
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "s", message: [/Stage "s" has no stage-wide method settings/] },
            { resource: "orders-off", message: [/turns execution logging OFF for method orders\/GET/] },
        ]);
    });

    it("passes a per-method override at INFO under ERROR stage-wide settings", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                const s = stage("s", api);
                methodSettings("all", api, s, THROTTLED);
                methodSettings("orders", api, s, { ...THROTTLED, loggingLevel: "INFO" }, "orders/GET");
            }),
        );
    });

    it("judges every stage: the one with settings passes, the other is reported", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            methodSettings("a-settings", api, stage("a", api), THROTTLED);
            stage("b", api);
            stage("c", restApi("other"));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "b", message: [/Stage "b" has no stage-wide method settings/] },
            { resource: "c", message: [/Stage "c" has no stage-wide method settings/] },
        ]);
    });
});
