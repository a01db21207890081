/**
 * DetectiveControls with `recorder: "create"`, literally: the Config role's trust and managed policy,
 * the delivery bucket's two Config statements, the role's KMS statement, the recorder's recording
 * group, and the order delivery channel → recorder status; and the endpoint-type rule's parameter.
 */
import * as assert from "assert";
import { DetectiveControls, DetectiveControlsArgs } from "../../../components";
import { Plan, runProgram } from "../../harness";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/k";
const args = (o: Partial<DetectiveControlsArgs> = {}): DetectiveControlsArgs => ({
    endpointTypes: ["REGIONAL", "PRIVATE"],
    loggingLevels: ["ERROR"],
    kmsKeyArn: KEY,
    alarmTopicArns: ["arn:aws:sns:us-east-1:123456789012:oncall"],
    ...o,
});
const json = (plan: Plan, type: string, name: string, prop: string): unknown => JSON.parse(String(plan.props(type, name)[prop]));

describe("DetectiveControls recorder (literal expectations)", () => {
    it("creates a Config role AWS Config alone may assume for this account, with AWS_ConfigRole", async () => {
        const plan = await runProgram(() => new DetectiveControls("dc", args({ recorder: "create" })));
        assert.deepStrictEqual(json(plan, "aws:iam/role:Role", "dc-config-role", "assumeRolePolicy"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "config.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
                },
            ],
        });
        assert.deepStrictEqual(plan.props("aws:iam/role:Role", "dc-config-role").managedPolicyArns, ["arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"]);
        assert.deepStrictEqual(json(plan, "aws:iam/rolePolicy:RolePolicy", "dc-config-kms", "policy"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EncryptConfigSnapshots",
                    Effect: "Allow",
                    Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                    Resource: KEY,
                    Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
                },
            ],
        });
    });

    it("lets the role check the delivery bucket and write only under AWSLogs/<account>/Config/", async () => {
        const plan = await runProgram(() => new DetectiveControls("dc", args({ recorder: "create" })));
        const role = plan.one("aws:iam/role:Role", "dc-config-role");
        const bucket = String(plan.props("aws:s3/bucket:Bucket", "dc-config-bucket").bucket);
        const roleArn = String(plan.props("aws:cfg/recorder:Recorder", "dc-recorder").roleArn);
        assert.match(roleArn, /^arn:aws:iam::123456789012:role\/dc-config-role/);
        const policy = json(plan, "aws:s3/bucketPolicy:BucketPolicy", "dc-config-bucket-policy", "policy") as { Statement: { Sid: string }[] };
        assert.deepStrictEqual(policy.Statement.slice(1), [
            {
                Sid: "ConfigBucketCheck",
                Effect: "Allow",
                Principal: { AWS: roleArn },
                Action: ["s3:GetBucketAcl", "s3:ListBucket"],
                Resource: `arn:aws:s3:::${bucket}`,
            },
            {
                Sid: "ConfigDelivery",
                Effect: "Allow",
                Principal: { AWS: roleArn },
                Action: "s3:PutObject",
                Resource: `arn:aws:s3:::${bucket}/AWSLogs/123456789012/Config/*`,
            },
        ]);
        assert.strictEqual(plan.one("aws:cfg/recorder:Recorder").dependencies.includes(role.urn), true);
    });

    it("records every supported and global type, then delivers, then turns the recorder on, all its children", async () => {
        const plan = await runProgram(() => new DetectiveControls("dc", args({ recorder: "create" })));
        const recorder = plan.one("aws:cfg/recorder:Recorder");
        assert.deepStrictEqual(recorder.props.recordingGroup, { allSupported: true, includeGlobalResourceTypes: true });
        const channel = plan.one("aws:cfg/deliveryChannel:DeliveryChannel");
        assert.strictEqual(channel.props.s3KmsKeyArn, KEY);
        // A dependency on the SecureBucket component is one on each of its resources: the bucket policy Config needs among them.
        const bucketPolicy = plan.one("aws:s3/bucketPolicy:BucketPolicy", "dc-config-bucket-policy").urn;
        assert.ok(channel.dependencies.includes(recorder.urn), `the channel waits for the recorder; it depends on ${channel.dependencies.join(", ")}`);
        assert.ok(channel.dependencies.includes(bucketPolicy), `the channel waits for the bucket policy; it depends on ${channel.dependencies.join(", ")}`);
        const status = plan.one("aws:cfg/recorderStatus:RecorderStatus");
        assert.strictEqual(status.props.isEnabled, true);
        assert.ok(status.dependencies.includes(channel.urn), `the recorder starts after its channel; it depends on ${status.dependencies.join(", ")}`);
        const component = plan.one("secure-api:config:DetectiveControls").urn;
        for (const r of [
            recorder,
            channel,
            status,
            plan.one("aws:iam/role:Role", "dc-config-role"),
            plan.one("aws:iam/rolePolicy:RolePolicy", "dc-config-kms"),
        ]) {
            assert.strictEqual(r.parent, component, `${r.type} ${r.name} is a child of the component`);
        }
        assert.strictEqual(plan.one("secure-api:storage:SecureBucket", "dc-config-bucket").parent, component);
    });

    it("by default uses the account's recorder and hub: creates neither", async () => {
        const plan = await runProgram(() => new DetectiveControls("dc", args()));
        for (const type of [
            "aws:cfg/recorder:Recorder",
            "aws:cfg/deliveryChannel:DeliveryChannel",
            "aws:cfg/recorderStatus:RecorderStatus",
            "aws:securityhub/account:Account",
        ]) {
            assert.strictEqual(plan.ofType(type).length, 0, type);
        }
    });

    it("passes every allowed endpoint type to API_GW_ENDPOINT_TYPE_CHECK, comma-separated", async () => {
        const plan = await runProgram(() => new DetectiveControls("dc", args()));
        const rule = plan.ofType("aws:cfg/rule:Rule").find((r) => r.name === "dc-api-gw-endpoint-type-check")!;
        assert.strictEqual(rule.props.inputParameters, '{"endpointConfigurationTypes":"REGIONAL,PRIVATE"}');
    });
});
