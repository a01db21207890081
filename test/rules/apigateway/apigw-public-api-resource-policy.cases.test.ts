import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { mockId } from "../../../policy-pack/gate/mocks";
import { assertEachModeAgrees, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-public-api-resource-policy";
const KEYS = "aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceVpc";
const MUST = `scope execute-api:Invoke to given callers (an ${KEYS} condition on each Allow of "*", or a Deny of callers outside them)`;
const OPEN_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "Invoke", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" }],
});
const open = (subject: string, api: string) =>
    exactly(
        `${subject} resource policy (policy) of REGIONAL RestApi "${api}": statement "Invoke" allows execute-api:Invoke to every principal ("*") ` +
            `without a scoping ${KEYS} condition, so the API is open to everyone and the resource policy adds nothing. ` +
            `Add such a condition to that statement, or list "${api}" in allowOpenApis with the reason it is open.`,
    );
const later = () => ({ endpointConfiguration: { types: afterDeployment("REGIONAL") } });

describe(`${RULE} (cases)`, () => {
    it("rejects a config whose allowOpenApis gives an empty or a non-string reason", async () => {
        for (const allowOpenApis of [{ api: "" }, { api: 42 }]) {
            await assert.rejects(
                ruleFindings(RULE, () => restApi("api", { policy: OPEN_POLICY }), { config: { [RULE]: { allowOpenApis } } }),
                /allowOpenApis/,
                JSON.stringify(allowOpenApis),
            );
        }
    });

    it("states the whole finding for an open statement", async () => {
        assertFindings(await ruleFindings(RULE, () => restApi("api", { policy: OPEN_POLICY })), RULE, "advisory", [
            { resource: "api", message: [open('RestApi "api"', "api")] },
        ]);
    });

    it("an API without a policy (unset or empty) is not judged, whatever its unknown endpoint type becomes", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("bare", later());
                restApi("empty", { ...later(), policy: "" });
            }),
        );
    });

    it("an unknown endpoint type of an API with a policy is reported in full at preview; a policy that is not JSON is no open statement", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            restApi("typed", { ...later(), policy: OPEN_POLICY });
            restApi("garbled", { policy: "{ not json" });
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.preview, RULE, "advisory", [
            {
                resource: "typed",
                message: [
                    exactly(
                        `cannot be verified at preview: RestApi "typed".endpointConfiguration.types is unknown; it must be known: on a public API the resource policy must ${MUST}.`,
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "advisory", [{ resource: "typed", message: [open('RestApi "typed"', "typed")] }]);
    });

    it("judges every attached RestApiPolicy, also when another one is empty", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            new aws.apigateway.RestApiPolicy("empty", { restApiId: api.id, policy: "" });
            new aws.apigateway.RestApiPolicy("open", { restApiId: api.id, policy: OPEN_POLICY });
        });
        assertFindings(found, RULE, "advisory", [{ resource: "open", message: [open('RestApiPolicy "open"', "api")] }]);
    });

    it("finds a RestApiPolicy that names the API by its literal id, once the id is known", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            restApi("api");
            new aws.apigateway.RestApiPolicy("attached", { restApiId: mockId("aws:apigateway/restApi:RestApi::api"), policy: OPEN_POLICY });
        });
        assertEachModeAgrees(RULE, found);
        assertFindings(found.update, RULE, "advisory", [{ resource: "attached", message: [open('RestApiPolicy "attached"', "api")] }]);
    });
});
