import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings } from "../../rule-harness";
import { afterDeployment, restApi, stage, webAcl } from "../builders";
import { assertFindings, exactly } from "../expect";

const RULE = "apigw-public-stage-waf";
const unprotected = (name: string, served: string) =>
    exactly(
        `Stage "${name}" serves ${served} API with no WAFv2 web ACL in front of it (no WebAclAssociation has the stage ARN as resourceArn), ` +
            "so SQL injection, XSS and floods reach the backend unfiltered. Associate a REGIONAL web ACL with the stage ARN.",
    );

describe(`${RULE} (cases)`, () => {
    it("an association built from one stage's ARN (and another output) does not wait for, nor protect, another stage", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            const a = stage("a", api);
            stage("b", api);
            new aws.wafv2.WebAclAssociation("assoc", {
                resourceArn: pulumi.all([a.arn, afterDeployment("x")]).apply(([arn]) => arn),
                webAclArn: webAcl("acl").arn,
            });
        });
        assertFindings(found, RULE, "mandatory", [{ resource: "b", message: [unprotected("b", "a REGIONAL")] }]);
    });

    it("a literal ARN with more after the stage name does not name the stage", async () => {
        const found = await ruleFindings(RULE, () => {
            const deployment = new aws.apigateway.Deployment("d", { restApi: "abc123" });
            new aws.apigateway.Stage("v1", { restApi: "abc123", deployment: deployment.id, stageName: "v1" });
            new aws.wafv2.WebAclAssociation("assoc", {
                resourceArn: "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v1/extra",
                webAclArn: webAcl("acl").arn,
            });
        });
        assertFindings(found, RULE, "mandatory", [{ resource: "v1", message: [unprotected("v1", "a possibly public (its RestApi is not in this stack)")] }]);
    });
});
