/**
 * The resource policy of a REST API, public or private, built statement by
 * statement from settings. Pure: plain strings in, a policy document out.
 *
 * How API Gateway combines it with the route's authorizer ("How API Gateway
 * resource policies affect authorization workflow",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html):
 * an explicit Deny here always wins (for Lambda authorizers it is checked
 * before the function is even called); once a resource policy exists, callers
 * without an authorizer, Cognito callers and other accounts' IAM callers also
 * need an explicit Allow from it. So the document is: explicit denies first,
 * then one Allow for everyone the denies left in.
 *
 * Condition keys: `aws:SourceIp` for REGIONAL APIs; `aws:VpcSourceIp` for
 * PRIVATE ones (calls through an interface endpoint carry the VPC address, not
 * a public one) and `aws:SourceVpce` for the endpoints ("API Gateway resource
 * policy examples",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html);
 * `aws:PrincipalOrgID` and `aws:PrincipalAccount` (IAM global condition keys,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)
 * only for AWS_IAM routes, the only requests that carry a principal.
 */
import { document, methodArn, PolicyDocument, PolicyStatement } from "../shared/policies";
import { cidrs, ComponentArgumentError } from "../shared/validation";

/** What a stack configures about who may reach the API, before any authorizer runs. */
export interface ResourcePolicySettings {
    /**
     * Only these source IPv4 ranges may call the API (every other source is denied). Compared as ranges
     * by the baseline: never `/0` or all of IPv4 together.
     * @default undefined (no source restriction: WAF and the authorizers decide)
     */
    allowedSourceCidrs?: string[];
    /**
     * Source IPv4 ranges always denied, whatever else allows them.
     * @default [] (none)
     */
    deniedSourceCidrs?: string[];
    /**
     * AWS Organization (`o-...`) whose principals may call the AWS_IAM routes (`aws:PrincipalOrgID`).
     * @default undefined (only this account and `partnerAccountIds`)
     */
    organizationId?: string;
    /**
     * Other accounts whose IAM principals may call the AWS_IAM routes (they still need an identity policy allowing it).
     * @default [] (none)
     */
    partnerAccountIds?: string[];
    /**
     * PRIVATE APIs only: VPC endpoints of other accounts (`vpce-...`) admitted besides the API's own endpoint.
     * @default [] (the API's own endpoint only)
     */
    vpcEndpointIds?: string[];
}

/** A route the policy restricts to trusted principals (the AWS_IAM routes). */
export interface PolicyRoute {
    /** HTTP method (`ANY` becomes `*`). */
    method: string;
    /** Route path; `{param}` segments become `*`. */
    path: string;
}

