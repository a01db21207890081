/**
 * The rules decide at a first `pulumi preview` as they do on update, for the
 * values that are unknown then: ids, ARNs and anything derived from them. Each
 * case names the property that once made the SDK skip the rule ("can't run
 * policy ... during preview"); `ruleFindings` runs every program in both modes,
 * offline and through the real analyzer, and fails if they disagree or if
 * anything was skipped. Where a value the decision needs is genuinely unknown,
 * the rule says so as a finding, in preview only.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { evaluatePolicies, RuleError, Violation } from "../../policy-pack/gate/engine";
import { RecordedResource } from "../../policy-pack/gate/runtime";
import { policies } from "../../policy-pack/rules";
import { runStack } from "../harness";
import { assertEachModeAgrees, findingKey, ruleFindings, ruleFindingsByMode } from "../rule-harness";
import { ACCESS_LOG_FORMAT, bucket, domainName, logGroup, method, privatePolicy, PROTECTED, restApi, s3Uri, stage, trail, webAcl } from "./builders";
import { assertFindings, assertNoFindings } from "./expect";
import { U } from "./lib/preview-values";

const key = () => new aws.kms.Key("key", {});
const role = () => new aws.iam.Role("role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });

/** Runs a program in both modes where they are expected to differ; checks the analyzer agrees and skipped nothing. */
async function byMode(rule: string, program: () => unknown) {
    const found = await ruleFindingsByMode(rule, program);
    assertEachModeAgrees(rule, found);
    return found;
}

