/**
 * The root hook that keeps Stryker's per-test coverage honest (test/support/hooks.ts): after each
 * test no test is current, so code a later suite's `before()` runs is not credited to this test.
 */
import * as assert from "assert";
import { mochaHooks } from "../support/hooks";

type WithStryker = { __stryker__?: { currentTestId?: string } };

describe("mutation coverage hooks", () => {
    const host = globalThis as WithStryker;
    let saved: WithStryker["__stryker__"];
    beforeEach(() => {
        saved = host.__stryker__;
    });
    afterEach(() => {
        host.__stryker__ = saved;
    });

    it("clear Stryker's current test after each test", () => {
        host.__stryker__ = { currentTestId: "CustomDomain REST: an EC certificate" };
        mochaHooks.afterEach();
        assert.deepStrictEqual(host.__stryker__, { currentTestId: undefined });
    });

    it("do nothing outside Stryker", () => {
        delete host.__stryker__;
        mochaHooks.afterEach();
        assert.strictEqual(host.__stryker__, undefined);
    });
});
