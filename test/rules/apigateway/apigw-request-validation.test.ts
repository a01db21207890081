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
});
