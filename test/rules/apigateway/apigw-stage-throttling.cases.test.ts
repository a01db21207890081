import { ruleFindings } from "../../rule-harness";
import { methodSettings, restApi, Settings, stage } from "../builders";
import { assertFindings, exactly } from "../expect";

const RULE = "apigw-stage-throttling";

describe(`${RULE} (cases)`, () => {
    it("states the whole finding for a stage without stage-wide settings", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                stage("s", restApi("api"));
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "s",
                    message: [
                        exactly(
                            'Stage "s" has no stage-wide throttling (no MethodSettings with methodPath "*/*" for this stage), so one client can exhaust the account\'s API Gateway limits. ' +
                                'Add MethodSettings with methodPath "*/*" and positive throttlingRateLimit and throttlingBurstLimit for this stage.',
                        ),
                    ],
                },
            ],
        );
    });

    it("names every unthrottled stage-wide settings resource of the stage, in one finding", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                const s = stage("s", api);
                methodSettings("zero-rate", api, s, { throttlingRateLimit: 0, throttlingBurstLimit: 1 });
                methodSettings("zero-burst", api, s, { throttlingRateLimit: 1, throttlingBurstLimit: 0 });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "s",
                    message: [
                        exactly(
                            'Stage "s" has stage-wide method settings (MethodSettings "zero-rate", MethodSettings "zero-burst") without positive throttling limits, ' +
                                "so one client can exhaust the account's API Gateway limits. Set settings.throttlingRateLimit and settings.throttlingBurstLimit to positive limits.",
                        ),
                    ],
                },
            ],
        );
    });

    it("a null settings block (e.g. read from config) leaves the stage unthrottled", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                methodSettings("empty", api, stage("s", api), null as unknown as Settings);
            }),
            RULE,
            "mandatory",
            [{ resource: "s", message: [/^Stage "s" has stage-wide method settings \(MethodSettings "empty"\) without positive throttling limits/] }],
        );
    });
});
