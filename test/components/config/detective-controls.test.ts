import * as assert from "assert";
import { DetectiveControls, DetectiveControlsArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram, runStack } from "../../harness";

const RULE = "aws:cfg/rule:Rule";
const args = (o: Partial<DetectiveControlsArgs> = {}): DetectiveControlsArgs => ({
    endpointTypes: ["REGIONAL"],
    loggingLevels: ["ERROR", "INFO"],
    kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
    alarmTopicArns: ["arn:aws:sns:us-east-1:123456789012:oncall"],
    ...o,
});

describe("DetectiveControls", () => {
    it("defaults: the managed rules with their parameters and scope, no recorder or Security Hub, NON_COMPLIANT to the topics", async () => {
        const plan = await runProgram(() => {
            new DetectiveControls("dc", args());
        });
        const rules = Object.fromEntries(plan.ofType(RULE).map((r) => [(r.props.source as { sourceIdentifier: string }).sourceIdentifier, r.props]));
        assert.deepStrictEqual(Object.keys(rules).sort(), [
            "API_GWV2_ACCESS_LOGS_ENABLED",
            "API_GWV2_AUTHORIZATION_TYPE_CONFIGURED",
            "API_GW_ASSOCIATED_WITH_WAF",
            "API_GW_ENDPOINT_TYPE_CHECK",
            "API_GW_EXECUTION_LOGGING_ENABLED",
            "API_GW_XRAY_ENABLED",
            "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
            "CLOUD_TRAIL_ENABLED",
            "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
        ]);
        assert.deepStrictEqual(JSON.parse(String(rules.API_GW_ENDPOINT_TYPE_CHECK.inputParameters)), { endpointConfigurationTypes: "REGIONAL" });
        assert.deepStrictEqual(JSON.parse(String(rules.API_GW_EXECUTION_LOGGING_ENABLED.inputParameters)), { loggingLevel: "ERROR,INFO" });
        assert.deepStrictEqual(JSON.parse(String(rules.CLOUDWATCH_LOG_GROUP_ENCRYPTED.inputParameters)), {
            KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
        });
        assert.deepStrictEqual(rules.API_GW_XRAY_ENABLED.scope, { complianceResourceTypes: ["AWS::ApiGateway::Stage"] });
        assert.strictEqual(rules.CLOUD_TRAIL_ENABLED.scope, undefined);
        assert.strictEqual(rules.CLOUD_TRAIL_ENABLED.maximumExecutionFrequency, "TwentyFour_Hours");
        for (const type of ["aws:cfg/recorder:Recorder", "aws:securityhub/account:Account"]) {
            assert.strictEqual(plan.ofType(type).length, 0, type);
        }
        const pattern = JSON.parse(String(plan.props("aws:cloudwatch/eventRule:EventRule").eventPattern));
        assert.deepStrictEqual(pattern.source, ["aws.config"]);
        assert.deepStrictEqual(pattern["detail-type"], ["Config Rules Compliance Change"]);
        assert.deepStrictEqual(pattern.detail.newEvaluationResult, { complianceType: ["NON_COMPLIANT"] });
        assert.strictEqual(pattern.detail.configRuleName.length, 9);
        assert.strictEqual(plan.props("aws:cloudwatch/eventTarget:EventTarget").arn, "arn:aws:sns:us-east-1:123456789012:oncall");
    });

    it("options: tag scope, a created recorder (AWS_ConfigRole, delivery to a secure bucket) and Security Hub FSBP", async () => {
        const plan = await runProgram(() => {
            new DetectiveControls("dc", args({ scopeTag: { key: "project", value: "p" }, recorder: "create", securityHub: "create" }));
        });
        const xray = plan.ofType(RULE).find((r) => (r.props.source as { sourceIdentifier: string }).sourceIdentifier === "API_GW_XRAY_ENABLED")!;
        assert.deepStrictEqual(xray.props.scope, { tagKey: "project", tagValue: "p" });
        const role = plan.one("aws:iam/role:Role");
        assert.deepStrictEqual(role.props.managedPolicyArns, ["arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"]);
        assert.strictEqual(JSON.parse(String(role.props.assumeRolePolicy)).Statement[0].Principal.Service, "config.amazonaws.com");
        assert.ok(plan.one("aws:cfg/deliveryChannel:DeliveryChannel").props.s3KmsKeyArn);
        assert.strictEqual(plan.one("aws:cfg/recorderStatus:RecorderStatus").props.isEnabled, true);
        assert.match(
            String(plan.props("aws:securityhub/standardsSubscription:StandardsSubscription").standardsArn),
            /standards\/aws-foundational-security-best-practices\/v\/1\.0\.0$/,
        );
    });

    const bad: [string, Partial<DetectiveControlsArgs>, RegExp][] = [
        ["no alarm topic", { alarmTopicArns: [] }, /alarmTopicArns must list at least one SNS topic/],
        ["an unknown recorder ownership", { recorder: "maybe" as "create" }, /recorder must be one of existing, create/],
        ["an unknown endpoint type", { endpointTypes: ["PUBLIC" as "EDGE"] }, /endpointTypes\[0\] must be one of REGIONAL, PRIVATE, EDGE/],
    ];
    for (const [what, o, message] of bad) {
        it(`rejects ${what} before creating anything`, () => assertRejectsBeforeCreating(() => new DetectiveControls("bad", args(o)), message));
    }

    it("prod plans its Config rules (scoped to the project tag); dev has none", async () => {
        const prod = await runStack("prod");
        assert.strictEqual(prod.ofType(RULE).length, 9);
        assert.ok(
            prod
                .ofType(RULE)
                .filter((r) => r.props.scope)
                .every((r) => (r.props.scope as { tagKey: string }).tagKey === "project"),
        );
        assert.ok(prod.outputs.configRuleNames.value);
        const dev = await runStack("dev");
        assert.strictEqual(dev.ofType(RULE).length, 0);
    });
});