describe("rules at a first preview", () => {
    describe("values derived from other resources count as set (the rules once skipped them)", () => {
        it("log-group-kms-encryption: kmsKeyId from a key", async () => {
            assertNoFindings(
                await ruleFindings("log-group-kms-encryption", () => {
                    logGroup("logs", { kmsKeyId: key().arn });
                }),
            );
        });

        it("cloudtrail-secure-trail: kmsKeyId from a key; enableLogging: false is still rejected", async () => {
            assertNoFindings(
                await ruleFindings("cloudtrail-secure-trail", () => {
                    trail("t", { kmsKeyId: key().arn });
                }),
            );
            assertFindings(
                await ruleFindings("cloudtrail-secure-trail", () => {
                    trail("t", { kmsKeyId: key().arn, enableLogging: false });
                }),
                "cloudtrail-secure-trail",
                "mandatory",
                [{ resource: "t", message: [/enableLogging: false/] }],
            );
        });

        it("cloudtrail-cloudwatch-delivery: cloudWatchLogsGroupArn and cloudWatchLogsRoleArn from resources", async () => {
            assertNoFindings(
                await ruleFindings("cloudtrail-cloudwatch-delivery", () => {
                    trail("t", { cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup("trail-logs").arn}:*`, cloudWatchLogsRoleArn: role().arn });
                }),
            );
        });

        it("apigw-request-validation: requestValidatorId from a validator", async () => {
            assertNoFindings(
                await ruleFindings("apigw-request-validation", () => {
                    const api = restApi("api");
                    const validator = new aws.apigateway.RequestValidator("v", { restApi: api.id, validateRequestBody: true });
                    method("m", api, { httpMethod: "POST", requestModels: { "application/json": "Order" }, requestValidatorId: validator.id });
                }),
            );
        });

        it("apigw-stage-access-logging: accessLogSettings.destinationArn from a log group", async () => {
            assertNoFindings(
                await ruleFindings("apigw-stage-access-logging", () => {
                    stage("s", restApi("api"), { accessLogSettings: { destinationArn: logGroup("access").arn, format: ACCESS_LOG_FORMAT } });
                }),
            );
        });

        it("apigw-api-key-attached: keyId from the key (ids unknown, linked by dependency)", async () => {
            const plan = () =>
                new aws.apigateway.UsagePlan("plan", { throttleSettings: { rateLimit: 1, burstLimit: 1 }, quotaSettings: { limit: 1, period: "DAY" } });
            assertNoFindings(
                await ruleFindings("apigw-api-key-attached", () => {
                    new aws.apigateway.UsagePlanKey("pk", { keyId: new aws.apigateway.ApiKey("key", {}).id, keyType: "API_KEY", usagePlanId: plan().id });
                }),
            );
        });

        it("s3-log-bucket-public-access-block: the bucket's id unknown, its controls linked by dependency", async () => {
            assertNoFindings(
                await ruleFindings("s3-log-bucket-public-access-block", () => {
                    trail("t", { s3BucketName: bucket("logs", PROTECTED).bucket });
                }),
            );
            assertFindings(
                await ruleFindings("s3-log-bucket-public-access-block", () => {
                    trail("t", { s3BucketName: bucket("logs", { encryption: true, versioning: true }).bucket });
                }),
                "s3-log-bucket-public-access-block",
                "mandatory",
                [{ resource: "logs", message: [/Log Bucket "logs" \(used by Trail "t"\) lacks a bucket-level BucketPublicAccessBlock/] }],
            );
        });

        it("apigw-mtls-truststore-bucket: truststoreVersion from the object, the bucket's id unknown", async () => {
            const domain =
                (spec = PROTECTED) =>
                () => {
                    const b = bucket("trust", spec);
                    const o = new aws.s3.BucketObjectv2("ca", { bucket: b.id, key: "ca.pem", content: "pem" });
                    domainName("api", { mutualTlsAuthentication: { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: o.versionId } });
                };
            assertNoFindings(await ruleFindings("apigw-mtls-truststore-bucket", domain()));
            assertFindings(await ruleFindings("apigw-mtls-truststore-bucket", domain({ encryption: true })), "apigw-mtls-truststore-bucket", "mandatory", [
                { resource: "trust", message: [/lacks a bucket-level BucketPublicAccessBlock .* and versioning/] },
            ]);
        });

        it("apigw-default-endpoint-disabled: disableExecuteApiEndpoint left unset (a computed output) is the default, false", async () => {
            assertFindings(
                await ruleFindings("apigw-default-endpoint-disabled", () => {
                    const api = restApi("api");
                    const s = stage("s", api);
                    new aws.apigateway.BasePathMapping("m", { domainName: domainName("d").domainName, restApi: api.id, stageName: s.stageName });
                }),
                "apigw-default-endpoint-disabled",
                "mandatory",
                [{ resource: "api", message: [/disableExecuteApiEndpoint is false/] }],
            );
        });
    });

    describe("insecure programs are still rejected at preview", () => {
        it("a PRIVATE API whose separate RestApiPolicy allows * without aws:SourceVpce", async () => {
            assertFindings(
                await ruleFindings("apigw-private-api-resource-policy", () => {
                    const api = restApi("private", { endpointConfiguration: { types: "PRIVATE" } });
                    new aws.apigateway.RestApiPolicy("open", { restApiId: api.id, policy: privatePolicy(false) });
                }),
                "apigw-private-api-resource-policy",
                "mandatory",
                [{ resource: "open", message: [/allows principal "\*" without an aws:SourceVpce/] }],
            );
        });

        it("a public stage whose WAF association points at another resource", async () => {
            assertFindings(
                await ruleFindings("apigw-public-stage-waf", () => {
                    const api = restApi("api");
                    stage("exposed", api);
                    new aws.wafv2.WebAclAssociation("assoc", { resourceArn: stage("other", api).arn, webAclArn: webAcl("acl").arn });
                    new aws.wafv2.WebAclAssociation("other-assoc", { resourceArn: stage("protected", api).arn, webAclArn: webAcl("acl2").arn });
                }),
                "apigw-public-stage-waf",
                "mandatory",
                [{ resource: "exposed", message: [/no WAFv2 web ACL/] }],
            );
        });
    });

    describe("what cannot be known at preview is a finding that says what must hold", () => {
        it("a WAF association whose ARN is built from the API's id", async () => {
            const found = await byMode("apigw-public-stage-waf", () => {
                const api = restApi("api");
                stage("v1", api);
                new aws.wafv2.WebAclAssociation("assoc", {
                    resourceArn: api.id.apply((id) => `arn:aws:apigateway:us-east-1::/restapis/${id}/stages/v1`),
                    webAclArn: webAcl("acl").arn,
                });
            });
            assertNoFindings(found.update);
            assertFindings(found.preview, "apigw-public-stage-waf", "mandatory", [
                {
                    resource: "v1",
                    message: [/^cannot be verified at preview: WebAclAssociation "assoc"\.resourceArn is unknown; it must be the ARN of Stage "v1"/],
                },
            ]);
        });

        it("a PRIVATE API's policy built from a VPC endpoint's id", async () => {
            const found = await byMode("apigw-private-api-resource-policy", () => {
                const vpce = new aws.ec2.VpcEndpoint("vpce", {
                    vpcId: "vpc-1",
                    serviceName: "com.amazonaws.us-east-1.execute-api",
                    vpcEndpointType: "Interface",
                });
                restApi("private", {
                    endpointConfiguration: { types: "PRIVATE" },
                    policy: pulumi.jsonStringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: "*",
                                Action: "execute-api:Invoke",
                                Resource: "execute-api:/*",
                                Condition: { StringEquals: { "aws:SourceVpce": vpce.id } },
                            },
                        ],
                    }),
                });
            });
            assertNoFindings(found.update);
            assertFindings(found.preview, "apigw-private-api-resource-policy", "mandatory", [
                {
                    resource: "private",
                    message: [
                        /^cannot be verified at preview: RestApi "private"\.policy is unknown; it must allow execute-api:Invoke only from your VPC endpoints/,
                    ],
                },
            ]);
        });
    });

    describe("no rule ever lets an unknown value escape", () => {
        const SCALAR = new Set(["string", "number", "boolean"]);
        /** Every scalar leaf unknown, as if everything were derived from resources not created yet. */
        const allUnknown = (value: unknown): unknown =>
            Array.isArray(value)
                ? value.map(allUnknown)
                : value !== null && typeof value === "object"
                  ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, allUnknown(v)]))
                  : SCALAR.has(typeof value)
                    ? U
                    : value;
        const topUnknown = (props: Record<string, unknown>) => Object.fromEntries(Object.keys(props).map((k) => [k, U]));

        async function assertNothingEscapes(resources: RecordedResource[]): Promise<Violation[]> {
            let found: Violation[] = [];
            try {
                found = await evaluatePolicies(policies, resources);
            } catch (err) {
                assert.fail(err instanceof RuleError ? err.message : String(err));
            }
            assert.deepStrictEqual(found.filter((v) => v.unverified).map(findingKey), [], "a rule read an unknown value without the safe reader");
            return found;
        }

        for (const stackName of ["dev", "prod"]) {
            it(`${stackName} stack: every scalar unknown, and each type's properties unknown in turn`, async () => {
                const { resources } = await runStack(stackName);
                const all = await assertNothingEscapes(
                    resources.map((r) => ({
                        ...r,
                        props: allUnknown(r.props) as Record<string, unknown>,
                        outputs: allUnknown(r.outputs ?? r.props) as Record<string, unknown>,
                    })),
                );
                assert.ok(
                    all.some((v) => /^cannot be verified at preview/.test(v.message)),
                    "unknown decisive values are reported",
                );
                for (const type of [...new Set(resources.filter((r) => r.custom).map((r) => r.type))]) {
                    await assertNothingEscapes(
                        resources.map((r) => (r.type === type ? { ...r, props: topUnknown(r.props), outputs: topUnknown(r.outputs ?? r.props) } : r)),
                    );
                }
            });
        }
    });
});
