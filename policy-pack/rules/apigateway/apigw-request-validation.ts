/** Methods that declare request models should validate requests against them. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwRequestValidation = resourceRule({
    name: "apigw-request-validation",
    service: "apigateway",
    description: "Methods that declare request models should validate requests against them.",
    remediationSteps: "Create an aws.apigateway.RequestValidator with validateRequestBody: true and set requestValidatorId on the method.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigateway.Method, (method, args, report) => {
        const label = describe(args);
        const models = known(() => Object.keys(method.requestModels ?? {}), "requestModels");
        if (!models.known) {
            report(unverifiable(label, models.path, "be validated: a method with request models needs a requestValidatorId"));
            return;
        }
        if (models.value.length === 0) {
            return;
        }
        // An unknown validator id (e.g. `validator.id` at preview) is a validator.
        if (!isSet(known(() => method.requestValidatorId, "requestValidatorId"))) {
            report(
                `${label} declares request models (${models.value.join(", ")}) but no request validator (requestValidatorId is not set), so invalid bodies reach the backend. ` +
                    "Set requestValidatorId to an aws.apigateway.RequestValidator with validateRequestBody: true.",
            );
        }
    }),
});
