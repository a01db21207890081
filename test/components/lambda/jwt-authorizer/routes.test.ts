/** Route keys against method ARNs: the matching that decides which scopes a request needs. */
import * as assert from "assert";
import { MethodArn, parseMethodArn, parseRouteKey, requiredScopes, routeMatches, RouteTemplate } from "../../../../components/lambda/jwt-authorizer/routes";
import { checkRouteScopes } from "../../../../components/lambda/jwt-authorizer/settings";

const template = (key: string): RouteTemplate => {
    const parsed = parseRouteKey(key);
    assert.ok(typeof parsed !== "string", `${key}: ${String(parsed)}`);
    return parsed;
};
const arn = (rest: string): string => `arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/${rest}`;
const request = (rest: string): MethodArn => {
    const parsed = parseMethodArn(arn(rest));
    assert.ok(parsed, rest);
    return parsed;
};

describe("JWT authorizer routes", () => {
    it("parses method ARNs into method and resource path", () => {
        assert.deepStrictEqual(parseMethodArn(arn("GET/orders/42")), { method: "GET", path: "/orders/42" });
        assert.deepStrictEqual(parseMethodArn(arn("GET/")), { method: "GET", path: "/" });
        assert.deepStrictEqual(parseMethodArn(arn("DELETE")), { method: "DELETE", path: "/" });
        assert.deepStrictEqual(parseMethodArn("arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc/v1/POST/a/b"), { method: "POST", path: "/a/b" });
    });

    it("refuses method ARNs that are not one request's: wildcards, other services, junk", () => {
        for (const bad of [
            arn("GET/orders/*"),
            arn("*/orders"),
            arn("GET/orders/?"),
            arn("GET/a b"),
            "arn:aws:lambda:us-east-1:123456789012:function:x",
            "arn:aws:execute-api:us-east-1:123:abc/prod/GET/a",
            "",
            42,
            undefined,
        ]) {
            assert.strictEqual(parseMethodArn(bad), undefined, String(bad));
        }
    });

    it("matches literal, {param} and {proxy+} segments, ANY and the root", () => {
        const cases: [string, string, boolean][] = [
            ["GET /orders", "GET/orders", true],
            ["GET /orders", "POST/orders", false],
            ["GET /orders", "GET/orders/42", false],
            ["GET /orders/{id}", "GET/orders/42", true],
            ["GET /orders/{id}", "GET/orders", false],
            ["GET /orders/{id}", "GET/orders/42/items", false],
            ["GET /orders/{id}/items", "GET/orders/42/items", true],
            ["GET /files/{path+}", "GET/files/a/b/c", true],
            ["GET /files/{path+}", "GET/files", false],
            ["ANY /orders", "PATCH/orders", true],
            ["GET /", "GET/", true],
            ["GET /", "GET/orders", false],
            ["GET /Orders", "GET/orders", false],
        ];
        for (const [key, rest, expected] of cases) {
            assert.strictEqual(routeMatches(template(key), request(rest)), expected, `${key} vs ${rest}`);
        }
    });

    it("a request needs the scopes of every matching key; none matching is undefined", () => {
        const routes = checkRouteScopes({
            "GET /orders/{id}": ["orders.read"],
            "GET /orders/special": ["orders.special"],
            "ANY /orders/{id}": ["orders.any"],
            "GET /health": [],
        });
        assert.deepStrictEqual(requiredScopes(routes, request("GET/orders/special")), ["orders.any", "orders.read", "orders.special"]);
        assert.deepStrictEqual(requiredScopes(routes, request("GET/orders/7")), ["orders.any", "orders.read"]);
        assert.deepStrictEqual(requiredScopes(routes, request("GET/health")), []);
        assert.strictEqual(requiredScopes(routes, request("GET/invoices")), undefined);
    });
});
