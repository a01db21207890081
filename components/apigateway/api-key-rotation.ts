/**
 * API key rotation with overlap, as data: which generations of a client's key
 * exist for a given configuration. Config has no history, so the rules are
 * stated on the configuration alone:
 * - `generation` is an integer >= 1 (default 1); the key of generation N is a
 *   resource named `<plans>-<client>-g<N>`, so raising the generation creates
 *   a new resource and never replaces the old one;
 * - the previous generation is N-1; while `previousGeneration` is `keep` (the
 *   default when N > 1) it stays enabled and attached to the client's tier;
 *   `retire` removes it. Generation 1 has no previous one, so either value is
 *   an error there;
 * - so at most two generations exist: N, and N-1 while kept. Going from
 *   N (keep) to N+1 (keep) removes N-1 and keeps N, whose name and inputs do
 *   not change, so Pulumi leaves it alone.
 */
import { ComponentArgumentError, intInRange } from "../shared/validation";

/** What happens to the previous generation of a client's key. */
export const PREVIOUS_GENERATION_ACTIONS = ["keep", "retire"] as const;
export type PreviousGenerationAction = (typeof PREVIOUS_GENERATION_ACTIONS)[number];

/** Highest generation accepted (a guard against typos such as 20 for 2). */
export const MAX_KEY_GENERATION = 1000;

/** Rotation settings of one client's key. */
export interface KeyRotationArgs {
    /**
     * Generation of the client's current key (integer from 1). Raise it by one to rotate.
     * @default 1
     */
    generation?: number;
    /**
     * What happens to generation `generation - 1`: `keep` it enabled and attached (clients move
     * over), or `retire` it (it is deleted). Only allowed when `generation` is above 1.
     * @default "keep" when generation > 1
     */
    previousGeneration?: PreviousGenerationAction;
}

/** The generations of a client's key that exist. */
export interface LiveGenerations {
    /** The current generation. */
    current: number;
    /** The previous generation, while it is kept. */
    previous?: number;
}

/** Validates a client's rotation settings (`argument` prefixes the argument names) and says which generations exist. */
export function liveGenerations(component: string, argument: string, args: KeyRotationArgs): LiveGenerations {
    const current = intInRange(component, `${argument}.generation`, args.generation ?? 1, 1, MAX_KEY_GENERATION);
    const action = args.previousGeneration;
    if (action !== undefined && !(PREVIOUS_GENERATION_ACTIONS as readonly string[]).includes(action)) {
        throw new ComponentArgumentError(
            component,
            `${argument}.previousGeneration`,
            `must be one of ${PREVIOUS_GENERATION_ACTIONS.join(", ")} (got ${JSON.stringify(action)})`,
        );
    }
    if (current === 1 && action !== undefined) {
        throw new ComponentArgumentError(
            component,
            `${argument}.previousGeneration`,
            `is ${JSON.stringify(action)} but generation 1 has no previous generation; remove it (or raise generation to rotate)`,
        );
    }
    return current > 1 && (action ?? "keep") === "keep" ? { current, previous: current - 1 } : { current };
}

/** Resource name suffix of a generation's key. */
export function generationSuffix(generation: number): string {
    return `g${generation}`;
}
