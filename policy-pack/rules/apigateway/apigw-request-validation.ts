/** Methods that declare request models or required parameters should validate requests against them. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known, knownDeep } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwRequestValidation = resourceRule({
    name: "apigw-request-validation",
    service: "apigateway",
    description: "Methods that declare request models or required request parameters should validate requests against them.",
    remediationSteps:
        "Create an aws.apigateway.RequestValidator (validateRequestBody: true for models, validateRequestParameters: true for required parameters) and set requestValidatorId on the method.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigateway.Method, (method, args, report) => {
        const label = describe(args);
        const requirement = "be validated: a method with request models or required parameters needs a requestValidatorId";
        const models = known(() => Object.keys(method.requestModels ?? {}), "requestModels");
        const parameters = knownDeep(() => method.requestParameters ?? {}, "requestParameters");
        if (!models.known) {
            report(unverifiable(label, models.path, requirement));
            return;
        }
        if (!parameters.known) {
            report(unverifiable(label, parameters.path, requirement));
            return;
        }
        // requestParameters maps method.request.<location>.<name> to whether it is required; API Gateway enforces `true` only with a validator.
        const required = Object.entries(parameters.value as Record<string, unknown>)
            .filter(([, v]) => v === true)
            .map(([k]) => k);
        if (models.value.length === 0 && required.length === 0) {
            return;
        }
        // An unknown validator id (e.g. `validator.id` at preview) is a validator.
        if (!isSet(known(() => method.requestValidatorId, "requestValidatorId"))) {
            const what = [
                ...(models.value.length > 0 ? [`request models (${models.value.join(", ")})`] : []),
                ...(required.length > 0 ? [`required parameters (${required.join(", ")})`] : []),
            ];
            report(
                `${label} declares ${listing(what)} but no request validator (requestValidatorId is not set), so invalid requests reach the backend. ` +
                    "Set requestValidatorId to an aws.apigateway.RequestValidator that validates the body and the parameters it declares.",
            );
        }
    }),
});
