/** API Gateway methods must require an authorizer. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { AUTHORIZATION_TYPES } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

/** Config of `apigw-method-requires-authorization`. */
export interface MethodAuthorizationConfig {
    /** Pulumi resource names of methods that are intentionally anonymous (e.g. a health check). */
    allowedAnonymousMethods: string[];
}

export const methodAuthorizationConfig = ruleConfig<MethodAuthorizationConfig>({
    allowedAnonymousMethods: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Pulumi resource names of methods that are intentionally anonymous (e.g. a health check).",
    },
});

const NONE = AUTHORIZATION_TYPES.none;
const AUTHORIZED = [AUTHORIZATION_TYPES.cognito, AUTHORIZATION_TYPES.lambda, AUTHORIZATION_TYPES.iam].join(", ");

export const apigwMethodRequiresAuthorization = resourceRule({
    name: "apigw-method-requires-authorization",
    service: "apigateway",
    description: "API Gateway methods must use an authorizer (Cognito, Lambda or AWS_IAM), except OPTIONS preflights and allow-listed methods.",
    remediationSteps: "Set authorization to COGNITO_USER_POOLS, CUSTOM or AWS_IAM, or add the method's resource name to allowedAnonymousMethods.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: { checkov: ["CKV_AWS_59"] },
    config: methodAuthorizationConfig,
    validateResource: validateResourceOfType(aws.apigateway.Method, (method, args, report) => {
        const { allowedAnonymousMethods } = methodAuthorizationConfig.read(args);
        const label = describe(args);
        if (allowedAnonymousMethods.includes(args.name)) {
            return;
        }
        const authorization = known(() => method.authorization, "authorization");
        if (!authorization.known) {
            report(unverifiable(label, authorization.path, `be one of ${AUTHORIZED}, or "${args.name}" listed in allowedAnonymousMethods`));
            return;
        }
        if ((authorization.value ?? NONE).toUpperCase() !== NONE) {
            return;
        }
        const httpMethod = known(() => method.httpMethod, "httpMethod");
        if (!httpMethod.known) {
            report(unverifiable(label, httpMethod.path, `be OPTIONS (a CORS preflight) for a method with authorization ${NONE}, or authorization must be one of ${AUTHORIZED}`));
            return;
        }
        const verb = (httpMethod.value ?? "").toUpperCase();
        if (verb !== "OPTIONS") {
            report(`${label} (${verb || "?"}) has authorization ${NONE}, so anyone who can reach the API can call it. ` +
                `Set authorization to ${AUTHORIZED}, or list "${args.name}" in allowedAnonymousMethods if it is meant to be public.`);
        }
    }),
});
