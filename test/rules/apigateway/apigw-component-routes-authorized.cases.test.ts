import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { RemoteComponent } from "../components/remote-component";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { componentRestApi } from "./apigw-builders";

const RULE = "apigw-component-routes-authorized";
/** A route, or one known only after deployment. */
const restApi = componentRestApi;
const configOf = (allowedAnonymousRoutes: string[]) => ({ config: { [RULE]: { allowedAnonymousRoutes } } });
const anonymous = (api: string, key: string, i: number) =>
    `RestAPI "${api}" route ${key} (routes[${i}]) has no authorizers and iamAuthEnabled is not true, so anyone who can reach the API can call it. ` +
    `Set routes[${i}].authorizers or iamAuthEnabled: true, or list "${key}" in allowedAnonymousRoutes.`;
const mayBeListed = (api: string, i: number, part: string, key: string) =>
    `cannot be verified at preview: RestAPI "${api}".routes.${i}.${part} is unknown; it must name a route listed in allowedAnonymousRoutes ` +
    `(route ${key} has no authorizers and iamAuthEnabled is not true).`;

describe(`${RULE} (cases)`, () => {
    it("rejects a config whose allowedAnonymousRoutes has an empty, a non-string or a repeated entry", async () => {
        const program = () => {
            restApi("api", [{ path: "/health", method: "GET" }]);
        };
        for (const allowedAnonymousRoutes of [[""], [42], ["GET /health", "GET /health"]]) {
            await assert.rejects(
                ruleFindings(RULE, program, { config: { [RULE]: { allowedAnonymousRoutes } } }),
                /allowedAnonymousRoutes/,
                JSON.stringify(allowedAnonymousRoutes),
            );
        }
    });

    it("keys routes as the component does, and matches an unknown method against any listed route of the same path", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                restApi("api", [
                    { path: "/health", method: afterDeployment("GET") },
                    { path: "/elsewhere", method: afterDeployment("GET") },
                    { path: "items/list", method: "GET" },
                    { method: "GET" },
                    afterDeployment({ path: "/x", method: "GET" }),
                    // A known route is listed only by its own key, even where its path holds a line break.
                    { path: "/health\nx", method: "GET" },
                ]);
            },
            configOf(["POST /other", "GET /health"]),
        );
        const known = [
            { resource: "api", message: [exactly(anonymous("api", "GET /items/list", 2))] },
            { resource: "api", message: [exactly(anonymous("api", "GET /", 3))] },
            { resource: "api", message: [exactly(anonymous("api", "GET /health\nx", 5))] },
        ];
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "api", message: [exactly(mayBeListed("api", 0, "method", "? /health"))] },
            { resource: "api", message: [exactly(anonymous("api", "? /elsewhere", 1))] },
            ...known,
            {
                resource: "api",
                message: [
                    exactly(
                        'cannot be verified at preview: RestAPI "api".routes.4 is unknown; it must give route routes[4] authorizers or iamAuthEnabled: true.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "api", message: [exactly(anonymous("api", "GET /elsewhere", 1))] },
            ...known,
            { resource: "api", message: [exactly(anonymous("api", "GET /x", 4))] },
        ]);
    });

    it("an unknown path matches only whole 'METHOD path' entries: not a swaggerString entry, not an entry with a line break", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => void restApi("api", [{ path: afterDeployment("/open"), method: "GET" }]),
            configOf(["api GET /open", "GET /open\nx"]),
        );
        assertFindings(found.preview, RULE, "mandatory", [{ resource: "api", message: [exactly(anonymous("api", "GET /?", 0))] }]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "api", message: [exactly(anonymous("api", "GET /open", 0))] }]);
    });

    it("judges RestAPI components only, and stands down only for a Method inside the component", async () => {
        const found = await ruleFindings(RULE, () => {
            new RemoteComponent("example:index:Router", "router", { routes: [{ path: "/open", method: "GET" }] });
            const component = restApi("api", [{ path: "/open", method: "GET" }]);
            new aws.apigateway.RestApi("api-api", {}, { parent: component });
            const other = new aws.apigateway.RestApi("other", {});
            new aws.apigateway.Method("other-method", { restApi: other.id, resourceId: other.rootResourceId, httpMethod: "GET", authorization: "AWS_IAM" });
        });
        assertFindings(found, RULE, "mandatory", [{ resource: "api", message: [exactly(anonymous("api", "GET /open", 0))] }]);
    });

    it("names the authorizer types a swaggerString operation may use, and lets 'METHOD path' allow-list it", async () => {
        const swaggerString = JSON.stringify({ swagger: "2.0", info: { title: "t", version: "1" }, paths: { "/": { get: {} } } });
        const program = () => void restApi("swagger", [], { swaggerString });
        assertFindings(await ruleFindings(RULE, program), RULE, "mandatory", [
            {
                resource: "swagger",
                message: [
                    exactly(
                        'RestAPI "swagger" body operation GET / has no security (no authorizer scheme in its security requirements and no x-amazon-apigateway-auth), ' +
                            'so anyone who can reach the API can call it. Add a security requirement naming a COGNITO_USER_POOLS, CUSTOM or AWS_IAM scheme, or allow-list "swagger GET /".',
                    ),
                ],
            },
        ]);
        assertNoFindings(await ruleFindings(RULE, program, configOf(["GET /"])));
    });
});
