/** Stages of public REST APIs must sit behind a WAFv2 web ACL. */
import * as aws from "@pulumi/aws";
import { known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { OutputsOf, refersTo, resourcesOf, StackResource } from "../lib/resources";
import { stackRule } from "../lib/rule";
import { apiOfStage, endpointTypeOf, restApiIndex, StageResource } from "../lib/stages";

type AssociationResource = StackResource<OutputsOf<aws.wafv2.WebAclAssociation>>;

/** True when the association's known resourceArn names the stage by its known API id and stage name. */
function arnNamesStage(association: AssociationResource, stage: StageResource): boolean {
    const arn = known(() => association.props.resourceArn);
    const match = arn.known && typeof arn.value === "string" ? /\/restapis\/([^/]+)\/stages\/([^/]+)$/.exec(arn.value) : null;
    if (!match) {
        return false;
    }
    const api = known(() => stage.props.restApi);
    const name = known(() => stage.props.stageName);
    return api.known && api.value === match[1] && name.known && name.value === match[2];
}

/** True when a web ACL association targets the stage: its resourceArn came from the stage, or names it. */
export function associationCoversStage(association: AssociationResource, stage: StageResource): boolean {
    return refersTo(association, "resourceArn", stage, [(s) => s.arn]) || arnNamesStage(association, stage);
}

export const apigwPublicStageWaf = stackRule({
    name: "apigw-public-stage-waf",
    service: "apigateway",
    description: "Stages of public (EDGE or REGIONAL) REST APIs must be associated with a WAFv2 web ACL.",
    remediationSteps: "Create an aws.wafv2.WebAclAssociation from a REGIONAL web ACL to the stage ARN (the WebAcl component does this).",
    severity: "high",
    enforcementLevel: "mandatory",
    // Checked: checkov tests/terraform/graph/checks/resources/APIProtectedByWAF (no_assoc fails here too; a stage with no API in the program fails here, passes there).
    controls: { checkov: ["CKV2_AWS_29"] },
    inspects: [aws.apigateway.RestApi, aws.apigateway.Stage, aws.wafv2.WebAclAssociation],
    validateStack: (args, report) => {
        const apis = restApiIndex(resourcesOf(args.resources, aws.apigateway.RestApi));
        const associations = resourcesOf(args.resources, aws.wafv2.WebAclAssociation);
        for (const stage of resourcesOf(args.resources, aws.apigateway.Stage)) {
            const api = apiOfStage(stage, apis);
            const type = api ? endpointTypeOf(api) : undefined;
            if (type?.known && type.value === "PRIVATE") {
                continue;
            }
            if (associations.some((a) => associationCoversStage(a, stage))) {
                continue;
            }
            // An association whose ARN is not known yet and was not built from any stage may turn out to target this one.
            const pending = associations.find(
                (a) =>
                    !known(() => a.props.resourceArn).known && !(a.resource.propertyDependencies.resourceArn ?? []).some((d) => d.isType(aws.apigateway.Stage)),
            );
            if (pending) {
                report(
                    unverifiable(pending.label, "resourceArn", `be the ARN of ${stage.label}, which serves a public API and needs a WAFv2 web ACL`),
                    stage.urn,
                );
                continue;
            }
            if (api && type && !type.known) {
                report(unverifiable(api.label, type.path, `be PRIVATE, or ${stage.label} must be associated with a WAFv2 web ACL`), stage.urn);
                continue;
            }
            const served = type?.known ? `a ${type.value}` : "a possibly public (its RestApi is not in this stack)";
            report(
                `${stage.label} serves ${served} API with no WAFv2 web ACL in front of it (no WebAclAssociation has the stage ARN as resourceArn), ` +
                    "so SQL injection, XSS and floods reach the backend unfiltered. Associate a REGIONAL web ACL with the stage ARN.",
                stage.urn,
            );
        }
    },
});
