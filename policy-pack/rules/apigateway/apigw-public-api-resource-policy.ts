/**
 * A public REST API's resource policy should scope its callers.
 *
 * On an EDGE or REGIONAL API, a resource policy whose Allow of
 * execute-api:Invoke to principal `*` (or with a NotPrincipal) has no
 * aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or
 * aws:SourceVpc condition, while no explicit Deny (evaluated first) refuses
 * every caller outside such a scope, opens the API to every principal: the
 * policy adds nothing. An aws:SourceIp list covering all of IPv4 scopes
 * nothing either. Advisory: some APIs are meant to be open; allow-list them by
 * resource name with the reason in `allowOpenApis`. An API without a resource
 * policy is not judged here (its methods' authorization is).
 */
import * as aws from "@pulumi/aws";
import { knownDeep } from "../lib/known";
import { listing, unverifiable } from "../lib/messages";
import { knownOutput, refersTo, resourcesOf } from "../lib/resources";
import { openInvokeStatements, SCOPING_CONDITION_KEYS } from "../lib/resource-policy";
import { ruleConfig, stackRule } from "../lib/rule";
import { endpointTypeOf } from "../lib/stages";

/** Config of `apigw-public-api-resource-policy`. */
export interface PublicApiResourcePolicyConfig {
    /** RestApi resource names meant to be open to every principal, each with the reason (a non-empty string). */
    allowOpenApis: Record<string, string>;
}

export const publicApiResourcePolicyConfig = ruleConfig<PublicApiResourcePolicyConfig>({
    allowOpenApis: {
        type: "object",
        additionalProperties: { type: "string", minLength: 1 },
        default: {},
        description: "RestApi resource names meant to be open to every principal, each mapped to the reason.",
    },
});

const KEYS = listing([...SCOPING_CONDITION_KEYS]);
const MUST = `scope execute-api:Invoke to given callers (an ${KEYS.replace(" and ", " or ")} condition on each Allow of "*", or a Deny of callers outside them)`;

export const apigwPublicApiResourcePolicy = stackRule({
    name: "apigw-public-api-resource-policy",
    service: "apigateway",
    description: `Resource policies of public (EDGE or REGIONAL) REST APIs should not allow execute-api:Invoke to every principal without an ${KEYS.replace(" and ", " or ")} condition (APIs meant to be open are allow-listed in allowOpenApis).`,
    remediationSteps:
        "Add an aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceVpc condition to the Allow (or a Deny of callers outside it), or list the API in allowOpenApis with the reason it is open.",
    severity: "medium",
    enforcementLevel: "advisory",
    controls: {},
    config: publicApiResourcePolicyConfig,
    inspects: [aws.apigateway.RestApi, aws.apigateway.RestApiPolicy],
    validateStack: (args, report) => {
        const { allowOpenApis } = publicApiResourcePolicyConfig.read(args);
        const attachable = resourcesOf(args.resources, aws.apigateway.RestApiPolicy);
        for (const api of resourcesOf(args.resources, aws.apigateway.RestApi)) {
            const reason = allowOpenApis[api.name];
            if (typeof reason === "string" && reason.trim() !== "") {
                continue;
            }
            const attached = attachable.filter((p) => refersTo(p, "restApiId", api, [(a) => a.id]));
            // A separate RestApiPolicy replaces the inline one; judge what will be in force.
            const documents =
                attached.length > 0
                    ? attached.map((p) => ({ subject: p.label, urn: p.urn, document: knownDeep(() => p.props.policy, "policy") }))
                    : [{ subject: api.label, urn: api.urn, document: knownOutput(api, "policy", (a) => a.policy) }];
            if (documents.every((d) => d.document.known && (d.document.value === undefined || d.document.value === ""))) {
                continue;
            }
            const type = endpointTypeOf(api);
            if (!type.known) {
                report(unverifiable(api.label, type.path, `be known: on a public API the resource policy must ${MUST}`), api.urn);
                continue;
            }
            if (type.value === "PRIVATE") {
                continue;
            }
            for (const { subject, urn, document } of documents) {
                if (!document.known) {
                    report(unverifiable(subject, document.path, MUST), urn);
                    continue;
                }
                for (const sid of openInvokeStatements(document.value) ?? []) {
                    report(
                        `${subject} resource policy (policy) of ${type.value} ${api.label}: statement ${sid} allows execute-api:Invoke to every principal ("*") ` +
                            `without a scoping ${KEYS.replace(" and ", " or ")} condition, so the API is open to everyone and the resource policy adds nothing. ` +
                            `Add such a condition to that statement, or list "${api.name}" in allowOpenApis with the reason it is open.`,
                        urn,
                    );
                }
            }
        }
    },
});
