/**
 * Pins, with literal expectations, the network checks and resources of
 * `PrivateApi` (VPC CIDR /16-/24 boundaries, default VPC, DNS flags, security
 * group texts, endpoint wiring, parents), the AWS_IAM routes in `PublicApi`'s
 * resource policy, and the id formats `validateResourcePolicySettings`
 * accepts (account, organization and VPC endpoint ids, at their length limits).
 */
import * as assert from "assert";
import {
    PrivateApi,
    PrivateApiArgs,
    PrivateNetworkArgs,
    PublicApi,
    ResourcePolicySettings,
    validatePrivateNetwork,
    validateResourcePolicySettings,
} from "../../../components";
import { runProgram, thrown } from "../../harness";
import { restApiArgs } from "../fixtures";

const networkError = (network: PrivateNetworkArgs) => thrown(() => validatePrivateNetwork(network)).message;

function privateArgs(network: Partial<PrivateNetworkArgs> = {}): PrivateApiArgs {
    const { endpointType: _e, ...rest } = restApiArgs();
    return { ...rest, network: { allowedCidrs: ["10.0.0.0/8"], ...network } };
}

describe("validatePrivateNetwork: literal limits", () => {
    it("requires a network", () => {
        assert.strictEqual(
            networkError(undefined as unknown as PrivateNetworkArgs),
            "PrivateApi: network is required (allowedCidrs, and vpcId + subnetIds or vpcCidr)",
        );
    });

    it("requires allowedCidrs even when the key is missing", () => {
        assert.strictEqual(
            networkError({} as PrivateNetworkArgs),
            "PrivateApi: network.allowedCidrs must list at least one CIDR allowed to reach the endpoint on 443",
        );
    });

    it("accepts a VPC CIDR of /16 and of /24", () => {
        validatePrivateNetwork({ allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.1.0.0/16" });
        validatePrivateNetwork({ allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.1.2.0/24" });
    });

    it("rejects a VPC CIDR of /15 and of /25", () => {
        assert.strictEqual(
            networkError({ allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.0.0.0/15" }),
            'PrivateApi: network.vpcCidr must be an IPv4 CIDR from /16 to /24 (got "10.0.0.0/15", which is /15)',
        );
        assert.strictEqual(
            networkError({ allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.1.2.0/25" }),
            'PrivateApi: network.vpcCidr must be an IPv4 CIDR from /16 to /24 (got "10.1.2.0/25", which is /25)',
        );
    });

    it("rejects a VPC CIDR with host bits, saying why", () => {
        assert.strictEqual(
            networkError({ allowedCidrs: ["10.0.0.0/8"], vpcCidr: "10.0.0.1/16" }),
            'PrivateApi: network.vpcCidr must be an IPv4 CIDR from /16 to /24 (got "10.0.0.1/16", which has host bits set (the network is 10.0.0.0/16))',
        );
    });

    it("ignores vpcCidr when an existing VPC is given", () => {
        validatePrivateNetwork({ allowedCidrs: ["10.0.0.0/8"], vpcId: "vpc-0abc", subnetIds: ["subnet-1"], vpcCidr: "10.0.0.0/8" });
    });
});

describe("PrivateApi: literal resource inputs", () => {
    it("creates a 10.0.0.0/16 VPC with DNS support and hostnames by default, under the component", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs());
        });
        const vpc = plan.one("awsx:ec2:Vpc");
        assert.strictEqual(vpc.props.cidrBlock, "10.0.0.0/16");
        assert.strictEqual(vpc.props.enableDnsHostnames, true);
        assert.strictEqual(vpc.props.enableDnsSupport, true);
        assert.strictEqual(vpc.parent, plan.one("secure-api:apigateway:PrivateApi").urn);
    });

    it("describes the endpoint's security group and its one ingress rule", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs());
        });
        const sg = plan.one("aws:ec2/securityGroup:SecurityGroup", "internal-endpoint");
        assert.strictEqual(sg.props.description, "HTTPS to the execute-api endpoint from allowed networks only");
        assert.deepStrictEqual(
            (sg.props.ingress as Record<string, unknown>[]).map((r) => r.description),
            ["HTTPS from allowed networks"],
        );
        assert.strictEqual(sg.parent, plan.one("secure-api:apigateway:PrivateApi").urn);
    });

    it("puts the endpoint in its security group", async () => {
        const plan = await runProgram(() => {
            new PrivateApi("internal", privateArgs({ vpcId: "vpc-0abc", subnetIds: ["subnet-1"] }));
        });
        const sg = plan.one("aws:ec2/securityGroup:SecurityGroup");
        const endpoint = plan.one("aws:ec2/vpcEndpoint:VpcEndpoint", "internal-execute-api");
        assert.deepStrictEqual(endpoint.props.securityGroupIds, [sg.outputs?.id]);
        assert.strictEqual(endpoint.parent, plan.one("secure-api:apigateway:PrivateApi").urn);
    });
});

