import * as assert from "assert";
import { PrivateApi, PrivateApiArgs } from "../../../components";
import { privateApiPolicyProblems } from "../../../policy-pack/rules/lib/resource-policy";
import { assertRejectsBeforeCreating, names, runProgram } from "../../harness";
import { restApiArgs } from "../fixtures";

function privateArgs(network: Partial<PrivateApiArgs["network"]> = {}): PrivateApiArgs {
    const { endpointType: _e, ...rest } = restApiArgs();
    return { ...rest, network: { allowedCidrs: ["10.0.0.0/8"], ...network } };
}

describe("PrivateApi", () => {
    it("creates a VPC with awsx when none is given, and an execute-api interface endpoint with private DNS", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs({ vpcCidr: "10.20.0.0/16" }));
        });
        const vpc = plan.one("awsx:ec2:Vpc");
        assert.strictEqual(vpc.props.cidrBlock, "10.20.0.0/16");
        const endpoint = plan.props("aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.strictEqual(endpoint.serviceName, "com.amazonaws.us-east-1.execute-api");
        assert.strictEqual(endpoint.vpcEndpointType, "Interface");
        assert.strictEqual(endpoint.privateDnsEnabled, true);
        assert.match(String(endpoint.vpcId), /^vpc-/);
        assert.deepStrictEqual((endpoint.subnetIds as string[]).length, 2, "the mocked awsx VPC's private subnets");
    });

    it("admits only HTTPS from the allowed CIDRs to the endpoint", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs({ allowedCidrs: ["10.1.0.0/16", "10.2.0.0/16"] }));
        });
        const sg = plan.props("aws:ec2/securityGroup:SecurityGroup");
        assert.deepStrictEqual(
            (sg.ingress as Record<string, unknown>[]).map((r) => [r.protocol, r.fromPort, r.toPort, r.cidrBlocks]),
            [["tcp", 443, 443, ["10.1.0.0/16", "10.2.0.0/16"]]],
        );
        assert.deepStrictEqual(sg.egress, []);
    });

    it("is a PRIVATE API whose resource policy denies calls not through its endpoint", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs());
        });
        const api = plan.props("aws:apigateway/restApi:RestApi");
        const endpointId = plan.one("aws:ec2/vpcEndpoint:VpcEndpoint");
        const config = api.endpointConfiguration as { types: string; vpcEndpointIds: string[] };
        assert.strictEqual(config.types, "PRIVATE");
        assert.strictEqual(config.vpcEndpointIds.length, 1);
        const policy = JSON.parse(String(api.policy)) as { Statement: { Effect: string; Condition: Record<string, Record<string, string[]>> }[] };
        const deny = policy.Statement.find((s) => s.Effect === "Deny")!;
        assert.deepStrictEqual(deny.Condition.StringNotEquals["aws:SourceVpce"], config.vpcEndpointIds);
        assert.ok(endpointId.urn);
        assert.deepStrictEqual(privateApiPolicyProblems(api.policy), []);
        const violations = await plan.violations();
        assert.ok(!names(violations).includes("apigw-private-api-resource-policy"));
        assert.ok(!names(violations).includes("apigw-public-stage-waf"), "a private stage needs no WAF");
    });

    it("uses a given VPC and subnets instead of creating one", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs({ vpcId: "vpc-0abc", subnetIds: ["subnet-1", "subnet-2"] }));
        });
        assert.strictEqual(plan.ofType("awsx:ec2:Vpc").length, 0);
        const endpoint = plan.props("aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.strictEqual(endpoint.vpcId, "vpc-0abc");
        assert.deepStrictEqual(endpoint.subnetIds, ["subnet-1", "subnet-2"]);
    });

    describe("bad arguments throw before anything is created", () => {
        const cases: [string, Partial<PrivateApiArgs["network"]>, RegExp][] = [
            ["the whole internet", { allowedCidrs: ["0.0.0.0/0"] }, /network\.allowedCidrs must not contain 0\.0\.0\.0\/0/],
            ["no allowed CIDRs", { allowedCidrs: [] }, /network\.allowedCidrs must list at least one CIDR/],
            ["a malformed CIDR", { allowedCidrs: ["10.0.0.0"] }, /network\.allowedCidrs\[0\] must be an IPv4 CIDR/],
            ["a VPC without subnets", { vpcId: "vpc-1" }, /network\.subnetIds must list the endpoint's subnets/],
            ["a /8 VPC", { vpcCidr: "10.0.0.0/8" }, /network\.vpcCidr must be an IPv4 CIDR from \/16 to \/24/],
        ];
        for (const [what, network, message] of cases) {
            it(`rejects ${what}`, () => assertRejectsBeforeCreating(() => new PrivateApi("bad", privateArgs(network)), /^PrivateApi/, message));
        }
        it("rejects bad API arguments before creating the VPC", () =>
            assertRejectsBeforeCreating(
                () => new PrivateApi("bad", { ...privateArgs(), stageName: "bad stage" }),
                /RestApi: stageName must be 1-128 letters, digits, _ or -/,
            ));
    });
});
