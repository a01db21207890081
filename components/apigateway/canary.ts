/**
 * Canary releases of a REST stage, driven by config ("Set up an API Gateway
 * canary release deployment",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html).
 *
 * A canary needs a deployment of its own (`Stage.canarySettings.deploymentId`),
 * so a stage with a canary has two deployments: the **stable** one the stage
 * serves, and the **candidate** the canary serves. Config has no history, so
 * the phases are stated in config and the stable deployment is *pinned* while
 * a canary runs (Pulumi ignores changes to its trigger, so it keeps the
 * snapshot it was created with):
 *
 * | config | stable deployment | candidate deployment | stage.canarySettings |
 * | --- | --- | --- | --- |
 * | no `canary` | follows the API (replaced on every snapshot change) | — | absent |
 * | `canary: {percentTraffic, ...}` | pinned | follows the API | candidate, percent, overrides, cache |
 * | `canary: {..., promote: true}` | unpinned: replaced by a deployment of the current API (the candidate's content) | removed | absent |
 * | `canary: {..., rollback: true}` | pinned (keeps serving the old API) | removed | absent |
 *
 * After `promote` or `rollback` has been deployed, remove the `canary` block
 * (after a rollback, revert the API change first: otherwise the next update
 * deploys it to the stable deployment).
 *
 * The canary shares the stage's method settings (throttling, execution
 * logging, metrics), X-Ray and access log settings: API Gateway has no
 * separate ones for it; its execution logs also go to a canary-specific group
 * (`API-Gateway-Execution-Logs_<apiId>/<stage>/Canary`, pre-created by
 * `RestStage`) and its metrics are published with the `Stage` dimension
 * `<stage>/Canary` (watched by `ApiAlarms` with `canary: true`).
 */
import { ComponentArgumentError } from "../shared/validation";

/** A canary release on a REST stage. */
export interface CanarySettings {
    /** Percent of the stage's requests the canary serves (0–100). */
    percentTraffic: number;
    /**
     * Stage variables the canary overrides or adds (names `[A-Za-z0-9_]+`, values up to 512
     * characters of letters, digits and `-._~:/?#&=,`).
     * @default {}
     */
    stageVariableOverrides?: Record<string, string>;
    /**
     * Whether canary requests use the stage cache (only matters when the stage has a cache cluster;
     * the platform's stages have none).
     * @default false
     */
    useStageCache?: boolean;
    /**
     * Promote: the stable deployment becomes the current API (the candidate's content), the canary is removed.
     * @default false
     */
    promote?: boolean;
    /**
     * Roll back: the canary is removed, the stable deployment stays as it is.
     * @default false
     */
    rollback?: boolean;
}

/** The phase a stage's config puts it in. */
export type CanaryPhase = "none" | "testing" | "promote" | "rollback";

/** Stage variable names and values API Gateway accepts (CreateStage / UpdateStage `variables`). */
const VARIABLE_NAME = /^[A-Za-z0-9_]{1,64}$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]{1,512}$/;

/** Validates canary settings (`component`/`argument` name them in errors) and returns the phase. */
export function canaryPhase(component: string, argument: string, canary: CanarySettings | undefined): CanaryPhase {
    if (canary === undefined) {
        return "none";
    }
    const p = canary.percentTraffic;
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0 || p > 100) {
        throw new ComponentArgumentError(component, `${argument}.percentTraffic`, `must be a number from 0 to 100 (got ${JSON.stringify(p)})`);
    }
    for (const [name, value] of Object.entries(canary.stageVariableOverrides ?? {})) {
        if (!VARIABLE_NAME.test(name)) {
            throw new ComponentArgumentError(
                component,
                `${argument}.stageVariableOverrides`,
                `has a name API Gateway refuses: ${JSON.stringify(name)} (letters, digits, _)`,
            );
        }
        if (typeof value !== "string" || !VARIABLE_VALUE.test(value)) {
            throw new ComponentArgumentError(
                component,
                `${argument}.stageVariableOverrides.${name}`,
                `must be 1-512 letters, digits or -._~:/?#&=, (got ${JSON.stringify(value)})`,
            );
        }
    }
    for (const flag of ["useStageCache", "promote", "rollback"] as const) {
        if (canary[flag] !== undefined && typeof canary[flag] !== "boolean") {
            throw new ComponentArgumentError(component, `${argument}.${flag}`, `must be true or false (got ${JSON.stringify(canary[flag])})`);
        }
    }
    if (canary.promote && canary.rollback) {
        throw new ComponentArgumentError(component, argument, "sets both promote and rollback; choose one");
    }
    return canary.promote ? "promote" : canary.rollback ? "rollback" : "testing";
}
