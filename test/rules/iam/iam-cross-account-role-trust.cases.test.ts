/**
 * iam-cross-account-role-trust, case by case with whole messages: the config schema, each action form,
 * condition keys and values, statement naming, the MFA value, and which statements bound the session.
 */
import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { principalAccount } from "../../../policy-pack/rules/iam/iam-cross-account-role-trust";
import { ruleFindings } from "../../rule-harness";
import { ExpectedFinding, assertFindings, assertNoFindings, exactly } from "../expect";
import { EXTERNAL_ID, partnerStatement, PARTNER, Statement, trust } from "./iam-builders";

const RULE = "iam-cross-account-role-trust";
const MFA = { config: { [RULE]: { requireMfa: true } } };

const SERVICE: Statement = { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" };
const role = (name: string, statements: Statement[], args: Partial<aws.iam.RoleArgs> = {}) =>
    new aws.iam.Role(name, { assumeRolePolicy: trust(...statements), ...args });

/** The trust finding on role `resource`: its problems, in order, and the fix (naming MFA where required). */
const trustFinding = (resource: string, problems: string[], mfa = false): ExpectedFinding => ({
    resource,
    message: [
        exactly(
            `Role "${resource}" assumeRolePolicy: ${problems.join("; ")}. Name the accounts in Principal.AWS and require StringEquals sts:ExternalId` +
                `${mfa ? " and Bool aws:MultiFactorAuthPresent" : ""} on sts:AssumeRole.`,
        ),
    ],
});
const sessionFinding = (resource: string, seconds: number): ExpectedFinding => ({
    resource,
    message: [
        exactly(
            `Role "${resource}" may be assumed from another account for sessions of ${seconds} s (maxSessionDuration), longer than the allowed 3600 s. ` +
                "Set maxSessionDuration to at most 3600.",
        ),
    ],
});
const PARTNER_TRUST = `statement "Partner" trusts account ${PARTNER}`;
const NO_EXTERNAL_ID = `${PARTNER_TRUST} without a StringEquals sts:ExternalId condition`;
const NO_MFA = `${PARTNER_TRUST} without a Bool aws:MultiFactorAuthPresent "true" condition`;
const allows = (name: string, given: string) =>
    `${name} allows ${given} for another account instead of exactly sts:AssumeRole (with sts:TagSession / sts:SetSourceIdentity if needed)`;

describe(`${RULE}: cases`, () => {
    it("rejects a config whose trustedAccountIds holds something other than a 12-digit account id, or one account twice", async () => {
        const program = () => role("partner", [partnerStatement()]);
        const bad: [string, unknown[]][] = [
            ["a short id", ["12345"]],
            ["an id as a number", [Number(PARTNER)]],
            ["a repeated id", [PARTNER, PARTNER]],
        ];
        for (const [what, trustedAccountIds] of bad) {
            await assert.rejects(ruleFindings(RULE, program, { config: { [RULE]: { trustedAccountIds } } }), /trustedAccountIds/, what);
        }
    });

    it("reads an account only from a whole account id or an ARN's account field", () => {
        // An IAM unique id is 21 characters of A-Z and 2-7, so it may end in 12 digits.
        assert.strictEqual(principalAccount("AROAQXYZW234567234567"), undefined);
        assert.strictEqual(principalAccount(`${PARTNER}4`), undefined);
        assert.strictEqual(principalAccount(`x-arn:aws:iam::${PARTNER}:root`), undefined);
    });

    it("accepts sts:SetSourceIdentity and sts:TagSession beside sts:AssumeRole, any case", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => role("partner", [partnerStatement({ Action: ["STS:AssumeRole", "sts:SetSourceIdentity", "sts:tagsession"] })])),
        );
    });

    it("names NotAction, the extra actions, or a missing sts:AssumeRole", async () => {
        const found = await ruleFindings(RULE, () => {
            role("not-action", [partnerStatement({ Action: undefined, NotAction: "iam:*" })]);
            role("tag-only", [partnerStatement({ Action: "sts:TagSession" })]);
            role("extras", [partnerStatement({ Action: ["sts:AssumeRole", "iam:PassRole", "s3:GetObject"] })]);
        });
        assertFindings(found, RULE, "mandatory", [
            trustFinding("not-action", [allows('statement "Partner"', "NotAction")]),
            trustFinding("tag-only", [allows('statement "Partner"', "no sts:AssumeRole")]),
            trustFinding("extras", [allows('statement "Partner"', '"iam:PassRole" and "s3:GetObject"')]),
        ]);
    });

    it("reads sts:ExternalId under StringEquals in any case, and only a non-empty string counts", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () =>
                role("partner", [partnerStatement({ Condition: { stringequals: { "aws:SourceAccount": PARTNER, "STS:EXTERNALID": "partner-ext-7f3a" } } })]),
            ),
        );
        const found = await ruleFindings(RULE, () => {
            role("other-key", [partnerStatement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })]);
            role("empty", [partnerStatement({ Condition: { StringEquals: { "sts:ExternalId": "" } } })]);
            role("number", [partnerStatement({ Condition: { StringEquals: { "sts:ExternalId": 4242 } } })]);
        });
        assertFindings(found, RULE, "mandatory", [
            trustFinding("other-key", [NO_EXTERNAL_ID]),
            trustFinding("empty", [NO_EXTERNAL_ID]),
            trustFinding("number", [NO_EXTERNAL_ID]),
        ]);
    });

    it("with requireMfa, only a true MultiFactorAuthPresent counts, and the fix names it; without, the fix does not", async () => {
        const mfa = (value: unknown) =>
            partnerStatement({ Condition: { ...EXTERNAL_ID, Bool: { "aws:SecureTransport": "true", "aws:MultiFactorAuthPresent": value } } });
        const program = () => {
            role("string", [mfa("TRUE")]);
            role("boolean", [mfa(true)]);
        };
        assertNoFindings(await ruleFindings(RULE, program, MFA));
        const found = await ruleFindings(
            RULE,
            () => {
                role("false", [mfa("false")]);
                role("neither", [partnerStatement({ Condition: { Bool: { "aws:SecureTransport": "true" } } })]);
            },
            MFA,
        );
        assertFindings(found, RULE, "mandatory", [trustFinding("false", [NO_MFA], true), trustFinding("neither", [NO_EXTERNAL_ID, NO_MFA], true)]);
        const plain = await ruleFindings(RULE, () => role("neither", [partnerStatement({ Condition: undefined, Action: "sts:*" })]));
        assertFindings(plain, RULE, "mandatory", [trustFinding("neither", [NO_EXTERNAL_ID, allows('statement "Partner"', '"sts:*"')])]);
    });

    it("names a statement by its index when its Sid is empty or missing, and joins the problems of several", async () => {
        const found = await ruleFindings(RULE, () =>
            role("open", [
                SERVICE,
                { Sid: "", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
                { Effect: "Allow", NotPrincipal: { AWS: PARTNER }, Action: "sts:AssumeRole" },
            ]),
        );
        assertFindings(found, RULE, "mandatory", [
            trustFinding("open", [
                'statement 1 trusts Principal "*" with no Condition, so every principal of every AWS account can assume the role',
                "statement 2 uses NotPrincipal with Allow, which trusts every principal of every account but those listed",
            ]),
        ]);
    });

    it("bounds the session of a role any statement opens to another account, and of no other", async () => {
        const found = await ruleFindings(RULE, () => {
            const long = { maxSessionDuration: 7200 };
            role("not-principal", [{ Effect: "Allow", NotPrincipal: { AWS: PARTNER }, Action: "sts:AssumeRole" }], long);
            role("any", [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }], long);
            role("mixed", [SERVICE, partnerStatement()], long);
            role("denied", [SERVICE, partnerStatement({ Effect: "Deny", Condition: undefined })], { maxSessionDuration: 43200 });
        });
        assertFindings(found, RULE, "mandatory", [
            trustFinding("not-principal", ["statement 0 uses NotPrincipal with Allow, which trusts every principal of every account but those listed"]),
            sessionFinding("not-principal", 7200),
            trustFinding("any", ['statement 0 trusts Principal "*" with no Condition, so every principal of every AWS account can assume the role']),
            sessionFinding("any", 7200),
            sessionFinding("mixed", 7200),
        ]);
    });
});
