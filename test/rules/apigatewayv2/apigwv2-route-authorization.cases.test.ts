import * as assert from "assert";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { route, wsApi } from "./v2-builders";

const RULE = "apigwv2-route-authorization";

describe(`${RULE} (cases)`, () => {
    it("rejects a config whose allowedAnonymousRoutes has an empty or a repeated entry", async () => {
        const program = () => {
            route("health", wsApi("ws"), "$connect");
        };
        for (const allowedAnonymousRoutes of [[""], ["health", "health"]]) {
            await assert.rejects(
                ruleFindings(RULE, program, { config: { [RULE]: { allowedAnonymousRoutes } } }),
                /allowedAnonymousRoutes/,
                JSON.stringify(allowedAnonymousRoutes),
            );
        }
    });

    it("looks for the $connect route among the routes of the same WebSocket API only", async () => {
        const found = await ruleFindings(RULE, () => {
            const authorized = wsApi("authorized");
            route("connect", authorized, "$connect");
            route("chat", authorized, "sendmessage");
            route("message", wsApi("ws"), "sendmessage");
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "message",
                message: [
                    exactly(
                        'Route "message" (sendmessage) belongs to WebSocket Api "ws" which has no $connect route in this stack, so connections are never authorized. ' +
                            "Add a $connect route with authorizationType CUSTOM or AWS_IAM.",
                    ),
                ],
            },
        ]);
    });

    it("a WebSocket route is not left unverifiable by an allow-listed sibling with an unknown key while another sibling's unknown key is reported", async () => {
        const found = await ruleFindingsByMode(
            RULE,
            () => {
                const ws = wsApi("ws");
                route("maybe", ws, afterDeployment("other"), { authorizationType: "NONE" });
                route("connect", ws, afterDeployment("$connect"));
                route("send", ws, "sendmessage");
            },
            { config: { [RULE]: { allowedAnonymousRoutes: ["maybe"] } } },
        );
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "connect",
                message: [
                    exactly(
                        'cannot be verified at preview: Route "connect".routeKey is unknown; it must be known to decide whether the route needs an authorizer.',
                    ),
                ],
            },
        ]);
        assertNoFindings(found.update);
    });
});
