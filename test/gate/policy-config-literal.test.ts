/**
 * gate/policy-config, literally: the exact problems `policyConfigErrors` lists for a config file (not an
 * object, unknown policy, bad level, unknown key, schema violation, missing required key, the `all`
 * entry), the warning `policyConfigWarnings` gives when no mandatory rule is left, and the level and
 * config `resolvePolicyConfig` gives a policy (schema defaults, its own entry, `all`, the pack level).
 */
import * as assert from "assert";
import type { EnforcementLevel } from "@pulumi/policy";
import { policyConfigErrors, PolicyConfigError, PolicyPackConfigFile, policyConfigWarnings, resolvePolicyConfig } from "../../policy-pack/gate/policy-config";

const LEVELS = "advisory, mandatory, remediate, disabled";

/** A mandatory policy with a defaulted key, a required key without default and an optional one. */
const retention = {
    name: "retention",
    enforcementLevel: "mandatory" as EnforcementLevel,
    configSchema: {
        properties: {
            days: { type: "integer" as const, minimum: 1, default: 14 },
            owner: { type: "string" as const },
            note: { type: "string" as const },
            strict: { type: "boolean" as const, default: false },
        },
        required: ["days", "owner"],
    },
};
const plain = { name: "plain" };
const advisory = { name: "advisory-rule", enforcementLevel: "advisory" as EnforcementLevel, configSchema: { properties: {} } };
const policies = [retention, plain, advisory];

const config = (value: unknown) => value as PolicyPackConfigFile;

