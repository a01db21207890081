import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "kms-key-rotation";
type KeyArgs = aws.kms.KeyArgs;
const program = (args: KeyArgs) => () => {
    new aws.kms.Key("key", { description: "k", ...args });
};

describe(RULE, () => {
    it("passes the compliant baseline: a symmetric key that rotates", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ enableKeyRotation: true })));
        assertNoFindings(await ruleFindings(RULE, program({ customerMasterKeySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: true, rotationPeriodInDays: 90 })));
    });

    it("reports a symmetric key with rotation unset or false", async () => {
        assertFindings(await ruleFindings(RULE, program({})), RULE, "mandatory", [
            { resource: "key", message: [/enableKeyRotation is not set/, /enableKeyRotation: true/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ customerMasterKeySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: false })), RULE, "mandatory", [
            { resource: "key", message: [/enableKeyRotation is false/] },
        ]);
    });

    it("exempts asymmetric and HMAC keys, which KMS cannot rotate", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ customerMasterKeySpec: "RSA_3072", keyUsage: "SIGN_VERIFY", enableKeyRotation: false })));
        assertNoFindings(await ruleFindings(RULE, program({ customerMasterKeySpec: "RSA_2048", keyUsage: "ENCRYPT_DECRYPT" })));
        assertNoFindings(await ruleFindings(RULE, program({ customerMasterKeySpec: "HMAC_384", keyUsage: "GENERATE_VERIFY_MAC" })));
    });

    it("reports every key that does not rotate", async () => {
        const found = await ruleFindings(RULE, () => {
            new aws.kms.Key("a", {});
            new aws.kms.Key("b", { enableKeyRotation: false });
            new aws.kms.Key("c", { enableKeyRotation: true });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a", message: [/enableKeyRotation is not set/] },
            { resource: "b", message: [/enableKeyRotation is false/] },
        ]);
    });

    it("a key spec or rotation built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            new aws.kms.Key("spec", { customerMasterKeySpec: afterDeployment("SYMMETRIC_DEFAULT") });
            new aws.kms.Key("rotation", { enableKeyRotation: afterDeployment(false) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "spec",
                message: [/Key "spec"\.customerMasterKeySpec is unknown; it must be known: a SYMMETRIC_DEFAULT key must set enableKeyRotation: true/],
            },
            { resource: "rotation", message: [/Key "rotation"\.enableKeyRotation is unknown; it must be true/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "spec", message: [/enableKeyRotation is not set/] },
            { resource: "rotation", message: [/enableKeyRotation is false/] },
        ]);
    });
});
