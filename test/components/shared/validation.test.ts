/**
 * Pins the argument checks of components/shared/validation.ts: the error's name and exact
 * message, the bounds of `positive` (0, NaN, Infinity, max, max+1, message with and without a
 * max), `nonEmpty`, `matches` on non-strings, the joined problems of `cidrs` and the message of
 * `logRetention` without an environment.
 */
import * as assert from "assert";
import { cidrs, ComponentArgumentError, logRetention, matches, nonEmpty, positive } from "../../../components/shared/validation";

function argumentErrorOf(fn: () => unknown): ComponentArgumentError {
    try {
        fn();
    } catch (error) {
        assert.ok(error instanceof ComponentArgumentError, `expected a ComponentArgumentError, got ${String(error)}`);
        return error;
    }
    assert.fail("expected a ComponentArgumentError");
}

describe("shared validation: ComponentArgumentError", () => {
    it("is named ComponentArgumentError and keeps component, argument and problem", () => {
        const error = new ComponentArgumentError("RestApi", "stageName", "must be short");
        assert.strictEqual(error.name, "ComponentArgumentError");
        assert.strictEqual(error.message, "RestApi: stageName must be short");
        assert.deepStrictEqual([error.component, error.argument, error.problem], ["RestApi", "stageName", "must be short"]);
    });
});

describe("shared validation: positive", () => {
    it("accepts a value just above 0 and exactly the max", () => {
        assert.strictEqual(positive("C", "timeout", 0.001), 0.001);
        assert.strictEqual(positive("C", "timeout", 10, 10), 10);
    });

    it("refuses 0, and says so without a max when none is given", () => {
        assert.strictEqual(argumentErrorOf(() => positive("C", "timeout", 0)).message, "C: timeout must be a number above 0 (got 0)");
    });

    it("refuses a negative value", () => {
        assert.strictEqual(argumentErrorOf(() => positive("C", "timeout", -1)).message, "C: timeout must be a number above 0 (got -1)");
    });

    it("refuses NaN and Infinity even without a max", () => {
        assert.strictEqual(argumentErrorOf(() => positive("C", "timeout", NaN)).message, "C: timeout must be a number above 0 (got null)");
        assert.strictEqual(argumentErrorOf(() => positive("C", "timeout", Infinity)).message, "C: timeout must be a number above 0 (got null)");
    });

    it("refuses max + 1 and names the max in the message", () => {
        assert.strictEqual(argumentErrorOf(() => positive("C", "timeout", 11, 10)).message, "C: timeout must be a number above 0 and at most 10 (got 11)");
    });

    it("refuses a numeric string", () => {
        const value = "5" as unknown as number;
        assert.strictEqual(argumentErrorOf(() => positive("C", "timeout", value, 10)).message, 'C: timeout must be a number above 0 and at most 10 (got "5")');
    });
});

describe("shared validation: nonEmpty", () => {
    it("returns a list with one entry as given", () => {
        const list = ["a"];
        assert.strictEqual(nonEmpty("C", "routes", list), list);
    });

    it("refuses an empty list", () => {
        assert.strictEqual(argumentErrorOf(() => nonEmpty("C", "routes", [])).message, "C: routes must list at least one entry");
    });

    it("refuses a missing list", () => {
        assert.strictEqual(argumentErrorOf(() => nonEmpty("C", "routes", undefined)).message, "C: routes must list at least one entry");
    });
});

describe("shared validation: matches", () => {
    it("returns a matching string", () => {
        assert.strictEqual(matches("C", "port", "443", /^\d+$/, "digits"), "443");
    });

    it("refuses a string that does not match", () => {
        assert.strictEqual(argumentErrorOf(() => matches("C", "port", "44a", /^\d+$/, "digits")).message, 'C: port must be digits (got "44a")');
    });

    it("refuses a non-string even when its string form would match", () => {
        const value = 443 as unknown as string;
        assert.strictEqual(argumentErrorOf(() => matches("C", "port", value, /^\d+$/, "digits")).message, "C: port must be digits (got 443)");
    });
});

describe("shared validation: cidrs", () => {
    it("joins every problem of the list with '; '", () => {
        assert.strictEqual(
            argumentErrorOf(() => cidrs("C", "allowedCidrs", ["0.0.0.0/0", "10.0.0.0/8", "0.0.0.0/0"])).message,
            "C: allowedCidrs must not contain 0.0.0.0/0 or open the service to every IPv4 address; list the networks that may connect " +
                '([0] "0.0.0.0/0" is /0, every IPv4 address; [2] "0.0.0.0/0" is /0, every IPv4 address)',
        );
    });
});

describe("shared validation: logRetention", () => {
    it("accepts a value CloudWatch Logs accepts", () => {
        assert.strictEqual(logRetention("C", "retentionDays", 3653), 3653);
    });

    it("lists every value CloudWatch Logs accepts, without an environment, when refusing one", () => {
        assert.strictEqual(
            argumentErrorOf(() => logRetention("C", "retentionDays", 2)).message,
            "C: retentionDays must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days (got 2)",
        );
    });
});
