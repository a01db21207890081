/**
 * Pins validateThrottle (components/shared/throttle.ts) against API Gateway's account defaults
 * the baseline uses: rateLimit above 0 and at most 10000, burstLimit an integer from 1 to 5000,
 * a missing or non-object throttle refused, each with its exact message.
 */
import * as assert from "assert";
import { ThrottleSettings, validateThrottle } from "../../../components/shared/throttle";
import { ComponentArgumentError } from "../../../components/shared/validation";

function messageOf(throttle: unknown): string {
    try {
        validateThrottle("RestApi", "throttle", throttle as ThrottleSettings);
    } catch (error) {
        assert.ok(error instanceof ComponentArgumentError, `expected a ComponentArgumentError, got ${String(error)}`);
        return error.message;
    }
    assert.fail("expected a ComponentArgumentError");
}

const RATE_MESSAGE = (got: string): string => `RestApi: throttle.rateLimit must be a number above 0 and at most 10000 (got ${got})`;
const BURST_MESSAGE = (got: string): string => `RestApi: throttle.burstLimit must be an integer from 1 to 5000 (got ${got})`;

describe("shared throttle: validateThrottle", () => {
    it("accepts the largest rate and burst (10000 and 5000) and returns the throttle as given", () => {
        const throttle = { rateLimit: 10000, burstLimit: 5000 };
        assert.strictEqual(validateThrottle("RestApi", "throttle", throttle), throttle);
    });

    it("accepts the smallest burst (1) and a fractional rate above 0", () => {
        const throttle = { rateLimit: 0.5, burstLimit: 1 };
        assert.strictEqual(validateThrottle("RestApi", "throttle", throttle), throttle);
    });

    it("refuses a missing throttle", () => {
        assert.strictEqual(messageOf(undefined), "RestApi: throttle is required (rateLimit and burstLimit)");
    });

    it("refuses a null throttle", () => {
        assert.strictEqual(messageOf(null), "RestApi: throttle is required (rateLimit and burstLimit)");
    });

    it("refuses a throttle that is not an object", () => {
        assert.strictEqual(messageOf("100/50"), "RestApi: throttle is required (rateLimit and burstLimit)");
    });

    it("refuses a rate of 0", () => {
        assert.strictEqual(messageOf({ rateLimit: 0, burstLimit: 10 }), RATE_MESSAGE("0"));
    });

    it("refuses a rate of 10001", () => {
        assert.strictEqual(messageOf({ rateLimit: 10001, burstLimit: 10 }), RATE_MESSAGE("10001"));
    });

    it("refuses a numeric string rate", () => {
        assert.strictEqual(messageOf({ rateLimit: "100", burstLimit: 10 }), RATE_MESSAGE('"100"'));
    });

    it("refuses a burst of 0", () => {
        assert.strictEqual(messageOf({ rateLimit: 100, burstLimit: 0 }), BURST_MESSAGE("0"));
    });

    it("refuses a burst of 5001", () => {
        assert.strictEqual(messageOf({ rateLimit: 100, burstLimit: 5001 }), BURST_MESSAGE("5001"));
    });

    it("refuses a fractional burst", () => {
        assert.strictEqual(messageOf({ rateLimit: 100, burstLimit: 1.5 }), BURST_MESSAGE("1.5"));
    });
});
