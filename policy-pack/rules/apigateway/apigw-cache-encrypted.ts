/** API Gateway cache data must be encrypted at rest whenever caching is on. */
import * as aws from "@pulumi/aws";
import { known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { appliesToStage, MethodSettingsResource, pendingStageLink } from "../lib/stages";

/** An unknown value that decides whether a stage's cache is encrypted, and what it must become. */
interface Pending {
    readonly subject: string;
    readonly path: string;
    readonly requirement: string;
}

/**
 * Whether method settings of a stage with a cache cluster keep its cache safe: true when they are stage-wide and
 * encrypt it (or turn caching off for every method), false when they do not, or the unknown value that decides it.
 */
function coversStage(settings: MethodSettingsResource, stage: string): boolean | Pending {
    const path = known(() => settings.props.methodPath, "methodPath");
    if (path.known && path.value !== "*/*") {
        return false;
    }
    const encrypted = known(() => settings.props.settings?.cacheDataEncrypted, "settings.cacheDataEncrypted");
    const caching = known(() => settings.props.settings?.cachingEnabled, "settings.cachingEnabled");
    const safe = (encrypted.known && encrypted.value === true) || (caching.known && caching.value === false);
    const pending = (at: string, requirement: string): Pending => ({
        subject: settings.label,
        path: at,
        requirement: `${requirement}, since ${stage} has a cache cluster`,
    });
    if (!path.known) {
        return safe || !encrypted.known || !caching.known
            ? pending(path.path, 'be "*/*" and the settings encrypt the cache (settings.cacheDataEncrypted: true)')
            : false;
    }
    if (safe) {
        return true;
    }
    if (!encrypted.known) {
        return pending(encrypted.path, "be true");
    }
    return caching.known ? false : pending(caching.path, "be false, or settings.cacheDataEncrypted true");
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
            if (encrypted.known && encrypted.value === true) {
                continue;
            }
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
        for (const stage of resourcesOf(args.resources, aws.apigateway.Stage)) {
            const cluster = known(() => stage.props.cacheClusterEnabled, "cacheClusterEnabled");
            if (cluster.known && cluster.value !== true) {
                continue;
            }
            const own = all.filter((s) => appliesToStage(s, stage));
            const verdicts = own.map((s) => coversStage(s, stage.label));
            if (verdicts.includes(true)) {
                continue;
            }
            const pending = verdicts.find((v): v is Pending => typeof v === "object");
            if (!cluster.known) {
                report(unverifiable(stage.label, cluster.path, 'be known: a stage cache must be encrypted in its "*/*" method settings'), stage.urn);
                continue;
            }
            if (pending) {
                report(unverifiable(pending.subject, pending.path, pending.requirement), stage.urn);
                continue;
            }
            // Settings that may yet be this stage's, by an unknown stageName, and may encrypt its cache.
            const why = `${stage.label} has a cache cluster and no other stage-wide method settings that encrypt it`;
            const link = all
                .filter((s) => coversStage(s, stage.label) !== false)
                .map((s) => pendingStageLink(s, stage))
                .find((l) => l !== undefined);
            if (link) {
                report(unverifiable(link.unknown.label, link.prop, `be the ${link.prop} of ${link.other.label}, since ${why}`), stage.urn);
                continue;
            }
            const stageWide = own.filter((s) => {
                const path = known(() => s.props.methodPath);
                return path.known && path.value === "*/*";
            });
            report(
                `${stage.label} has a cache cluster (cacheClusterEnabled is true) but its stage-wide ("*/*") method settings ${stageWide.length === 0 ? "do not exist" : "do not set settings.cacheDataEncrypted: true"}, ` +
                    'so cached responses (API Gateway caches GET methods by default) are stored unencrypted. Set settings.cacheDataEncrypted: true on the stage\'s "*/*" MethodSettings.',
                stage.urn,
            );
        }
    },
});
