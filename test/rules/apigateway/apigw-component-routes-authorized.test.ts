import * as aws from "@pulumi/aws";
import * as assert from "assert";
import {
    apigwComponentRoutesAuthorized,
    componentRoutesConfig,
    REST_API_COMPONENT,
} from "../../../policy-pack/rules/apigateway/apigw-component-routes-authorized";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { RemoteComponent } from "../components/remote-component";
import { assertFindings, assertNoFindings } from "../expect";
import { componentRestApi } from "./apigw-builders";

const RULE = "apigw-component-routes-authorized";
const AUTHORIZER = {
    authorizerName: "jwt",
    parameterName: "Authorization",
    identitySource: ["method.request.header.Authorization"],
    handler: "arn:aws:lambda:us-east-1:123456789012:function:auth",
};
/** A backend the way real programs pass it: a Lambda function resource (its ARN unknown at a first preview). */
const fn = (name: string) => new aws.lambda.Function(name, { role: `arn:aws:iam::123456789012:role/${name}`, runtime: "nodejs20.x", handler: "index.handler" });
const swagger = (operation: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
        swagger: "2.0",
        info: { title: "t", version: "1" },
        securityDefinitions: { jwt: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "cognito_user_pools" } },
        paths: { "/": { get: operation, ...extra } },
    });
const restApi = componentRestApi;

