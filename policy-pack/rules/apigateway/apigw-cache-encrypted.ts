/** API Gateway cache data must be encrypted at rest whenever caching is on. */
import * as aws from "@pulumi/aws";
import { known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { appliesToStage, MethodSettingsResource } from "../lib/stages";

/** Stage-wide settings that keep the cache safe: they encrypt it, or turn caching off for every method. */
function coversStage(settings: MethodSettingsResource): boolean {
    const encrypted = known(() => settings.props.settings?.cacheDataEncrypted);
    const caching = known(() => settings.props.settings?.cachingEnabled);
    return (encrypted.known && encrypted.value === true) || (caching.known && caching.value === false);
}

export const apigwCacheEncrypted = stackRule({
    name: "apigw-cache-encrypted",
    service: "apigateway",
    description:
        'Method settings that enable caching must set cacheDataEncrypted: true, and a stage with a cache cluster must encrypt (or turn off) caching in its stage-wide ("*/*") settings.',
    remediationSteps:
        'Set settings.cacheDataEncrypted: true on every MethodSettings with settings.cachingEnabled: true, and on the "*/*" MethodSettings of every stage with cacheClusterEnabled: true.',
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["APIGateway.5"], checkov: ["CKV_AWS_308"], trivy: ["AWS-0002"] },
    inspects: [aws.apigateway.Stage, aws.apigateway.MethodSettings],
    validateStack: (args, report) => {
        const all = resourcesOf(args.resources, aws.apigateway.MethodSettings);
        for (const settings of all) {
            const caching = known(() => settings.props.settings?.cachingEnabled, "settings.cachingEnabled");
            const encrypted = known(() => settings.props.settings?.cacheDataEncrypted, "settings.cacheDataEncrypted");
            if (!caching.known) {
                report(
                    unverifiable(settings.label, caching.path, "be known: cached responses must be encrypted (settings.cacheDataEncrypted: true)"),
                    settings.urn,
                );
            } else if (caching.value !== true) {
                continue;
            } else if (!encrypted.known) {
                report(unverifiable(settings.label, encrypted.path, "be true"), settings.urn);
            } else if (encrypted.value !== true) {
                report(
                    `${settings.label} caches responses unencrypted (settings.cachingEnabled is true, settings.cacheDataEncrypted is ${encrypted.value ?? "not set"}), ` +
                        "so tokens and personal data sit in the cache in clear. Set settings.cacheDataEncrypted: true.",
                    settings.urn,
                );
            }
        }
        const stageWide = all.filter((s) => {
            const path = known(() => s.props.methodPath);
            return path.known && path.value === "*/*";
        });
        for (const stage of resourcesOf(args.resources, aws.apigateway.Stage)) {
            const cluster = known(() => stage.props.cacheClusterEnabled, "cacheClusterEnabled");
            if (!cluster.known) {
                report(unverifiable(stage.label, cluster.path, 'be known: a stage cache must be encrypted in its "*/*" method settings'), stage.urn);
                continue;
            }
            if (cluster.value !== true) {
                continue;
            }
            const own = stageWide.filter((s) => appliesToStage(s, stage));
            if (own.some(coversStage)) {
                continue;
            }
            report(
                `${stage.label} has a cache cluster (cacheClusterEnabled is true) but its stage-wide ("*/*") method settings ${own.length === 0 ? "do not exist" : "do not set settings.cacheDataEncrypted: true"}, ` +
                    'so cached responses (API Gateway caches GET methods by default) are stored unencrypted. Set settings.cacheDataEncrypted: true on the stage\'s "*/*" MethodSettings.',
                stage.urn,
            );
        }
    },
});
