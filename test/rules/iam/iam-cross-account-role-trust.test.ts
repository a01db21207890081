import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { CROSS_ACCOUNT_ROLE } from "../../../policy-pack/baseline";
import { crossAccountTrustConfig, iamCrossAccountRoleTrust, principalAccount } from "../../../policy-pack/rules/iam/iam-cross-account-role-trust";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { EXTERNAL_ID, partnerStatement, PARTNER, Statement, trust } from "./iam-builders";

const RULE = "iam-cross-account-role-trust";
const role = (name: string, assumeRolePolicy: string, args: Partial<aws.iam.RoleArgs> = {}) => new aws.iam.Role(name, { assumeRolePolicy, ...args });
const program =
    (statement: Statement = partnerStatement(), args: Partial<aws.iam.RoleArgs> = {}) =>
    () => {
        role("partner", trust(statement), args);
    };
const MFA = { config: { [RULE]: { requireMfa: true } } };

describe(RULE, () => {
    it("pins the default config to the baseline (3600 s, no MFA, no trusted account)", () => {
        assert.strictEqual(crossAccountTrustConfig.defaults.maxSessionSeconds, CROSS_ACCOUNT_ROLE.maxSessionSeconds);
        assert.strictEqual(iamCrossAccountRoleTrust.configSchema?.properties.maxSessionSeconds.default, 3600);
        assert.deepStrictEqual(crossAccountTrustConfig.defaults.trustedAccountIds, []);
        assert.strictEqual(crossAccountTrustConfig.defaults.requireMfa, false);
    });

    it("reads the account of each principal form", () => {
        assert.strictEqual(principalAccount(PARTNER), PARTNER);
        assert.strictEqual(principalAccount(`arn:aws:iam::${PARTNER}:role/caller`), PARTNER);
        assert.strictEqual(principalAccount(`arn:aws-us-gov:sts::${PARTNER}:assumed-role/r/s`), PARTNER);
        assert.strictEqual(principalAccount("AROAEXAMPLEUNIQUEID"), undefined);
    });

    it("passes the compliant baseline (partner root with StringEquals sts:ExternalId), and service-trust roles", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
        assertNoFindings(
            await ruleFindings(RULE, () => {
                role("lambda", trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }), {
                    maxSessionDuration: 43200,
                });
            }),
        );
    });

    it('rejects Principal "*" with no condition as trust to anyone', async () => {
        assertFindings(await ruleFindings(RULE, program({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" })), RULE, "mandatory", [
            {
                resource: "partner",
                message: [
                    /assumeRolePolicy: statement "Open" trusts Principal "\*" with no Condition/,
                    /every principal of every AWS account can assume the role/,
                ],
            },
        ]);
    });

    it('rejects { AWS: "*" } (alone or in a list) even with conditions, and NotPrincipal', async () => {
        const found = await ruleFindings(RULE, () => {
            role("conditioned", trust(partnerStatement({ Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })));
            role("listed", trust(partnerStatement({ Principal: { AWS: [`arn:aws:iam::${PARTNER}:root`, "*"] } })));
            role("not-principal", trust({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: "sts:AssumeRole" }));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "conditioned", message: [/trusts Principal "\*" \(any principal of any account\) and relies on its Condition alone/] },
            { resource: "listed", message: [/trusts Principal "\*"/] },
            { resource: "not-principal", message: [/statement 0 uses NotPrincipal with Allow/] },
        ]);
    });

    it("rejects another account's principal without sts:ExternalId: account id, root, role, unique id, and in a statement without Effect", async () => {
        const found = await ruleFindings(RULE, () => {
            role("by-id", trust(partnerStatement({ Principal: { AWS: PARTNER }, Condition: undefined })));
            role("by-root", trust(partnerStatement({ Condition: undefined })));
            role("by-role", trust(partnerStatement({ Principal: { AWS: `arn:aws:iam::${PARTNER}:role/caller` }, Condition: undefined })));
            role("by-unique-id", trust(partnerStatement({ Principal: { AWS: "AROAEXAMPLEUNIQUEID" }, Condition: undefined })));
            role("no-effect", trust(partnerStatement({ Effect: undefined, Condition: undefined })));
        });
        const missing = /without a StringEquals sts:ExternalId condition/;
        assertFindings(found, RULE, "mandatory", [
            { resource: "by-id", message: [/trusts account 111122223333/, missing] },
            { resource: "by-root", message: [/trusts account 111122223333/, missing] },
            { resource: "by-role", message: [/trusts account 111122223333/, missing] },
            { resource: "by-unique-id", message: [/principal "AROAEXAMPLEUNIQUEID" \(account unknown\)/, missing] },
            { resource: "no-effect", message: [/statement "Partner" trusts account 111122223333/, missing] },
        ]);
    });

    it("rejects an external id under StringLike (a pattern, not a shared secret), and never prints its value", async () => {
        const found = await ruleFindings(RULE, program(partnerStatement({ Condition: { StringLike: { "sts:ExternalId": "partner-*" } } })));
        assertFindings(found, RULE, "mandatory", [{ resource: "partner", message: [/without a StringEquals sts:ExternalId condition/] }]);
        assert.ok(!found[0].message.includes("partner-*"));
        const ok = await ruleFindings(
            RULE,
            program(partnerStatement({ Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: ["sts:AssumeRole", "sts:TagSession"] })),
        );
        assertNoFindings(ok);
    });

    it("rejects wildcard or other actions for another account", async () => {
        const found = await ruleFindings(RULE, () => {
            role("sts-all", trust(partnerStatement({ Action: "sts:*" })));
            role("extra", trust(partnerStatement({ Action: ["sts:AssumeRole", "iam:PassRole"] })));
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "sts-all", message: [/allows "sts:\*" for another account instead of exactly sts:AssumeRole/] },
            { resource: "extra", message: [/allows "iam:PassRole" for another account/] },
        ]);
    });

    it("ignores Deny statements and accounts listed in trustedAccountIds", async () => {
        assertNoFindings(await ruleFindings(RULE, program(partnerStatement({ Effect: "Deny", Principal: "*", Condition: undefined }))));
        assertNoFindings(
            await ruleFindings(RULE, program(partnerStatement({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Condition: undefined })), {
                config: { [RULE]: { trustedAccountIds: [ACCOUNT] } },
            }),
        );
    });

    it("with requireMfa, rejects a statement without Bool aws:MultiFactorAuthPresent true (BoolIfExists too)", async () => {
        const withMfa = partnerStatement({ Condition: { ...EXTERNAL_ID, Bool: { "aws:MultiFactorAuthPresent": "true" } } });
        assertNoFindings(await ruleFindings(RULE, program(withMfa), MFA));
        assertNoFindings(await ruleFindings(RULE, program()));
        const found = await ruleFindings(
            RULE,
            () => {
                role("no-mfa", trust(partnerStatement()));
                role("if-exists", trust(partnerStatement({ Condition: { ...EXTERNAL_ID, BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } })));
            },
            MFA,
        );
        assertFindings(found, RULE, "mandatory", [
            { resource: "no-mfa", message: [/without a Bool aws:MultiFactorAuthPresent "true" condition/] },
            { resource: "if-exists", message: [/without a Bool aws:MultiFactorAuthPresent "true" condition/] },
        ]);
    });

    it("bounds the session of a cross-account role: unset (3600) and 3600 pass, 3601 fails", async () => {
        assertNoFindings(await ruleFindings(RULE, program(partnerStatement(), { maxSessionDuration: 3600 })));
        assertFindings(await ruleFindings(RULE, program(partnerStatement(), { maxSessionDuration: 3601 })), RULE, "mandatory", [
            { resource: "partner", message: [/sessions of 3601 s \(maxSessionDuration\)/, /allowed 3600 s/, /Set maxSessionDuration to at most 3600/] },
        ]);
    });

    it("a larger configured maximum changes the verdict, at its boundary", async () => {
        const config = { config: { [RULE]: { maxSessionSeconds: 7200 } } };
        assertNoFindings(await ruleFindings(RULE, program(partnerStatement(), { maxSessionDuration: 7200 }), config));
        assertFindings(await ruleFindings(RULE, program(partnerStatement(), { maxSessionDuration: 7201 }), config), RULE, "mandatory", [
            { resource: "partner", message: [/7201 s/, /allowed 7200 s/] },
        ]);
    });

    it("the configured maximum stays within what IAM accepts (3600-43200): 3599 and 43201 are config errors", async () => {
        for (const maxSessionSeconds of [3599, 43201]) {
            await assert.rejects(ruleFindings(RULE, program(), { config: { [RULE]: { maxSessionSeconds } } }), /maxSessionSeconds/);
        }
        assertNoFindings(
            await ruleFindings(RULE, program(partnerStatement(), { maxSessionDuration: 43200 }), { config: { [RULE]: { maxSessionSeconds: 43200 } } }),
        );
    });

    it("rejects a trust policy that is not valid JSON", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                role("broken", "{not json");
            }),
            RULE,
            "mandatory",
            [{ resource: "broken", message: [/assumeRolePolicy is not a valid JSON policy document/] }],
        );
    });

    it("a trust policy or session length built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            new aws.iam.Role("policy", {
                assumeRolePolicy: afterDeployment(trust({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" })),
            });
            role("session", trust(partnerStatement()), { maxSessionDuration: afterDeployment(7200) });
            // Only a cross-account role's session is bounded: a service role's unknown duration needs no verdict.
            role("service", trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }), {
                maxSessionDuration: afterDeployment(43200),
            });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "policy",
                message: [/Role "policy"\.assumeRolePolicy is unknown;/, /it must trust no Principal "\*" and other accounts only with sts:ExternalId\./],
            },
            { resource: "session", message: [/Role "session"\.maxSessionDuration is unknown;/, /it must be at most 3600 seconds\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "policy", message: [/statement "Open" trusts Principal "\*" with no Condition/] },
            { resource: "session", message: [/sessions of 7200 s \(maxSessionDuration\), longer than the allowed 3600 s/] },
        ]);
    });
});
