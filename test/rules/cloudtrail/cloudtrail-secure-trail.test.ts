import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { logGroup, trail } from "../builders";
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
            [
                {
                    resource: "t",
                    message: [
                        /needs isMultiRegionTrail: true \([^)]*\); enableLogFileValidation: true \([^)]*\); kmsKeyId \(logs would only have S3-managed encryption\)\.$/,
                    ],
                },
            ],
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

    it("settings built from outputs are judged once known, and reported as unverifiable at a first preview, naming each", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const later = <T>(value: T) => logGroup("source").arn.apply(() => value);
            trail("multi-region", { isMultiRegionTrail: later(false) });
            trail("validation", { enableLogFileValidation: later(false) });
            trail("logging", { enableLogging: later(false) });
            // A key ARN known only after deployment is still a key.
            trail("key", { kmsKeyId: later("arn:aws:kms:us-east-1:123456789012:key/trail") });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "multi-region", message: [/Trail "multi-region"\.isMultiRegionTrail is unknown; it must be true\b/] },
            { resource: "validation", message: [/Trail "validation"\.enableLogFileValidation is unknown; it must be true\b/] },
            { resource: "logging", message: [/Trail "logging"\.enableLogging is unknown; it must be true \(or not set\)/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "multi-region", message: [/needs isMultiRegionTrail: true/] },
            { resource: "validation", message: [/needs enableLogFileValidation: true/] },
            { resource: "logging", message: [/has enableLogging: false/] },
        ]);
    });

    it("a known missing setting is reported at preview even when another is unknown", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            trail("t", { isMultiRegionTrail: logGroup("source").arn.apply(() => true), kmsKeyId: undefined });
        });
        assertFindings(found.preview, RULE, "mandatory", [{ resource: "t", message: [/needs kmsKeyId \(logs would only have S3-managed encryption\)\.$/] }]);
        assertFindings(found.update, RULE, "mandatory", [{ resource: "t", message: [/needs kmsKeyId/] }]);
    });
});
