import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, domainName, restApi, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-default-endpoint-disabled";
const mapped = (name: string, disable: pulumi.Input<boolean> | undefined) => {
    const api = restApi(name, { disableExecuteApiEndpoint: disable });
    const s = stage(`${name}-stage`, api);
    const domain = domainName(`${name}-domain`);
    new aws.apigateway.BasePathMapping(`${name}-mapping`, { domainName: domain.domainName, restApi: api.id, stageName: s.stageName });
};

describe(RULE, () => {
    it("passes the compliant baseline: a mapped API with disableExecuteApiEndpoint true", async () => {
        assertNoFindings(await ruleFindings(RULE, () => mapped("api", true)));
    });

    it("does not judge an API that is not mapped to a custom domain", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("unmapped");
            }),
        );
    });

    it("rejects every mapped API that keeps its default endpoint (false or unset)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                mapped("a", false);
                mapped("b", undefined);
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "a",
                    message: [
                        /RestApi "a" is mapped to a custom domain \(BasePathMapping "a-mapping"\)/,
                        /disableExecuteApiEndpoint is false/,
                        /disableExecuteApiEndpoint: true/,
                    ],
                },
                { resource: "b", message: [/disableExecuteApiEndpoint is false/] },
            ],
        );
    });

    it("reports an API once, however many mappings it has", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api", { disableExecuteApiEndpoint: false });
                const s = stage("s", api);
                for (const d of ["one", "two"]) {
                    new aws.apigateway.BasePathMapping(d, { domainName: domainName(d).domainName, restApi: api.id, stageName: s.stageName });
                }
            }),
            RULE,
            "mandatory",
            [{ resource: "api", message: [/disableExecuteApiEndpoint is false/] }],
        );
    });

    it("a disableExecuteApiEndpoint built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            mapped("kept", afterDeployment(false));
            mapped("disabled", afterDeployment(true));
            // Unknown, but no violation whatever it becomes: an API no domain maps.
            restApi("unmapped", { disableExecuteApiEndpoint: afterDeployment(false) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "kept",
                message: [
                    /^cannot be verified at preview: RestApi "kept"\.disableExecuteApiEndpoint is unknown; it must be true, since BasePathMapping "kept-mapping" maps it to a custom domain\.$/,
                ],
            },
            { resource: "disabled", message: [/RestApi "disabled"\.disableExecuteApiEndpoint is unknown; it must be true/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "kept", message: [/RestApi "kept" is mapped .* \(disableExecuteApiEndpoint is false\)/] },
        ]);
    });
});
