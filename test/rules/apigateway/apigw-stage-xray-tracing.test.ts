import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi, stage } from "../builders";
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

    it("xrayTracingEnabled built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            stage("off", api, { xrayTracingEnabled: afterDeployment(false) });
            stage("traced", api, { xrayTracingEnabled: true });
        });
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "off", message: [/^cannot be verified at preview: Stage "off"\.xrayTracingEnabled is unknown; it must be true\.$/] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "off", message: [/Stage "off" does not enable X-Ray tracing \(xrayTracingEnabled is false\)/] },
        ]);
    });
});
