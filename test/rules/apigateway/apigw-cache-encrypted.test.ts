import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, Settings, stage, THROTTLED } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-cache-encrypted";
const ENCRYPTED: Settings = { ...THROTTLED, cachingEnabled: true, cacheDataEncrypted: true, cacheTtlInSeconds: 300 };
const program =
    (settings: Settings, cacheClusterEnabled = true, methodPath = "*/*") =>
    () => {
        const api = restApi("api");
        const s = stage("s", api, { cacheClusterEnabled, cacheClusterSize: cacheClusterEnabled ? "0.5" : undefined });
        methodSettings("settings", api, s, settings, methodPath);
    };

describe(RULE, () => {
    it("passes the compliant baseline: a cache cluster with encrypted stage-wide caching", async () => {
        assertNoFindings(await ruleFindings(RULE, program(ENCRYPTED)));
    });

    it("passes stages without caching, and a cluster whose stage-wide settings turn caching off", async () => {
        assertNoFindings(await ruleFindings(RULE, program(THROTTLED, false)));
        assertNoFindings(await ruleFindings(RULE, program({ ...THROTTLED, cachingEnabled: false })));
    });

    it("reports caching with cacheDataEncrypted false or unset, on the settings", async () => {
        assertFindings(await ruleFindings(RULE, program({ ...ENCRYPTED, cacheDataEncrypted: false })), RULE, "mandatory", [
            { resource: "settings", message: [/settings\.cachingEnabled is true, settings\.cacheDataEncrypted is false/, /cacheDataEncrypted: true/] },
            { resource: "s", message: [/cacheClusterEnabled is true/, /do not set settings\.cacheDataEncrypted: true/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ ...ENCRYPTED, cacheDataEncrypted: undefined }, false, "orders/GET")), RULE, "mandatory", [
            { resource: "settings", message: [/settings\.cacheDataEncrypted is not set/] },
        ]);
    });

    it("reports a cache cluster without stage-wide settings, even when a method encrypts", async () => {
        assertFindings(await ruleFindings(RULE, program(ENCRYPTED, true, "orders/GET")), RULE, "mandatory", [
            { resource: "s", message: [/Stage "s" has a cache cluster/, /settings do not exist/] },
        ]);
    });

    it("judges every method settings resource and every stage", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            const a = stage("a", api, { cacheClusterEnabled: true, cacheClusterSize: "0.5" });
            methodSettings("a-all", api, a, ENCRYPTED);
            methodSettings("a-orders", api, a, { ...ENCRYPTED, cacheDataEncrypted: false }, "orders/GET");
            methodSettings("a-users", api, a, { ...ENCRYPTED, cacheDataEncrypted: false }, "users/GET");
            stage("b", api, { cacheClusterEnabled: true, cacheClusterSize: "0.5" });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a-orders", message: [/cacheDataEncrypted is false/] },
            { resource: "a-users", message: [/cacheDataEncrypted is false/] },
            { resource: "b", message: [/settings do not exist/] },
        ]);
    });
});
