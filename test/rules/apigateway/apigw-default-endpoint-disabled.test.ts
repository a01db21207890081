import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { domainName, restApi, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-default-endpoint-disabled";
const mapped = (name: string, disable: boolean | undefined) => {
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
});