describe("PublicApi: literal resource policy", () => {
    it("restricts to trusted principals the AWS_IAM routes only", async () => {
        const plan = await runProgram(() => {
            new PublicApi("api", {
                ...restApiArgs({
                    routes: [
                        { path: "/health", method: "GET", auth: "none", integration: { kind: "mock", responseBody: {} } },
                        { path: "/reports", method: "POST", auth: "iam", integration: { kind: "mock", responseBody: {} } },
                    ],
                }),
                resourcePolicy: { deniedSourceCidrs: ["198.51.100.0/24"] },
            });
        });
        const policy = JSON.parse(String(plan.props("aws:apigateway/restApi:RestApi").policy)) as { Statement: { Sid: string; Resource: unknown }[] };
        const iam = policy.Statement.find((s) => s.Sid === "DenyIamRoutesOutsideTrustedAccounts")!;
        assert.deepStrictEqual(iam.Resource, ["arn:aws:execute-api:us-east-1:123456789012:*/*/POST/reports"]);
    });
});

const settingsError = (settings: ResourcePolicySettings, type: "REGIONAL" | "PRIVATE" = "REGIONAL") =>
    thrown(() => validateResourcePolicySettings("X", "resourcePolicy", settings, type)).message;

describe("validateResourcePolicySettings: literal id formats", () => {
    it("accepts a 12-digit partner account", () => {
        validateResourcePolicySettings("X", "resourcePolicy", { partnerAccountIds: ["111122223333"] }, "REGIONAL");
    });

    it("rejects a 13-digit partner account and one with a letter in front", () => {
        for (const id of ["1111222233334", "x111122223333"]) {
            assert.strictEqual(
                settingsError({ partnerAccountIds: ["111122223333", id] }),
                `X: resourcePolicy.partnerAccountIds[1] must be a 12-digit AWS account id (got ${JSON.stringify(id)})`,
            );
        }
    });

    it("accepts organization ids of 10 and 32 characters after o-", () => {
        validateResourcePolicySettings("X", "resourcePolicy", { organizationId: "o-a1b2c3d4e5" }, "REGIONAL");
        validateResourcePolicySettings("X", "resourcePolicy", { organizationId: `o-${"a1".repeat(16)}` }, "REGIONAL");
    });

    it("rejects organization ids of 9 and 33 characters, or with text in front", () => {
        for (const id of ["o-a1b2c3d4e", `o-${"a1".repeat(16)}b`, "xo-a1b2c3d4e5"]) {
            assert.strictEqual(
                settingsError({ organizationId: id }),
                `X: resourcePolicy.organizationId must be an AWS Organizations id such as o-a1b2c3d4e5 (got ${JSON.stringify(id)})`,
            );
        }
    });

    it("accepts VPC endpoint ids of 8 and 17 hex digits", () => {
        validateResourcePolicySettings("X", "resourcePolicy", { vpcEndpointIds: ["vpce-0123abcd", "vpce-0123456789abcdef0"] }, "PRIVATE");
    });

    it("rejects VPC endpoint ids of 18 hex digits or with text in front", () => {
        for (const id of ["vpce-0123456789abcdef01", "xvpce-0123456789abcdef0"]) {
            assert.strictEqual(
                settingsError({ vpcEndpointIds: [id] }, "PRIVATE"),
                `X: resourcePolicy.vpcEndpointIds[0] must be a VPC endpoint id such as vpce-0123456789abcdef0 (got ${JSON.stringify(id)})`,
            );
        }
    });

    it("names allowedSourceCidrs when it is empty", () => {
        assert.strictEqual(
            settingsError({ allowedSourceCidrs: [] }),
            "X: resourcePolicy.allowedSourceCidrs must list at least one range when given (leave it out for no source restriction)",
        );
    });
});
