/**
 * Which validations the engine calls, as the SDK's analyzer does: a validation
 * built for one type (validateResourceOfType) never runs on another, an untyped
 * one runs on every created resource, and a list of validations is dispatched
 * per entry. Stacks are left with their stack traces' limit as they were.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { ResourceValidation, ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { evaluatePolicies, PlainResource } from "../../policy-pack/gate/engine";

const resource = (type: string, name: string, read = false): PlainResource => ({
    urn: `urn:pulumi:test::p::${type}::${name}`,
    type,
    name,
    props: { name },
    read,
    dependencies: [],
    propertyDependencies: {},
});
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY = "aws:kms/key:Key";
const resources = [resource(LOG_GROUP, "logs-a"), resource(KEY, "key"), resource(LOG_GROUP, "logs-b"), resource(LOG_GROUP, "read-logs", true)];

/** A policy whose validations record what they were called on. */
function recording(validateResource: ResourceValidation | ResourceValidation[]): ResourceValidationPolicy {
    return { name: "records", description: "test", enforcementLevel: "advisory", validateResource };
}

describe("gate: the engine dispatches validations as the SDK does", () => {
    it("a typed validation sees only its type's created resources, in order; an untyped one sees every created resource", async () => {
        const typed: string[] = [];
        const untyped: string[] = [];
        await evaluatePolicies(
            [
                recording(validateResourceOfType(aws.cloudwatch.LogGroup, (_g, args) => void typed.push(args.name))),
                { ...recording((args) => void untyped.push(args.name)), name: "untyped" },
            ],
            resources,
        );
        assert.deepStrictEqual(typed, ["logs-a", "logs-b"]);
        assert.deepStrictEqual(untyped, ["logs-a", "key", "logs-b"]);
    });

    it("a list of validations: each typed entry on its own type, an untyped entry on all, findings in resource order", async () => {
        const calls: string[] = [];
        const violations = await evaluatePolicies(
            [
                recording([
                    validateResourceOfType(aws.kms.Key, (_k, args, report) => {
                        calls.push(`key:${args.name}`);
                        report("key finding");
                    }),
                    validateResourceOfType(aws.cloudwatch.LogGroup, (_g, args, report) => {
                        calls.push(`logs:${args.name}`);
                        report("logs finding");
                    }),
                    (args) => void calls.push(`any:${args.name}`),
                ]),
            ],
            resources,
        );
        assert.deepStrictEqual(calls, ["logs:logs-a", "any:logs-a", "key:key", "any:key", "logs:logs-b", "any:logs-b"]);
        assert.deepStrictEqual(
            violations.map((v) => [v.resourceName, v.message]),
            [
                ["logs-a", "logs finding"],
                ["key", "key finding"],
                ["logs-b", "logs finding"],
            ],
        );
    });

    it("restores the stack trace limit after evaluating, also when a rule fails", async () => {
        const before = Error.stackTraceLimit;
        await evaluatePolicies([recording(() => undefined)], resources);
        assert.strictEqual(Error.stackTraceLimit, before);
        await assert.rejects(
            evaluatePolicies(
                [
                    recording(() => {
                        throw new Error("boom");
                    }),
                ],
                resources,
            ),
            /rule records failed on .*logs-a: boom/,
        );
        assert.strictEqual(Error.stackTraceLimit, before);
    });
});
