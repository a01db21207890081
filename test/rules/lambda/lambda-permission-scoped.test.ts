import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { lambdaPermissionConfig, lambdaPermissionScoped } from "../../../policy-pack/rules/lambda/lambda-permission-scoped";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, afterDeployment, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "lambda-permission-scoped";
const SCOPED = `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/*/*`;

type PermissionArgs = Partial<aws.lambda.PermissionArgs>;
const permission = (name: string, args: PermissionArgs = {}) =>
    new aws.lambda.Permission(name, {
        action: "lambda:InvokeFunction",
        function: "backend",
        principal: "apigateway.amazonaws.com",
        sourceArn: SCOPED,
        ...args,
    });
const program =
    (args: PermissionArgs = {}) =>
    () => {
        permission("perm", args);
    };

describe(RULE, () => {
    it("pins the default config: no service is scoped by sourceAccount alone", () => {
        assert.deepStrictEqual(lambdaPermissionConfig.defaults.accountScopedServices, []);
        assert.deepStrictEqual(lambdaPermissionScoped.configSchema?.properties.accountScopedServices.default, []);
    });

    it("passes the compliant baseline (API Gateway with an API-scoped sourceArn)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("passes a sourceArn derived from the API (unknown at preview: presence counts)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                permission("perm", { sourceArn: pulumi.interpolate`${api.executionArn}/*/*` });
            }),
        );
    });

    it("rejects a service principal without sourceArn", async () => {
        assertFindings(await ruleFindings(RULE, program({ sourceArn: undefined })), RULE, "mandatory", [
            {
                resource: "perm",
                message: [
                    /apigateway\.amazonaws\.com/,
                    /sourceArn is not set/,
                    /Set sourceArn to the invoking resource's ARN: arn:aws:execute-api:<region>:<account>:<apiId>\//,
                ],
            },
        ]);
    });

    it("rejects every unscoped permission of the stack, for any service principal", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                permission("apigw", { sourceArn: undefined });
                permission("events", { principal: "events.amazonaws.com", sourceArn: undefined, sourceAccount: ACCOUNT });
            }),
            RULE,
            "mandatory",
            [
                { resource: "apigw", message: [/sourceArn is not set/] },
                // Another service's fix names its resource's ARN, not API Gateway's form.
                { resource: "events", message: [/events\.amazonaws\.com/, /sourceArn is not set/, /Set sourceArn to the invoking resource's ARN\.$/] },
            ],
        );
    });

    it("passes API-scoped source ARNs in every partition and form, and another service's own ARN", async () => {
        for (const sourceArn of [
            `arn:aws-cn:execute-api:cn-north-1:${ACCOUNT}:abc123/*/*`,
            `arn:aws-us-gov:execute-api:us-gov-west-1:${ACCOUNT}:abc123/prod/GET/items`,
            `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123`,
        ]) {
            assertNoFindings(await ruleFindings(RULE, program({ sourceArn })));
        }
        // Only API Gateway's ARNs are held to one API: an EventBridge rule's ARN is that rule.
        assertNoFindings(
            await ruleFindings(RULE, program({ principal: "events.amazonaws.com", sourceArn: `arn:aws:events:us-east-1:${ACCOUNT}:rule/nightly` })),
        );
    });

    it("rejects a config whose accountScopedServices names no service principal, or one twice", async () => {
        for (const accountScopedServices of [["events"], ["events.amazonaws.com", "events.amazonaws.com"]]) {
            await assert.rejects(
                ruleFindings(RULE, program(), { config: { [RULE]: { accountScopedServices } } }),
                /accountScopedServices/,
                JSON.stringify(accountScopedServices),
            );
        }
    });

    it("rejects API Gateway source ARNs with a wildcard region, account or API id", async () => {
        for (const arn of [
            "arn:aws:execute-api:*",
            `arn:aws:execute-api:*:${ACCOUNT}:abc123/*`,
            "arn:aws:execute-api:us-east-1:*:abc123/*",
            `arn:aws:execute-api:us-east-1:${ACCOUNT}:*/*/*`,
            `arn:aws:execute-api:us-east-1:${ACCOUNT}:*`,
        ]) {
            assertFindings(await ruleFindings(RULE, program({ sourceArn: arn })), RULE, "mandatory", [
                {
                    resource: "perm",
                    message: [/sourceArn/, /not scoped to one API/, /Set sourceArn to arn:aws:execute-api:<region>:<account>:<apiId>\/<stage>/],
                },
            ]);
        }
    });

    it('rejects principal "*" without conditions, and passes it with principalOrgId, sourceAccount or sourceArn', async () => {
        assertFindings(await ruleFindings(RULE, program({ principal: "*", sourceArn: undefined })), RULE, "mandatory", [
            {
                resource: "perm",
                message: [/anyone/, /principal "\*"/, /principalOrgId/, /Set principal to the calling service or account, or add sourceArn\.$/],
            },
        ]);
        assertNoFindings(await ruleFindings(RULE, program({ principal: "*", sourceArn: undefined, principalOrgId: "o-abc123" })));
        assertNoFindings(await ruleFindings(RULE, program({ principal: "*", sourceArn: undefined, sourceAccount: ACCOUNT })));
        assertNoFindings(await ruleFindings(RULE, program({ principal: "*" })));
    });

    it("does not judge account principals", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ principal: ACCOUNT, sourceArn: undefined })));
    });

    it("a configured account-scoped service passes with sourceAccount, and only with it", async () => {
        const config = { [RULE]: { accountScopedServices: ["events.amazonaws.com"] } };
        assertNoFindings(await ruleFindings(RULE, program({ principal: "events.amazonaws.com", sourceArn: undefined, sourceAccount: ACCOUNT }), { config }));
        assertFindings(await ruleFindings(RULE, program({ principal: "events.amazonaws.com", sourceArn: undefined }), { config }), RULE, "mandatory", [
            { resource: "perm", message: [/sourceArn is not set/] },
        ]);
    });

    it("a principal built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => permission("perm", { principal: afterDeployment("*"), sourceArn: undefined }));
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "perm",
                message: [
                    /Permission "perm"\.principal is unknown; it must be a service principal with sourceArn, or an account; "\*" needs principalOrgId, sourceAccount or sourceArn/,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "perm", message: [/lets anyone invoke the function/] }]);
    });
});
