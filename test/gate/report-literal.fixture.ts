/** A hand-built plan and policies for the literal report specs (report-literal, report-sarif-literal). */
import * as path from "path";
import type { Policies, ResourceValidationPolicy } from "@pulumi/policy";
import { Violation } from "../../policy-pack/gate/engine";
import { UNKNOWN } from "../../policy-pack/gate/mocks";
import { PlanReport } from "../../policy-pack/gate/report";
import { RecordedResource } from "../../policy-pack/gate/runtime";

export const P = "urn:pulumi:dev::proj::";
export const STACK = `${P}pulumi:pulumi:Stack::proj-dev`;
export const COMP = `${P}my:Comp::c`;
export const B = `${P}my:Comp$aws:s3/bucket:Bucket::b`;
export const B2 = `${P}my:Comp$aws:s3/bucket:Bucket::b2`;
export const TOPIC = `${P}aws:sns/topic:Topic::t`;

export const res = (urn: string, type: string, name: string, custom: boolean, extra: Partial<RecordedResource> = {}): RecordedResource => ({
    urn,
    type,
    name,
    custom,
    read: false,
    props: {},
    secretPaths: [],
    dependencies: [],
    propertyDependencies: {},
    ...extra,
});

export const BUCKET = "aws:s3/bucket:Bucket";
/** Registration order, not URN order; the topic's parent is not in the plan. */
export const RESOURCES: RecordedResource[] = [
    res(STACK, "pulumi:pulumi:Stack", "proj-dev", false),
    res(B2, BUCKET, "b2", true, { parent: COMP }),
    res(TOPIC, "aws:sns/topic:Topic", "t", true, { parent: `${P}gone::x` }),
    res(COMP, "my:Comp", "c", false, { parent: STACK }),
    res(B, BUCKET, "b", true, {
        parent: COMP,
        props: { bucket: "b", secretKey: "s3cr3t", id: UNKNOWN, key: "AKIAIOSFODNN7EXAMPLE" },
        secretPaths: ["secretKey"],
        source: { file: path.join(process.cwd(), "prog", "index.ts"), line: 7, column: 3 },
    }),
];

export const rule = (name: string, extra: Partial<ResourceValidationPolicy>): ResourceValidationPolicy => ({
    name,
    description: `${name} description`,
    validateResource: () => undefined,
    ...extra,
});
export const POLICIES: Policies = [
    rule("r-mand", { enforcementLevel: "mandatory", remediationSteps: "Fix the bucket.", tags: ["service:s3", "checkov:CKV_1", "trivy:T-1"] }),
    rule("r-adv", { enforcementLevel: "advisory" }),
    rule("r-rem", { enforcementLevel: "remediate" }),
    rule("r-off", { enforcementLevel: "disabled" }),
    rule("r-def", {}),
];

export const onB: Violation = { policyName: "r-mand", enforcementLevel: "mandatory", message: "b is open.", urn: B, resourceType: BUCKET, resourceName: "b" };
export const unverified: Violation = { policyName: "r-mand", enforcementLevel: "mandatory", message: "stack unknown.", unverified: true };
export const advisory: Violation = {
    policyName: "r-adv",
    enforcementLevel: "advisory",
    message: "b2 untagged.",
    urn: B2,
    resourceType: BUCKET,
    resourceName: "b2",
};
export const waivedB2: Violation = {
    ...onB,
    urn: B2,
    resourceName: "b2",
    message: "b2 is open.",
    waived: { reason: "accepted for now", expires: "2099-01-31" },
};
export const waivedStack: Violation = { policyName: "r-adv", enforcementLevel: "advisory", message: "stack-wide.", waived: { reason: "no tags here" } };

export function report(over: Partial<PlanReport> = {}): PlanReport {
    return {
        mode: "update",
        stack: "dev",
        project: "proj",
        program: "prog/index.ts",
        resources: RESOURCES,
        outputs: {},
        violations: [],
        warnings: [],
        references: [],
        coverage: { inspectedBy: new Map(), uninspectedTypes: [], uninspectedSurfaces: [] },
        packages: [],
        ...over,
    };
}
export const SURFACE = { urn: TOPIC, type: "aws:sns/topic:Topic", name: "t" };
