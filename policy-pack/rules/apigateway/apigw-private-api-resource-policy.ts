/** PRIVATE REST APIs must only admit calls from given VPC endpoints or VPCs. */
import * as aws from "@pulumi/aws";
import { knownDeep } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { bodyPolicyProblems } from "../lib/openapi-checks";
import { knownBody } from "../lib/openapi-rules";
import { knownOutput, refersTo, resourcesOf } from "../lib/resources";
import { privateApiPolicyProblems } from "../lib/resource-policy";
import { stackRule } from "../lib/rule";
import { endpointTypeOf } from "../lib/stages";

const MUST =
    'allow execute-api:Invoke only from your VPC endpoints (an aws:SourceVpce or aws:SourceVpc condition on every Allow of "*", or a Deny of requests not from them)';
const FIX = "Add a condition on aws:SourceVpce (or aws:SourceVpc) to it, or a Deny for requests not from your VPC endpoint.";

export const apigwPrivateApiResourcePolicy = stackRule({
    name: "apigw-private-api-resource-policy",
    service: "apigateway",
    description:
        "PRIVATE REST APIs must have a resource policy (policy, a RestApiPolicy, or an OpenAPI body's x-amazon-apigateway-policy) that only admits calls from given VPC endpoints (aws:SourceVpce) or VPCs (aws:SourceVpc); a body policy is judged like policy.",
    remediationSteps:
        "Attach a policy (RestApi.policy or aws.apigateway.RestApiPolicy) that denies execute-api:Invoke when aws:SourceVpce is not your endpoint.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [aws.apigateway.RestApi, aws.apigateway.RestApiPolicy],
    validateStack: (args, stackReport) => {
        const attachable = resourcesOf(args.resources, aws.apigateway.RestApiPolicy);
        for (const api of resourcesOf(args.resources, aws.apigateway.RestApi)) {
            const type = endpointTypeOf(api);
            if (type.known && type.value !== "PRIVATE") {
                continue;
            }
            // An API whose type is unknown is judged as PRIVATE: only if that fails is its type reported (a compliant policy passes either way).
            let failed = false;
            const report = (message: string, urn: string) => {
                failed = true;
                if (type.known) {
                    stackReport(message, urn);
                }
            };
            const attached = attachable.filter((p) => refersTo(p, "restApiId", api, [(a) => a.id]));
            // A body's x-amazon-apigateway-policy is applied by every PutRestApi of the body (terraform-provider-aws
            // rest_api.go: the import runs before policy is patched back), so it is judged even when policy overrides it.
            const body = knownDeep(() => api.props.body, "body");
            const bodyDocument = knownBody(body);
            const bodyPolicy = bodyDocument ? bodyPolicyProblems(bodyDocument) : undefined;
            for (const problem of bodyPolicy ?? []) {
                report(`${api.label} body x-amazon-apigateway-policy: ${problem}. ${FIX}`, api.urn);
            }
            // A separate RestApiPolicy replaces the inline one; judge what will be in force.
            const documents =
                attached.length > 0
                    ? attached.map((p) => ({ subject: p.label, urn: p.urn, document: knownDeep(() => p.props.policy, "policy") }))
                    : [{ subject: api.label, urn: api.urn, document: knownOutput(api, "policy", (a) => a.policy) }];
            for (const { subject, urn, document } of documents) {
                if (!document.known) {
                    report(unverifiable(subject, document.path, MUST), urn);
                } else if ((document.value === undefined || document.value === "") && bodyPolicy !== undefined) {
                    // No policy of its own: the body's, judged above, is in force.
                } else if ((document.value === undefined || document.value === "") && !body.known) {
                    report(unverifiable(api.label, body.path, `hold an x-amazon-apigateway-policy that will ${MUST}, since policy is not set`), urn);
                } else if (document.value === undefined || document.value === "") {
                    report(
                        `${api.label} is PRIVATE but has no resource policy (policy is not set and no RestApiPolicy is attached), so no VPC endpoint can invoke it, or, once one is added carelessly, any can. ` +
                            "Attach a policy that allows execute-api:Invoke and denies it unless aws:SourceVpce is your endpoint.",
                        urn,
                    );
                } else {
                    for (const problem of privateApiPolicyProblems(document.value)) {
                        report(`${subject} resource policy (policy): ${problem}. ${FIX}`, urn);
                    }
                }
            }
            if (!type.known && failed) {
                stackReport(unverifiable(api.label, type.path, `be known: a PRIVATE API's resource policy must ${MUST}`), api.urn);
            }
        }
    },
});
