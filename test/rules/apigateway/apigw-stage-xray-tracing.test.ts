import { ruleFindings } from "../../rule-harness";
import { restApi, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-stage-xray-tracing";

describe(RULE, () => {
    it("passes the compliant baseline: xrayTracingEnabled true", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                stage("traced", restApi("api"), { xrayTracingEnabled: true });
            }),
        );
    });

    it("reports (advisory) every stage without tracing, unset or false", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            stage("untraced", api);
            stage("off", api, { xrayTracingEnabled: false });
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "untraced", message: [/does not enable X-Ray/, /xrayTracingEnabled is not set/, /xrayTracingEnabled: true/] },
            { resource: "off", message: [/xrayTracingEnabled is false/] },
        ]);
    });

    it("is mandatory where the policy config says so", async () => {
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    stage("untraced", restApi("api"));
                },
                { config: { [RULE]: "mandatory" } },
            ),
            RULE,
            "mandatory",
            [{ resource: "untraced", message: [/xrayTracingEnabled/] }],
        );
    });
});
