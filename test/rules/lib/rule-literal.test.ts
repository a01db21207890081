/**
 * lib/rule, literally: the SDK tags of each peer, the type tag a resource rule's wrapped validation
 * keeps (the SDK's fast path reads it), and the waivers a rule's wrappers apply under the real
 * analyzer (the offline gate applies them itself): a resource rule's by the resource's URN, name or
 * route key, a stack rule's by the resource each finding names.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { ResourceValidation, ResourceValidationArgs, StackValidationArgs, validateResourceOfType } from "@pulumi/policy";
import { pulumiTypeOf, resourceRule, stackRule, tagsOf } from "../../../policy-pack/rules/lib/rule";
import { Waiver } from "../../../policy-pack/rules/lib/waivers";
import { policyResource, U } from "./preview-values";

const ROUTE = "aws:apigatewayv2/route:Route";
const GROUP = "aws:cloudwatch/logGroup:LogGroup";
const REASON = "accepted for the literal spec";
const common = {
    service: "apigatewayv2",
    description: "Reports every resource, for the tests.",
    remediationSteps: "None.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
} as const;

const config =
    (waivers: readonly Waiver[]) =>
    <T extends object>(): T =>
        ({ waivers }) as unknown as T;
const notApplicable = (reason?: string): never => {
    throw new Error(`not applicable: ${reason}`);
};

/** The resource validation args the analyzer hands a rule, for one resource and the rule's waivers. */
function resourceArgs(type: string, name: string, props: Record<string, unknown>, waivers: readonly Waiver[]): ResourceValidationArgs {
    const { type: t, name: n, urn, props: p, opts, isType } = policyResource(type, name, props);
    const asType = ((cls: unknown) => (isType(cls as never) ? p : undefined)) as ResourceValidationArgs["asType"];
    return { type: t, name: n, urn, props: p, opts, isType, asType, stackTags: new Map(), getConfig: config(waivers), notApplicable };
}

const routeRule = resourceRule({
    ...common,
    name: "literal-route-rule",
    validateResource: validateResourceOfType(aws.apigatewayv2.Route, (_route, args, report) => report(`${args.name}: open route`)),
});

async function routeFindings(name: string, props: Record<string, unknown>, waivers: readonly Waiver[]): Promise<string[]> {
    const found: string[] = [];
    await (routeRule.validateResource as ResourceValidation)(resourceArgs(ROUTE, name, props, waivers), (message) => found.push(message));
    return found;
}

const stack = stackRule({
    ...common,
    service: "cloudwatch",
    name: "literal-stack-rule",
    inspects: [aws.cloudwatch.LogGroup],
    validateStack: (args, report) => {
        for (const r of args.resources) {
            report(`${r.name}: a gap`, r.urn);
        }
        report("a stack-level gap");
    },
});

async function stackFindings(waivers: readonly Waiver[]): Promise<[string, string | undefined][]> {
    const resources = [policyResource(GROUP, "a", {}), policyResource(GROUP, "b", {})];
    const args: StackValidationArgs = { resources, stackTags: new Map(), getConfig: config(waivers), notApplicable };
    const found: [string, string | undefined][] = [];
    await stack.validateStack(args, (message, urn) => found.push([message, urn]));
    return found;
}

describe("lib/rule (literal)", () => {
    it("tagsOf: one tag per control, under each peer's own prefix, peers in a fixed order", () => {
        assert.deepStrictEqual(tagsOf("s3", { trivy: ["AWS-0086"], checkov: ["CKV_AWS_18"], cdkNag: ["AwsSolutions-S1"], securityHub: ["S3.8", "S3.1"] }), [
            "service:s3",
            "securityhub:S3.8",
            "securityhub:S3.1",
            "cdk-nag:AwsSolutions-S1",
            "checkov:CKV_AWS_18",
            "trivy:AWS-0086",
        ]);
    });

    it("a resource rule's wrapped validation keeps the type of the validation it wraps, one by one in a list", () => {
        assert.strictEqual(pulumiTypeOf(routeRule.validateResource as ResourceValidation), ROUTE);
        const listed = resourceRule({
            ...common,
            name: "literal-listed-rule",
            validateResource: [
                validateResourceOfType(aws.apigatewayv2.Route, () => undefined),
                validateResourceOfType(aws.apigatewayv2.Stage, () => undefined),
            ],
        });
        assert.deepStrictEqual((listed.validateResource as ResourceValidation[]).map(pulumiTypeOf), [ROUTE, "aws:apigatewayv2/stage:Stage"]);
    });

    it("a resource rule reports every finding when no waiver names the resource", async () => {
        assert.deepStrictEqual(await routeFindings("health", { routeKey: "GET /health" }, []), ["health: open route"]);
        assert.deepStrictEqual(await routeFindings("health", { routeKey: "GET /health" }, [{ resource: "status", reason: REASON }]), ["health: open route"]);
    });

    it("a resource rule's waiver names the resource by URN, by name, or by its route key", async () => {
        const urn = "urn:pulumi:test::p::aws:apigatewayv2/route:Route::health";
        assert.deepStrictEqual(await routeFindings("health", { routeKey: "GET /health" }, [{ resource: urn, reason: REASON }]), []);
        assert.deepStrictEqual(await routeFindings("health", { routeKey: "GET /health" }, [{ resource: "health", reason: REASON }]), []);
        assert.deepStrictEqual(await routeFindings("health", { routeKey: "GET /health" }, [{ resource: "GET /health", reason: REASON }]), []);
    });

    it("a resource rule's route waiver does not name a route whose key is another, or unknown at preview", async () => {
        assert.deepStrictEqual(await routeFindings("health", { routeKey: "GET /status" }, [{ resource: "GET /health", reason: REASON }]), [
            "health: open route",
        ]);
        assert.deepStrictEqual(await routeFindings("health", { routeKey: U }, [{ resource: "GET /health", reason: REASON }]), ["health: open route"]);
    });

    it("a resource rule's expired waiver turns back into the finding, saying so", async () => {
        assert.deepStrictEqual(
            await routeFindings("health", { routeKey: "GET /health" }, [{ resource: "GET /health", reason: REASON, expires: "2020-01-31" }]),
            ["the waiver for GET /health expired on 2020-01-31 (it said: accepted for the literal spec); health: open route"],
        );
    });

    it("a stack rule's waiver silences the findings on the resource it names, and only those", async () => {
        const A = "urn:pulumi:test::p::aws:cloudwatch/logGroup:LogGroup::a";
        const B = "urn:pulumi:test::p::aws:cloudwatch/logGroup:LogGroup::b";
        assert.deepStrictEqual(await stackFindings([]), [
            ["a: a gap", A],
            ["b: a gap", B],
            ["a stack-level gap", undefined],
        ]);
        assert.deepStrictEqual(await stackFindings([{ resource: "b", reason: REASON }]), [
            ["a: a gap", A],
            ["a stack-level gap", undefined],
        ]);
        assert.deepStrictEqual(await stackFindings([{ resource: A, reason: REASON }]), [
            ["b: a gap", B],
            ["a stack-level gap", undefined],
        ]);
    });
});
