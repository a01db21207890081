/**
 * RouteBuilder, through ApiRoute on the shared API: the exact inputs of every child it creates per route
 * (method, request parameters, model, validators, HTTP / Lambda / MOCK integrations and their responses,
 * the Lambda permission), the CORS preflight of each path, parents and what each child and the deployment wait for.
 */
import * as assert from "assert";
import { ApiRoute, RouteArgs } from "../../../components";
import { Plan, runProgram } from "../../harness";
import { BACKEND_ARN, KMS_ARN } from "../fixtures";

const T = {
    resource: "aws:apigateway/resource:Resource",
    method: "aws:apigateway/method:Method",
    model: "aws:apigateway/model:Model",
    validator: "aws:apigateway/requestValidator:RequestValidator",
    integration: "aws:apigateway/integration:Integration",
    methodResponse: "aws:apigateway/methodResponse:MethodResponse",
    integrationResponse: "aws:apigateway/integrationResponse:IntegrationResponse",
    permission: "aws:lambda/permission:Permission",
    deployment: "aws:apigateway/deployment:Deployment",
};
const MOCK_OK = { kind: "mock", responseBody: { ok: true } } as const;
const ROUTES: RouteArgs[] = [
    { path: "/team/{id}", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://backend.example.com/items/{id}" } },
    {
        path: "/team/{id}",
        method: "POST",
        auth: "lambda",
        apiKeyRequired: true,
        requestSchema: { type: "object" },
        requiredParameters: ["method.request.header.X-Tenant"],
        integration: { kind: "lambda", functionArn: BACKEND_ARN },
    },
    { path: "/team", method: "GET", auth: "none", integration: MOCK_OK },
    { path: "/team/files/{proxy+}", method: "GET", auth: "iam", integration: { kind: "http", uri: "https://files.example.com/{proxy}", timeoutMs: 5000 } },
    { path: "/team/list", method: "DELETE", auth: "iam", requiredParameters: ["method.request.querystring.limit"], integration: MOCK_OK },
];
const program = (cors?: { allowedOrigins: string[] }) => () =>
    new ApiRoute("team", {
        api: {
            environment: "dev",
            restApiId: "api123",
            rootResourceId: "root123",
            executionArn: "arn:aws:execute-api:us-east-1:123456789012:api123",
            authorizerIds: { lambda: "auth-lambda" },
            kmsKeyArn: KMS_ARN,
            stageSettings: { throttle: { rateLimit: 50, burstLimit: 100 }, executionLevel: "ERROR", xrayTracing: true, logRetentionInDays: 30 },
            cors,
        },
        stageName: "team",
        routes: ROUTES,
    });
/** Selected inputs of a resource, so ids the mocks make up stay out of the expectation. */
const pick = (props: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(keys.map((k) => [k, props[k]]));
const METHOD_KEYS = ["httpMethod", "authorization", "authorizerId", "apiKeyRequired", "requestParameters", "requestModels"];

describe("RouteBuilder: exact children of each route", () => {
    let plan: Plan;
    let methodKeys: string[];
    let component: string;
    const urnOf = (type: string, name: string) => plan.one(type, name).urn;
    before(async () => {
        plan = await runProgram(() => {
            methodKeys = [...program()().methods.keys()];
        });
        component = plan.one("secure-api:apigateway:ApiRoute").urn;
    });

    it("keys the methods by method and path", () => {
        assert.deepStrictEqual(methodKeys, ["GET /team/{id}", "POST /team/{id}", "GET /team", "GET /team/files/{proxy+}", "DELETE /team/list"]);
    });

    it("requires path parameters (plain and greedy) and the listed parameters, and nothing else", () => {
        const params = (name: string) => plan.props(T.method, name).requestParameters;
        assert.deepStrictEqual(params("team-get-team-id"), { "method.request.path.id": true });
        assert.deepStrictEqual(params("team-post-team-id"), { "method.request.path.id": true, "method.request.header.X-Tenant": true });
        assert.deepStrictEqual(params("team-get-team"), {});
        assert.deepStrictEqual(params("team-get-team-files-proxy"), { "method.request.path.proxy": true });
        assert.deepStrictEqual(params("team-delete-team-list"), { "method.request.querystring.limit": true });
    });

    it("maps auth, the authorizer, the API key requirement (false by default) and the request model onto the method", () => {
        assert.deepStrictEqual(pick(plan.props(T.method, "team-post-team-id"), ...METHOD_KEYS), {
            httpMethod: "POST",
            authorization: "CUSTOM",
            authorizerId: "auth-lambda",
            apiKeyRequired: true,
            requestParameters: { "method.request.path.id": true, "method.request.header.X-Tenant": true },
            requestModels: { "application/json": "PostTeamIdRequest" },
        });
        assert.deepStrictEqual(pick(plan.props(T.method, "team-get-team"), ...METHOD_KEYS), {
            httpMethod: "GET",
            authorization: "NONE",
            authorizerId: undefined,
            apiKeyRequired: false,
            requestParameters: {},
            requestModels: undefined,
        });
    });

    it("creates a JSON model only for the route with a request schema", () => {
        const models = plan.ofType(T.model);
        assert.deepStrictEqual(
            models.map((m) => [m.name, pick(m.props, "name", "contentType", "schema")]),
            [["team-model-post-team-id", { name: "PostTeamIdRequest", contentType: "application/json", schema: '{"type":"object"}' }]],
        );
    });

    it("creates one body validator and one parameters validator, both validating parameters", () => {
        const validators = plan.ofType(T.validator).map((v) => [v.name, pick(v.props, "name", "validateRequestBody", "validateRequestParameters")]);
        assert.deepStrictEqual(validators.sort(), [
            ["team-validate-body", { name: "body-and-parameters", validateRequestBody: true, validateRequestParameters: true }],
            ["team-validate-params", { name: "parameters", validateRequestBody: false, validateRequestParameters: true }],
        ]);
    });

    it("validates a schema route's body, and parameters of routes with path variables or required parameters only", () => {
        const validatorOf = (method: string) => plan.one(T.method, method).propertyDependencies.requestValidatorId ?? [];
        const body = urnOf(T.validator, "team-validate-body");
        const params = urnOf(T.validator, "team-validate-params");
        assert.deepStrictEqual(validatorOf("team-post-team-id"), [body]);
        assert.deepStrictEqual(validatorOf("team-get-team-id"), [params]);
        assert.deepStrictEqual(validatorOf("team-get-team-files-proxy"), [params]);
        assert.deepStrictEqual(validatorOf("team-delete-team-list"), [params]);
        assert.strictEqual(plan.props(T.method, "team-get-team").requestValidatorId, undefined);
    });

    it("proxies HTTP routes with their path parameters and the timeout (29000 ms by default)", () => {
        const keys = ["httpMethod", "type", "integrationHttpMethod", "uri", "requestParameters", "timeoutMilliseconds"];
        assert.deepStrictEqual(pick(plan.props(T.integration, "team-get-team-id-integration"), ...keys), {
            httpMethod: "GET",
            type: "HTTP_PROXY",
            integrationHttpMethod: "GET",
            uri: "https://backend.example.com/items/{id}",
            requestParameters: { "integration.request.path.id": "method.request.path.id" },
            timeoutMilliseconds: 29000,
        });
        assert.deepStrictEqual(pick(plan.props(T.integration, "team-get-team-files-proxy-integration"), "requestParameters", "timeoutMilliseconds"), {
            requestParameters: { "integration.request.path.proxy": "method.request.path.proxy" },
            timeoutMilliseconds: 5000,
        });
    });

    it("proxies Lambda routes with POST to the function's invocation URI, and lets API Gateway invoke exactly that method", () => {
        assert.deepStrictEqual(pick(plan.props(T.integration, "team-post-team-id-integration"), "type", "integrationHttpMethod", "uri"), {
            type: "AWS_PROXY",
            integrationHttpMethod: "POST",
            uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${BACKEND_ARN}/invocations`,
        });
        assert.deepStrictEqual(plan.props(T.permission, "team-post-team-id-invoke"), {
            action: "lambda:InvokeFunction",
            function: BACKEND_ARN,
            principal: "apigateway.amazonaws.com",
            sourceArn: "arn:aws:execute-api:us-east-1:123456789012:api123/*/POST/team/*",
        });
    });

    it("answers mock routes from API Gateway with 200 and the JSON body", () => {
        assert.deepStrictEqual(pick(plan.props(T.integration, "team-get-team-integration"), "httpMethod", "type", "requestTemplates", "passthroughBehavior"), {
            httpMethod: "GET",
            type: "MOCK",
            requestTemplates: { "application/json": '{"statusCode": 200}' },
            passthroughBehavior: "NEVER",
        });
        assert.deepStrictEqual(pick(plan.props(T.methodResponse, "team-get-team-200"), "statusCode", "responseModels", "responseParameters"), {
            statusCode: "200",
            responseModels: { "application/json": "Empty" },
            responseParameters: undefined,
        });
        assert.deepStrictEqual(pick(plan.props(T.integrationResponse, "team-get-team-200"), "statusCode", "responseParameters", "responseTemplates"), {
            statusCode: "200",
            responseParameters: undefined,
            responseTemplates: { "application/json": '{"ok":true}' },
        });
    });

    it("creates no preflight without CORS", () => {
        assert.deepStrictEqual(
            plan.ofType(T.method).filter((m) => m.props.httpMethod === "OPTIONS"),
            [],
        );
    });

    it("makes every child a child of the ApiRoute", () => {
        const types = [T.resource, T.method, T.model, T.validator, T.integration, T.methodResponse, T.integrationResponse, T.permission];
        const children = plan.cloudResources.filter((r) => types.includes(r.type));
        assert.strictEqual(children.length, 23);
        assert.deepStrictEqual(
            children.filter((r) => r.parent !== component).map((r) => r.name),
            [],
        );
    });

    it("answers a mock only once its integration and method response exist", () => {
        const deps = plan.one(T.integrationResponse, "team-get-team-200").dependencies;
        for (const needed of [urnOf(T.integration, "team-get-team-integration"), urnOf(T.methodResponse, "team-get-team-200")]) {
            assert.ok(deps.includes(needed), needed);
        }
    });

    it("deploys only after every resource, method, model, validator, integration and response", () => {
        const deps = plan.one(T.deployment, "team-deployment").dependencies;
        const types = [T.resource, T.method, T.model, T.validator, T.integration, T.methodResponse, T.integrationResponse];
        const missing = plan.cloudResources.filter((r) => types.includes(r.type) && !deps.includes(r.urn)).map((r) => r.name);
        assert.deepStrictEqual(missing, []);
    });
});

describe("RouteBuilder: CORS", () => {
    let plan: Plan;
    const ECHO = [
        '#set($origin = $input.params().header.get("Origin"))',
        '#if($origin == "https://app.example.com" || $origin == "https://admin.example.com")',
        "#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)",
        "#end",
    ].join("\n");
    before(async () => {
        plan = await runProgram(program({ allowedOrigins: ["https://app.example.com", "https://admin.example.com"] }));
    });

    it("echoes an allowed origin before the mock body, and declares the origin headers on the mock's responses", () => {
        assert.strictEqual(
            (plan.props(T.integrationResponse, "team-get-team-200").responseTemplates as Record<string, string>)["application/json"],
            `${ECHO}\n{"ok":true}`,
        );
        assert.deepStrictEqual(plan.props(T.methodResponse, "team-get-team-200").responseParameters, {
            "method.response.header.Access-Control-Allow-Origin": true,
            "method.response.header.Vary": true,
        });
        assert.deepStrictEqual(plan.props(T.integrationResponse, "team-get-team-200").responseParameters, {
            "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
            "method.response.header.Vary": "'Origin'",
        });
    });

    it("adds an unauthenticated OPTIONS method on every routed path", () => {
        const preflights = plan.ofType(T.method).filter((m) => m.props.httpMethod === "OPTIONS");
        assert.deepStrictEqual(preflights.map((m) => [m.name, m.props.authorization]).sort(), [
            ["team-options-team", "NONE"],
            ["team-options-team-files-proxy", "NONE"],
            ["team-options-team-id", "NONE"],
            ["team-options-team-list", "NONE"],
        ]);
    });

    it("allows on each preflight exactly the methods routed on its path, plus OPTIONS", () => {
        const allowed = (name: string) =>
            (plan.props(T.integrationResponse, `${name}-200`).responseParameters as Record<string, string>)[
                "method.response.header.Access-Control-Allow-Methods"
            ];
        assert.strictEqual(allowed("team-options-team-id"), "'GET,OPTIONS,POST'");
        assert.strictEqual(allowed("team-options-team"), "'GET,OPTIONS'");
        assert.strictEqual(allowed("team-options-team-list"), "'DELETE,OPTIONS'");
    });

    it("answers a preflight from a MOCK with 200, the origin echo and no response model", () => {
        assert.deepStrictEqual(pick(plan.props(T.integration, "team-options-team-integration"), "httpMethod", "type", "passthroughBehavior"), {
            httpMethod: "OPTIONS",
            type: "MOCK",
            passthroughBehavior: "NEVER",
        });
        assert.deepStrictEqual(pick(plan.props(T.methodResponse, "team-options-team-200"), "statusCode", "responseModels"), {
            statusCode: "200",
            responseModels: undefined,
        });
        assert.deepStrictEqual(pick(plan.props(T.integrationResponse, "team-options-team-200"), "statusCode", "responseTemplates"), {
            statusCode: "200",
            responseTemplates: { "application/json": ECHO },
        });
    });
});
