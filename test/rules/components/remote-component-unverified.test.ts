import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { remoteComponentConfig, remoteComponentUnverified } from "../../../policy-pack/rules/components/remote-component-unverified";
import { ruleFindings } from "../../rule-harness";
import { assertFindings, assertNoFindings } from "../expect";
import { RemoteComponent } from "./remote-component";

const RULE = "remote-component-unverified";

class LocalComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string) {
        super(type, name, {});
        new aws.s3.Bucket(`${name}-bucket`, {}, { parent: this });
    }
}

describe(RULE, () => {
    it("allows no type by default", () => {
        assert.deepStrictEqual(remoteComponentConfig.defaults.allowedTypes, []);
        assert.deepStrictEqual(remoteComponentUnverified.configSchema?.properties.allowedTypes.default, []);
    });

    it("passes the compliant baseline: provider resources, the platform's components, a component with children, the checked RestAPI", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                new aws.s3.Bucket("bucket");
                new RemoteComponent("secure-api:auth:CognitoUserPool", "own");
                new LocalComponent("awsx:ec2:Vpc", "vpc");
                new RemoteComponent("aws-apigateway:index:RestAPI", "api", { routes: [] });
            }),
        );
    });

    it("reports every component with no children as not verified", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new RemoteComponent("awsx:ecr:Repository", "repo");
                new RemoteComponent("eks:index:Cluster", "cluster");
            }),
            RULE,
            "mandatory",
            [
                { resource: "repo", message: [/not verified: Repository "repo" is a awsx:ecr:Repository component/, /allowedTypes/] },
                { resource: "cluster", message: [/eks:index:Cluster/] },
            ],
        );
    });

    it("waives an allow-listed type, and only that type", async () => {
        const config = { [RULE]: { allowedTypes: ["awsx:ecr:Repository"] } };
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    new RemoteComponent("awsx:ecr:Repository", "repo");
                    new RemoteComponent("eks:index:Cluster", "cluster");
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "cluster", message: [/eks:index:Cluster/] }],
        );
    });

    it("rejects a config whose allowedTypes has an empty or a repeated entry", async () => {
        const program = () => {
            new RemoteComponent("eks:index:Cluster", "cluster");
        };
        for (const allowedTypes of [[""], ["eks:index:Cluster", "eks:index:Cluster"]]) {
            await assert.rejects(ruleFindings(RULE, program, { config: { [RULE]: { allowedTypes } } }), /allowedTypes/, JSON.stringify(allowedTypes));
        }
    });
});
