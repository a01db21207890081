/**
 * validateRoutes on its own: the exact message of every refusal (path shape, method, auth kind and the API's
 * authorizers, scopes, API Gateway's path rules, required parameters, request schema, throttle, integration)
 * and the edge cases it must accept (same variable name on a parent, a trailing greedy segment, timeout bounds).
 */
import * as assert from "assert";
import { AuthKind, ComponentArgumentError, RouteArgs, RouteIntegration, validateRoutes } from "../../../components";

const C = "Spec";
const MOCK: RouteIntegration = { kind: "mock", responseBody: {} };
const ALL: ReadonlySet<AuthKind> = new Set<AuthKind>(["cognito", "lambda", "iam"]);
const route = (overrides: Partial<RouteArgs> = {}): RouteArgs => ({ path: "/orders", method: "GET", auth: "iam", integration: MOCK, ...overrides });
/** The message validateRoutes throws (failing when it accepts). */
function refusal(routes: RouteArgs[], available: ReadonlySet<AuthKind> = ALL): string {
    try {
        validateRoutes(C, routes, available);
    } catch (error) {
        assert.ok(error instanceof ComponentArgumentError, String(error));
        return error.message;
    }
    return assert.fail("expected validateRoutes to throw");
}
const accepts = (routes: RouteArgs[], available: ReadonlySet<AuthKind> = ALL) => assert.doesNotThrow(() => validateRoutes(C, routes, available));
const pathMessage = (got: string) => `Spec: routes[0].path must start with "/" and have segments of letters, digits, . _ - or {param}/{proxy+} (got ${got})`;