describe(RULE, () => {
    it("allow-lists no route by default, and declares the component type", () => {
        assert.deepStrictEqual(componentRoutesConfig.defaults.allowedAnonymousRoutes, []);
        assert.deepStrictEqual(apigwComponentRoutesAuthorized.configSchema?.properties.allowedAnonymousRoutes.default, []);
        assert.strictEqual(REST_API_COMPONENT, "aws-apigateway:index:RestAPI");
    });

    it("passes the compliant baseline: routes with authorizers or iamAuthEnabled", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("api", [
                    { path: "/items", method: "GET", authorizers: [AUTHORIZER] },
                    { path: "/admin", method: "POST", iamAuthEnabled: true },
                ]);
            }),
        );
    });

    it("rejects each anonymous route, on every component", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("one", [
                    { path: "/open", method: "GET" },
                    { path: "/ok", iamAuthEnabled: true },
                    { path: "/any", authorizers: [] },
                ]);
                restApi("two", [{ path: "/x", method: "post", iamAuthEnabled: false }]);
            }),
            RULE,
            "mandatory",
            [
                { resource: "one", message: [/RestAPI "one" route GET \/open \(routes\[0\]\) has no authorizers and iamAuthEnabled is not true/] },
                { resource: "one", message: [/route ANY \/any \(routes\[2\]\)/] },
                { resource: "two", message: [/route POST \/x \(routes\[0\]\)/] },
            ],
        );
    });

    it("judges routes whose eventHandler and authorizer handler are Lambda resources (unknown at preview) by their authorizers", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const handler = fn("handler");
                restApi("api", [
                    { path: "/items", method: "GET", eventHandler: handler, authorizers: [{ ...AUTHORIZER, handler: fn("auth") }] },
                    { path: "open", method: "POST", eventHandler: handler },
                    { path: "static", localPath: "www" },
                ]);
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "api",
                    message: [/RestAPI "api" route POST \/open \(routes\[1\]\) has no authorizers/, /routes\[1\]\.authorizers or iamAuthEnabled/],
                },
                { resource: "api", message: [/route GET \/static \(routes\[2\]\)/] },
            ],
        );
    });

    it("reads a swaggerString: operations without security are anonymous routes; secured ones and OPTIONS pass", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("secured", [], { swaggerString: swagger({ security: [{ jwt: [] }] }, { options: {} }) });
            }),
        );
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("swagger", [], { swaggerString: swagger({}) });
            }),
            RULE,
            "mandatory",
            [{ resource: "swagger", message: [/RestAPI "swagger" body operation GET \/ has no security/, /allow-list "swagger GET \/"/] }],
        );
        const config = { [RULE]: { allowedAnonymousRoutes: ["swagger GET /"] } };
        assertNoFindings(await ruleFindings(RULE, () => void restApi("swagger", [], { swaggerString: swagger({}) }), { config }));
    });

    it("reports a swaggerString that is not an OpenAPI document as not verified", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("swagger", [], { swaggerString: "{}" });
            }),
            RULE,
            "mandatory",
            [{ resource: "swagger", message: [/not verified: RestAPI "swagger" body is neither a Swagger 2/] }],
        );
    });

    it("leaves the judging to the Method rules when the component's Methods are in the plan (the real CLI)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const component = restApi("api", [{ path: "/open", method: "GET" }]);
                const api = new aws.apigateway.RestApi("api-api", {}, { parent: component });
                new aws.apigateway.Method(
                    "api-method",
                    { restApi: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorization: "NONE" },
                    { parent: api },
                );
            }),
        );
    });

    it("lets an allow-listed route be anonymous", async () => {
        const config = { [RULE]: { allowedAnonymousRoutes: ["GET /health"] } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    restApi("api", [{ path: "/health", method: "GET" }]);
                },
                { config },
            ),
        );
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    restApi("api", [{ path: "/health", method: "POST" }]);
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "api", message: [/route POST \/health/] }],
        );
    });

    it("routes, their parts and a swaggerString built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const config = { [RULE]: { allowedAnonymousRoutes: ["GET /health"] } };
        const program = () => {
            restApi("api", [
                { path: afterDeployment("/health"), method: "GET" },
                { path: afterDeployment("/orders"), method: "POST" },
                { path: "/flag", method: "GET", iamAuthEnabled: afterDeployment(false) },
                { path: "/list", method: "GET", authorizers: afterDeployment([]) },
                // Unknown, but no violation whatever it becomes: iamAuthEnabled of a route with authorizers.
                { path: "/both", method: "GET", iamAuthEnabled: afterDeployment(false), authorizers: [AUTHORIZER] },
            ]);
            new RemoteComponent(REST_API_COMPONENT, "whole", { routes: afterDeployment([{ path: "/x", method: "GET" }]), stageName: "v1" });
            restApi("swagger", [], { swaggerString: afterDeployment(swagger({})) });
        };
        const found = await ruleFindingsByMode(RULE, program, { config });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "api",
                message: [
                    /^cannot be verified at preview: RestAPI "api"\.routes\.0\.path is unknown; it must name a route listed in allowedAnonymousRoutes \(route GET \/\? has no authorizers/,
                ],
            },
            // No allow-listed route is a POST: whatever its path, the route is anonymous.
            { resource: "api", message: [/RestAPI "api" route POST \/\? \(routes\[1\]\) has no authorizers/] },
            {
                resource: "api",
                message: [/RestAPI "api"\.routes\.2\.iamAuthEnabled is unknown; it must give route GET \/flag authorizers or iamAuthEnabled: true\.$/],
            },
            { resource: "api", message: [/RestAPI "api"\.routes\.3\.authorizers is unknown; it must give route GET \/list authorizers/] },
            { resource: "whole", message: [/RestAPI "whole"\.routes is unknown; it must give every route authorizers or iamAuthEnabled: true\.$/] },
            {
                resource: "swagger",
                message: [/RestAPI "swagger"\.swaggerString is unknown; it must be an OpenAPI definition in which every operation requires/],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "api", message: [/route POST \/orders \(routes\[1\]\) has no authorizers/] },
            { resource: "api", message: [/route GET \/flag \(routes\[2\]\) has no authorizers/] },
            { resource: "api", message: [/route GET \/list \(routes\[3\]\) has no authorizers/] },
            { resource: "whole", message: [/RestAPI "whole" route GET \/x \(routes\[0\]\) has no authorizers/] },
            { resource: "swagger", message: [/RestAPI "swagger" body operation GET \/ has no security/] },
        ]);
    });
});
