/** Methods that declare request models or required parameters, and body operations with a body schema, should validate requests against them. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isSet, known, knownDeep } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { operationLabel, unvalidatedBodyOperations } from "../lib/openapi-checks";
import { knownBody } from "../lib/openapi-rules";
import { resourceRule } from "../lib/rule";

export const apigwRequestValidation = resourceRule({
    name: "apigw-request-validation",
    service: "apigateway",
    description:
        "Methods that declare request models or required request parameters, and operations of a RestApi OpenAPI body that declare a request body schema, should validate requests against them.",
    remediationSteps:
        "Create an aws.apigateway.RequestValidator (validateRequestBody: true for models, validateRequestParameters: true for required parameters) and set requestValidatorId on the method; in a body, name a validator with validateRequestBody: true in x-amazon-apigateway-request-validator.",
    severity: "low",
    enforcementLevel: "advisory",
    controls: {},
    validateResource: [
        validateResourceOfType(aws.apigateway.Method, (method, args, report) => {
            const label = describe(args);
            const requirement = "be validated: a method with request models or required parameters needs a requestValidatorId";
            // With a validator (an unknown id, e.g. `validator.id` at preview, is one) there is nothing to report, whatever the models and parameters are.
            if (isSet(known(() => method.requestValidatorId, "requestValidatorId"))) {
                return;
            }
            const models = known(() => Object.keys(method.requestModels ?? {}), "requestModels");
            if (!models.known) {
                report(unverifiable(label, models.path, requirement));
                return;
            }
            const parameters = knownDeep(() => method.requestParameters ?? {}, "requestParameters");
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
            const what = [
                ...(models.value.length > 0 ? [`request models (${models.value.join(", ")})`] : []),
                ...(required.length > 0 ? [`required parameters (${required.join(", ")})`] : []),
            ];
            report(
                `${label} declares ${listing(what)} but no request validator (requestValidatorId is not set), so invalid requests reach the backend. ` +
                    "Set requestValidatorId to an aws.apigateway.RequestValidator that validates the body and the parameters it declares.",
            );
        }),
        // An unknown or unparsable body is reported by apigw-method-requires-authorization (knownBody).
        validateResourceOfType(aws.apigateway.RestApi, (api, args, report) => {
            const doc = knownBody(knownDeep(() => api.body, "body"));
            for (const { operation, validator } of doc ? unvalidatedBodyOperations(doc) : []) {
                const why =
                    validator === undefined
                        ? "names no request validator (no x-amazon-apigateway-request-validator on it or on the document)"
                        : doc!.requestValidators[validator] === undefined
                          ? `names request validator "${validator}", which x-amazon-apigateway-request-validators does not define`
                          : `runs request validator "${validator}", which does not set validateRequestBody: true`;
                report(
                    `${describe(args)} body operation ${operationLabel(operation)} declares a request body schema but ${why}, so invalid bodies reach the backend. ` +
                        "Define a validator with validateRequestBody: true in x-amazon-apigateway-request-validators and name it in x-amazon-apigateway-request-validator.",
                );
            }
        }),
    ],
});
