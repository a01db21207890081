/** DetectiveControls against literal expected values: every rule's name, description and scope, the wiring, and each argument's exact error. */
import * as assert from "assert";
import { DetectiveControls, DetectiveControlsArgs } from "../../../components";
import { assertRejectsBeforeCreating, runProgram } from "../../harness";

const RULE = "aws:cfg/rule:Rule";
const args = (o: Partial<DetectiveControlsArgs> = {}): DetectiveControlsArgs => ({
    endpointTypes: ["REGIONAL"],
    loggingLevels: ["ERROR", "INFO"],
    kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
    alarmTopicArns: ["arn:aws:sns:us-east-1:123456789012:oncall"],
    ...o,
});
const STAGE = "AWS::ApiGateway::Stage";
const V2_STAGE = "AWS::ApiGatewayV2::Stage";
const DAILY = "TwentyFour_Hours";

describe("DetectiveControls (literal expectations)", () => {
    it("names, describes and scopes each managed rule as written here, and waits for a created recorder", async () => {
        const plan = await runProgram(() => {
            new DetectiveControls("dc", args({ recorder: "create" }));
        });
        const rules = plan.ofType(RULE).map((r) => {
            const id = (r.props.source as { owner: string; sourceIdentifier: string }).sourceIdentifier;
            assert.deepStrictEqual(r.props.source, { owner: "AWS", sourceIdentifier: id });
            assert.strictEqual(r.props.description, `Platform detective control (AWS Config managed rule ${id})`);
            return [
                r.name,
                (r.props.scope as { complianceResourceTypes?: string[] } | undefined)?.complianceResourceTypes ?? r.props.maximumExecutionFrequency,
            ];
        });
        assert.deepStrictEqual(rules.sort(), [
            ["dc-api-gw-associated-with-waf", [STAGE]],
            ["dc-api-gw-endpoint-type-check", ["AWS::ApiGateway::RestApi"]],
            ["dc-api-gw-execution-logging-enabled", [STAGE, V2_STAGE]],
            ["dc-api-gw-xray-enabled", [STAGE]],
            ["dc-api-gwv2-access-logs-enabled", [V2_STAGE]],
            ["dc-api-gwv2-authorization-type-configured", DAILY],
            ["dc-cloud-trail-enabled", DAILY],
            ["dc-cloud-trail-log-file-validation-enabled", DAILY],
            ["dc-cloudwatch-log-group-encrypted", DAILY],
        ]);
        const status = plan.one("aws:cfg/recorderStatus:RecorderStatus").urn;
        for (const rule of plan.ofType(RULE)) {
            assert.ok(rule.dependencies.includes(status), `${rule.name} must wait for the recorder; it depends on ${rule.dependencies.join(", ")}`);
        }
        assert.strictEqual(plan.props("aws:cloudwatch/eventRule:EventRule").description, "AWS Config rule evaluations that became NON_COMPLIANT");
        const component = plan.one("secure-api:config:DetectiveControls").urn;
        const children = plan.childrenOf(component).map((r) => r.type);
        assert.deepStrictEqual([children.filter((t) => t === RULE).length, children.filter((t) => t.startsWith("aws:cloudwatch/event")).length], [9, 2]);
    });

    it("creates Security Hub without its default standards, and subscribes FSBP only once the hub exists", async () => {
        const plan = await runProgram(() => {
            new DetectiveControls("dc", args({ securityHub: "create" }));
        });
        const hub = plan.one("aws:securityhub/account:Account", "dc-security-hub");
        assert.strictEqual(hub.props.enableDefaultStandards, false);
        assert.strictEqual(hub.parent, plan.one("secure-api:config:DetectiveControls").urn);
        const fsbp = plan.one("aws:securityhub/standardsSubscription:StandardsSubscription", "dc-fsbp");
        assert.ok(fsbp.dependencies.includes(hub.urn), `the subscription must wait for the hub; it depends on ${fsbp.dependencies.join(", ")}`);
    });

    const bad: [string, Partial<DetectiveControlsArgs>, string][] = [
        ["an empty endpointTypes", { endpointTypes: [] }, "DetectiveControls: endpointTypes must list at least one endpoint type"],
        ["a missing endpointTypes", { endpointTypes: undefined }, "DetectiveControls: endpointTypes must list at least one endpoint type"],
        [
            "an unknown logging level",
            { loggingLevels: ["ERROR", "DEBUG" as "INFO"] },
            'DetectiveControls: loggingLevels[1] must be one of ERROR, INFO (got "DEBUG")',
        ],
        [
            "an unknown Security Hub ownership",
            { securityHub: "maybe" as "create" },
            'DetectiveControls: securityHub must be one of existing, create (got "maybe")',
        ],
        [
            "a missing alarmTopicArns",
            { alarmTopicArns: undefined },
            "DetectiveControls: alarmTopicArns must list at least one SNS topic: a non-compliance nobody hears of detects nothing",
        ],
    ];
    for (const [what, o, message] of bad) {
        it(`rejects ${what} with its exact error`, async () => {
            const error = await assertRejectsBeforeCreating(() => new DetectiveControls("bad", { ...args(), ...o } as DetectiveControlsArgs));
            assert.strictEqual(error.message, message);
        });
    }
});
