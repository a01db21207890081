import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { KMS_ALLOW_SCOPED_WILDCARD_PRINCIPAL } from "../../../policy-pack/baseline";
import { kmsKeyPolicySecure, kmsKeyPolicySecureConfig } from "../../../policy-pack/rules/kms/kms-key-policy-secure";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "kms-key-policy-secure";
const ROOT = { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
const LOGS = { Sid: "Logs", Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" }, Action: ["kms:Encrypt*", "kms:Decrypt*"], Resource: "*" };
const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: [ROOT, ...statements] });
const open = (principal: unknown, extra: object = {}) => ({
    Sid: "Open",
    Effect: "Allow",
    Principal: principal,
    Action: "kms:Decrypt",
    Resource: "*",
    ...extra,
});
const viaAccount = { Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } } };
const scopedAllowed = { config: { [RULE]: { allowScopedWildcardPrincipal: true } } };

const keyProgram = (args: aws.kms.KeyArgs) => () => {
    new aws.kms.Key("key", { enableKeyRotation: true, ...args });
};

describe(RULE, () => {
    it("pins the default to the baseline: no wildcard principal, even scoped", () => {
        assert.strictEqual(kmsKeyPolicySecureConfig.defaults.allowScopedWildcardPrincipal, KMS_ALLOW_SCOPED_WILDCARD_PRINCIPAL);
        assert.strictEqual(kmsKeyPolicySecure.configSchema?.properties.allowScopedWildcardPrincipal.default, false);
    });

    it("passes the compliant baseline: named principals, the default policy, a Deny to every principal", async () => {
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(LOGS) })));
        assertNoFindings(await ruleFindings(RULE, keyProgram({})));
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open("*", { Effect: "Deny" })) })));
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(), bypassPolicyLockoutSafetyCheck: false })));
    });

    it("reports an Allow to every principal, in each form, even under a condition (Checkov CKV_AWS_33's cases)", async () => {
        for (const principal of ["*", ["foo", "*"], { AWS: "*" }, { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] }]) {
            assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open(principal)) })), RULE, "mandatory", [
                { resource: "key", message: [/policy statement "Open" allows every principal \("\*"\), so any AWS account/, /Name the principals/] },
            ]);
        }
        assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open("*", viaAccount)) })), RULE, "mandatory", [
            { resource: "key", message: [/"Open" allows every principal/] },
        ]);
    });

    it("allowScopedWildcardPrincipal: a scoped wildcard passes, conditions that scope nothing and NotPrincipal do not", async () => {
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open("*", viaAccount)) }), scopedAllowed));
        assertNoFindings(
            await ruleFindings(
                RULE,
                keyProgram({ policy: doc(open({ AWS: "*" }, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })) }),
                scopedAllowed,
            ),
        );
        const notPrincipal = { Sid: "Open", Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
        const cases = [
            open("*"),
            notPrincipal,
            open("*", { Condition: { StringLike: { "kms:CallerAccount": "*" } } }),
            open("*", { Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } } }),
            open("*", { Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }),
            open("*", { Condition: { Null: { "aws:PrincipalOrgID": "false" } } }),
        ];
        for (const statement of cases) {
            assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(statement) }), scopedAllowed), RULE, "mandatory", [
                { resource: "key", message: [/"Open" allows every principal \("\*"\) without a condition that scopes it/, /kms:CallerAccount/] },
            ]);
        }
    });

    it("reports bypassPolicyLockoutSafetyCheck", async () => {
        assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(), bypassPolicyLockoutSafetyCheck: true })), RULE, "mandatory", [
            { resource: "key", message: [/bypassPolicyLockoutSafetyCheck is true/, /Remove bypassPolicyLockoutSafetyCheck \(or set it to false\)\./] },
        ]);
    });

    it("names every open statement of one policy, and the fix for the strict default", async () => {
        const also = { ...open({ AWS: "*" }), Sid: "Also" };
        assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open("*"), LOGS, also) })), RULE, "mandatory", [
            { resource: "key", message: [/policy statement "Open", "Also" allows every principal/, /Name the principals \(the account root, the roles/] },
        ]);
        // A statement without a Sid is named by its place in the whole document (ROOT and LOGS come first).
        const { Sid: _sid, ...unnamed } = open("*");
        assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(LOGS, unnamed) })), RULE, "mandatory", [
            { resource: "key", message: [/policy statement "\(statement 3, no Sid\)" allows every principal/] },
        ]);
    });

    it("judges aws.kms.KeyPolicy too, and every offending resource", async () => {
        const found = await ruleFindings(RULE, () => {
            const key = new aws.kms.Key("key", { enableKeyRotation: true });
            new aws.kms.KeyPolicy("open-policy", { keyId: key.id, policy: doc(open("*")) });
            new aws.kms.KeyPolicy("bypass-policy", { keyId: key.id, policy: doc(), bypassPolicyLockoutSafetyCheck: true });
            new aws.kms.KeyPolicy("bad-json", { keyId: key.id, policy: "{not json" });
            // A KeyPolicy's policy is required (unlike a Key's, where KMS writes its default): an empty one is not a policy.
            new aws.kms.KeyPolicy("empty", { keyId: key.id, policy: "" });
            new aws.kms.KeyPolicy("good-policy", { keyId: key.id, policy: doc(LOGS) });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "open-policy", message: [/KeyPolicy "open-policy" policy statement "Open"/] },
            { resource: "bypass-policy", message: [/bypassPolicyLockoutSafetyCheck is true/] },
            { resource: "bad-json", message: [/policy is not valid JSON/] },
            { resource: "empty", message: [/KeyPolicy "empty" policy is not valid JSON/] },
        ]);
    });

    it("a policy or lockout flag built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const program = () => {
            new aws.kms.Key("policy", { enableKeyRotation: true, policy: afterDeployment(doc(open("*"))) });
            new aws.kms.Key("bypass", { enableKeyRotation: true, policy: doc(), bypassPolicyLockoutSafetyCheck: afterDeployment(true) });
        };
        const found = await ruleFindingsByMode(RULE, program);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "policy", message: [/Key "policy"\.policy is unknown; it must name the principals of every Allow \(no "\*"\)/] },
            { resource: "bypass", message: [/Key "bypass"\.bypassPolicyLockoutSafetyCheck is unknown; it must not be true/] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "policy", message: [/Open/] },
            { resource: "bypass", message: [/bypassPolicyLockoutSafetyCheck is true/] },
        ]);
        const scoped = await ruleFindingsByMode(RULE, program, scopedAllowed);
        assertFindings(
            scoped.preview.filter((v) => v.resourceName === "policy"),
            RULE,
            "mandatory",
            [{ resource: "policy", message: [/Key "policy"\.policy is unknown; it must allow "\*" only under a condition on aws:PrincipalAccount, /] }],
        );
    });
});
