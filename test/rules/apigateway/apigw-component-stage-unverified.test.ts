import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { REST_API_COMPONENT } from "../../../policy-pack/rules/apigateway/apigw-component-routes-authorized";
import { ruleFindings } from "../../rule-harness";
import { RemoteComponent } from "../components/remote-component";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-component-stage-unverified";
const component = (name: string) => new RemoteComponent(REST_API_COMPONENT, name, { routes: [], stageName: "v1" });
/** A value taken from the component's outputs (so the resource built from it depends on the component). */
const fromComponent = (c: pulumi.Resource, value: string) => c.urn.apply(() => value);

const throttling = (name: string, c: pulumi.Resource) =>
    new aws.apigateway.MethodSettings(name, {
        restApi: fromComponent(c, "abc123"),
        stageName: fromComponent(c, "v1"),
        methodPath: "*/*",
        settings: { throttlingRateLimit: 100, throttlingBurstLimit: 50 },
    });
const waf = (name: string, c: pulumi.Resource) =>
    new aws.wafv2.WebAclAssociation(name, {
        resourceArn: fromComponent(c, "arn:aws:apigateway:us-east-1::/restapis/abc123/stages/v1"),
        webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1",
    });

describe(RULE, () => {
    it("stays silent when the component's Stage is in the plan (the real CLI: the stage rules judge it)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const c = component("api");
                const api = new aws.apigateway.RestApi("api-api", {}, { parent: c });
                const deployment = new aws.apigateway.Deployment("api-deployment", { restApi: api.id }, { parent: c });
                new aws.apigateway.Stage("api-stage", { restApi: api.id, deployment: deployment.id, stageName: "v1" }, { parent: c });
            }),
        );
    });

    it("reports access logging, throttling and WAF as not verified for a component with no stage in the plan", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                component("api");
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "api",
                    message: [
                        /RestAPI "api" creates its API Gateway Stage inside the remote component/,
                        /access logging \(accessLogSettings/,
                        /throttling \(no MethodSettings/,
                        /WAF \(no WebAclAssociation/,
                    ],
                },
            ],
        );
    });

    it("counts MethodSettings and a WebAclAssociation built from the component's outputs; access logging stays unverified", async () => {
        const [finding] = await ruleFindings(RULE, () => {
            const c = component("api");
            throttling("api-throttle", c);
            waf("api-waf", c);
        });
        assertFindings([finding], RULE, "mandatory", [
            { resource: "api", message: [/the stage's access logging \(accessLogSettings, which no input of the component sets\) cannot be verified\./] },
        ]);
    });

    it("does not count MethodSettings or a WebAclAssociation of another API", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                component("api");
                const other = component("other");
                throttling("other-throttle", other);
                waf("other-waf", other);
            }),
            RULE,
            "mandatory",
            [
                { resource: "api", message: [/throttling \(no MethodSettings/, /WAF \(no WebAclAssociation/] },
                { resource: "other", message: [/access logging/] },
            ],
        );
    });

    it("states every unseen part of the stage, and the way to gate or waive it", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                component("api");
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "api",
                    message: [
                        exactly(
                            'RestAPI "api" creates its API Gateway Stage inside the remote component, which this plan does not contain, so the stage\'s ' +
                                "access logging (accessLogSettings, which no input of the component sets), throttling (no MethodSettings for its stage in the plan), " +
                                "WAF (no WebAclAssociation for its stage in the plan) cannot be verified. " +
                                "Gate it with pulumi preview --policy-pack, where the Stage itself is judged, or configure the stage (a transforms resource option for access logs, " +
                                "MethodSettings and a WebAclAssociation from the component's outputs) and waive this rule for the component with that reason.",
                        ),
                    ],
                },
            ],
        );
    });

    it("is silenced only by a Stage inside the component: not by another child, nor by a Stage outside it", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const c = component("api");
                new aws.apigateway.RestApi("api-api", {}, { parent: c });
                const other = new aws.apigateway.RestApi("other", {});
                const deployment = new aws.apigateway.Deployment("other-deployment", { restApi: other.id });
                new aws.apigateway.Stage("other-stage", { restApi: other.id, deployment: deployment.id, stageName: "v1" });
            }),
            RULE,
            "mandatory",
            [{ resource: "api", message: [/RestAPI "api" creates its API Gateway Stage inside the remote component/] }],
        );
    });
});
