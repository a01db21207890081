import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { apigwv2RouteAuthorization, routeAuthorizationConfig } from "../../../policy-pack/rules/apigatewayv2/apigwv2-route-authorization";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { httpApi, route, wsApi } from "./v2-builders";

const RULE = "apigwv2-route-authorization";

const quickCreateTarget = () =>
    new aws.lambda.Function("backend", { role: "arn:aws:iam::123456789012:role/backend", runtime: "nodejs20.x", handler: "index.handler" }).invokeArn;

describe(RULE, () => {
    it("allow-lists no route by default", () => {
        assert.deepStrictEqual(routeAuthorizationConfig.defaults.allowedAnonymousRoutes, []);
        assert.deepStrictEqual(apigwv2RouteAuthorization.configSchema?.properties.allowedAnonymousRoutes.default, []);
    });

    it("passes the compliant baseline: HTTP routes with JWT, CUSTOM and AWS_IAM, a WebSocket API authorized on $connect", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = httpApi("http");
                route("jwt", api, "GET /items", { authorizationType: "JWT", authorizerId: "abc" });
                route("custom", api, "POST /items", { authorizationType: "CUSTOM", authorizerId: "abc" });
                route("iam", api, "$default");
                const ws = wsApi("ws");
                route("connect", ws, "$connect", { authorizationType: "CUSTOM", authorizerId: "abc" });
                route("message", ws, "sendmessage", { authorizationType: "NONE" });
                route("disconnect", ws, "$disconnect", { authorizationType: "NONE" });
            }),
        );
    });

    it("rejects every anonymous HTTP route, $default included, and an unset authorizationType", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = httpApi("http");
            route("open", api, "GET /items", { authorizationType: "NONE" });
            route("default", api, "$default", { authorizationType: undefined });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "open", message: [/Route "open" \(GET \/items\) has authorizationType NONE/, /JWT, CUSTOM or AWS_IAM/, /allowedAnonymousRoutes/] },
            { resource: "default", message: [/\(\$default\) has authorizationType NONE \(not set\)/] },
        ]);
    });

    it("rejects an anonymous WebSocket $connect route", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const ws = wsApi("ws");
                route("connect", ws, "$connect", { authorizationType: "NONE" });
                route("message", ws, "sendmessage", { authorizationType: "NONE" });
            }),
            RULE,
            "mandatory",
            [{ resource: "connect", message: [/\(\$connect\) has authorizationType NONE/, /CUSTOM or AWS_IAM/] }],
        );
    });

    it("rejects WebSocket routes of an API that has no $connect route", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const ws = wsApi("ws");
                route("message", ws, "sendmessage", { authorizationType: "NONE" });
            }),
            RULE,
            "mandatory",
            [{ resource: "message", message: [/has no \$connect route/, /authorizationType CUSTOM or AWS_IAM/] }],
        );
    });

    it("judges a route whose API is not in the stack as an HTTP route", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new aws.apigatewayv2.Route("external", { apiId: "a1b2c3", routeKey: "GET /x", authorizationType: "NONE" });
            }),
            RULE,
            "mandatory",
            [{ resource: "external", message: [/authorizationType NONE/] }],
        );
    });

    it("lets an allow-listed route be anonymous", async () => {
        const config = { [RULE]: { allowedAnonymousRoutes: ["health"] } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    route("health", httpApi("http"), "GET /health", { authorizationType: "NONE" });
                },
                { config },
            ),
        );
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    route("other", httpApi("http"), "GET /other", { authorizationType: "NONE" });
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "other", message: [/authorizationType NONE/] }],
        );
    });

    it("judges an HTTP API defined by an OpenAPI 3 body", async () => {
        const jwt = {
            type: "oauth2",
            flows: {},
            "x-amazon-apigateway-authorizer": { type: "jwt", jwtConfiguration: { issuer: "https://idp.example.com", audience: ["a"] } },
        };
        const body = JSON.stringify({
            openapi: "3.0.1",
            info: { title: "h", version: "1" },
            components: { securitySchemes: { jwt } },
            paths: { "/me": { get: { security: [{ jwt: [] }] } }, "/open": { get: {} } },
        });
        assertFindings(
            await ruleFindings(RULE, () => {
                httpApi("body-api", { body });
            }),
            RULE,
            "mandatory",
            [{ resource: "body-api", message: [/Api "body-api" body operation GET \/open has no security/] }],
        );
        const config = { [RULE]: { allowedAnonymousRoutes: ["body-api GET /open"] } };
        assertNoFindings(
            await ruleFindings(
                RULE,
                () => {
                    httpApi("body-api", { body });
                },
                { config },
            ),
        );
    });

    it("rejects the route of a quick-create HTTP API (target set, known or not), unless allow-listed as '<api> <routeKey>'", async () => {
        const program = () => {
            httpApi("quick", { target: quickCreateTarget(), routeKey: "GET /" });
            httpApi("catchall", { target: "https://backend.example.com" });
        };
        assertFindings(await ruleFindings(RULE, program), RULE, "mandatory", [
            {
                resource: "quick",
                message: [
                    /Api "quick" is a quick-create HTTP API \(target is set\): API Gateway creates its route GET \/ with no authorizer/,
                    /"quick GET \/"/,
                ],
            },
            { resource: "catchall", message: [/route \$default with no authorizer/, /"catchall \$default" in allowedAnonymousRoutes/] },
        ]);
        const config = { [RULE]: { allowedAnonymousRoutes: ["quick GET /", "catchall $default"] } };
        assertNoFindings(await ruleFindings(RULE, program, { config }));
    });

    it("a route key, protocol, authorization type or body built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const anonymous = JSON.stringify({ openapi: "3.0.1", info: { title: "h", version: "1" }, paths: { "/open": { get: {} } } });
        const found = await ruleFindingsByMode(RULE, () => {
            const http = httpApi("http");
            new aws.apigatewayv2.Route("key", { apiId: http.id, routeKey: afterDeployment("GET /x"), authorizationType: "NONE" });
            route("type", http, "GET /y", { authorizationType: afterDeployment("NONE") });
            route("protocol", wsApi("ws", { protocolType: afterDeployment("WEBSOCKET") }), "$connect", { authorizationType: "NONE" });
            route("connect", wsApi("ws-type"), "$connect", { authorizationType: afterDeployment("NONE") });
            httpApi("body-api", { body: afterDeployment(anonymous) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "key", message: [/Route "key"\.routeKey is unknown;/, /it must be known to decide whether the route needs an authorizer\./] },
            {
                resource: "type",
                message: [
                    /Route "type"\.authorizationType is unknown;/,
                    /it must be one of JWT, CUSTOM or AWS_IAM, or "type" listed in allowedAnonymousRoutes\./,
                ],
            },
            {
                resource: "protocol",
                message: [/Api "ws"\.protocolType is unknown;/, /it must be known to decide whether Route "protocol" needs an authorizer\./],
            },
            {
                resource: "connect",
                message: [
                    /Route "connect"\.authorizationType is unknown;/,
                    /it must be one of CUSTOM or AWS_IAM, or "connect" listed in allowedAnonymousRoutes\./,
                ],
            },
            {
                resource: "body-api",
                message: [
                    /Api "body-api"\.body is unknown;/,
                    /it must be an OpenAPI definition in which every operation requires JWT, CUSTOM or AWS_IAM \(its integrations, CORS headers, request validators, authorizer TTLs and resource policy are not verified either\)\./,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "key", message: [/Route "key" \(GET \/x\) has authorizationType NONE/] },
            { resource: "type", message: [/Route "type" \(GET \/y\) has authorizationType NONE/, /JWT, CUSTOM or AWS_IAM/] },
            { resource: "protocol", message: [/Route "protocol" \(\$connect\) has authorizationType NONE/, /CUSTOM or AWS_IAM/] },
            { resource: "connect", message: [/Route "connect" \(\$connect\) has authorizationType NONE/, /CUSTOM or AWS_IAM/] },
            { resource: "body-api", message: [/Api "body-api" body operation GET \/open has no security/] },
        ]);
    });

    it("a WebSocket $connect or quick-create route key unknown at a first preview is reported once, never as a missing or wrong route", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                const ws = wsApi("ws");
                route("connect", ws, afterDeployment("$connect"), { authorizationType: "CUSTOM", authorizerId: "auth" });
                route("send", ws, "sendmessage");
                httpApi("quick", { target: "arn:aws:lambda:us-east-1:123456789012:function:f", routeKey: afterDeployment("GET /") });
            },
            { config: { [RULE]: { allowedAnonymousRoutes: ["quick GET /"] } } },
        );
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "connect", message: [/Route "connect"\.routeKey is unknown; it must be known to decide whether the route needs an authorizer/] },
            {
                resource: "quick",
                message: [
                    /Api "quick"\.routeKey is unknown; it must be known: a quick-create API's route has no authorizer unless "quick <routeKey>" is in allowedAnonymousRoutes/,
                ],
            },
        ]);
        assertNoFindings(found.update);
    });

    it("an allow-listed WebSocket route whose unknown key may be $connect leaves its siblings unverifiable at a first preview, not passing", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                const ws = wsApi("ws");
                route("maybe", ws, afterDeployment("other"), { authorizationType: "NONE" });
                route("send", ws, "sendmessage");
            },
            { config: { [RULE]: { allowedAnonymousRoutes: ["maybe"] } } },
        );
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "send", message: [/Route "maybe"\.routeKey is unknown; it must be known to decide whether Route "send" has a \$connect route/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "send", message: [/has no \$connect route in this stack/] }]);
    });
});
