/**
 * validateRoutes on a route's integration (split from routes-literal.test.ts): the exact message for a missing or
 * unknown kind, a backend that is not https://, a timeout outside 50–29000 ms (both bounds and one past them)
 * and a Lambda integration without a function ARN.
 */
import * as assert from "assert";
import { AuthKind, ComponentArgumentError, RouteArgs, RouteIntegration, validateRoutes } from "../../../components";
import { BACKEND_ARN } from "../fixtures";

const C = "Spec";
const IAM: ReadonlySet<AuthKind> = new Set<AuthKind>(["iam"]);
const withIntegration = (integration: unknown): RouteArgs[] => [{ path: "/orders", method: "GET", auth: "iam", integration: integration as RouteIntegration }];
const http = (extra: Record<string, unknown>) => withIntegration({ kind: "http", uri: "https://backend.example.com/orders", ...extra });

function refusal(routes: RouteArgs[]): string {
    try {
        validateRoutes(C, routes, IAM);
    } catch (error) {
        assert.ok(error instanceof ComponentArgumentError, String(error));
        return error.message;
    }
    return assert.fail("expected validateRoutes to throw");
}
const accepts = (routes: RouteArgs[]) => assert.doesNotThrow(() => validateRoutes(C, routes, IAM));
const timeoutMessage = (got: string) => `Spec: routes[0].integration.timeoutMs must be an integer from 50 to 29000 (got ${got})`;

describe("validateRoutes: integrations", () => {
    it("refuses a route without an integration", () => {
        assert.strictEqual(refusal(withIntegration(undefined)), "Spec: routes[0].integration.kind must be one of mock, http, lambda (got undefined)");
    });

    it("refuses an unknown integration kind, quoting it", () => {
        assert.strictEqual(refusal(withIntegration({ kind: "soap" })), 'Spec: routes[0].integration.kind must be one of mock, http, lambda (got "soap")');
    });

    it("accepts a mock integration", () => {
        accepts(withIntegration({ kind: "mock", responseBody: { ok: true } }));
    });

    describe("http", () => {
        it("refuses a URI that does not start with https://", () => {
            assert.strictEqual(
                refusal(withIntegration({ kind: "http", uri: "see https://backend.example.com" })),
                'Spec: routes[0].integration.uri must be an https:// URL (got "see https://backend.example.com")',
            );
        });

        it("refuses a missing URI", () => {
            assert.strictEqual(refusal(withIntegration({ kind: "http" })), "Spec: routes[0].integration.uri must be an https:// URL (got undefined)");
        });

        it("refuses an https:// URI without a host", () => {
            assert.strictEqual(
                refusal(withIntegration({ kind: "http", uri: "https:///orders" })),
                'Spec: routes[0].integration.uri must be an https:// URL (got "https:///orders")',
            );
        });

        it("accepts no timeout", () => {
            accepts(http({}));
        });

        it("refuses a timeout of 49 ms (min - 1)", () => {
            assert.strictEqual(refusal(http({ timeoutMs: 49 })), timeoutMessage("49"));
        });

        it("accepts a timeout of 50 ms (min)", () => {
            accepts(http({ timeoutMs: 50 }));
        });

        it("accepts a timeout of 29000 ms (max)", () => {
            accepts(http({ timeoutMs: 29000 }));
        });

        it("refuses a timeout of 29001 ms (max + 1)", () => {
            assert.strictEqual(refusal(http({ timeoutMs: 29001 })), timeoutMessage("29001"));
        });

        it("refuses a timeout that is not an integer, even within the bounds", () => {
            assert.strictEqual(refusal(http({ timeoutMs: 100.5 })), timeoutMessage("100.5"));
        });
    });

    describe("lambda", () => {
        it("refuses a missing function ARN", () => {
            assert.strictEqual(refusal(withIntegration({ kind: "lambda" })), "Spec: routes[0].integration.functionArn is required for a lambda integration");
        });

        it("refuses an empty function ARN", () => {
            assert.strictEqual(
                refusal(withIntegration({ kind: "lambda", functionArn: "" })),
                "Spec: routes[0].integration.functionArn is required for a lambda integration",
            );
        });

        it("accepts a function ARN", () => {
            accepts(withIntegration({ kind: "lambda", functionArn: BACKEND_ARN }));
        });
    });
});
