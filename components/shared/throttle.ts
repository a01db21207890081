/** The one throttle type of the platform: stages, routes, usage plan tiers and per-method plan throttles all use it. */
import { THROTTLE } from "../../policy-pack/baseline";
import { ComponentArgumentError } from "./validation";

/** Steady-state rate and burst, as API Gateway throttles them. */
export interface ThrottleSettings {
    /** Steady-state requests per second: above 0, at most `THROTTLE.maxRateLimit` (10000). */
    rateLimit: number;
    /** Largest burst of concurrent requests: an integer from `THROTTLE.minBurstLimit` to `THROTTLE.maxBurstLimit` (1–5000). */
    burstLimit: number;
}

/** @deprecated Use {@link ThrottleSettings}; kept so existing imports keep compiling. */
export type ThrottleArgs = ThrottleSettings;

/** Checks a throttle against the baseline's bounds. */
export function validateThrottle(component: string, at: string, throttle: ThrottleSettings): ThrottleSettings {
    if (!throttle || typeof throttle !== "object") {
        throw new ComponentArgumentError(component, at, "is required (rateLimit and burstLimit)");
    }
    if (typeof throttle.rateLimit !== "number" || !(throttle.rateLimit > 0) || throttle.rateLimit > THROTTLE.maxRateLimit) {
        throw new ComponentArgumentError(
            component,
            `${at}.rateLimit`,
            `must be a number above 0 and at most ${THROTTLE.maxRateLimit} (got ${JSON.stringify(throttle.rateLimit)})`,
        );
    }
    if (!Number.isInteger(throttle.burstLimit) || throttle.burstLimit < THROTTLE.minBurstLimit || throttle.burstLimit > THROTTLE.maxBurstLimit) {
        throw new ComponentArgumentError(
            component,
            `${at}.burstLimit`,
            `must be an integer from ${THROTTLE.minBurstLimit} to ${THROTTLE.maxBurstLimit} (got ${JSON.stringify(throttle.burstLimit)})`,
        );
    }
    return throttle;
}
