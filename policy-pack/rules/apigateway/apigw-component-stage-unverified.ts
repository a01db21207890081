/**
 * The Stage a `@pulumi/aws-apigateway` RestAPI creates, when the plan cannot see it.
 *
 * Under the real CLI the component's children exist and the stage rules
 * (`apigw-stage-access-logging`, `apigw-stage-throttling`, `apigw-public-stage-waf`)
 * judge its Stage; this rule then stays silent, so nothing is reported twice.
 * Offline the component is one resource, and its inputs say nothing about the
 * stage's access logging: v3 of the package has no input for it (RestAPIArgs:
 * routes, swaggerString, stageName, apiKeySource, ... — no accessLogSettings),
 * so it is set, if at all, by a `transforms` resource option the gate cannot run.
 * Throttling and WAF can be added beside the component (`aws.apigateway.MethodSettings`,
 * `aws.wafv2.WebAclAssociation` built from its outputs) and count when present.
 * What stays unseen is reported as not verified, never passed.
 */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { componentClass, descendsFrom } from "../lib/components";
import { describe } from "../lib/messages";
import { stackRule } from "../lib/rule";
import { REST_API_COMPONENT } from "./apigw-component-routes-authorized";

/** True when `r` takes one of its inputs from `component`'s outputs. */
const builtFrom = (r: PolicyResource, component: PolicyResource): boolean =>
    Object.values(r.propertyDependencies).some((deps) => deps.some((d) => d.urn === component.urn));

export const apigwComponentStageUnverified = stackRule({
    name: "apigw-component-stage-unverified",
    service: "apigateway",
    description: `The Stage of an ${REST_API_COMPONENT} component (@pulumi/aws-apigateway) that is not in the plan is reported as not verified: its access logging (no component input sets it), and its throttling and WAF unless MethodSettings or a WebAclAssociation built from the component's outputs are in the plan.`,
    remediationSteps:
        "Gate the program with pulumi preview --policy-pack (the component's Stage is then judged by the stage rules), or set the stage's access logs with a transforms resource option on the component and waive this rule for it with that reason; add aws.apigateway.MethodSettings (*/*) with throttling and an aws.wafv2.WebAclAssociation for its stage.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [componentClass(REST_API_COMPONENT), aws.apigateway.Stage, aws.apigateway.MethodSettings, aws.wafv2.WebAclAssociation],
    validateStack: (args, report) => {
        for (const api of args.resources.filter((r) => r.type === REST_API_COMPONENT)) {
            if (args.resources.some((s) => s.isType(aws.apigateway.Stage) && descendsFrom(s, api))) {
                continue;
            }
            const beside = (r: PolicyResource) => !descendsFrom(r, api) && builtFrom(r, api);
            const throttled = args.resources.some((r) => r.isType(aws.apigateway.MethodSettings) && beside(r));
            const firewalled = args.resources.some((r) => r.isType(aws.wafv2.WebAclAssociation) && beside(r));
            const unseen = [
                "access logging (accessLogSettings, which no input of the component sets)",
                ...(throttled ? [] : ["throttling (no MethodSettings for its stage in the plan)"]),
                ...(firewalled ? [] : ["WAF (no WebAclAssociation for its stage in the plan)"]),
            ];
            report(
                `${describe(api)} creates its API Gateway Stage inside the remote component, which this plan does not contain, so the stage's ${unseen.join(", ")} cannot be verified. ` +
                    "Gate it with pulumi preview --policy-pack, where the Stage itself is judged, or configure the stage (a transforms resource option for access logs, MethodSettings and a WebAclAssociation from the component's outputs) and waive this rule for the component with that reason.",
                api.urn,
            );
        }
    },
});
