import { ruleFindings } from "../../rule-harness";
import { method, restApi } from "../builders";
import { assertFindings, exactly } from "../expect";
import { changed, restBody } from "../openapi-bodies";

const RULE = "apigw-request-validation";

describe(`${RULE} (cases)`, () => {
    it("states the whole finding for a method with models and required parameters, and for a body operation", async () => {
        const found = await ruleFindings(RULE, () => {
            method("m", restApi("api"), {
                httpMethod: "POST",
                requestModels: { "application/json": "Order", "text/plain": "Note" },
                requestParameters: { "method.request.header.x-id": true, "method.request.querystring.q": true },
            });
            restApi("none", { body: changed(restBody(), (d) => delete d["x-amazon-apigateway-request-validator"]) });
        });
        assertFindings(found, RULE, "advisory", [
            {
                resource: "m",
                message: [
                    exactly(
                        'Method "m" declares request models (application/json, text/plain) and required parameters (method.request.header.x-id, method.request.querystring.q) ' +
                            "but no request validator (requestValidatorId is not set), so invalid requests reach the backend. " +
                            "Set requestValidatorId to an aws.apigateway.RequestValidator that validates the body and the parameters it declares.",
                    ),
                ],
            },
            {
                resource: "none",
                message: [
                    exactly(
                        'RestApi "none" body operation POST /orders (/paths/~1orders/post) declares a request body schema but names no request validator ' +
                            "(no x-amazon-apigateway-request-validator on it or on the document), so invalid bodies reach the backend. " +
                            "Define a validator with validateRequestBody: true in x-amazon-apigateway-request-validators and name it in x-amazon-apigateway-request-validator.",
                    ),
                ],
            },
        ]);
    });
});
