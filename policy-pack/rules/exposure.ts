/** Rules on how an API is exposed: WAF in front of public stages, private API policies, endpoints, CORS. */
import type { PolicyResource } from "@pulumi/policy";
import { privateApiPolicyProblems } from "./documents";
import { asArray, asRecord, asString, describe, ofType, refersTo, resourceRule, stackRule, TYPES } from "./util";

/** The endpoint type of a REST API (EDGE when not set, as API Gateway does). */
export function endpointType(api: PolicyResource): string {
    const types = asArray(asRecord(api.props.endpointConfiguration).types).map(String);
    return (types[0] ?? "EDGE").toUpperCase();
}

function apiOfStage(stage: PolicyResource, apis: PolicyResource[]): PolicyResource | undefined {
    return apis.find((api) => refersTo(stage, "restApi", api, ["id"]));
}

/** True when a web ACL association targets the stage. */
export function associationCoversStage(association: PolicyResource, stage: PolicyResource): boolean {
    if (refersTo(association, "resourceArn", stage, ["arn"])) {
        return true;
    }
    const match = /\/restapis\/([^/]+)\/stages\/([^/]+)$/.exec(asString(association.props.resourceArn) ?? "");
    return match !== null && match[1] === stage.props.restApi && match[2] === stage.props.stageName;
}

export const publicStageWaf = stackRule({
    name: "apigw-public-stage-waf",
    description: "Stages of public (EDGE or REGIONAL) REST APIs must be associated with a WAFv2 web ACL.",
    enforcementLevel: "mandatory",
    remediationSteps: "Create an aws.wafv2.WebAclAssociation from a REGIONAL web ACL to the stage ARN (the WebAcl component does this).",
    validate: (args, report) => {
        const apis = ofType(args.resources, TYPES.restApi);
        const associations = ofType(args.resources, TYPES.webAclAssociation);
        for (const stage of ofType(args.resources, TYPES.stage)) {
            const api = apiOfStage(stage, apis);
            const type = api ? endpointType(api) : "unknown";
            if (type === "PRIVATE") {
                continue;
            }
            if (!associations.some((a) => associationCoversStage(a, stage))) {
                report(`${describe(stage)} serves a ${type === "unknown" ? "possibly public" : type} API with no WAFv2 web ACL in front of it, ` +
                    "so SQL injection, XSS and floods reach the backend unfiltered. Associate a REGIONAL web ACL with the stage ARN.", stage.urn);
            }
        }
    },
});

export const privateApiResourcePolicy = stackRule({
    name: "apigw-private-api-resource-policy",
    description: "PRIVATE REST APIs must have a resource policy that only admits calls from given VPC endpoints (aws:SourceVpce) or VPCs (aws:SourceVpc).",
    enforcementLevel: "mandatory",
    remediationSteps: "Attach a policy (RestApi.policy or aws.apigateway.RestApiPolicy) that denies execute-api:Invoke when aws:SourceVpce is not your endpoint.",
    validate: (args, report) => {
        const policies = ofType(args.resources, TYPES.restApiPolicy);
        for (const api of ofType(args.resources, TYPES.restApi).filter((a) => endpointType(a) === "PRIVATE")) {
            const attached = policies.find((p) => refersTo(p, "restApiId", api, ["id"]));
            const document = attached?.props.policy ?? api.props.policy;
            if (document === undefined) {
                report(`${describe(api)} is PRIVATE but has no resource policy, so no VPC endpoint can invoke it, or, once one is added carelessly, any can. ` +
                    "Attach a policy that allows execute-api:Invoke and denies it unless aws:SourceVpce is your endpoint.", api.urn);
                continue;
            }
            for (const problem of privateApiPolicyProblems(document)) {
                report(`${describe(api)} resource policy: ${problem}. Add a condition on aws:SourceVpce (or aws:SourceVpc), or a Deny for requests not from your VPC endpoint.`, attached?.urn ?? api.urn);
            }
        }
    },
});

export const defaultEndpointDisabled = stackRule({
    name: "apigw-default-endpoint-disabled",
    description: "A REST API served through a custom domain must disable its default execute-api endpoint, so WAF, mTLS and TLS policy on the domain cannot be bypassed.",
    enforcementLevel: "mandatory",
    remediationSteps: "Set disableExecuteApiEndpoint: true on the RestApi.",
    validate: (args, report) => {
        const apis = ofType(args.resources, TYPES.restApi);
        for (const mapping of ofType(args.resources, TYPES.basePathMapping)) {
            const api = apis.find((a) => refersTo(mapping, "restApi", a, ["id"]));
            if (api && api.props.disableExecuteApiEndpoint !== true) {
                report(`${describe(api)} is mapped to a custom domain but keeps its default execute-api endpoint, which bypasses the domain's TLS policy and mTLS. ` +
                    "Set disableExecuteApiEndpoint: true.", api.urn);
            }
        }
    },
});

const CORS_HEADERS = [
    "method.response.header.Access-Control-Allow-Origin",
    "gatewayresponse.header.Access-Control-Allow-Origin",
];

/** The configured origin from a response parameter mapping value such as `'https://a.example'`. */
export function originOf(mapping: string): string {
    return mapping.trim().replace(/^'(.*)'$/, "$1");
}

export const corsOrigins = resourceRule({
    name: "apigw-cors-restricted-origins",
    description: "CORS responses must not allow any origin (*) and, when allowedOrigins is configured, only those origins.",
    enforcementLevel: "mandatory",
    remediationSteps: "Return Access-Control-Allow-Origin for a configured origin, never '*'.",
    configSchema: {
        properties: {
            allowedOrigins: { type: "array", items: { type: "string" }, default: [], description: "Origins that may appear in Access-Control-Allow-Origin; empty means any explicit origin." },
            allowWildcard: { type: "boolean", default: false, description: "Allow '*' (only for non-production stacks)." },
        },
    },
    types: [TYPES.integrationResponse, TYPES.gatewayResponse],
    validate: (props, args, report) => {
        const { allowedOrigins, allowWildcard } = args.getConfig<{ allowedOrigins: string[]; allowWildcard: boolean }>();
        const params = asRecord(props.responseParameters);
        for (const header of CORS_HEADERS) {
            const value = asString(params[header]);
            if (value === undefined) {
                continue;
            }
            const origin = originOf(value);
            if (origin === "*" && !allowWildcard) {
                report(`"${args.name}" answers Access-Control-Allow-Origin: *, letting any web site call the API from a user's browser. ` +
                    "Return only your application's origins (the components take corsAllowedOrigins).");
            } else if (origin !== "*" && allowedOrigins.length > 0 && !allowedOrigins.includes(origin)) {
                report(`"${args.name}" allows origin ${origin}, which is not in allowedOrigins (${allowedOrigins.join(", ")}). Remove it or add it to the policy config.`);
            }
        }
    },
});
