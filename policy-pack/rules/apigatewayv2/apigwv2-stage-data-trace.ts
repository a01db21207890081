/** API Gateway v2 (WebSocket) stages must not log full request and response data. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwv2StageDataTrace = resourceRule({
    name: "apigwv2-stage-data-trace",
    service: "apigatewayv2",
    description:
        "API Gateway v2 stages must not enable dataTraceEnabled (in defaultRouteSettings or any routeSettings): it writes full message payloads, tokens included, to CloudWatch Logs.",
    remediationSteps: "Set dataTraceEnabled: false (or leave it unset) in defaultRouteSettings and routeSettings; use loggingLevel ERROR or INFO instead.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigatewayv2.Stage, (stage, args, report) => {
        const label = describe(args);
        const fix = "payloads, tokens included, reach CloudWatch Logs. Set dataTraceEnabled: false";
        const dflt = known(() => stage.defaultRouteSettings?.dataTraceEnabled, "defaultRouteSettings.dataTraceEnabled");
        if (!dflt.known) {
            report(unverifiable(label, dflt.path, "be false"));
        } else if (dflt.value === true) {
            report(`${label} enables defaultRouteSettings.dataTraceEnabled, so ${fix}.`);
        }
        const routes = knownDeep(() => stage.routeSettings, "routeSettings");
        if (!routes.known) {
            report(unverifiable(label, routes.path, "not enable dataTraceEnabled"));
            return;
        }
        for (const route of routes.value ?? []) {
            if (route.dataTraceEnabled === true) {
                report(`${label} enables dataTraceEnabled in routeSettings for route "${route.routeKey}", so ${fix}.`);
            }
        }
    }),
});
