import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { method, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-request-validation";
const MODELS = { "application/json": "Order" };

describe(RULE, () => {
    it("passes the compliant baseline: models with a validator", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                const validator = new aws.apigateway.RequestValidator("v", { restApi: api.id, validateRequestBody: true });
                method("m", api, { httpMethod: "POST", requestModels: MODELS, requestValidatorId: validator.id });
            }),
        );
    });

    it("does not judge methods without models", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                method("m", restApi("api"));
            }),
        );
    });

    it("reports (advisory) every method with models and no validator", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                method("m", api, { httpMethod: "POST", requestModels: MODELS });
                method("n", api, { httpMethod: "PUT", requestModels: MODELS });
            }),
            RULE,
            "advisory",
            [
                { resource: "m", message: [/declares request models \(application\/json\) but no request validator/, /requestValidatorId is not set/] },
                { resource: "n", message: [/requestValidatorId/] },
            ],
        );
    });
    it("reports a method whose required parameters go unvalidated; optional parameters need no validator", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                method("required", api, { requestParameters: { "method.request.querystring.id": true, "method.request.header.x-trace": false } });
                method("optional", api, { requestParameters: { "method.request.querystring.page": false } });
            }),
            RULE,
            "advisory",
            [{ resource: "required", message: [/declares required parameters \(method\.request\.querystring\.id\) but no request validator/] }],
        );
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                const validator = new aws.apigateway.RequestValidator("v", { restApi: api.id, validateRequestParameters: true });
                method("required", api, { requestParameters: { "method.request.querystring.id": true }, requestValidatorId: validator.id });
            }),
        );
    });

    it("names both when a method declares models and required parameters", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                method("m", restApi("api"), { httpMethod: "POST", requestModels: MODELS, requestParameters: { "method.request.header.x-id": true } });
            }),
            RULE,
            "advisory",
            [{ resource: "m", message: [/request models \(application\/json\) and required parameters \(method\.request\.header\.x-id\)/] }],
        );
    });
});
