/**
 * The offline engine hands rules properties exactly as the SDK does: reading an
 * unknown value throws, and the engine turns that into an unverified finding at
 * the rule's level (never a silent pass); a rule that throws anything else fails
 * the run naming the rule and the resource.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { ResourceValidationPolicy, StackValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { evaluatePolicies, RuleError } from "../../policy-pack/gate/engine";
import { runProgram } from "../harness";

const readsKmsKey: ResourceValidationPolicy = {
    name: "reads-kms-key",
    description: "test rule",
    enforcementLevel: "mandatory",
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, _args, report) => {
        if (!group.kmsKeyId?.startsWith("arn:")) {
            report("no key");
        }
    }),
};
const checksPresence: ResourceValidationPolicy = {
    ...readsKmsKey,
    name: "checks-presence",
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, _args, report) => {
        if (!("kmsKeyId" in group)) {
            report("no key");
        }
    }),
};
const readsIds: StackValidationPolicy = {
    name: "reads-ids",
    description: "test stack rule",
    enforcementLevel: "advisory",
    validateStack: (args) => {
        args.resources.forEach((r) => String(r.props.id));
    },
};
const throws: ResourceValidationPolicy = {
    ...readsKmsKey,
    name: "throws",
    validateResource: (args) => {
        if (args.name === "logs") {
            throw new TypeError("boom");
        }
    },
};

const program = () => {
    const key = new aws.kms.Key("key", {});
    new aws.cloudwatch.LogGroup("logs", { kmsKeyId: key.arn });
};

describe("gate: the engine at a first preview", () => {
    it("reports a rule that reads an unknown value as unverified, at the rule's level, naming the value", async () => {
        const plan = await runProgram(program, { mode: "preview" });
        const [finding, ...rest] = await evaluatePolicies([readsKmsKey], plan.resources);
        assert.deepStrictEqual(rest, []);
        assert.strictEqual(finding.unverified, true);
        assert.strictEqual(finding.enforcementLevel, "mandatory");
        assert.strictEqual(finding.resourceName, "logs");
        assert.match(finding.message, /^could not be checked: string value at \.kmsKeyId can't be known during preview/);
    });

    it("lets presence checks and known values decide at preview, and reads every value in update mode", async () => {
        const preview = await runProgram(program, { mode: "preview" });
        assert.deepStrictEqual(await evaluatePolicies([checksPresence], preview.resources), []);
        const update = await runProgram(program, { mode: "update" });
        assert.deepStrictEqual(await evaluatePolicies([readsKmsKey, checksPresence], update.resources), []);
    });

    it("reports a stack rule that reads an unknown id as unverified for the stack", async () => {
        const plan = await runProgram(program, { mode: "preview" });
        const found = await evaluatePolicies([readsIds], plan.resources);
        assert.deepStrictEqual(
            found.map((f) => [f.policyName, f.enforcementLevel, f.unverified, f.urn]),
            [["reads-ids", "advisory", true, undefined]],
        );
        assert.deepStrictEqual(await evaluatePolicies([readsIds], (await runProgram(program)).resources), []);
    });

    it("fails the run when a rule throws anything else, naming rule and resource", async () => {
        const plan = await runProgram(program);
        await assert.rejects(
            evaluatePolicies([throws], plan.resources),
            (err: Error) =>
                err instanceof RuleError &&
                /^rule throws failed on urn:pulumi:test::secure-api-platform::pulumi:pulumi:Stack\$aws:cloudwatch\/logGroup:LogGroup::logs: boom$/.test(
                    err.message,
                ),
        );
    });
});
