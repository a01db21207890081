/** Mocha root hooks: the shared policy pack process (test/support/analyzer.ts) stops when the run ends. */
import { stopPolicyPack } from "./analyzer";

export const mochaHooks = {
    async afterAll(): Promise<void> {
        await stopPolicyPack();
    },
};
