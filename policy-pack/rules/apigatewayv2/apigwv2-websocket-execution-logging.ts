/** WebSocket API stages should write execution logs. */
import * as aws from "@pulumi/aws";
import { EXECUTION_LOG_LEVELS } from "../../baseline";
import { apiV2Of, protocolOf } from "../lib/apis-v2";
import { known } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

const LEVELS: readonly string[] = EXECUTION_LOG_LEVELS;
const LEVEL_LIST = EXECUTION_LOG_LEVELS.join(" or ");

export const apigwv2WebsocketExecutionLogging = stackRule({
    name: "apigwv2-websocket-execution-logging",
    service: "apigatewayv2",
    description: `Stages of WebSocket APIs should enable execution logging (defaultRouteSettings.loggingLevel ${LEVEL_LIST}).`,
    remediationSteps: `Set defaultRouteSettings.loggingLevel to ${LEVEL_LIST} on the WebSocket API's stage.`,
    severity: "low",
    enforcementLevel: "advisory",
    // Checked: Security Hub APIGateway.1 page (WebSocket stages: defaultRouteSettings.loggingLevel ERROR or INFO); WebSocket half, advisory (REST: apigw-execution-logging). A stage whose API is not in the program is skipped (its protocol is unknown).
    controls: { securityHub: ["APIGateway.1"] },
    inspects: [aws.apigatewayv2.Stage, aws.apigatewayv2.Api],
    validateStack: (args, report) => {
        const apis = resourcesOf(args.resources, aws.apigatewayv2.Api);
        for (const stage of resourcesOf(args.resources, aws.apigatewayv2.Stage)) {
            const api = apiV2Of(stage, apis);
            if (!api) {
                continue;
            }
            const protocol = protocolOf(api);
            if (!protocol.known) {
                report(unverifiable(api.label, protocol.path, `be known to decide whether ${stage.label} needs execution logging`), stage.urn);
                continue;
            }
            if (protocol.value !== "WEBSOCKET") {
                continue;
            }
            const level = known(() => stage.props.defaultRouteSettings?.loggingLevel, "defaultRouteSettings.loggingLevel");
            if (!level.known) {
                report(unverifiable(stage.label, level.path, `be ${LEVEL_LIST}`), stage.urn);
            } else if (!LEVELS.includes((level.value ?? "OFF").toUpperCase())) {
                report(
                    `${stage.label} of WebSocket ${api.label} leaves execution logging ${level.value ?? "OFF (defaultRouteSettings.loggingLevel is not set)"}; ` +
                        `set defaultRouteSettings.loggingLevel to ${LEVEL_LIST} to diagnose authorizer and integration failures.`,
                    stage.urn,
                );
            }
        }
    },
});
