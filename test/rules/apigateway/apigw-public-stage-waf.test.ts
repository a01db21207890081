import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi, stage, webAcl } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-public-stage-waf";
const associate = (name: string, resourceArn: aws.wafv2.WebAclAssociationArgs["resourceArn"], acl: aws.wafv2.WebAcl) =>
    new aws.wafv2.WebAclAssociation(name, { resourceArn, webAclArn: acl.arn });

describe(RULE, () => {
    it("passes the compliant baseline: a REGIONAL stage with a web ACL association, and a PRIVATE stage without", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const s = stage("protected", restApi("public"));
                associate("assoc", s.arn, webAcl("acl"));
                stage("private-stage", restApi("private", { endpointConfiguration: { types: "PRIVATE" } }));
            }),
        );
    });

    it("accepts an association by a literal stage ARN", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const deployment = new aws.apigateway.Deployment("d", { restApi: "abc123" });
                new aws.apigateway.Stage("v1", { restApi: "abc123", deployment: deployment.id, stageName: "v1" });
                associate("assoc", "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v1", webAcl("acl"));
            }),
        );
    });

    it("a literal ARN protects only the stage it names: another stage name, another API id or another kind of ARN does not", async () => {
        const found = await ruleFindings(RULE, () => {
            const deployment = new aws.apigateway.Deployment("d", { restApi: "abc123" });
            for (const [name, stageName] of [
                ["named", "v1"],
                ["other-name", "v2"],
                ["other-api", "v3"],
                ["other-kind", "v4"],
            ]) {
                new aws.apigateway.Stage(name, { restApi: name === "other-api" ? "zzz999" : "abc123", deployment: deployment.id, stageName });
            }
            const acl = webAcl("acl");
            associate("assoc-v1", "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v1", acl);
            associate("assoc-v2-elsewhere", "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v2-old", acl);
            associate("assoc-v3-elsewhere", "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v3", acl);
            associate("assoc-alb", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/v4/50dc6c495c0c9188", acl);
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "other-api", message: [/Stage "other-api" serves a possibly public .* API with no WAFv2 web ACL/] },
            { resource: "other-kind", message: [/Stage "other-kind" serves a possibly public/] },
            { resource: "other-name", message: [/Stage "other-name" serves a possibly public/] },
        ]);
    });

    it("rejects every public stage without an association: REGIONAL, and EDGE (the default)", async () => {
        const found = await ruleFindings(RULE, () => {
            stage("exposed", restApi("regional"));
            stage("edge", restApi("edge-api", { endpointConfiguration: undefined }));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "exposed", message: [/Stage "exposed" serves a REGIONAL API with no WAFv2 web ACL/, /resourceArn/] },
            { resource: "edge", message: [/serves a EDGE API with no WAFv2 web ACL/] },
        ]);
    });

    it("an association with another resource does not protect the stage", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("public");
                stage("unprotected", api);
                associate("assoc", stage("other", api).arn, webAcl("acl"));
            }),
            RULE,
            "mandatory",
            [{ resource: "unprotected", message: [/no WAFv2 web ACL/] }],
        );
    });

    it("fails closed when the stage's API is not in the stack", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const deployment = new aws.apigateway.Deployment("d", { restApi: "abc123" });
                new aws.apigateway.Stage("foreign", { restApi: "abc123", deployment: deployment.id, stageName: "v1" });
            }),
            RULE,
            "mandatory",
            [{ resource: "foreign", message: [/possibly public/] }],
        );
    });

    it("an endpoint type or an association's resourceArn built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const types = await ruleFindingsByMode(RULE, () => {
            stage("whole", restApi("whole-api", { endpointConfiguration: afterDeployment({ types: "REGIONAL" }) }));
            stage("entry", restApi("entry-api", { endpointConfiguration: { types: afterDeployment("EDGE") } }));
            // Protected whatever its API's type becomes.
            const s = stage("protected", restApi("protected-api", { endpointConfiguration: { types: afterDeployment("REGIONAL") } }));
            associate("assoc", s.arn, webAcl("acl"));
        });
        assertFindings(types.preview, RULE, "mandatory", [
            {
                resource: "whole",
                message: [
                    /cannot be verified at preview: RestApi "whole-api"\.endpointConfiguration\.types is unknown; it must be PRIVATE, or Stage "whole" must be associated with a WAFv2 web ACL\./,
                ],
            },
            {
                resource: "entry",
                message: [/RestApi "entry-api"\.endpointConfiguration\.types is unknown; it must be PRIVATE, or Stage "entry" must be associated/],
            },
        ]);
        assertFindings(types.update, RULE, "mandatory", [
            { resource: "whole", message: [/Stage "whole" serves a REGIONAL API with no WAFv2 web ACL/] },
            { resource: "entry", message: [/Stage "entry" serves a EDGE API with no WAFv2 web ACL/] },
        ]);
        // An association whose ARN is built from no stage may turn out to protect any stage: "exposed" it does not, "v1" it does.
        const arns = await ruleFindingsByMode(RULE, () => {
            stage("exposed", restApi("public"));
            const deployment = new aws.apigateway.Deployment("d", { restApi: "abc123" });
            new aws.apigateway.Stage("v1", { restApi: "abc123", deployment: deployment.id, stageName: "v1" });
            stage("private-stage", restApi("private", { endpointConfiguration: { types: "PRIVATE" } }));
            associate("later", afterDeployment("arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v1"), webAcl("acl"));
        });
        const pending = (s: string) =>
            new RegExp(
                `WebAclAssociation "later"\\.resourceArn is unknown; it must be the ARN of Stage "${s}", which serves a public API and needs a WAFv2 web ACL\\.`,
            );
        assertFindings(arns.preview, RULE, "mandatory", [
            { resource: "exposed", message: [pending("exposed")] },
            { resource: "v1", message: [pending("v1")] },
        ]);
        assertFindings(arns.update, RULE, "mandatory", [{ resource: "exposed", message: [/Stage "exposed" serves a REGIONAL API with no WAFv2 web ACL/] }]);
    });
});
