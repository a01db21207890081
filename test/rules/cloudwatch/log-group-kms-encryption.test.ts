import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "log-group-kms-encryption";

describe(RULE, () => {
    it("passes the compliant baseline: a KMS key ARN, literal or from a key resource", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                logGroup("encrypted");
                logGroup("from-key", { kmsKeyId: new aws.kms.Key("key", {}).arn });
            }),
        );
    });

    it("rejects every group without a KMS key", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                logGroup("plain", { kmsKeyId: undefined });
                logGroup("plain-too", { kmsKeyId: undefined });
            }),
            RULE,
            "mandatory",
            [
                { resource: "plain", message: [/LogGroup "plain" is not encrypted with a customer-managed KMS key \(kmsKeyId is not set\)/] },
                { resource: "plain-too", message: [/kmsKeyId/] },
            ],
        );
    });
});
