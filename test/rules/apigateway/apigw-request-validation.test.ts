import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, method, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { changed, Doc, operation, restBody } from "../openapi-bodies";

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

    describe("OpenAPI body of a RestApi", () => {
        it("passes a body whose operation with a body schema runs a body-validating validator (document default or its own)", async () => {
            assertNoFindings(await ruleFindings(RULE, () => restApi("api", { body: JSON.stringify(restBody()) })));
            const own = changed(restBody(), (d) => {
                delete d["x-amazon-apigateway-request-validator"];
                operation(d, "/orders", "post")["x-amazon-apigateway-request-validator"] = "all";
            });
            assertNoFindings(await ruleFindings(RULE, () => restApi("api", { body: own })));
        });

        it("flags a body schema with no validator, an undefined one, and one that does not validate bodies", async () => {
            const none = changed(restBody(), (d) => delete d["x-amazon-apigateway-request-validator"]);
            const undefinedName = changed(restBody(), (d) => (d["x-amazon-apigateway-request-validator"] = "missing"));
            const paramsOnly = changed(
                restBody(),
                (d) => ((d["x-amazon-apigateway-request-validators"] as Record<string, Doc>).all.validateRequestBody = false),
            );
            const openApi3 = changed(restBody(), (d) => {
                d.openapi = "3.0.1";
                delete d.swagger;
                const post = operation(d, "/orders", "post");
                delete post.parameters;
                post.requestBody = { content: { "application/json": { schema: { type: "object" } } } };
                delete d["x-amazon-apigateway-request-validator"];
            });
            const found = await ruleFindings(RULE, () => {
                restApi("none", { body: none });
                restApi("undefined-name", { body: undefinedName });
                restApi("params-only", { body: paramsOnly });
                restApi("openapi3", { body: openApi3 });
            });
            const at = /body operation POST \/orders \(\/paths\/~1orders\/post\) declares a request body schema/;
            assertFindings(found, RULE, "advisory", [
                { resource: "none", message: [at, /names no request validator/] },
                { resource: "undefined-name", message: [at, /"missing", which x-amazon-apigateway-request-validators does not define/] },
                { resource: "params-only", message: [at, /"all", which does not set validateRequestBody: true/] },
                { resource: "openapi3", message: [at] },
            ]);
        });
    });

    it("models, parameters or a body built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            method("models", api, { httpMethod: "POST", requestModels: afterDeployment(MODELS) });
            method("parameters", api, { requestParameters: afterDeployment({ "method.request.querystring.id": true }) });
            method("entry", api, { requestParameters: { "method.request.header.x-id": afterDeployment(true) } });
            // Validated whatever its models become.
            const validator = new aws.apigateway.RequestValidator("v", { restApi: api.id, validateRequestBody: true });
            method("validated", api, { httpMethod: "PUT", requestModels: afterDeployment(MODELS), requestValidatorId: validator.id });
            // An unknown body is left to apigw-method-requires-authorization (its one finding for the unknown body).
            restApi("body", { body: afterDeployment(changed(restBody(), (d) => delete d["x-amazon-apigateway-request-validator"])) });
        });
        const must = /it must be validated: a method with request models or required parameters needs a requestValidatorId\./;
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "models", message: [/cannot be verified at preview: Method "models"\.requestModels is unknown;/, must] },
            { resource: "parameters", message: [/Method "parameters"\.requestParameters is unknown;/, must] },
            { resource: "entry", message: [/Method "entry"\.requestParameters\.method\.request\.header\.x-id is unknown;/, must] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "models", message: [/Method "models" declares request models \(application\/json\) but no request validator/] },
            { resource: "parameters", message: [/declares required parameters \(method\.request\.querystring\.id\) but no request validator/] },
            { resource: "entry", message: [/declares required parameters \(method\.request\.header\.x-id\) but no request validator/] },
            {
                resource: "body",
                message: [
                    /RestApi "body" body operation POST \/orders \(\/paths\/~1orders\/post\) declares a request body schema but names no request validator/,
                ],
            },
        ]);
    });
});
