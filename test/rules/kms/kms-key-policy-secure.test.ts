import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { ACCOUNT } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "kms-key-policy-secure";
const ROOT = { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
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

const keyProgram = (args: aws.kms.KeyArgs) => () => {
    new aws.kms.Key("key", { enableKeyRotation: true, ...args });
};

describe(RULE, () => {
    it("passes the compliant baseline: named principals, the default policy, a scoped wildcard", async () => {
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc() })));
        assertNoFindings(await ruleFindings(RULE, keyProgram({})));
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open("*", viaAccount)) })));
        assertNoFindings(
            await ruleFindings(RULE, keyProgram({ policy: doc(open({ AWS: "*" }, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })) })),
        );
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open("*", { Effect: "Deny" })) })));
        assertNoFindings(await ruleFindings(RULE, keyProgram({ policy: doc(), bypassPolicyLockoutSafetyCheck: false })));
    });

    it("reports an unconditioned Allow to every principal, in each form", async () => {
        for (const principal of ["*", ["*"], { AWS: "*" }, { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] }]) {
            assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(open(principal)) })), RULE, "mandatory", [
                { resource: "key", message: [/policy statement "Open" allows every principal/, /kms:CallerAccount/] },
            ]);
        }
    });

    it("reports a NotPrincipal Allow, and conditions that scope nothing", async () => {
        const notPrincipal = { Sid: "Open", Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
        const cases = [
            notPrincipal,
            open("*", { Condition: { StringLike: { "kms:CallerAccount": "*" } } }),
            open("*", { Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } } }),
            open("*", { Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }),
            open("*", { Condition: { Null: { "aws:PrincipalOrgID": "false" } } }),
        ];
        for (const statement of cases) {
            assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(statement) })), RULE, "mandatory", [
                { resource: "key", message: [/"Open" allows every principal/] },
            ]);
        }
    });

    it("reports bypassPolicyLockoutSafetyCheck", async () => {
        assertFindings(await ruleFindings(RULE, keyProgram({ policy: doc(), bypassPolicyLockoutSafetyCheck: true })), RULE, "mandatory", [
            { resource: "key", message: [/bypassPolicyLockoutSafetyCheck is true/] },
        ]);
    });

    it("judges aws.kms.KeyPolicy too, and every offending resource", async () => {
        const found = await ruleFindings(RULE, () => {
            const key = new aws.kms.Key("key", { enableKeyRotation: true });
            new aws.kms.KeyPolicy("open-policy", { keyId: key.id, policy: doc(open("*")) });
            new aws.kms.KeyPolicy("bypass-policy", { keyId: key.id, policy: doc(), bypassPolicyLockoutSafetyCheck: true });
            new aws.kms.KeyPolicy("bad-json", { keyId: key.id, policy: "{not json" });
            new aws.kms.KeyPolicy("good-policy", { keyId: key.id, policy: doc(open("*", viaAccount)) });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "open-policy", message: [/KeyPolicy "open-policy" policy statement "Open"/] },
            { resource: "bypass-policy", message: [/bypassPolicyLockoutSafetyCheck is true/] },
            { resource: "bad-json", message: [/policy is not valid JSON/] },
        ]);
    });
});