describe("gate/policy-config (literal)", () => {
    describe("policyConfigErrors", () => {
        it("refuses a file that is not a JSON object, quoting it", () => {
            for (const [file, shown] of [
                [null, "null"],
                [[], "[]"],
                ["mandatory", '"mandatory"'],
                [3, "3"],
            ] as const) {
                assert.deepStrictEqual(policyConfigErrors(policies, file), [
                    `policy config must be a JSON object of policy names to levels or config, got ${shown}`,
                ]);
            }
        });

        it("accepts an empty file, valid levels and valid config", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, {}), []);
            assert.deepStrictEqual(
                policyConfigErrors(policies, { retention: { owner: "ops", days: 30, enforcementLevel: "remediate" }, plain: "disabled", all: "advisory" }),
                [],
            );
            assert.deepStrictEqual(policyConfigErrors(policies, { "advisory-rule": "mandatory", plain: { enforcementLevel: "advisory" } }), []);
        });

        it("names an unknown policy and lists the known ones", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { retentoin: "mandatory" }), [
                'policy config names unknown policy "retentoin"; known: retention, plain, advisory-rule',
            ]);
        });

        it("refuses a level that is not one of the four, as a string or as enforcementLevel", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { plain: "warn" }), [`plain: enforcementLevel must be one of ${LEVELS}, got "warn"`]);
            assert.deepStrictEqual(policyConfigErrors(policies, { plain: { enforcementLevel: 2 } }), [
                `plain: enforcementLevel must be one of ${LEVELS}, got 2`,
            ]);
            assert.deepStrictEqual(policyConfigErrors(policies, { plain: { enforcementLevel: "Mandatory" } }), [
                `plain: enforcementLevel must be one of ${LEVELS}, got "Mandatory"`,
            ]);
        });

        it("refuses an entry that is neither a level nor an object of config keys", () => {
            for (const [entry, shown] of [
                [null, "null"],
                [["mandatory"], '["mandatory"]'],
                [true, "true"],
                [7, "7"],
            ] as const) {
                assert.deepStrictEqual(policyConfigErrors(policies, { plain: entry }), [
                    `plain: expected an enforcement level (${LEVELS}) or an object of config keys, got ${shown}`,
                ]);
            }
        });

        it("names an unknown config key and lists the allowed ones, or says there are none", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { retention: { owner: "ops", dayz: 3 } }), [
                'retention: unknown config key "dayz"; allowed: days, owner, note, strict',
            ]);
            assert.deepStrictEqual(policyConfigErrors(policies, { plain: { x: 1 } }), [
                'plain: unknown config key "x"; allowed: (none, only enforcementLevel)',
            ]);
            assert.deepStrictEqual(policyConfigErrors(policies, { "advisory-rule": { y: 1 } }), [
                'advisory-rule: unknown config key "y"; allowed: (none, only enforcementLevel)',
            ]);
        });

        it("checks each value against its schema under policy.key", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { retention: { owner: 5, days: 0 } }), [
                "retention.owner: expected string, got 5",
                "retention.days: must be at least 1, got 0",
            ]);
        });

        it("requires the required keys that have no default, whatever else the entry holds", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { retention: {} }), ["retention.owner: is required"]);
            assert.deepStrictEqual(policyConfigErrors(policies, { retention: { enforcementLevel: "bogus", note: "n" } }), [
                `retention: enforcementLevel must be one of ${LEVELS}, got "bogus"`,
                "retention.owner: is required",
            ]);
            const ghost = { name: "ghost", configSchema: { properties: {}, required: ["id"] } };
            assert.deepStrictEqual(policyConfigErrors([ghost], { ghost: {} }), ["ghost.id: is required"]);
            assert.deepStrictEqual(policyConfigErrors([ghost], { ghost: "advisory" }), []);
        });

        it("checks the all entry as a level or an enforcementLevel only, and not as a policy name", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { all: "remediate" }), []);
            assert.deepStrictEqual(policyConfigErrors(policies, { all: { enforcementLevel: "disabled" } }), []);
            assert.deepStrictEqual(policyConfigErrors(policies, { all: "loud" }), [`all: enforcementLevel must be one of ${LEVELS}, got "loud"`]);
            assert.deepStrictEqual(policyConfigErrors(policies, { all: { days: 3 } }), [
                'all: unknown config key "days"; allowed: (none, only enforcementLevel)',
            ]);
            assert.deepStrictEqual(policyConfigErrors([], { all: "advisory" }), []);
        });

        it("lists every problem of every entry, in file order", () => {
            assert.deepStrictEqual(policyConfigErrors(policies, { nope: "advisory", plain: "off", all: 1 }), [
                'policy config names unknown policy "nope"; known: retention, plain, advisory-rule',
                `plain: enforcementLevel must be one of ${LEVELS}, got "off"`,
                `all: expected an enforcement level (${LEVELS}) or an object of config keys, got 1`,
            ]);
        });
    });

    describe("policyConfigWarnings", () => {
        const WARNING = (n: number) => `the policy config turns off or downgrades every mandatory rule (${n}); nothing this gate reports can fail the run`;
        const second = { name: "second", enforcementLevel: "mandatory" as EnforcementLevel };

        it("warns nothing while a mandatory rule stays mandatory or remediate", () => {
            assert.deepStrictEqual(policyConfigWarnings(policies), []);
            assert.deepStrictEqual(policyConfigWarnings(policies, {}), []);
            assert.deepStrictEqual(policyConfigWarnings(policies, { retention: "remediate", plain: "disabled" }), []);
            assert.deepStrictEqual(policyConfigWarnings([retention, second], { retention: "advisory" }), []);
        });

        it("warns, counting the mandatory rules, when every one is disabled or made advisory", () => {
            assert.deepStrictEqual(policyConfigWarnings(policies, { retention: "disabled" }), [WARNING(1)]);
            assert.deepStrictEqual(policyConfigWarnings(policies, { retention: { owner: "ops", enforcementLevel: "advisory" } }), [WARNING(1)]);
            assert.deepStrictEqual(policyConfigWarnings([retention, second, plain], { retention: "advisory", second: "disabled" }), [WARNING(2)]);
            assert.deepStrictEqual(policyConfigWarnings([retention, second, plain], { all: "advisory" }), [WARNING(2)]);
        });

        it("warns nothing when no rule is mandatory by default (a rule without a level is advisory)", () => {
            assert.deepStrictEqual(policyConfigWarnings([plain, advisory], { all: "disabled" }), []);
            assert.deepStrictEqual(policyConfigWarnings([], {}), []);
        });
    });

    describe("resolvePolicyConfig", () => {
        it("gives the policy's level and its schema defaults (false included) without config", () => {
            assert.deepStrictEqual(resolvePolicyConfig(retention), { level: "mandatory", config: { days: 14, strict: false } });
            assert.deepStrictEqual(resolvePolicyConfig(retention, {}, "disabled"), { level: "mandatory", config: { days: 14, strict: false } });
        });

        it("gives the pack level, advisory by default, to a policy without its own", () => {
            assert.deepStrictEqual(resolvePolicyConfig(plain), { level: "advisory", config: {} });
            assert.deepStrictEqual(resolvePolicyConfig(plain, {}, "mandatory"), { level: "mandatory", config: {} });
        });

        it("takes the policy's own level, given as a string", () => {
            assert.deepStrictEqual(resolvePolicyConfig(retention, { retention: "disabled", all: "remediate" }), {
                level: "disabled",
                config: { days: 14, strict: false },
            });
        });

        it("merges the policy's own values over the defaults, its enforcementLevel overriding the level", () => {
            assert.deepStrictEqual(resolvePolicyConfig(retention, { retention: { owner: "ops", days: 30, enforcementLevel: "advisory" } }), {
                level: "advisory",
                config: { days: 30, strict: false, owner: "ops" },
            });
        });

        it("keeps the policy's level when its own entry has no enforcementLevel, whatever all says", () => {
            assert.deepStrictEqual(resolvePolicyConfig(retention, { retention: { owner: "ops" }, all: "disabled" }), {
                level: "mandatory",
                config: { days: 14, strict: false, owner: "ops" },
            });
        });

        it("applies the all entry's level to a policy without an entry, but none of its keys", () => {
            assert.deepStrictEqual(resolvePolicyConfig(retention, { all: "advisory" }), { level: "advisory", config: { days: 14, strict: false } });
            assert.deepStrictEqual(resolvePolicyConfig(retention, { all: { enforcementLevel: "disabled" } }), {
                level: "disabled",
                config: { days: 14, strict: false },
            });
            assert.deepStrictEqual(resolvePolicyConfig(plain, config({ all: {} }), "remediate"), { level: "remediate", config: {} });
        });

        it("does not require a policy's required keys when only the all entry applies", () => {
            assert.deepStrictEqual(resolvePolicyConfig(retention, { all: { enforcementLevel: "remediate" } }).level, "remediate");
        });

        it("throws every problem of the policy's own entry, one a line, naming the policy", () => {
            assert.throws(
                () => resolvePolicyConfig(retention, config({ retention: { enforcementLevel: "loud", days: "x" } })),
                (err: unknown) =>
                    err instanceof PolicyConfigError &&
                    err.message ===
                        `retention: enforcementLevel must be one of ${LEVELS}, got "loud"\nretention.days: expected integer, got "x"\nretention.owner: is required`,
            );
        });

        it("throws a bad all entry's problem under all when the policy has no entry of its own", () => {
            assert.throws(
                () => resolvePolicyConfig(retention, config({ all: "loud" })),
                (err: unknown) => err instanceof PolicyConfigError && err.message === `all: enforcementLevel must be one of ${LEVELS}, got "loud"`,
            );
            assert.throws(
                () => resolvePolicyConfig(plain, config({ all: { days: 1 } })),
                (err: unknown) => err instanceof PolicyConfigError && err.message === 'all: unknown config key "days"; allowed: (none, only enforcementLevel)',
            );
        });
    });
});
