import * as aws from "@pulumi/aws";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi, Settings, stage, THROTTLED } from "../builders";
import { assertFindings, exactly } from "../expect";

const RULE = "apigw-method-settings-throttling";

describe(`${RULE} (cases)`, () => {
    it("a null settings block (e.g. read from config) leaves throttling unlimited", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                new aws.apigateway.MethodSettings("empty", {
                    restApi: api.id,
                    stageName: stage("s", api).stageName,
                    methodPath: "*/*",
                    settings: null as unknown as Settings,
                });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "empty",
                    message: [
                        exactly(
                            'MethodSettings "empty" (*/*) leaves throttling unlimited: settings.throttlingRateLimit is not set and settings.throttlingBurstLimit is not set. ' +
                                "Set settings.throttlingRateLimit and settings.throttlingBurstLimit to a positive limit.",
                        ),
                    ],
                },
            ],
        );
    });

    it("a finding on settings whose methodPath is unknown at a first preview says so", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            new aws.apigateway.MethodSettings("later", {
                restApi: api.id,
                stageName: stage("s", api).stageName,
                methodPath: afterDeployment("orders/GET"),
                settings: { ...THROTTLED, throttlingRateLimit: 0 },
            });
        });
        assertEachModeAgrees(RULE, found);
        const finding = (where: string) => [
            {
                resource: "later",
                message: [
                    exactly(
                        `MethodSettings "later" (${where}) leaves throttling unlimited: settings.throttlingRateLimit is 0. Set settings.throttlingRateLimit to a positive limit.`,
                    ),
                ],
            },
        ];
        assertFindings(found.preview, RULE, "mandatory", finding("methodPath unknown"));
        assertFindings(found.update, RULE, "mandatory", finding("orders/GET"));
    });
});
