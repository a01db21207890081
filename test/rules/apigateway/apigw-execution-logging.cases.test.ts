import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, Settings, stage, THROTTLED } from "../builders";
import { assertFindings, exactly } from "../expect";

const RULE = "apigw-execution-logging";
const FIX = "Set settings.loggingLevel to INFO or ERROR.";

describe(`${RULE} (cases)`, () => {
    it("states the whole finding for logging turned OFF on a method and for unset stage-wide logging", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            const s = stage("s", api);
            const unset: Settings = { ...THROTTLED, loggingLevel: undefined };
            methodSettings("all", api, s, unset, "*/*");
            methodSettings("orders", api, s, { ...THROTTLED, loggingLevel: "OFF" }, "orders/GET");
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "all",
                message: [
                    exactly(
                        'MethodSettings "all" leaves stage-wide execution logging off (settings.loggingLevel is not set), so authorizer and integration failures leave no trace. ' +
                            FIX,
                    ),
                ],
            },
            {
                resource: "orders",
                message: [
                    exactly(
                        'MethodSettings "orders" turns execution logging OFF for method orders/GET (settings.loggingLevel), so its authorizer and integration failures leave no trace. ' +
                            FIX,
                    ),
                ],
            },
        ]);
    });
});
