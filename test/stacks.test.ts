import * as assert from "assert";
import { SECRET_OUTPUTS } from "../stacks/outputs";
import { names, Plan, runStack } from "./harness";
import { readFileSync } from "fs";
import { join } from "path";
import { PolicyPackConfigFile } from "../policy-pack/gate/engine";
import { ROOT } from "./harness";

const policyConfig = (stack: string) => JSON.parse(readFileSync(join(ROOT, "policy-pack", "config", `${stack}.json`), "utf8")) as PolicyPackConfigFile;

const REQUIRED_OUTPUTS = [
    "restApiId",
    "rootResourceId",
    "executionArn",
    "stageName",
    "invokeUrl",
    "apiUrl",
    "userPoolId",
    "userPoolClientIds",
    "cognitoAuthorizerId",
    "lambdaAuthorizerId",
    "iamInvokePolicyArn",
    "usagePlanIds",
    "apiKeyIds",
    "apiKeyValues",
    "wafWebAclArn",
    "accessLogGroupName",
    "wafLogGroupName",
    "auditTrailArn",
    "kmsKeyArn",
    "deploymentId",
    "stageSettings",
];

/** The one trust statement AWS documents for roles API Gateway assumes as credentials. */
const API_GATEWAY_TRUST = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

describe("stacks", function () {
    const plans: Record<string, Plan> = {};
    before(async function () {
        plans.dev = await runStack("dev");
        plans.prod = await runStack("prod");
    });

    for (const stack of ["dev", "prod"]) {
        describe(stack, () => {
            it("produces no mandatory policy violation with its policy config", async () => {
                const violations = await plans[stack].violations({ config: policyConfig(stack) });
                assert.deepStrictEqual(
                    violations.filter((v) => v.enforcementLevel === "mandatory" && !v.waived).map((v) => `${v.policyName}: ${v.message}`),
                    [],
                );
                // The one accepted finding: the anonymous health check, waived with a reason and an expiry.
                assert.deepStrictEqual(
                    violations.filter((v) => v.waived).map((v) => [v.policyName, v.resourceName, v.waived?.expires]),
                    [["apigw-method-requires-authorization", `orders-${stack}-get-health`, "2027-06-30"]],
                );
            });

            it("exports what application teams need", () => {
                for (const key of REQUIRED_OUTPUTS) {
                    const output = plans[stack].outputs[key];
                    assert.ok(output !== undefined && output.value !== undefined && output.value !== "", `output ${key} is missing`);
                }
                assert.strictEqual(plans[stack].outputs.stageName.value, stack);
                assert.match(String(plans[stack].outputs.invokeUrl.value), new RegExp(`^https://.+\\.execute-api\\..+/${stack}$`));
            });

            it("exports API key values and client secrets only as secrets", () => {
                for (const key of SECRET_OUTPUTS) {
                    assert.strictEqual(plans[stack].outputs[key]?.secret, true, `${key} must be secret`);
                }
                assert.strictEqual(plans[stack].outputs.restApiId.secret, false);
                const keys = plans[stack].outputs.apiKeyValues.value as Record<string, string>;
                assert.ok(Object.values(keys).every((v) => v.startsWith("mock-api-key-")));
            });

            it("puts a WAF web ACL with the managed rule groups in front of the stage", () => {
                const plan = plans[stack];
                // Every stage (the platform's, and those of its OpenAPI-defined APIs) is behind the web ACL.
                const associations = plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation");
                const stages = plan.ofType("aws:apigateway/stage:Stage");
                assert.ok(stages.length >= 1);
                for (const stage of stages) {
                    assert.ok(
                        associations.some((a) => a.propertyDependencies.resourceArn.includes(stage.urn)),
                        `${stage.name} is associated with the web ACL`,
                    );
                }
                const rules = plan.props("aws:wafv2/webAcl:WebAcl").rules as { name: string }[];
                for (const group of [
                    "AWSManagedRulesSQLiRuleSet",
                    "AWSManagedRulesCommonRuleSet",
                    "AWSManagedRulesKnownBadInputsRuleSet",
                    "AWSManagedRulesAmazonIpReputationList",
                ]) {
                    assert.ok(
                        rules.some((r) => r.name === group),
                        `missing ${group}`,
                    );
                }
            });
        });
    }

    it("each stack owns its account's API Gateway logging setting, with roles API Gateway can actually assume", () => {
        for (const stack of ["dev", "prod"]) {
            const plan = plans[stack];
            const account = plan.one("aws:apigateway/account:Account");
            const role = plan.one("aws:iam/role:Role", `orders-${stack}-account-cloudwatch`);
            assert.ok(account.propertyDependencies.cloudwatchRoleArn.includes(role.urn));
            assert.deepStrictEqual(JSON.parse(String(role.props.assumeRolePolicy)), API_GATEWAY_TRUST);
            assert.deepStrictEqual(
                JSON.parse(String(plan.props("aws:iam/role:Role", `orders-${stack}-lambda-authorizer-invoke`).assumeRolePolicy)),
                API_GATEWAY_TRUST,
            );
        }
    });

    it("exports the stage settings app-team stages copy", () => {
        assert.deepStrictEqual(plans.dev.outputs.stageSettings.value, {
            throttle: { rateLimit: 50, burstLimit: 100 },
            executionLevel: "INFO",
            xrayTracing: true,
            logRetentionInDays: 14,
        });
        assert.deepStrictEqual(plans.prod.outputs.stageSettings.value, {
            throttle: { rateLimit: 500, burstLimit: 1000 },
            executionLevel: "ERROR",
            xrayTracing: true,
            logRetentionInDays: 365,
        });
        assert.match(String(plans.dev.outputs.deploymentId.value), /^[0-9a-z]{5,}$/);
    });

    it("dev is relaxed where it is safe and prod is strictest", () => {
        const pool = (p: Plan) => p.props("aws:cognito/userPool:UserPool");
        assert.strictEqual(pool(plans.dev).mfaConfiguration, "OPTIONAL");
        assert.strictEqual(pool(plans.prod).mfaConfiguration, "ON");
        assert.strictEqual(pool(plans.prod).deletionProtection, "ACTIVE");
        const retention = (p: Plan) => p.ofType("aws:cloudwatch/logGroup:LogGroup").map((g) => g.props.retentionInDays);
        assert.ok(retention(plans.dev).every((r) => r === 14));
        assert.ok(retention(plans.prod).every((r) => r === 365));
        const settings = (p: Plan) =>
            p.props("aws:apigateway/methodSettings:MethodSettings", `${p === plans.dev ? "orders-dev" : "orders-prod"}-stage-settings`).settings as Record<
                string,
                unknown
            >;
        assert.strictEqual(settings(plans.dev).loggingLevel, "INFO");
        assert.strictEqual(settings(plans.prod).loggingLevel, "ERROR");
    });

    it("prod serves through a TLS 1.2 custom domain with mTLS and disables the default endpoint", () => {
        const domain = plans.prod.props("aws:apigateway/domainName:DomainName");
        assert.strictEqual(domain.securityPolicy, "TLS_1_2");
        const mtls = domain.mutualTlsAuthentication as Record<string, string>;
        assert.match(mtls.truststoreUri, /^s3:\/\/.+\/truststore\.pem$/);
        assert.ok(mtls.truststoreVersion);
        assert.strictEqual(plans.prod.props("aws:apigateway/restApi:RestApi").disableExecuteApiEndpoint, true);
        assert.strictEqual(plans.prod.outputs.apiUrl.value, "https://api.example.com/v1");
        assert.strictEqual(plans.dev.ofType("aws:apigateway/domainName:DomainName").length, 0);
    });

    it("the health check is the only anonymous method, and only because the policy config allow-lists it", async () => {
        const withoutConfig = await plans.dev.violations();
        const anonymous = withoutConfig.filter((v) => v.policyName === "apigw-method-requires-authorization");
        assert.deepStrictEqual(
            anonymous.map((v) => v.resourceName),
            ["orders-dev-get-health"],
        );
        assert.ok(names(withoutConfig).includes("cognito-mfa"), "dev's OPTIONAL MFA is only accepted with the dev policy config");
    });
});
