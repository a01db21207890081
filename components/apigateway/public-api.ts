import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RestApi, RestApiBaseArgs, validateRestApiArgs } from "./rest-api";
import { apiResourcePolicy, ResourcePolicySettings, validateResourcePolicySettings } from "./resource-policy";

/** Arguments of {@link PublicApi}: those of every {@link RestApi}, plus an optional resource policy; the endpoint type is REGIONAL. */
export interface PublicApiArgs extends RestApiBaseArgs {
    /**
     * Resource policy (source IP allow/deny lists, organization and partner accounts for AWS_IAM routes).
     * @default undefined (no resource policy: WAF and the authorizers decide; other accounts' IAM callers are denied)
     */
    resourcePolicy?: ResourcePolicySettings;
}

/**
 * The resource policy document (JSON) of an API in this account and region, from its settings and
 * route table; private APIs pass their own endpoint ids.
 */
export function resourcePolicyJson(
    endpointType: "REGIONAL" | "PRIVATE",
    settings: ResourcePolicySettings,
    routes: RestApiBaseArgs["routes"],
    parent: pulumi.Resource,
    ownVpcEndpointIds: pulumi.Input<string>[] = [],
): pulumi.Output<string> {
    const region = aws.getRegionOutput({}, { parent });
    const identity = aws.getCallerIdentityOutput({}, { parent });
    const iamRoutes = routes.filter((r) => r.auth === "iam").map((r) => ({ method: r.method, path: r.path }));
    return pulumi.all([region.region, identity.accountId, pulumi.all(ownVpcEndpointIds)]).apply(([r, account, own]) =>
        JSON.stringify(
            apiResourcePolicy({
                ...settings,
                endpointType,
                executeApiArn: `arn:aws:execute-api:${r}:${account}:*`,
                accountId: account,
                iamRoutes,
                ownVpcEndpointIds: own,
            }),
        ),
    );
}

/**
 * A public, REGIONAL REST API (put a WAF web ACL in front of its stage, as
 * SecureApi does; the policy pack rejects a public stage without one).
 * Regional rather than edge-optimized so the WAF, certificate and logs live in
 * the stack's region. With `resourcePolicy`, a resource policy built by
 * `apiResourcePolicy` (`resource-policy.ts`).
 */
export class PublicApi extends pulumi.ComponentResource {
    /** The REGIONAL REST API (an `ApiEndpoint`). */
    public readonly api: RestApi;

    constructor(name: string, args: PublicApiArgs, opts?: pulumi.ComponentResourceOptions) {
        const { resourcePolicy, ...apiArgs } = args;
        validateRestApiArgs({ ...apiArgs, endpointType: "REGIONAL" });
        if (resourcePolicy) {
            validateResourcePolicySettings("PublicApi", "resourcePolicy", resourcePolicy, "REGIONAL");
        }
        super("secure-api:apigateway:PublicApi", name, {}, opts);
        const policy = resourcePolicy ? resourcePolicyJson("REGIONAL", resourcePolicy, apiArgs.routes, this) : undefined;
        this.api = new RestApi(name, { ...apiArgs, endpointType: "REGIONAL", policy }, { parent: this });
        this.registerOutputs({ restApiId: this.api.restApiId, invokeUrl: this.api.invokeUrl });
    }
}
