/** Mocks that tell the truth: invokes answered as AWS would, secret outputs secret, computed outputs never "undefined". */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { renderPolicyDocument } from "../../policy-pack/gate/invokes";
import { UNKNOWN } from "../../policy-pack/gate/mocks";
import { parseDeclarations, typeInfo } from "../../policy-pack/gate/provider-schema";
import { runProgram } from "../harness";

describe("gate: mocks", () => {
    it("answers iam.getPolicyDocument with the document the AWS provider renders, also from Output inputs", async () => {
        const plan = await runProgram(() => {
            const api = new aws.apigateway.RestApi("api", {});
            const doc = aws.iam.getPolicyDocumentOutput({
                statements: [
                    {
                        effect: "Allow",
                        actions: ["execute-api:Invoke"],
                        principals: [{ type: "*", identifiers: ["*"] }],
                        resources: [pulumi.interpolate`${api.executionArn}/*`],
                        conditions: [{ test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-0abc"] }],
                    },
                    {
                        sid: "Two",
                        effect: "Deny",
                        actions: ["s3:GetObject", "s3:PutObject"],
                        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:root"] }],
                        notResources: ["arn:aws:s3:::b/*"],
                    },
                ],
            });
            return { doc: doc.json, minified: doc.minifiedJson };
        });
        const expected = {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: "execute-api:Invoke",
                    Resource: `arn:aws:execute-api:us-east-1:123456789012:${plan.one("aws:apigateway/restApi:RestApi").outputs!.id}/*`,
                    Principal: "*",
                    Condition: { StringEquals: { "aws:SourceVpce": "vpce-0abc" } },
                },
                {
                    Sid: "Two",
                    Effect: "Deny",
                    Action: ["s3:GetObject", "s3:PutObject"],
                    NotResource: "arn:aws:s3:::b/*",
                    Principal: { AWS: "arn:aws:iam::111111111111:root" },
                },
            ],
        };
        assert.deepStrictEqual(JSON.parse(plan.outputs.doc.value as string), expected);
        assert.strictEqual(plan.outputs.minified.value, JSON.stringify(expected));
        assert.deepStrictEqual(renderPolicyDocument({}), { Version: "2012-10-17", Statement: [] });
    });

    it("answers the common account, region, partition, zone and role lookups", async () => {
        const plan = await runProgram(() => ({
            account: aws.getCallerIdentityOutput().accountId,
            region: aws.getRegionOutput().name,
            partition: aws.getPartitionOutput().partition,
            zones: aws.getAvailabilityZonesOutput().names,
            role: aws.iam.getRoleOutput({ name: "deployer" }).arn,
        }));
        assert.deepStrictEqual(Object.fromEntries(Object.entries(plan.outputs).map(([k, o]) => [k, o.value])), {
            account: "123456789012",
            region: "us-east-1",
            partition: "aws",
            zones: ["us-east-1a", "us-east-1b", "us-east-1c"],
            role: "arn:aws:iam::123456789012:role/deployer",
        });
    });

    it("returns provider-declared secret outputs as secrets (API key value, client secret)", async () => {
        const plan = await runProgram(() => {
            const key = new aws.apigateway.ApiKey("key", {});
            const pool = new aws.cognito.UserPool("pool", {});
            const client = new aws.cognito.UserPoolClient("client", { userPoolId: pool.id, generateSecret: true });
            return { key: key.value, secret: client.clientSecret, id: key.id };
        });
        assert.strictEqual(plan.outputs.key.secret, true);
        assert.strictEqual(plan.outputs.secret.secret, true);
        assert.strictEqual(plan.outputs.id.secret, false);
        assert.match(plan.outputs.key.value as string, /^mock-api-key-/);
    });

    it("never builds 'undefined' into values derived from computed outputs the mocks have no rule for", async () => {
        const plan = await runProgram(() => {
            const fn = new aws.lambda.Function("fn", {
                role: "arn:aws:iam::123456789012:role/r",
                runtime: "nodejs20.x",
                handler: "index.handler",
                code: new pulumi.asset.AssetArchive({}),
            });
            const queue = new aws.sqs.Queue("queue", {});
            const http = new aws.apigatewayv2.Api("http", { protocolType: "HTTP" });
            return { source: pulumi.interpolate`${http.executionArn}/*/*`, url: queue.url, queueArn: queue.arn, fn: fn.arn, endpoint: http.apiEndpoint };
        });
        const values = Object.values(plan.outputs).map((o) => String(o.value));
        assert.ok(
            values.every((v) => !v.includes("undefined") && v !== ""),
            values.join(", "),
        );
        assert.match(String(plan.outputs.source.value), /^arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]+\/\*\/\*$/);
        assert.match(String(plan.outputs.url.value), /^https:\/\//);
    });

    it("in preview, ids and computed outputs are unknown and so is what the program derives from them", async () => {
        const plan = await runProgram(
            () => {
                const api = new aws.apigateway.RestApi("api", { name: "named" });
                return { id: api.id, arn: api.executionArn, name: api.name, derived: pulumi.interpolate`${api.executionArn}/*` };
            },
            { mode: "preview" },
        );
        assert.deepStrictEqual(Object.fromEntries(Object.entries(plan.outputs).map(([k, o]) => [k, o.known])), {
            id: false,
            arn: false,
            name: true,
            derived: false,
        });
        const api = plan.one("aws:apigateway/restApi:RestApi");
        assert.strictEqual(api.outputs!.id, UNKNOWN);
        assert.strictEqual(api.outputs!.executionArn, UNKNOWN);
        assert.strictEqual(api.outputs!.name, "named");
    });

    it("reads computed outputs and auto-naming from the provider's declarations", () => {
        const text = [
            "export declare class Thing extends pulumi.CustomResource {",
            "    readonly arn: pulumi.Output<string>;",
            "    readonly body: pulumi.Output<string | undefined>;",
            "    readonly tags: pulumi.Output<{",
            "        [key: string]: string;",
            "    } | undefined>;",
            "    readonly ids: pulumi.Output<string[]>;",
            "    readonly cb: pulumi.Output<(x: number) => string>;",
            "}",
            "export interface ThingArgs {",
            "    name?: pulumi.Input<string>;",
            "}",
        ].join("\n");
        assert.deepStrictEqual(parseDeclarations(text, "Thing"), {
            computed: ["arn", "ids", "cb"],
            kinds: { arn: "string", ids: "array", cb: "object" },
            autoName: "name",
        });
        const restApi = typeInfo("aws:apigateway/restApi:RestApi");
        assert.ok(restApi.computed.includes("executionArn") && restApi.computed.includes("rootResourceId"));
        assert.ok(!restApi.computed.includes("body"));
        assert.strictEqual(typeInfo("aws:s3/bucket:Bucket").autoName, "bucket");
        assert.deepStrictEqual(typeInfo("secure-api:index:SecureApi"), { computed: [], kinds: {} });
    });
});
