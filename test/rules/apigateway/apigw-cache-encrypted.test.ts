import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, methodSettings, restApi, Settings, stage, THROTTLED } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-cache-encrypted";
const ENCRYPTED: Settings = { ...THROTTLED, cachingEnabled: true, cacheDataEncrypted: true, cacheTtlInSeconds: 300 };
const CLUSTER = { cacheClusterEnabled: true, cacheClusterSize: "0.5" };
const unencrypted = (settings: string) =>
    `MethodSettings "${settings}" caches responses unencrypted (settings.cachingEnabled is true, settings.cacheDataEncrypted is false), ` +
    "so tokens and personal data sit in the cache in clear. Set settings.cacheDataEncrypted: true.";
const stageUnencrypted = (s: string, why: string) =>
    `Stage "${s}" has a cache cluster (cacheClusterEnabled is true) but its stage-wide ("*/*") method settings ${why}, ` +
    'so cached responses (API Gateway caches GET methods by default) are stored unencrypted. Set settings.cacheDataEncrypted: true on the stage\'s "*/*" MethodSettings.';
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

    it("a cache flag, encryption flag, method path or stage name built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const CLUSTER = { cacheClusterEnabled: true, cacheClusterSize: "0.5" };
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            stage("cluster", api, { ...CLUSTER, cacheClusterEnabled: afterDeployment(true) });
            const byPath = stage("by-path", api, CLUSTER);
            new aws.apigateway.MethodSettings("path", {
                restApi: api.id,
                stageName: byPath.stageName,
                methodPath: afterDeployment("orders/GET"),
                settings: ENCRYPTED,
            });
            methodSettings("encryption", api, stage("by-encryption", api, CLUSTER), { ...ENCRYPTED, cacheDataEncrypted: afterDeployment(false) });
            methodSettings(
                "caching",
                api,
                stage("plain", api),
                { ...ENCRYPTED, cachingEnabled: afterDeployment(true), cacheDataEncrypted: false },
                "users/GET",
            );
            stage("by-name", api, CLUSTER);
            new aws.apigateway.MethodSettings("named", { restApi: api.id, stageName: afterDeployment("by-name"), methodPath: "*/*", settings: ENCRYPTED });
            // Unknown, but no violation whatever it becomes: caching of encrypted settings, the cluster of a stage they cover.
            methodSettings("safe", api, stage("covered", api, { ...CLUSTER, cacheClusterEnabled: afterDeployment(true) }), {
                ...ENCRYPTED,
                cachingEnabled: afterDeployment(true),
            });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "cluster",
                message: [/^cannot be verified at preview: Stage "cluster"\.cacheClusterEnabled is unknown; it must be known: a stage cache/],
            },
            {
                resource: "by-path",
                message: [
                    /MethodSettings "path"\.methodPath is unknown; it must be "\*\/\*" and the settings encrypt the cache .*, since Stage "by-path" has a cache cluster\.$/,
                ],
            },
            { resource: "encryption", message: [/MethodSettings "encryption"\.settings\.cacheDataEncrypted is unknown; it must be true\.$/] },
            {
                resource: "by-encryption",
                message: [
                    /MethodSettings "encryption"\.settings\.cacheDataEncrypted is unknown; it must be true, since Stage "by-encryption" has a cache cluster\.$/,
                ],
            },
            {
                resource: "by-name",
                message: [
                    /MethodSettings "named"\.stageName is unknown; it must be the stageName of Stage "by-name", since Stage "by-name" has a cache cluster and no other/,
                ],
            },
            {
                resource: "caching",
                message: [/MethodSettings "caching"\.settings\.cachingEnabled is unknown; it must be known: cached responses must be encrypted/],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "cluster", message: [/Stage "cluster" has a cache cluster .* settings do not exist/] },
            { resource: "by-path", message: [/Stage "by-path" has a cache cluster .* settings do not exist/] },
            { resource: "encryption", message: [/settings\.cacheDataEncrypted is false/] },
            { resource: "by-encryption", message: [/Stage "by-encryption" .* do not set settings\.cacheDataEncrypted: true/] },
            { resource: "caching", message: [/MethodSettings "caching" caches responses unencrypted/] },
        ]);
    });

    it("settings with an unknown method path that neither encrypt nor turn off caching cover no stage, at a first preview too", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const s = stage("s", api, CLUSTER);
            new aws.apigateway.MethodSettings("unencrypted", {
                restApi: api.id,
                stageName: s.stageName,
                methodPath: afterDeployment("orders/GET"),
                settings: { ...ENCRYPTED, cacheDataEncrypted: false },
            });
        });
        for (const mode of [found.preview, found.update]) {
            assertFindings(mode, RULE, "mandatory", [
                { resource: "unencrypted", message: [exactly(unencrypted("unencrypted"))] },
                { resource: "s", message: [exactly(stageUnencrypted("s", "do not exist"))] },
            ]);
        }
    });

    it("stage-wide settings that do not encrypt, with caching unknown, leave the stage unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            methodSettings("maybe", api, stage("s", api, CLUSTER), { ...ENCRYPTED, cachingEnabled: afterDeployment(true), cacheDataEncrypted: false });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "maybe",
                message: [
                    exactly(
                        'cannot be verified at preview: MethodSettings "maybe".settings.cachingEnabled is unknown; it must be known: cached responses must be encrypted (settings.cacheDataEncrypted: true).',
                    ),
                ],
            },
            {
                resource: "s",
                message: [
                    exactly(
                        'cannot be verified at preview: MethodSettings "maybe".settings.cachingEnabled is unknown; it must be false, or settings.cacheDataEncrypted true, since Stage "s" has a cache cluster.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "maybe", message: [exactly(unencrypted("maybe"))] },
            { resource: "s", message: [exactly(stageUnencrypted("s", "do not set settings.cacheDataEncrypted: true"))] },
        ]);
    });

    it("a stage is unverifiable at a first preview by the one of its settings that may yet encrypt it, beside settings that do not", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const s = stage("s", api, CLUSTER);
            const orders = methodSettings("orders", api, s, ENCRYPTED, "orders/GET");
            // Registered after orders, so the rule meets the settings that do not cover the stage first.
            new aws.apigateway.MethodSettings(
                "all",
                { restApi: api.id, stageName: s.stageName, methodPath: "*/*", settings: { ...ENCRYPTED, cacheDataEncrypted: afterDeployment(false) } },
                { dependsOn: [orders] },
            );
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "all",
                message: [exactly('cannot be verified at preview: MethodSettings "all".settings.cacheDataEncrypted is unknown; it must be true.')],
            },
            {
                resource: "s",
                message: [
                    exactly(
                        'cannot be verified at preview: MethodSettings "all".settings.cacheDataEncrypted is unknown; it must be true, since Stage "s" has a cache cluster.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "all", message: [/settings\.cacheDataEncrypted is false/] },
            { resource: "s", message: [exactly(stageUnencrypted("s", "do not set settings.cacheDataEncrypted: true"))] },
        ]);
    });

    it("settings of an unknown stage name are no pending link when they cannot encrypt the stage", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            stage("s", api, CLUSTER);
            new aws.apigateway.MethodSettings("orders", { restApi: api.id, stageName: afterDeployment("s"), methodPath: "orders/GET", settings: ENCRYPTED });
        });
        assertFindings(found.preview, RULE, "mandatory", [{ resource: "s", message: [exactly(stageUnencrypted("s", "do not exist"))] }]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "s", message: [exactly(stageUnencrypted("s", "do not exist"))] }]);
    });

    it("settings of an unknown stage name that may encrypt the stage are named, past settings of another stage", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const otherAll = methodSettings("other-all", api, stage("other", api, CLUSTER), ENCRYPTED);
            stage("s", api, CLUSTER);
            // Registered after other-all, so the rule meets settings that are no link to "s" first.
            new aws.apigateway.MethodSettings(
                "s-all",
                { restApi: api.id, stageName: afterDeployment("s"), methodPath: "*/*", settings: ENCRYPTED },
                { dependsOn: [otherAll] },
            );
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "s",
                message: [
                    exactly(
                        'cannot be verified at preview: MethodSettings "s-all".stageName is unknown; it must be the stageName of Stage "s", since Stage "s" has a cache cluster and no other stage-wide method settings that encrypt it.',
                    ),
                ],
            },
        ]);
        assertNoFindings(found.update);
    });
});
