/**
 * Pins components/index/route-references.ts: the scope form a Cognito token carries
 * (`<identifier>/<name>`), the exact errors for route scopes the pool does not define and for
 * usage-plan method throttles naming no route, and which routes get their scopes rewritten.
 */
import * as assert from "assert";
import { SecureApi, SecureApiArgs } from "../../../components";
import { fullScope, validateRouteReferences, withFullScopes } from "../../../components/index/route-references";
import { runProgram } from "../../harness";

const ID = "https://inventory.example.com";
const mock = { kind: "mock" as const, responseBody: {} };
const cognito = {
    resourceServerIdentifier: ID,
    scopes: [
        { name: "items.read", description: "Read" },
        { name: "items.write", description: "Write" },
    ],
    clients: [{ name: "svc", kind: "m2m" as const, scopes: ["items.read"] }],
};
const args = (overrides: Partial<SecureApiArgs> = {}): SecureApiArgs => ({
    environment: "dev",
    apiName: "inventory",
    exposure: { type: "public" },
    routes: [{ path: "/items", method: "GET", auth: "cognito", scopes: ["items.read"], integration: mock }],
    throttle: { rateLimit: 20, burstLimit: 40 },
    logging: { retentionInDays: 90 },
    audit: { enabled: false },
    cognito,
    ...overrides,
});
const thrown = (f: () => void): string => {
    try {
        f();
    } catch (err) {
        return (err as Error).message;
    }
    assert.fail("expected an error");
};

describe("route references: fullScope", () => {
    it("prefixes a short scope name with the resource server identifier", () => {
        assert.strictEqual(fullScope(ID, "items.read"), "https://inventory.example.com/items.read");
    });

    it("keeps a scope already in full form", () => {
        assert.strictEqual(fullScope(ID, "https://inventory.example.com/items.read"), "https://inventory.example.com/items.read");
    });

    it("prefixes a scope that only ends with the identifier and a slash", () => {
        assert.strictEqual(fullScope("api", "read/api/"), "api/read/api/");
    });
});

describe("route references: route scopes", () => {
    it("accepts a cognito route naming a defined scope in full form", () => {
        validateRouteReferences(args({ routes: [{ path: "/items", method: "GET", auth: "cognito", scopes: [`${ID}/items.write`], integration: mock }] }));
    });

    it("accepts a cognito route with no scopes (any token of the pool)", () => {
        validateRouteReferences(args({ routes: [{ path: "/items", method: "GET", auth: "cognito", integration: mock }] }));
    });

    it("does not check the scopes of non-cognito routes (RestApi refuses them itself)", () => {
        validateRouteReferences(args({ routes: [{ path: "/items", method: "GET", auth: "lambda", scopes: ["nope"], integration: mock }] }));
    });

    it("names the undefined scope of a later route and lists the defined ones", () => {
        const routes: SecureApiArgs["routes"] = [
            { path: "/items", method: "GET", auth: "cognito", scopes: ["items.read"], integration: mock },
            { path: "/items", method: "POST", auth: "cognito", scopes: ["items.write", "items.delete"], integration: mock },
        ];
        assert.strictEqual(
            thrown(() => validateRouteReferences(args({ routes }))),
            'SecureApi: routes[1].scopes[1] is "items.delete", which the user pool does not define (cognito.scopes: items.read, items.write); no token could ever carry it',
        );
    });

    it("refuses a full-form scope of another identifier", () => {
        const routes: SecureApiArgs["routes"] = [
            { path: "/items", method: "GET", auth: "cognito", scopes: ["https://other.example.com/items.read"], integration: mock },
        ];
        assert.strictEqual(
            thrown(() => validateRouteReferences(args({ routes }))),
            'SecureApi: routes[0].scopes[0] is "https://other.example.com/items.read", which the user pool does not define (cognito.scopes: items.read, items.write); no token could ever carry it',
        );
    });

    it('says "none" when there is no user pool', () => {
        assert.strictEqual(
            thrown(() => validateRouteReferences(args({ cognito: undefined }))),
            'SecureApi: routes[0].scopes[0] is "items.read", which the user pool does not define (cognito.scopes: none); no token could ever carry it',
        );
    });
});

describe("route references: usage-plan method throttles", () => {
    const plans = (methodThrottles: NonNullable<SecureApiArgs["usagePlans"]>["methodThrottles"]): SecureApiArgs["usagePlans"] => ({
        tiers: { basic: { rateLimit: 1, burstLimit: 2, quotaLimit: 100, quotaPeriod: "DAY" } },
        clients: [],
        methodThrottles,
    });
    const routes: SecureApiArgs["routes"] = [
        { path: "/items", method: "GET", auth: "cognito", scopes: ["items.read"], integration: mock },
        { path: "/items/{id}", method: "DELETE", auth: "iam", integration: mock },
    ];

    it("accepts throttles naming routes of the API", () => {
        validateRouteReferences(
            args({
                routes,
                usagePlans: plans([
                    { path: "/items/{id}", method: "DELETE", rateLimit: 1, burstLimit: 1 },
                    { path: "/items", method: "GET", rateLimit: 1, burstLimit: 1 },
                ]),
            }),
        );
    });

    it("names the throttle that matches no route and lists the routes", () => {
        const usagePlans = plans([
            { path: "/items", method: "GET", rateLimit: 1, burstLimit: 1 },
            { path: "/items", method: "DELETE", rateLimit: 1, burstLimit: 1 },
        ]);
        assert.strictEqual(
            thrown(() => validateRouteReferences(args({ routes, usagePlans }))),
            "SecureApi: usagePlans.methodThrottles[1] names DELETE /items, which is not a route of the API (routes: GET /items, DELETE /items/{id})",
        );
    });
});

describe("route references: withFullScopes", () => {
    it("rewrites cognito scopes to the full form and leaves other routes alone", () => {
        const lambda = { path: "/hook", method: "POST" as const, auth: "lambda" as const, scopes: ["hook"], integration: mock };
        const bare = { path: "/open", method: "GET" as const, auth: "cognito" as const, integration: mock };
        const result = withFullScopes(
            args({
                routes: [{ path: "/items", method: "GET", auth: "cognito", scopes: ["items.read", `${ID}/items.write`], integration: mock }, lambda, bare],
            }),
        );
        assert.deepStrictEqual(result[0].scopes, ["https://inventory.example.com/items.read", "https://inventory.example.com/items.write"]);
        assert.strictEqual(result[1], lambda);
        assert.strictEqual(result[2], bare);
    });

    it("the API method requires each scope once in full form, whichever form the route gave", async () => {
        const plan = await runProgram(() => {
            new SecureApi(
                "inv",
                args({ routes: [{ path: "/items", method: "GET", auth: "cognito", scopes: ["items.read", `${ID}/items.write`], integration: mock }] }),
            );
        });
        const method = plan.ofType("aws:apigateway/method:Method").find((m) => m.props.httpMethod === "GET");
        assert.deepStrictEqual(method?.props.authorizationScopes, ["https://inventory.example.com/items.read", "https://inventory.example.com/items.write"]);
    });
});
