import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { trail } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cloudtrail-secure-trail";

describe(RULE, () => {
    it("passes the compliant baseline: multi-region, validated, KMS", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                trail("t");
            }),
        );
    });

    it("accepts a key taken from a KMS key resource", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                trail("t", { kmsKeyId: new aws.kms.Key("key", {}).arn });
            }),
        );
    });

    const one: [string, Partial<aws.cloudtrail.TrailArgs>, RegExp][] = [
        ["single-region", { isMultiRegionTrail: false }, /needs isMultiRegionTrail: true \(activity in other regions would go unrecorded\)\.$/],
        ["without log file validation", { enableLogFileValidation: false }, /needs enableLogFileValidation: true \(tampered log files would go unnoticed\)\.$/],
        ["without a KMS key", { kmsKeyId: undefined }, /needs kmsKeyId \(logs would only have S3-managed encryption\)\.$/],
    ];
    for (const [what, args, message] of one) {
        it(`rejects a trail ${what}, naming only that`, async () => {
            assertFindings(
                await ruleFindings(RULE, () => {
                    trail("t", args);
                }),
                RULE,
                "mandatory",
                [{ resource: "t", message: [message] }],
            );
        });
    }

    it("rejects a trail missing all three with one finding listing them", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("t", { isMultiRegionTrail: false, enableLogFileValidation: false, kmsKeyId: undefined });
            }),
            RULE,
            "mandatory",
            [{ resource: "t", message: [/isMultiRegionTrail: true.*enableLogFileValidation: true.*kmsKeyId/] }],
        );
    });

    it("rejects a trail with enableLogging: false", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("t", { enableLogging: false });
            }),
            RULE,
            "mandatory",
            [{ resource: "t", message: [/Trail "t" has enableLogging: false, so it records nothing/] }],
        );
    });

    it("rejects every insecure trail", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("a", { isMultiRegionTrail: false });
                trail("b", { isMultiRegionTrail: false });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/isMultiRegionTrail/] },
                { resource: "b", message: [/isMultiRegionTrail/] },
            ],
        );
    });
});
