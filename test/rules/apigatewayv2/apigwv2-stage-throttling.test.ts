import * as aws from "@pulumi/aws";
import { THROTTLE } from "../../../policy-pack/baseline";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { httpApi, RouteSettings, v2Stage, V2_THROTTLED, wsApi } from "./v2-builders";

const RULE = "apigwv2-stage-throttling";
const program =
    (defaultRouteSettings: RouteSettings | undefined, routeSettings?: { routeKey: string; throttlingRateLimit?: number; throttlingBurstLimit?: number }[]) =>
    () => {
        v2Stage("stage", httpApi("http"), { defaultRouteSettings, routeSettings });
    };

const quickCreateTarget = () =>
    new aws.lambda.Function("backend", { role: "arn:aws:iam::123456789012:role/backend", runtime: "nodejs20.x", handler: "index.handler" }).invokeArn;

describe(RULE, () => {
    it("passes the compliant baseline (rate 10, burst 20) on HTTP and WebSocket stages", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                v2Stage("http", httpApi("http"));
                v2Stage("ws", wsApi("ws"), { routeSettings: [{ routeKey: "$connect", throttlingRateLimit: 5, throttlingBurstLimit: 5 }] });
            }),
        );
    });

    it("passes at the limits from the baseline (rate 10000, burst 1 and 5000)", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ throttlingRateLimit: THROTTLE.maxRateLimit, throttlingBurstLimit: THROTTLE.minBurstLimit })));
        assertNoFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 10000, throttlingBurstLimit: 5000 })));
    });

    it("rejects limits one past the baseline (rate 10001, burst 0 and 5001) and rate 0", async () => {
        assertFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 10001, throttlingBurstLimit: 0 })), RULE, "mandatory", [
            { resource: "stage", message: [/defaultRouteSettings\.throttlingRateLimit is 10001, not above 0 and at most 10000/] },
            { resource: "stage", message: [/defaultRouteSettings\.throttlingBurstLimit is 0, not from 1 to 5000/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ throttlingRateLimit: 0, throttlingBurstLimit: 5001 })), RULE, "mandatory", [
            { resource: "stage", message: [/throttlingRateLimit is 0/] },
            { resource: "stage", message: [/throttlingBurstLimit is 5001/] },
        ]);
    });

    it("rejects a stage without default route throttling", async () => {
        assertFindings(await ruleFindings(RULE, program(undefined)), RULE, "mandatory", [
            { resource: "stage", message: [/defaultRouteSettings\.throttlingRateLimit is not set/] },
            { resource: "stage", message: [/defaultRouteSettings\.throttlingBurstLimit is not set/] },
        ]);
    });

    it("rejects each route setting that lifts throttling, and accepts route settings without limits", async () => {
        assertFindings(
            await ruleFindings(
                RULE,
                program(V2_THROTTLED, [
                    { routeKey: "GET /a", throttlingRateLimit: 0 },
                    { routeKey: "GET /b", throttlingBurstLimit: 5001 },
                    { routeKey: "GET /c" },
                ]),
            ),
            RULE,
            "mandatory",
            [
                { resource: "stage", message: [/routeSettings for route "GET \/a" throttlingRateLimit is 0/] },
                { resource: "stage", message: [/routeSettings for route "GET \/b" throttlingBurstLimit is 5001/] },
            ],
        );
    });

    it("rejects a quick-create HTTP API (target set, known or not): its $default stage is not throttled", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                httpApi("quick", { target: quickCreateTarget(), routeKey: "GET /" });
                httpApi("literal", { target: "https://backend.example.com" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "quick", message: [/Api "quick" is a quick-create HTTP API \(target is set\)/, /no defaultRouteSettings throttling/] },
                { resource: "literal", message: [/Api "literal" is a quick-create HTTP API/, /throttlingRateLimit and throttlingBurstLimit/] },
            ],
        );
    });

    it("limits or route settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            v2Stage("limits", httpApi("limits"), {
                defaultRouteSettings: { throttlingRateLimit: afterDeployment(0), throttlingBurstLimit: afterDeployment(5001) },
            });
            v2Stage("routes", httpApi("routes"), { routeSettings: afterDeployment([{ routeKey: "GET /a", throttlingRateLimit: 10001 }]) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "limits",
                message: [/Stage "limits"\.defaultRouteSettings\.throttlingRateLimit is unknown;/, /it must be above 0 and at most 10000\./],
            },
            { resource: "limits", message: [/Stage "limits"\.defaultRouteSettings\.throttlingBurstLimit is unknown;/, /it must be from 1 to 5000\./] },
            { resource: "routes", message: [/Stage "routes"\.routeSettings is unknown;/, /it must have throttling limits within the baseline where set\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "limits", message: [/defaultRouteSettings\.throttlingRateLimit is 0, not above 0/] },
            { resource: "limits", message: [/defaultRouteSettings\.throttlingBurstLimit is 5001, not from 1 to 5000/] },
            { resource: "routes", message: [/routeSettings for route "GET \/a" throttlingRateLimit is 10001/] },
        ]);
    });

    it("names the route setting whose limit is built from an output, in full, at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            v2Stage("nested", httpApi("nested"), { routeSettings: [{ routeKey: "GET /a", throttlingBurstLimit: afterDeployment(5001) }] });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "nested",
                message: [
                    exactly(
                        'cannot be verified at preview: Stage "nested".routeSettings.0.throttlingBurstLimit is unknown; it must have throttling limits within the baseline where set.',
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            {
                resource: "nested",
                message: [
                    exactly(
                        'Stage "nested" routeSettings for route "GET /a" throttlingBurstLimit is 5001, not from 1 to 5000, which lifts throttling on that route. Set throttlingBurstLimit from 1 to 5000 or remove it.',
                    ),
                ],
            },
        ]);
    });
});
