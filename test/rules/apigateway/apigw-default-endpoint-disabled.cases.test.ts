import * as aws from "@pulumi/aws";
import { mockId } from "../../../policy-pack/gate/mocks";
import { assertEachModeAgrees, ruleFindingsByMode } from "../../rule-harness";
import { domainName, restApi } from "../builders";
import { assertFindings } from "../expect";

const RULE = "apigw-default-endpoint-disabled";

describe(`${RULE} (cases)`, () => {
    it("finds the API a BasePathMapping names by its literal id, once the id is known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            restApi("literal", { disableExecuteApiEndpoint: false });
            new aws.apigateway.BasePathMapping("literal-mapping", {
                domainName: domainName("literal-domain").domainName,
                restApi: mockId("aws:apigateway/restApi:RestApi::literal"),
            });
            // A literal id of no API of the stack maps none of them.
            restApi("other", { disableExecuteApiEndpoint: false });
            new aws.apigateway.BasePathMapping("other-mapping", { domainName: domainName("other-domain").domainName, restApi: "a1b2c3d4e5" });
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.update, RULE, "mandatory", [
            {
                resource: "literal",
                message: [/^RestApi "literal" is mapped to a custom domain \(BasePathMapping "literal-mapping"\) but keeps its default execute-api endpoint/],
            },
        ]);
    });
});
