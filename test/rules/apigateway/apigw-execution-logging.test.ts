import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, methodSettings, restApi, Settings, stage, THROTTLED } from "../builders";
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

    it("a logging level, method path or stage name built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const settingsOf = (
            name: string,
            api: aws.apigateway.RestApi,
            stageName: pulumi.Input<string>,
            level: Settings["loggingLevel"],
            methodPath: pulumi.Input<string>,
        ) => new aws.apigateway.MethodSettings(name, { restApi: api.id, stageName, methodPath, settings: { ...THROTTLED, loggingLevel: level } });
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            settingsOf("level", api, stage("a", api).stageName, afterDeployment("OFF"), "*/*");
            settingsOf("path-off", api, stage("b", api).stageName, "OFF", afterDeployment("orders/GET"));
            settingsOf("path-unset", api, stage("c", api).stageName, undefined, afterDeployment("*/*"));
            // Unknown, but no violation whatever it becomes for the settings themselves: a path of settings that log ERROR.
            settingsOf("path-error", api, stage("d", api).stageName, "ERROR", afterDeployment("*/*"));
            stage("e", api);
            settingsOf("named", api, afterDeployment("e"), "ERROR", "*/*");
            const other = restApi("other");
            stage("f", other, { stageName: afterDeployment("f") });
            settingsOf("literal", other, "f", "ERROR", "*/*");
        });
        const instead = (s: string) => new RegExp(`it must be "\\*/\\*", since Stage "${s}" has no other stage-wide method settings\\.$`);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "level",
                message: [/^cannot be verified at preview: MethodSettings "level"\.settings\.loggingLevel is unknown; it must be INFO or ERROR\.$/],
            },
            {
                resource: "path-off",
                message: [/MethodSettings "path-off" turns execution logging OFF for the methods of its methodPath \(settings\.loggingLevel\)/],
            },
            { resource: "b", message: [/MethodSettings "path-off"\.methodPath is unknown;/, instead("b")] },
            {
                resource: "path-unset",
                message: [/MethodSettings "path-unset"\.methodPath is unknown; it must not be "\*\/\*" while settings\.loggingLevel is not set\./],
            },
            { resource: "c", message: [/MethodSettings "path-unset"\.methodPath is unknown;/, instead("c")] },
            { resource: "d", message: [/MethodSettings "path-error"\.methodPath is unknown;/, instead("d")] },
            {
                resource: "e",
                message: [
                    /MethodSettings "named"\.stageName is unknown; it must be the stageName of Stage "e", since Stage "e" has no other stage-wide method settings\./,
                ],
            },
            { resource: "f", message: [/Stage "f"\.stageName is unknown; it must be the stageName of MethodSettings "literal", since Stage "f" has no other/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "level", message: [/MethodSettings "level" turns execution logging OFF for every method/] },
            { resource: "path-off", message: [/MethodSettings "path-off" turns execution logging OFF for method orders\/GET/] },
            { resource: "b", message: [/Stage "b" has no stage-wide method settings/] },
            { resource: "path-unset", message: [/MethodSettings "path-unset" leaves stage-wide execution logging off/] },
        ]);
    });
});
