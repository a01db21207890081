import * as aws from "@pulumi/aws";
import { mockId } from "../../../policy-pack/gate/mocks";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, privatePolicy, restApi } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { PRIVATE } from "./apigw-builders";
import { changed, restBody } from "../openapi-bodies";

const RULE = "apigw-private-api-resource-policy";
const FIX = "Add a condition on aws:SourceVpce (or aws:SourceVpc) to it, or a Deny for requests not from your VPC endpoint.";
const MUST =
    'allow execute-api:Invoke only from your VPC endpoints (an aws:SourceVpce or aws:SourceVpc condition on every Allow of "*", or a Deny of requests not from them)';
const withPolicy = (policy: string) => changed(restBody(), (d) => (d["x-amazon-apigateway-policy"] = JSON.parse(policy)));

describe(`${RULE} (cases)`, () => {
    it("states the whole finding for an open policy and for a PRIVATE API without any", async () => {
        const found = await ruleFindings(RULE, () => {
            restApi("open", { ...PRIVATE, policy: privatePolicy(false) });
            restApi("bare", PRIVATE);
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "open",
                message: [
                    exactly(
                        `RestApi "open" resource policy (policy): statement "(no Sid)" allows principal "*" without an aws:SourceVpce or aws:SourceVpc condition. ${FIX}`,
                    ),
                ],
            },
            {
                resource: "bare",
                message: [
                    exactly(
                        'RestApi "bare" is PRIVATE but has no resource policy (policy is not set and no RestApiPolicy is attached), so no VPC endpoint can invoke it, or, once one is added carelessly, any can. ' +
                            "Attach a policy that allows execute-api:Invoke and denies it unless aws:SourceVpce is your endpoint.",
                    ),
                ],
            },
        ]);
    });

    it("judges a policy of its own even when the body's policy is compliant", async () => {
        const found = await ruleFindings(RULE, () => {
            restApi("api", { ...PRIVATE, policy: privatePolicy(false), body: withPolicy(privatePolicy(true)) });
        });
        assertFindings(found, RULE, "mandatory", [{ resource: "api", message: [/^RestApi "api" resource policy \(policy\): statement "\(no Sid\)"/] }]);
    });

    it("an empty policy with an unknown body waits for the body's policy", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            restApi("api", { ...PRIVATE, policy: "", body: afterDeployment(withPolicy(privatePolicy(true))) });
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "api",
                message: [
                    exactly(
                        `cannot be verified at preview: RestApi "api".body is unknown; it must hold an x-amazon-apigateway-policy that will ${MUST}, since policy is not set.`,
                    ),
                ],
            },
        ]);
        assertNoFindings(found.update);
    });

    it("finds a RestApiPolicy that names the API by its literal id, once the id is known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            restApi("api", PRIVATE);
            new aws.apigateway.RestApiPolicy("attached", { restApiId: mockId("aws:apigateway/restApi:RestApi::api"), policy: privatePolicy(true) });
        });
        assertEachModeAgrees(RULE, found);
        assertNoFindings(found.update);
    });
});
