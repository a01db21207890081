import * as aws from "@pulumi/aws";
import * as awsxEc2 from "@pulumi/awsx/ec2";
import * as pulumi from "@pulumi/pulumi";
import { ipv4CidrProblem, parseIpv4Cidr } from "../../policy-pack/baseline";
import { cidrs, ComponentArgumentError } from "../shared/validation";
import { resourcePolicyJson } from "./public-api";
import { ResourcePolicySettings, validateResourcePolicySettings } from "./resource-policy";
import { RestApi, RestApiBaseArgs, validateRestApiArgs } from "./rest-api";

/** The network a private API is reached from. */
export interface PrivateNetworkArgs {
    /**
     * Existing VPC id.
     * @default undefined (a VPC is created with awsx: private subnets across two AZs, one NAT gateway)
     */
    vpcId?: pulumi.Input<string>;
    /**
     * Subnets for the interface endpoint.
     * @default undefined (required with vpcId; the new VPC's private subnets otherwise)
     */
    subnetIds?: pulumi.Input<string>[];
    /**
     * CIDR of the VPC created when vpcId is omitted (/16 to /24).
     * @default "10.0.0.0/16"
     */
    vpcCidr?: string;
    /** Networks allowed to reach the endpoint on 443 (required; never /0 or all of IPv4). */
    allowedCidrs: string[];
}

/** Arguments of {@link PrivateApi}. */
export interface PrivateApiArgs extends RestApiBaseArgs {
    /** Where the API is reachable from. */
    network: PrivateNetworkArgs;
    /**
     * More of the resource policy: other accounts' VPC endpoints (`vpcEndpointIds`), source ranges inside
     * the VPC (`aws:VpcSourceIp`), organization and partner accounts for AWS_IAM routes.
     * @default {} (only the API's own endpoint; AWS_IAM routes for this account's principals only)
     */
    resourcePolicy?: ResourcePolicySettings;
}

/** Why a VPC CIDR is unusable (not canonical, or not /16 to /24), or undefined. */
function vpcCidrProblem(value: string): string | undefined {
    const problem = ipv4CidrProblem(value);
    if (problem !== undefined) {
        return problem;
    }
    const { prefix } = parseIpv4Cidr(value)!;
    return prefix < 16 || prefix > 24 ? `is /${prefix}` : undefined;
}

/** Validates where a private API is reachable from. */
export function validatePrivateNetwork(network: PrivateNetworkArgs): void {
    const C = "PrivateApi";
    if (!network) {
        throw new ComponentArgumentError(C, "network", "is required (allowedCidrs, and vpcId + subnetIds or vpcCidr)");
    }
    if (!network.allowedCidrs?.length) {
        throw new ComponentArgumentError(C, "network.allowedCidrs", "must list at least one CIDR allowed to reach the endpoint on 443");
    }
    cidrs(C, "network.allowedCidrs", network.allowedCidrs);
    if (network.vpcId !== undefined && !network.subnetIds?.length) {
        throw new ComponentArgumentError(C, "network.subnetIds", "must list the endpoint's subnets when network.vpcId is given");
    }
    if (network.vpcId === undefined) {
        const vpcCidr = network.vpcCidr ?? "10.0.0.0/16";
        const problem = vpcCidrProblem(vpcCidr);
        if (problem !== undefined) {
            throw new ComponentArgumentError(C, "network.vpcCidr", `must be an IPv4 CIDR from /16 to /24 (got ${JSON.stringify(vpcCidr)}, which ${problem})`);
        }
    }
}

/**
 * A PRIVATE REST API: reachable only through an interface VPC endpoint for
 * execute-api (private DNS on, security group admitting 443 from the given
 * CIDRs only), with a resource policy that denies every call that does not come
 * through that endpoint or another admitted one (aws:SourceVpce), built by
 * `apiResourcePolicy` with any further `resourcePolicy` settings.
 */
export class PrivateApi extends pulumi.ComponentResource {
    /** The PRIVATE REST API (an `ApiEndpoint`). */
    public readonly api: RestApi;
    /** The execute-api interface endpoint. */
    public readonly vpcEndpoint: aws.ec2.VpcEndpoint;
    /** Its security group (443 from `allowedCidrs` only, no egress). */
    public readonly securityGroup: aws.ec2.SecurityGroup;
    /** The VPC of the endpoint (given, or created). */
    public readonly vpcId: pulumi.Output<string>;
    /** Id of {@link vpcEndpoint}. */
    public readonly vpcEndpointId: pulumi.Output<string>;
    /** Id of {@link securityGroup}. */
    public readonly securityGroupId: pulumi.Output<string>;

    constructor(name: string, args: PrivateApiArgs, opts?: pulumi.ComponentResourceOptions) {
        validatePrivateNetwork(args.network);
        const { network: _network, resourcePolicy, ...apiArgs } = args;
        validateRestApiArgs({ ...apiArgs, endpointType: "PRIVATE" });
        validateResourcePolicySettings("PrivateApi", "resourcePolicy", resourcePolicy ?? {}, "PRIVATE");
        super("secure-api:apigateway:PrivateApi", name, {}, opts);
        const parent = { parent: this };

        let vpcId: pulumi.Input<string>;
        let subnetIds: pulumi.Input<pulumi.Input<string>[]>;
        if (args.network.vpcId !== undefined) {
            vpcId = args.network.vpcId;
            subnetIds = args.network.subnetIds!;
        } else {
            const vpc = new awsxEc2.Vpc(
                `${name}-vpc`,
                {
                    cidrBlock: args.network.vpcCidr ?? "10.0.0.0/16",
                    numberOfAvailabilityZones: 2,
                    natGateways: { strategy: awsxEc2.NatGatewayStrategy.Single },
                    enableDnsHostnames: true,
                    enableDnsSupport: true,
                    tags: args.tags,
                },
                parent,
            );
            vpcId = vpc.vpcId;
            subnetIds = vpc.privateSubnetIds;
        }

        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-endpoint`,
            {
                vpcId,
                description: "HTTPS to the execute-api endpoint from allowed networks only",
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: args.network.allowedCidrs, description: "HTTPS from allowed networks" }],
                egress: [],
                tags: args.tags,
            },
            parent,
        );
        const region = aws.getRegionOutput({}, parent);
        const endpoint = new aws.ec2.VpcEndpoint(
            `${name}-execute-api`,
            {
                vpcId,
                serviceName: pulumi.interpolate`com.amazonaws.${region.region}.execute-api`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds,
                securityGroupIds: [securityGroup.id],
                tags: args.tags,
            },
            parent,
        );

        this.api = new RestApi(
            name,
            {
                ...apiArgs,
                endpointType: "PRIVATE",
                vpcEndpointIds: [endpoint.id],
                // Denies every call not through this endpoint (or resourcePolicy.vpcEndpointIds): apiResourcePolicy.
                policy: resourcePolicyJson("PRIVATE", resourcePolicy ?? {}, apiArgs.routes, this, [endpoint.id]),
            },
            parent,
        );
        this.vpcEndpoint = endpoint;
        this.securityGroup = securityGroup;
        this.vpcId = pulumi.output(vpcId);
        this.vpcEndpointId = endpoint.id;
        this.securityGroupId = securityGroup.id;
        this.registerOutputs({ restApiId: this.api.restApiId, vpcId: this.vpcId, vpcEndpointId: this.vpcEndpointId });
    }
}
