/** The resource policy module: statement by statement, validation, and its wiring into the public and private APIs. */
import * as assert from "assert";
import { apiResourcePolicy, PrivateApi, PublicApi, ResourcePolicySettings, validateResourcePolicySettings } from "../../../components";
import { privateApiPolicyProblems } from "../../../policy-pack/rules/lib/resource-policy";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";
import { restApiArgs } from "../fixtures";

const ARN = "arn:aws:execute-api:us-east-1:123456789012:*";
const base = { executeApiArn: ARN, accountId: "123456789012" };

describe("apiResourcePolicy", () => {
    it("public, defaults: a single Allow for everyone", () => {
        assert.deepStrictEqual(apiResourcePolicy({ ...base, endpointType: "REGIONAL" }).Statement, [
            { Sid: "AllowInvoke", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: `${ARN}/*` },
        ]);
    });

    it("public, every option: denies first, in order, then the Allow", () => {
        const doc = apiResourcePolicy({
            ...base,
            endpointType: "REGIONAL",
            deniedSourceCidrs: ["198.51.100.0/24"],
            allowedSourceCidrs: ["203.0.113.0/24"],
            organizationId: "o-a1b2c3d4e5",
            partnerAccountIds: ["111122223333"],
            iamRoutes: [
                { method: "GET", path: "/reports/{id}" },
                { method: "ANY", path: "/admin" },
            ],
        });
        assert.deepStrictEqual(
            doc.Statement.map((s) => `${s.Effect} ${s.Sid}`),
            ["Deny DenyBlockedSourceIps", "Deny DenySourceIpsOutsideAllowList", "Deny DenyIamRoutesOutsideTrustedAccounts", "Allow AllowInvoke"],
        );
        assert.deepStrictEqual(doc.Statement[0].Condition, { IpAddress: { "aws:SourceIp": ["198.51.100.0/24"] } });
        assert.deepStrictEqual(doc.Statement[1].Condition, { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } });
        assert.deepStrictEqual(doc.Statement[2].Resource, [`${ARN}/*/*/admin`, `${ARN}/*/GET/reports/*`]);
        assert.deepStrictEqual(doc.Statement[2].Condition, {
            StringNotEquals: { "aws:PrincipalAccount": ["123456789012", "111122223333"], "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
        });
    });

    it("AWS_IAM routes without organization: only this account and partners", () => {
        const doc = apiResourcePolicy({ ...base, endpointType: "REGIONAL", iamRoutes: [{ method: "GET", path: "/r" }] });
        assert.deepStrictEqual(doc.Statement[0].Condition, { StringNotEquals: { "aws:PrincipalAccount": ["123456789012"] } });
    });

    it("private: today's deny-unless-endpoint semantics, plus other accounts' endpoints and VPC source ranges", () => {
        const plain = apiResourcePolicy({ ...base, endpointType: "PRIVATE", ownVpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaa1"] });
        assert.deepStrictEqual(
            plain.Statement.map((s) => s.Sid),
            ["DenyInvokeFromAnywhereElse", "AllowInvokeFromVpcEndpoints"],
        );
        assert.deepStrictEqual(plain.Statement[0].Condition, { StringNotEquals: { "aws:SourceVpce": ["vpce-0aaaaaaaaaaaaaaa1"] } });
        assert.deepStrictEqual(privateApiPolicyProblems(JSON.stringify(plain)), []);
        const more = apiResourcePolicy({
            ...base,
            endpointType: "PRIVATE",
            ownVpcEndpointIds: ["vpce-0aaaaaaaaaaaaaaa1"],
            vpcEndpointIds: ["vpce-0bbbbbbbbbbbbbbb2"],
            allowedSourceCidrs: ["10.0.0.0/8"],
        });
        assert.deepStrictEqual(more.Statement[0].Condition, { NotIpAddress: { "aws:VpcSourceIp": ["10.0.0.0/8"] } });
        assert.deepStrictEqual(more.Statement[1].Condition, { StringNotEquals: { "aws:SourceVpce": ["vpce-0aaaaaaaaaaaaaaa1", "vpce-0bbbbbbbbbbbbbbb2"] } });
        assert.deepStrictEqual(more.Statement[2].Condition, { StringEquals: { "aws:SourceVpce": ["vpce-0aaaaaaaaaaaaaaa1", "vpce-0bbbbbbbbbbbbbbb2"] } });
        assert.throws(() => apiResourcePolicy({ ...base, endpointType: "PRIVATE" }), /needs its own VPC endpoint ids/);
    });

    describe("bad settings are refused", () => {
        const cases: [string, ResourcePolicySettings, "REGIONAL" | "PRIVATE", RegExp][] = [
            [
                "all of IPv4 in halves",
                { allowedSourceCidrs: ["0.0.0.0/1", "128.0.0.0/1"] },
                "REGIONAL",
                /allowedSourceCidrs must not contain 0\.0\.0\.0\/0 or open/,
            ],
            ["/0", { allowedSourceCidrs: ["0.0.0.0/0"] }, "REGIONAL", /allowedSourceCidrs/],
            ["an empty allow-list", { allowedSourceCidrs: [] }, "REGIONAL", /must list at least one range/],
            ["host bits", { deniedSourceCidrs: ["10.0.0.1/8"] }, "REGIONAL", /deniedSourceCidrs\[0\] must be an IPv4 CIDR/],
            ["a bad organization id", { organizationId: "org-1" }, "REGIONAL", /organizationId must be an AWS Organizations id/],
            ["a bad partner account", { partnerAccountIds: ["12345"] }, "REGIONAL", /partnerAccountIds\[0\] must be a 12-digit/],
            ["VPC endpoints on a public API", { vpcEndpointIds: ["vpce-0123456789abcdef0"] }, "REGIONAL", /vpcEndpointIds only apply to private APIs/],
            ["a bad VPC endpoint id", { vpcEndpointIds: ["vpc-1"] }, "PRIVATE", /vpcEndpointIds\[0\] must be a VPC endpoint id/],
        ];
        for (const [what, settings, type, message] of cases) {
            it(what, () => assert.throws(() => validateResourcePolicySettings("X", "resourcePolicy", settings, type), message));
        }
    });
});

describe("resource policy wiring", () => {
    it("PublicApi: no policy by default; with settings, the module's document", async () => {
        const plain = await runProgram(() => {
            new PublicApi("api", restApiArgs());
        });
        assert.strictEqual(plain.props("aws:apigateway/restApi:RestApi").policy, undefined);
        const plan = await runProgram(() => {
            new PublicApi("api", { ...restApiArgs(), resourcePolicy: { allowedSourceCidrs: ["203.0.113.0/24"] } });
        });
        const policy = JSON.parse(String(plan.props("aws:apigateway/restApi:RestApi").policy)) as { Statement: { Sid: string; Resource: unknown }[] };
        assert.deepStrictEqual(
            policy.Statement.map((s) => s.Sid),
            ["DenySourceIpsOutsideAllowList", "DenyIamRoutesOutsideTrustedAccounts", "AllowInvoke"],
        );
        assert.deepStrictEqual(policy.Statement[1].Resource, ["arn:aws:execute-api:us-east-1:123456789012:*/*/GET/orders"]);
    });

    it("PublicApi: bad settings throw before anything is created", async () => {
        await assertRejectsBeforeCreating(() => {
            new PublicApi("api", { ...restApiArgs(), resourcePolicy: { allowedSourceCidrs: ["0.0.0.0/0"] } });
        }, /PublicApi: resourcePolicy\.allowedSourceCidrs/);
    });

    it("PrivateApi: admits other accounts' endpoints; bad ones throw before anything is created", async () => {
        const network = { allowedCidrs: ["10.0.0.0/8"] };
        const plan = await runProgram(() => {
            new PrivateApi("api", { ...restApiArgs(), network, resourcePolicy: { vpcEndpointIds: ["vpce-0bbbbbbbbbbbbbbb2"] } });
        });
        const policy = String(plan.props("aws:apigateway/restApi:RestApi").policy);
        assert.match(policy, /vpce-0bbbbbbbbbbbbbbb2/);
        assert.deepStrictEqual(privateApiPolicyProblems(policy), []);
        await assertRejectsBeforeCreating(() => {
            new PrivateApi("api", { ...restApiArgs(), network, resourcePolicy: { vpcEndpointIds: ["nope"] } });
        }, /PrivateApi: resourcePolicy\.vpcEndpointIds\[0\]/);
    });
});
