/** API Gateway v2 stages must throttle the default route, and route settings must not disable throttling. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { THROTTLE } from "../../baseline";
import { known, knownDeep } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { isQuickCreate, QUICK_CREATE_FIX } from "../lib/apis-v2";
import { resourceRule } from "../lib/rule";

type Limit = "throttlingRateLimit" | "throttlingBurstLimit";
const RANGE: Readonly<Record<Limit, { min: number; max: number; text: string }>> = {
    throttlingRateLimit: { min: Number.MIN_VALUE, max: THROTTLE.maxRateLimit, text: `above 0 and at most ${THROTTLE.maxRateLimit}` },
    throttlingBurstLimit: { min: THROTTLE.minBurstLimit, max: THROTTLE.maxBurstLimit, text: `from ${THROTTLE.minBurstLimit} to ${THROTTLE.maxBurstLimit}` },
};
const LIMITS = Object.keys(RANGE) as Limit[];

/** Why a limit value is wrong, or undefined when it is within range. */
function problem(limit: Limit, value: unknown): string | undefined {
    const { min, max, text } = RANGE[limit];
    if (typeof value !== "number") {
        return "is not set";
    }
    return value < min || value > max ? `is ${value}, not ${text}` : undefined;
}

export const apigwv2StageThrottling = resourceRule({
    name: "apigwv2-stage-throttling",
    service: "apigatewayv2",
    description: `API Gateway v2 stages must set defaultRouteSettings.throttlingRateLimit (${RANGE.throttlingRateLimit.text}) and throttlingBurstLimit (${RANGE.throttlingBurstLimit.text}); routeSettings limits, where set, must be in the same ranges; a quick-create API (target set) gets an unthrottled $default stage and is rejected.`,
    remediationSteps: "Set defaultRouteSettings.throttlingRateLimit and defaultRouteSettings.throttlingBurstLimit to positive limits within the baseline.",
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: cdk-nag test/rules/APIGW.test.ts (APIGWDefaultThrottling: HTTP API stage without defaultRouteSettings throttling); v2 half.
    controls: { cdkNag: ["Serverless-APIGWDefaultThrottling"] },
    validateResource: [
        validateResourceOfType(aws.apigatewayv2.Api, (api, args, report) => {
            if (isQuickCreate(known(() => api.target, "target"))) {
                report(
                    `${describe(args)} is a quick-create HTTP API (target is set): API Gateway gives it a $default stage with no defaultRouteSettings throttling, and the program cannot configure that stage. ` +
                        `To throttle it, ${QUICK_CREATE_FIX}, with defaultRouteSettings.throttlingRateLimit and throttlingBurstLimit.`,
                );
            }
        }),
        validateResourceOfType(aws.apigatewayv2.Stage, (stage, args, report) => {
            const label = describe(args);
            for (const limit of LIMITS) {
                const path = `defaultRouteSettings.${limit}`;
                const value = known(() => stage.defaultRouteSettings?.[limit], path);
                if (!value.known) {
                    report(unverifiable(label, value.path, `be ${RANGE[limit].text}`));
                    continue;
                }
                const wrong = problem(limit, value.value);
                if (wrong) {
                    report(`${label} ${path} ${wrong}, so one client can exhaust the account's API Gateway limits. Set ${path} ${RANGE[limit].text}.`);
                }
            }
            const routes = knownDeep(() => stage.routeSettings, "routeSettings");
            if (!routes.known) {
                report(unverifiable(label, routes.path, `have throttling limits within the baseline where set`));
                return;
            }
            for (const route of routes.value ?? []) {
                for (const limit of LIMITS) {
                    const value = route[limit];
                    const wrong = value === undefined ? undefined : problem(limit, value);
                    if (wrong) {
                        report(
                            `${label} routeSettings for route "${route.routeKey}" ${limit} ${wrong}, which lifts throttling on that route. Set ${limit} ${RANGE[limit].text} or remove it.`,
                        );
                    }
                }
            }
        }),
    ],
});
