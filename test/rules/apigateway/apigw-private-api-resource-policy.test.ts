import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, privatePolicy, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { PRIVATE } from "./apigw-builders";
import { changed, restBody } from "../openapi-bodies";

const RULE = "apigw-private-api-resource-policy";
const DENY_OUTSIDE_VPCE = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
        {
            Effect: "Deny",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: "execute-api:/*",
            Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } },
        },
    ],
});

describe(RULE, () => {
    it("passes the compliant baseline: a PRIVATE API whose policy allows only from a VPC endpoint", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("private", { ...PRIVATE, policy: privatePolicy(true) });
            }),
        );
    });

    it("accepts a separate RestApiPolicy, and a Deny of everything not from the endpoint", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("private", PRIVATE);
                new aws.apigateway.RestApiPolicy("policy", { restApiId: api.id, policy: DENY_OUTSIDE_VPCE });
            }),
        );
    });

    it("does not judge public APIs", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("public", { policy: privatePolicy(false) });
            }),
        );
    });

    it("rejects a PRIVATE API without a policy, and one whose RestApiPolicy allows * without a VPC condition", async () => {
        const found = await ruleFindings(RULE, () => {
            restApi("no-policy", PRIVATE);
            const open = restApi("open", PRIVATE);
            new aws.apigateway.RestApiPolicy("open-policy", { restApiId: open.id, policy: privatePolicy(false) });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "no-policy", message: [/RestApi "no-policy" is PRIVATE but has no resource policy/, /policy is not set/] },
            {
                resource: "open-policy",
                message: [/RestApiPolicy "open-policy" resource policy \(policy\): statement "\(no Sid\)" allows principal "\*" without an aws:SourceVpce/],
            },
        ]);
    });

    it("rejects an inline policy that allows * without a VPC condition", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("leaky", { ...PRIVATE, policy: privatePolicy(false) });
            }),
            RULE,
            "mandatory",
            [{ resource: "leaky", message: [/RestApi "leaky" resource policy \(policy\): .* without an aws:SourceVpce or aws:SourceVpc condition/] }],
        );
    });

    it("rejects a policy that is not JSON, or allows nothing", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("garbled", { ...PRIVATE, policy: "{not json" });
                restApi("empty", { ...PRIVATE, policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
            }),
            RULE,
            "mandatory",
            [
                { resource: "garbled", message: [/missing or is not valid JSON/] },
                { resource: "empty", message: [/allows nothing/] },
            ],
        );
    });

    describe("OpenAPI body (x-amazon-apigateway-policy)", () => {
        const withPolicy = (policy: string) => changed(restBody(), (d) => (d["x-amazon-apigateway-policy"] = JSON.parse(policy)));

        it("accepts a PRIVATE API whose only policy is a body x-amazon-apigateway-policy limited to a VPC endpoint", async () => {
            assertNoFindings(await ruleFindings(RULE, () => restApi("private", { ...PRIVATE, body: withPolicy(DENY_OUTSIDE_VPCE) })));
        });

        it("rejects a body policy that lets everyone in, also when policy is set, and still flags a body without any policy", async () => {
            const found = await ruleFindings(RULE, () => {
                restApi("open-body", { ...PRIVATE, body: withPolicy(privatePolicy(false)) });
                restApi("both", { ...PRIVATE, policy: privatePolicy(true), body: withPolicy(privatePolicy(false)) });
                restApi("no-policy", { ...PRIVATE, body: JSON.stringify(restBody()) });
            });
            const open = /body x-amazon-apigateway-policy: statement "\(no Sid\)" allows principal "\*" without an aws:SourceVpce or aws:SourceVpc condition/;
            assertFindings(found, RULE, "mandatory", [
                { resource: "open-body", message: [open] },
                { resource: "both", message: [open] },
                { resource: "no-policy", message: [/is PRIVATE but has no resource policy/] },
            ]);
        });

        it("does not judge the body policy of a public API", async () => {
            assertNoFindings(await ruleFindings(RULE, () => restApi("public", { body: withPolicy(privatePolicy(false)) })));
        });
    });

    it("an endpoint type, policy, RestApiPolicy or body built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const withPolicy = (policy: string) => changed(restBody(), (d) => (d["x-amazon-apigateway-policy"] = JSON.parse(policy)));
        const found = await ruleFindingsByMode(RULE, () => {
            const later = () => ({ endpointConfiguration: { types: afterDeployment("PRIVATE") } });
            restApi("typed", later());
            // Whatever its type becomes, a policy limited to a VPC endpoint passes.
            restApi("typed-compliant", { ...later(), policy: privatePolicy(true) });
            restApi("inline", { ...PRIVATE, policy: afterDeployment(privatePolicy(false)) });
            const attached = restApi("attached", PRIVATE);
            new aws.apigateway.RestApiPolicy("attached-policy", { restApiId: attached.id, policy: afterDeployment(privatePolicy(false)) });
            restApi("body", { ...PRIVATE, body: afterDeployment(withPolicy(privatePolicy(false))) });
            // With policy set, an unknown body's own policy is left to apigw-method-requires-authorization (one finding for the unknown body).
            restApi("body-and-policy", { ...PRIVATE, policy: privatePolicy(true), body: afterDeployment(withPolicy(privatePolicy(false))) });
        });
        const must =
            /it must allow execute-api:Invoke only from your VPC endpoints \(an aws:SourceVpce or aws:SourceVpc condition on every Allow of "\*", or a Deny of requests not from them\)/;
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "typed",
                message: [
                    /cannot be verified at preview: RestApi "typed"\.endpointConfiguration\.types is unknown; it must be known: a PRIVATE API's resource policy must allow/,
                ],
            },
            { resource: "inline", message: [/RestApi "inline"\.policy is unknown;/, must] },
            { resource: "attached-policy", message: [/RestApiPolicy "attached-policy"\.policy is unknown;/, must] },
            {
                resource: "body",
                message: [
                    /RestApi "body"\.body is unknown; it must hold an x-amazon-apigateway-policy that will allow execute-api:Invoke only from your VPC endpoints .*, since policy is not set\./,
                ],
            },
        ]);
        const open = /resource policy \(policy\): statement "\(no Sid\)" allows principal "\*" without an aws:SourceVpce or aws:SourceVpc condition/;
        const openBody = /body x-amazon-apigateway-policy: statement "\(no Sid\)" allows principal "\*" without an aws:SourceVpce/;
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "typed", message: [/RestApi "typed" is PRIVATE but has no resource policy/] },
            { resource: "inline", message: [/RestApi "inline"/, open] },
            { resource: "attached-policy", message: [/RestApiPolicy "attached-policy"/, open] },
            { resource: "body", message: [/RestApi "body"/, openBody] },
            { resource: "body-and-policy", message: [/RestApi "body-and-policy"/, openBody] },
        ]);
    });
});
