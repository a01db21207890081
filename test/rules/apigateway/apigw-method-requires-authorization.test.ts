import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { apigwMethodRequiresAuthorization, methodAuthorizationConfig } from "../../../policy-pack/rules/apigateway/apigw-method-requires-authorization";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, lambdaInvokeUri, method, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

/** A Swagger 2 body: a Cognito scheme at the top level, each path's GET overriding it as given. */
const body = (ops: Record<string, Record<string, unknown>>) =>
    JSON.stringify({
        swagger: "2.0",
        info: { title: "b", version: "1" },
        security: [{ cognito: [] }],
        securityDefinitions: {
            cognito: {
                type: "apiKey",
                name: "Authorization",
                in: "header",
                "x-amazon-apigateway-authtype": "cognito_user_pools",
                "x-amazon-apigateway-authorizer": { type: "cognito_user_pools", providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/x"] },
            },
        },
        paths: Object.fromEntries(Object.entries(ops).map(([path, op]) => [path, { get: op }])),
    });

const RULE = "apigw-method-requires-authorization";
const LAMBDA_URI = lambdaInvokeUri("fn");

/** An integration built from the method (the usual program: restApi, resourceId and httpMethod from it). */
const integrationOf = (name: string, m: aws.apigateway.Method, args: Partial<aws.apigateway.IntegrationArgs> = {}) =>
    new aws.apigateway.Integration(name, { restApi: m.restApi, resourceId: m.resourceId, httpMethod: m.httpMethod, type: "MOCK", ...args });

describe(RULE, () => {
    it("pins the default allow-list: nothing is anonymous by default", () => {
        assert.deepStrictEqual(methodAuthorizationConfig.defaults.allowedAnonymousMethods, []);
        assert.deepStrictEqual(apigwMethodRequiresAuthorization.configSchema?.properties.allowedAnonymousMethods.default, []);
    });

    it("passes the compliant baseline: IAM, Cognito and Lambda authorizers, and an OPTIONS preflight", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                method("iam", api, { authorization: "AWS_IAM" });
                method("cognito", api, { authorization: "COGNITO_USER_POOLS", authorizerId: "auth1" });
                method("lambda", api, { authorization: "CUSTOM", authorizerId: "auth2" });
                integrationOf("preflight-mock", method("preflight", api, { authorization: "NONE", httpMethod: "OPTIONS" }));
            }),
        );
    });

    it("passes an OPTIONS preflight whose MOCK integration is linked only by literal API, resource and method", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                new aws.apigateway.Method("preflight", { restApi: "api1", resourceId: "res1", httpMethod: "OPTIONS", authorization: "NONE" });
                new aws.apigateway.Integration("mock", { restApi: "api1", resourceId: "res1", httpMethod: "OPTIONS", type: "MOCK" });
            }),
        );
    });

    it("rejects anonymous OPTIONS methods that reach a backend (Lambda or HTTP integration), as cdk-nag does", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            const resource = (pathPart: string) => new aws.apigateway.Resource(pathPart, { restApi: api.id, parentId: api.rootResourceId, pathPart }).id;
            integrationOf("to-lambda", method("lambda-options", api, { authorization: "NONE", httpMethod: "OPTIONS", resourceId: resource("fn") }), {
                type: "AWS_PROXY",
                integrationHttpMethod: "POST",
                uri: LAMBDA_URI,
            });
            integrationOf("to-http", method("http-options", api, { authorization: "NONE", httpMethod: "OPTIONS", resourceId: resource("http") }), {
                type: "HTTP_PROXY",
                integrationHttpMethod: "ANY",
                uri: "https://backend.example.com",
            });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "lambda-options", message: [/\(OPTIONS\) has authorization NONE/, /Integration "to-lambda" is AWS_PROXY \(type\), not MOCK/] },
            { resource: "http-options", message: [/Integration "to-http" is HTTP_PROXY \(type\), not MOCK/] },
        ]);
    });

    it("rejects an anonymous OPTIONS method with no integration, and one whose MOCK integration serves another resource", async () => {
        const found = await ruleFindings(RULE, () => {
            method("bare", restApi("api"), { authorization: "NONE", httpMethod: "OPTIONS" });
            new aws.apigateway.Method("elsewhere", { restApi: "api1", resourceId: "res1", httpMethod: "OPTIONS", authorization: "NONE" });
            new aws.apigateway.Integration("other-mock", { restApi: "api1", resourceId: "res2", httpMethod: "OPTIONS", type: "MOCK" });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "bare", message: [/\(OPTIONS\) has authorization NONE but no MOCK integration/, /type MOCK/] },
            { resource: "elsewhere", message: [/no MOCK integration/] },
        ]);
    });

    it("rejects every anonymous method, naming its authorization", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            method("open", api, { authorization: "NONE" });
            method("open-post", api, { authorization: "NONE", httpMethod: "POST" });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "open", message: [/Method "open" \(GET\) has authorization NONE/, /allowedAnonymousMethods/] },
            { resource: "open-post", message: [/\(POST\) has authorization NONE/] },
        ]);
    });

    it("an API key is not authorization", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                method("keyed", restApi("api"), { authorization: "NONE", apiKeyRequired: true });
            }),
            RULE,
            "mandatory",
            [{ resource: "keyed", message: [/authorization NONE/] }],
        );
    });

    it("allowedAnonymousMethods changes the verdict for exactly the listed method", async () => {
        const config = { [RULE]: { allowedAnonymousMethods: ["health"] } };
        const found = await ruleFindings(
            RULE,
            () => {
                const api = restApi("api");
                method("health", api, { authorization: "NONE" });
                method("open", api, { authorization: "NONE" });
            },
            { config },
        );
        assertFindings(found, RULE, "mandatory", [{ resource: "open", message: [/authorization NONE/] }]);
    });

    it("judges a RestApi defined by an OpenAPI body: inherited and overriding security, a MOCK OPTIONS preflight exempt", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("body-api", { body: body({ "/inherits": {}, "/iam": { security: [], "x-amazon-apigateway-auth": { type: "AWS_IAM" } } }) });
                restApi("preflight", {
                    body: JSON.stringify({ swagger: "2.0", info: {}, paths: { "/x": { options: { "x-amazon-apigateway-integration": { type: "mock" } } } } }),
                });
            }),
        );
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("body-api", { body: body({ "/inherits": {}, "/open": { security: [] } }) });
                restApi("yaml-api", { body: "openapi: 3.0.1\ninfo: {title: y, version: '1'}\npaths:\n  /x:\n    x-amazon-apigateway-any-method: {}\n" });
                // An anonymous OPTIONS that reaches a backend is no preflight (as for a Method).
                restApi("options-to-lambda", {
                    body: JSON.stringify({
                        swagger: "2.0",
                        info: {},
                        paths: { "/x": { options: { "x-amazon-apigateway-integration": { type: "aws_proxy" } } } },
                    }),
                });
            }),
            RULE,
            "mandatory",
            [
                { resource: "body-api", message: [/RestApi "body-api" body operation GET \/open has no security/] },
                { resource: "yaml-api", message: [/body operation ANY \/x has no security/] },
                { resource: "options-to-lambda", message: [/body operation OPTIONS \/x has no security/] },
            ],
        );
    });

    it("reports an unparsable body as not verified, and allow-lists a body operation by '<api> <METHOD> <path>'", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("broken", { body: "{ not json" });
            }),
            RULE,
            "mandatory",
            [{ resource: "broken", message: [/not verified: RestApi "broken" body is not JSON or YAML/] }],
        );
        const config = { [RULE]: { allowedAnonymousMethods: ["body-api GET /open"] } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    restApi("body-api", { body: body({ "/open": { security: [] } }) });
                },
                { config },
            ),
        );
    });

    it("authorization, httpMethod, a preflight's integration type or a body built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            const resource = (pathPart: string) => new aws.apigateway.Resource(pathPart, { restApi: api.id, parentId: api.rootResourceId, pathPart }).id;
            method("auth", api, { authorization: afterDeployment("NONE") });
            method("verb", api, { authorization: "NONE", httpMethod: afterDeployment("GET"), resourceId: resource("verb") });
            const preflight = method("preflight", api, { authorization: "NONE", httpMethod: "OPTIONS", resourceId: resource("preflight") });
            integrationOf("preflight-integration", preflight, { type: afterDeployment("AWS_PROXY"), integrationHttpMethod: "POST", uri: LAMBDA_URI });
            restApi("body-api", { body: afterDeployment(body({ "/open": { security: [] } })) });
            // Authorized whatever its HTTP method becomes.
            method("iam", api, { authorization: "AWS_IAM", httpMethod: afterDeployment("GET") });
            // A MOCK integration linked by literals but for its unknown resourceId: once known it answers the preflight.
            new aws.apigateway.Method("literal", { restApi: "api1", resourceId: "res1", httpMethod: "OPTIONS", authorization: "NONE" });
            new aws.apigateway.Integration("literal-mock", { restApi: "api1", resourceId: afterDeployment("res1"), httpMethod: "OPTIONS", type: "MOCK" });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "auth",
                message: [
                    /^cannot be verified at preview: Method "auth"\.authorization is unknown; it must be one of COGNITO_USER_POOLS, CUSTOM, AWS_IAM, or "auth" listed in allowedAnonymousMethods\.$/,
                ],
            },
            {
                resource: "verb",
                message: [
                    /Method "verb"\.httpMethod is unknown; it must be OPTIONS \(a CORS preflight\) for a method with authorization NONE, or authorization must be one of/,
                ],
            },
            {
                resource: "preflight",
                message: [
                    /Integration "preflight-integration"\.type is unknown; it must be MOCK, since Method "preflight" \(OPTIONS\) has authorization NONE\./,
                ],
            },
            {
                resource: "body-api",
                message: [
                    /RestApi "body-api"\.body is unknown; it must be an OpenAPI definition in which every operation requires COGNITO_USER_POOLS, CUSTOM, AWS_IAM \(its integrations,/,
                ],
            },
            {
                resource: "literal",
                message: [
                    /Integration "literal-mock"\.resourceId is unknown; it must be the resourceId of Method "literal": Method "literal" \(OPTIONS\) has authorization NONE and needs a MOCK integration\./,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "auth", message: [/Method "auth" \(GET\) has authorization NONE/] },
            { resource: "verb", message: [/Method "verb" \(GET\) has authorization NONE/] },
            {
                resource: "preflight",
                message: [/Method "preflight" \(OPTIONS\) has authorization NONE but its Integration "preflight-integration" is AWS_PROXY \(type\), not MOCK/],
            },
            { resource: "body-api", message: [/RestApi "body-api" body operation GET \/open has no security/] },
        ]);
    });
});
