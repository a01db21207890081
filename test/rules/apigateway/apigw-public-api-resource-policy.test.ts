import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { apigwPublicApiResourcePolicy, publicApiResourcePolicyConfig } from "../../../policy-pack/rules/apigateway/apigw-public-api-resource-policy";
import { assertAgreement, ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-public-api-resource-policy";
const RESOURCE = "execute-api:/*";

type Statement = Record<string, unknown>;
const allow = (extra: Statement = {}): Statement => ({
    Sid: "Invoke",
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: RESOURCE,
    ...extra,
});
const doc = (...Statement: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const OPEN = /statement "Invoke" allows execute-api:Invoke to every principal/;
const FIX = /Add such a condition to that statement, or list "api" in allowOpenApis/;
const SCOPED = allow({ Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } } });

const inline =
    (policy: string, args: Partial<aws.apigateway.RestApiArgs> = {}) =>
    () => {
        restApi("api", { policy, ...args });
    };

describe(RULE, () => {
    it("is advisory, and allow-lists nothing by default", () => {
        assert.strictEqual(apigwPublicApiResourcePolicy.enforcementLevel, "advisory");
        assert.deepStrictEqual(publicApiResourcePolicyConfig.defaults.allowOpenApis, {});
        assert.deepStrictEqual(apigwPublicApiResourcePolicy.configSchema?.properties.allowOpenApis.default, {});
    });

    it('passes the compliant baseline (REGIONAL API allowing "*" only from a source IP range)', async () => {
        assertNoFindings(await ruleFindings(RULE, inline(doc(SCOPED))));
    });

    it("passes each scoping condition key, and an API without a resource policy", async () => {
        for (const [op, key, value] of [
            ["StringEquals", "aws:SourceVpce", "vpce-1"],
            ["StringEquals", "aws:PrincipalOrgID", "o-abc"],
            ["StringEquals", "aws:PrincipalAccount", ACCOUNT],
            ["StringEquals", "aws:SourceVpc", "vpc-1"],
            ["NotIpAddress", "aws:SourceIp", "198.51.100.0/24"],
        ]) {
            const statement =
                op === "NotIpAddress"
                    ? {
                          Sid: "Outside",
                          Effect: "Deny",
                          Principal: "*",
                          Action: "execute-api:Invoke",
                          Resource: RESOURCE,
                          Condition: { [op]: { [key]: value } },
                      }
                    : undefined;
            const policy = statement ? doc(allow(), statement) : doc(allow({ Condition: { [op]: { [key]: value } } }));
            assertNoFindings(await ruleFindings(RULE, inline(policy)));
        }
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restApi("api");
            }),
        );
    });

    it('rejects an unconditioned Allow of "*" on a REGIONAL API (inline policy)', async () => {
        assertFindings(await ruleFindings(RULE, inline(doc(allow()))), RULE, "advisory", [
            { resource: "api", message: [/RestApi "api" resource policy \(policy\) of REGIONAL/, OPEN, /aws:SourceIp/, FIX] },
        ]);
    });

    it('rejects it on an EDGE API (endpoint type not set), for Principal {AWS: "*"}, Action execute-api:*, and NotPrincipal', async () => {
        for (const extra of [
            {},
            { Principal: { AWS: "*" } },
            { Action: "execute-api:*" },
            { Action: "*" },
            { Principal: undefined, NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } },
        ]) {
            assertFindings(await ruleFindings(RULE, inline(doc(allow(extra)), { endpointConfiguration: undefined })), RULE, "advisory", [
                { resource: "api", message: [/of EDGE/, OPEN] },
            ]);
        }
    });

    it('does not take an aws:SourceIp list covering all of IPv4, a "*" value or a Null test for a scope', async () => {
        for (const Condition of [
            { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } },
            { IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } },
            { StringLike: { "aws:SourceVpce": "*" } },
            { Null: { "aws:SourceVpce": "false" } },
            { StringEquals: { "aws:UserAgent": "app" } },
        ]) {
            assertFindings(await ruleFindings(RULE, inline(doc(allow({ Condition })))), RULE, "advisory", [{ resource: "api", message: [OPEN] }]);
        }
    });

    it("counts an explicit Deny of callers outside a scope first, unless it scopes nothing or covers part of the API", async () => {
        const deny = (extra: Statement) => ({ Sid: "Outside", Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: RESOURCE, ...extra });
        assertNoFindings(await ruleFindings(RULE, inline(doc(allow(), deny({ Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } } })))));
        for (const extra of [
            { Condition: { NotIpAddress: { "aws:SourceIp": "0.0.0.0/0" } } },
            { Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } }, Resource: "execute-api:/prod/GET/*" },
            { Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } }, Action: "execute-api:InvalidateCache" },
        ]) {
            assertFindings(await ruleFindings(RULE, inline(doc(allow(), deny(extra)))), RULE, "advisory", [{ resource: "api", message: [OPEN] }]);
        }
    });

    it("judges an attached RestApiPolicy (which replaces the inline one), and every open statement of every API", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("a", { policy: doc(SCOPED) });
                new aws.apigateway.RestApiPolicy("a-policy", { restApiId: api.id, policy: doc(allow(), allow({ Sid: "Second", Action: "execute-api:*" })) });
                restApi("b", { policy: doc(allow()) });
            }),
            RULE,
            "advisory",
            [
                { resource: "a-policy", message: [/RestApiPolicy "a-policy" resource policy \(policy\) of REGIONAL RestApi "a"/, OPEN] },
                { resource: "a-policy", message: [/statement "Second" allows/] },
                { resource: "b", message: [OPEN] },
            ],
        );
    });

    it("does not judge PRIVATE APIs (apigw-private-api-resource-policy does)", async () => {
        assertNoFindings(await ruleFindings(RULE, inline(doc(allow()), { endpointConfiguration: { types: "PRIVATE" } })));
    });

    it("an API allow-listed with a reason passes; another API's entry or a blank reason does not count", async () => {
        assertNoFindings(await ruleFindings(RULE, inline(doc(allow())), { config: { [RULE]: { allowOpenApis: { api: "public status page" } } } }));
        assertFindings(await ruleFindings(RULE, inline(doc(allow())), { config: { [RULE]: { allowOpenApis: { other: "not this one" } } } }), RULE, "advisory", [
            { resource: "api", message: [OPEN] },
        ]);
        assertFindings(await ruleFindings(RULE, inline(doc(allow())), { config: { [RULE]: { allowOpenApis: { api: " " } } } }), RULE, "advisory", [
            { resource: "api", message: [OPEN] },
        ]);
    });

    it("a policy built from the API's outputs cannot be verified at preview, and is judged at update", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            new aws.apigateway.RestApiPolicy("policy", { restApiId: api.id, policy: api.executionArn.apply((arn) => doc(allow({ Resource: `${arn}/*` }))) });
        });
        assertFindings(found.update, RULE, "advisory", [{ resource: "policy", message: [OPEN] }]);
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "policy", message: [/cannot be verified at preview: RestApiPolicy "policy".policy is unknown/] },
        ]);
        assert.throws(() => assertAgreement(RULE, found), /preview and update verdicts differ/);
    });
});