describe("validateRoutes: exact refusals and accepted edge cases", () => {
    describe("the route table", () => {
        it("refuses a missing table", () => {
            assert.strictEqual(refusal(undefined as unknown as RouteArgs[]), "Spec: routes must list at least one route");
        });

        it("refuses an empty table", () => {
            assert.strictEqual(refusal([]), "Spec: routes must list at least one route");
        });
    });

    describe("path", () => {
        it("refuses a path that is not a string", () => {
            assert.strictEqual(refusal([route({ path: 42 as unknown as string })]), pathMessage("42"));
        });

        it("refuses the root path alone", () => {
            assert.strictEqual(refusal([route({ path: "/" })]), pathMessage('"/"'));
        });

        it("refuses a segment with a character inside it that is not allowed", () => {
            assert.strictEqual(refusal([route({ path: "/a b" })]), pathMessage('"/a b"'));
        });

        it("refuses a segment ending with a character that is not allowed", () => {
            assert.strictEqual(refusal([route({ path: "/orders%" })]), pathMessage('"/orders%"'));
        });

        it("refuses a path whose later segment is bad even when the first is good", () => {
            assert.strictEqual(refusal([route({ path: "/orders/a b" })]), pathMessage('"/orders/a b"'));
        });

        it("accepts letters, digits, . _ - and {param}/{proxy+} segments", () => {
            accepts([route({ path: "/v1.2/my_orders-x/{orderId}" }), route({ path: "/files/{proxy+}" })]);
        });
    });

    describe("auth", () => {
        it("refuses an auth kind that does not exist, listing the kinds", () => {
            assert.strictEqual(refusal([route({ auth: "admin" as AuthKind })]), 'Spec: routes[0].auth must be one of cognito, lambda, iam, none (got "admin")');
        });

        it('says "none" are available when the API has no authorizer at all', () => {
            assert.strictEqual(
                refusal([route({ auth: "iam" })], new Set<AuthKind>()),
                'Spec: routes[0].auth is "iam" but the API has no iam authorizer configured (available: none)',
            );
        });

        it("lists every available authorizer, comma-separated", () => {
            assert.strictEqual(
                refusal([route({ auth: "cognito" })], new Set<AuthKind>(["iam", "lambda"])),
                'Spec: routes[0].auth is "cognito" but the API has no cognito authorizer configured (available: iam, lambda)',
            );
        });
    });

    describe("scopes", () => {
        it("refuses scopes on a route that is not cognito", () => {
            assert.strictEqual(refusal([route({ scopes: ["orders.read"] })]), 'Spec: routes[0].scopes are only valid with auth "cognito"');
        });

        it("accepts an empty scope list on a route that is not cognito", () => {
            accepts([route({ scopes: [] })]);
        });

        it("accepts scopes on a cognito route", () => {
            accepts([route({ auth: "cognito", scopes: ["orders.read"] })]);
        });
    });

    describe("API Gateway's path rules", () => {
        it("refuses a second variable name under the same parent, naming both and the parent", () => {
            assert.strictEqual(
                refusal([route({ path: "/shop/orders/{id}" }), route({ path: "/shop/orders/{orderId}" })]),
                'Spec: routes[1].path "/shop/orders/{orderId}" has {orderId} where another route has {id} under "/shop/orders"; ' +
                    "API Gateway allows one variable segment per parent, so use the same name",
            );
        });

        it("names the root as the parent of a first-segment variable", () => {
            assert.strictEqual(
                refusal([route({ path: "/{a}" }), route({ path: "/{b}" })]),
                'Spec: routes[1].path "/{b}" has {b} where another route has {a} under "/"; API Gateway allows one variable segment per parent, so use the same name',
            );
        });

        it("accepts the same variable name under a parent in several routes", () => {
            accepts([route({ path: "/orders/{id}" }), route({ path: "/orders/{id}/items" }), route({ path: "/orders/{id}", method: "PUT" })]);
        });

        it("accepts different variable names under different parents", () => {
            accepts([route({ path: "/orders/{orderId}" }), route({ path: "/users/{userId}" })]);
        });

        it("refuses segments below a greedy {proxy+}", () => {
            assert.strictEqual(
                refusal([route({ path: "/files/{proxy+}/meta" })]),
                'Spec: routes[0].path "/files/{proxy+}/meta" has segments below the greedy {proxy+}, which API Gateway does not allow',
            );
        });

        it("accepts a greedy {proxy+} as the last segment", () => {
            accepts([route({ path: "/files/{proxy+}" })]);
        });

        it("refuses two paths whose resource names would collide", () => {
            assert.strictEqual(
                refusal([route({ path: "/a/{b}" }), route({ path: "/a/b" })]),
                'Spec: routes[1].path "/a/b" gives the same resource names as "/a/{b}"; rename one of the paths',
            );
        });

        it("accepts the same path with two methods", () => {
            accepts([route({ path: "/a/{b}" }), route({ path: "/a/{b}", method: "POST" })]);
        });
    });

    describe("required parameters", () => {
        it("refuses a parameter that does not look like method.request.<location>.NAME, naming its index", () => {
            assert.strictEqual(
                refusal([route({ requiredParameters: ["method.request.header.X-Tenant", "limit"] })]),
                'Spec: routes[0].requiredParameters[1] must look like method.request.querystring|header|path.NAME (got "limit")',
            );
        });

        it("refuses a parameter with something before method.request", () => {
            assert.strictEqual(
                refusal([route({ requiredParameters: ["x.method.request.querystring.limit"] })]),
                'Spec: routes[0].requiredParameters[0] must look like method.request.querystring|header|path.NAME (got "x.method.request.querystring.limit")',
            );
        });

        it("refuses a parameter name ending with a character that is not allowed", () => {
            assert.strictEqual(
                refusal([route({ requiredParameters: ["method.request.querystring.limit?"] })]),
                'Spec: routes[0].requiredParameters[0] must look like method.request.querystring|header|path.NAME (got "method.request.querystring.limit?")',
            );
        });

        it("accepts querystring, header and path parameters", () => {
            accepts([
                route({
                    path: "/orders/{id}",
                    requiredParameters: ["method.request.querystring.limit", "method.request.header.X-Tenant", "method.request.path.id"],
                }),
            ]);
        });
    });

    describe("request schema", () => {
        it("refuses a schema that is not an object", () => {
            assert.strictEqual(
                refusal([route({ requestSchema: "object" as unknown as Record<string, unknown> })]),
                "Spec: routes[0].requestSchema must be a JSON schema object",
            );
        });

        it("refuses a null schema", () => {
            assert.strictEqual(
                refusal([route({ requestSchema: null as unknown as Record<string, unknown> })]),
                "Spec: routes[0].requestSchema must be a JSON schema object",
            );
        });
    });

    describe("throttle", () => {
        it("checks a route's throttle override under its own name", () => {
            assert.strictEqual(
                refusal([route({ throttle: { rateLimit: 0, burstLimit: 10 } })]),
                "Spec: routes[0].throttle.rateLimit must be a number above 0 and at most 10000 (got 0)",
            );
        });
    });
});