/** Everything {@link apiResourcePolicy} needs. */
export interface ResourcePolicyInput extends ResourcePolicySettings {
    /** REGIONAL (public) or PRIVATE. */
    endpointType: "REGIONAL" | "PRIVATE";
    /** `arn:aws:execute-api:<region>:<account>:*` (the API's id does not exist before the policy does). */
    executeApiArn: string;
    /** The account that owns the API: its principals may always call the AWS_IAM routes. */
    accountId: string;
    /**
     * The AWS_IAM routes, on every stage.
     * @default [] (no principal restriction)
     */
    iamRoutes?: PolicyRoute[];
    /**
     * PRIVATE only: the API's own execute-api VPC endpoints (required there).
     * @default []
     */
    ownVpcEndpointIds?: string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;

/** Checks resource policy settings for an endpoint type; throws a ComponentArgumentError naming `argument.<key>`. */
export function validateResourcePolicySettings(
    component: string,
    argument: string,
    settings: ResourcePolicySettings,
    endpointType: "REGIONAL" | "PRIVATE",
): void {
    if (settings.allowedSourceCidrs !== undefined) {
        if (settings.allowedSourceCidrs.length === 0) {
            throw new ComponentArgumentError(
                component,
                `${argument}.allowedSourceCidrs`,
                "must list at least one range when given (leave it out for no source restriction)",
            );
        }
        cidrs(component, `${argument}.allowedSourceCidrs`, settings.allowedSourceCidrs);
    }
    cidrs(component, `${argument}.deniedSourceCidrs`, settings.deniedSourceCidrs ?? []);
    if (settings.organizationId !== undefined && !ORGANIZATION_ID.test(settings.organizationId)) {
        throw new ComponentArgumentError(
            component,
            `${argument}.organizationId`,
            `must be an AWS Organizations id such as o-a1b2c3d4e5 (got ${JSON.stringify(settings.organizationId)})`,
        );
    }
    (settings.partnerAccountIds ?? []).forEach((a, i) => {
        if (!ACCOUNT_ID.test(a)) {
            throw new ComponentArgumentError(component, `${argument}.partnerAccountIds[${i}]`, `must be a 12-digit AWS account id (got ${JSON.stringify(a)})`);
        }
    });
    const endpoints = settings.vpcEndpointIds ?? [];
    if (endpoints.length > 0 && endpointType !== "PRIVATE") {
        throw new ComponentArgumentError(
            component,
            `${argument}.vpcEndpointIds`,
            "only apply to private APIs (a public API is not reached through VPC endpoints)",
        );
    }
    endpoints.forEach((e, i) => {
        if (!VPC_ENDPOINT_ID.test(e)) {
            throw new ComponentArgumentError(
                component,
                `${argument}.vpcEndpointIds[${i}]`,
                `must be a VPC endpoint id such as vpce-0123456789abcdef0 (got ${JSON.stringify(e)})`,
            );
        }
    });
}

const INVOKE = "execute-api:Invoke";
const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * The policy document, in this order: deny blocked sources; deny sources outside the allow-list; (private)
 * deny calls not through an admitted endpoint; deny the AWS_IAM routes to principals outside this account,
 * the partner accounts and the organization; allow invoke (private: from the admitted endpoints only).
 */
export function apiResourcePolicy(input: ResourcePolicyInput): PolicyDocument {
    const all = `${input.executeApiArn}/*`;
    const sourceIpKey = input.endpointType === "PRIVATE" ? "aws:VpcSourceIp" : "aws:SourceIp";
    const statements: PolicyStatement[] = [];
    const deny = (Sid: string, Resource: string | string[], Condition: PolicyStatement["Condition"]) =>
        statements.push({ Sid, Effect: "Deny", Principal: "*", Action: INVOKE, Resource, Condition });

    if ((input.deniedSourceCidrs ?? []).length > 0) {
        deny("DenyBlockedSourceIps", all, { IpAddress: { [sourceIpKey]: [...input.deniedSourceCidrs!] } });
    }
    if (input.allowedSourceCidrs !== undefined) {
        deny("DenySourceIpsOutsideAllowList", all, { NotIpAddress: { [sourceIpKey]: [...input.allowedSourceCidrs] } });
    }
    const endpoints = unique([...(input.ownVpcEndpointIds ?? []), ...(input.vpcEndpointIds ?? [])]);
    if (input.endpointType === "PRIVATE") {
        if ((input.ownVpcEndpointIds ?? []).length === 0) {
            throw new Error("apiResourcePolicy: a PRIVATE API needs its own VPC endpoint ids");
        }
        deny("DenyInvokeFromAnywhereElse", all, { StringNotEquals: { "aws:SourceVpce": endpoints } });
    }
    const iamRoutes = input.iamRoutes ?? [];
    if (iamRoutes.length > 0) {
        const resources = unique(iamRoutes.map((r) => methodArn(input.executeApiArn, "*", r.method, r.path))).sort();
        const condition: NonNullable<PolicyStatement["Condition"]> = {
            StringNotEquals: { "aws:PrincipalAccount": unique([input.accountId, ...(input.partnerAccountIds ?? [])]) },
        };
        if (input.organizationId !== undefined) {
            // Both keys in one block are ANDed: denied only when outside the trusted accounts *and* the organization.
            condition.StringNotEquals["aws:PrincipalOrgID"] = input.organizationId;
        }
        deny("DenyIamRoutesOutsideTrustedAccounts", resources, condition);
    }
    statements.push(
        input.endpointType === "PRIVATE"
            ? {
                  Sid: "AllowInvokeFromVpcEndpoints",
                  Effect: "Allow",
                  Principal: "*",
                  Action: INVOKE,
                  Resource: all,
                  Condition: { StringEquals: { "aws:SourceVpce": endpoints } },
              }
            : { Sid: "AllowInvoke", Effect: "Allow", Principal: "*", Action: INVOKE, Resource: all },
    );
    return document(...statements);
}
