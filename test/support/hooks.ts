/**
 * Mocha root hooks: the shared policy pack process (test/support/analyzer.ts) stops when the run ends,
 * and, under StrykerJS, no code after a test is credited to it.
 *
 * Stryker's mocha runner (perTest coverage) sets `__stryker__.currentTestId` in a root `beforeEach` and
 * never clears it, so code a suite's `before()` or `after()` hook runs (a program planned once for
 * several cases) was credited to whichever test ran last, in another suite; a mutant there was then
 * tested with that unrelated test alone and reported as surviving. Cleared after each test, such code
 * counts as covered outside any test ("static"), and Stryker runs every spec of the scope for it.
 */
import { stopPolicyPack } from "./analyzer";

/** The part of Stryker's instrumenter context (`globalThis.__stryker__`) the hooks touch. */
interface StrykerContext {
    currentTestId?: string;
}

export const mochaHooks = {
    afterEach(): void {
        const stryker = (globalThis as { __stryker__?: StrykerContext }).__stryker__;
        if (stryker !== undefined) {
            stryker.currentTestId = undefined;
        }
    },
    async afterAll(): Promise<void> {
        await stopPolicyPack();
    },
};
