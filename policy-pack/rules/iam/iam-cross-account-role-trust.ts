/**
 * Roles another account may assume: who, on what proof, for how long.
 *
 * The trust policy (`assumeRolePolicy`) of an `aws.iam.Role` is read
 * statement by statement (every statement but a Deny):
 * - `Principal: "*"`, `{ AWS: "*" }` or `NotPrincipal` lets any principal of
 *   any account ask; conditions then are the only barrier. Always a finding:
 *   name the accounts or roles instead.
 * - An AWS principal of another account (an account id, `arn:...:iam::<id>:root`,
 *   a role, user or assumed-role ARN) must be trusted only with
 *   `StringEquals` `sts:ExternalId` (the third party's proof against the
 *   confused deputy), `Bool` `aws:MultiFactorAuthPresent: true` where
 *   `requireMfa` is set, and for `sts:AssumeRole` (optionally
 *   `sts:TagSession`, `sts:SetSourceIdentity`) only, never a wildcard action.
 * - Such a role's `maxSessionDuration` (IAM's default 3600 s when unset) must
 *   be at most `maxSessionSeconds`.
 *
 * Which account is "another": a policy rule cannot see the account the
 * program deploys to (it is neither a resource property nor visible to the
 * analyzer), so every account not listed in `trustedAccountIds` counts as
 * another. List your own accounts (or your organization's) there; until then
 * a role trusting its own account's root also needs an external id — noise,
 * never a miss. A principal whose account cannot be read (an IAM unique id
 * such as `AROA...`) counts as another account. Service and federated
 * principals are not judged here.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { CROSS_ACCOUNT_ROLE } from "../../baseline";
import { known, knownDeep } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";
import { asArray, asRecord, asString, parseJsonDocument, Props, toNumber } from "../lib/values";

/** Config of `iam-cross-account-role-trust`. */
export interface CrossAccountTrustConfig {
    /** Your own accounts (12 digits): principals in them are not cross-account. */
    trustedAccountIds: string[];
    /** Require `Bool` `aws:MultiFactorAuthPresent: true` on every cross-account trust statement. */
    requireMfa: boolean;
    /** Longest maxSessionDuration, seconds, of a role another account may assume. */
    maxSessionSeconds: number;
}

export const crossAccountTrustConfig = ruleConfig<CrossAccountTrustConfig>({
    trustedAccountIds: {
        type: "array",
        items: { type: "string", pattern: "^\\d{12}$" },
        uniqueItems: true,
        default: [],
        description: "Your own AWS account ids: their principals are not cross-account (default none: every account principal is).",
    },
    requireMfa: {
        type: "boolean",
        default: false,
        description: "Require Bool aws:MultiFactorAuthPresent true on cross-account trust statements (default false).",
    },
    maxSessionSeconds: {
        type: "integer",
        minimum: CROSS_ACCOUNT_ROLE.iamMinSessionSeconds,
        maximum: CROSS_ACCOUNT_ROLE.iamMaxSessionSeconds,
        default: CROSS_ACCOUNT_ROLE.maxSessionSeconds,
        description: `Longest maxSessionDuration, seconds, of a role another account may assume (default ${CROSS_ACCOUNT_ROLE.maxSessionSeconds}).`,
    },
});

/** Actions a cross-account trust statement may allow. */
const ASSUME_ACTIONS = ["sts:assumerole", "sts:tagsession", "sts:setsourceidentity"];

/** The account of an AWS principal (`123456789012`, `arn:<partition>:iam|sts::<id>:...`), or undefined when it cannot be read. */
export function principalAccount(principal: string): string | undefined {
    if (/^\d{12}$/.test(principal)) {
        return principal;
    }
    return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/** The condition values of `key` under `operator` (operator and key compared case-insensitively). */
function conditionValues(statement: Props, operator: string, key: string): unknown[] {
    return Object.entries(asRecord(statement.Condition))
        .filter(([op]) => op.toLowerCase() === operator.toLowerCase())
        .flatMap(([, operands]) => Object.entries(asRecord(operands)).filter(([k]) => k.toLowerCase() === key.toLowerCase()))
        .flatMap(([, v]) => asArray(v));
}

function statementName(statement: Props, index: number): string {
    return typeof statement.Sid === "string" && statement.Sid !== "" ? `statement "${statement.Sid}"` : `statement ${index}`;
}

/** What is wrong with one Allow statement of a trust policy. */
function statementProblems(statement: Props, index: number, config: CrossAccountTrustConfig): { problems: string[]; crossAccount: boolean } {
    const name = statementName(statement, index);
    if (statement.NotPrincipal !== undefined) {
        return { problems: [`${name} uses NotPrincipal with Allow, which trusts every principal of every account but those listed`], crossAccount: true };
    }
    const principal = statement.Principal;
    const aws = principal === "*" ? ["*"] : asArray(asRecord(principal).AWS).map((p) => (typeof p === "string" ? p : String(p)));
    if (aws.includes("*")) {
        const conditioned = Object.keys(asRecord(statement.Condition)).length > 0;
        return {
            problems: [
                conditioned
                    ? `${name} trusts Principal "*" (any principal of any account) and relies on its Condition alone`
                    : `${name} trusts Principal "*" with no Condition, so every principal of every AWS account can assume the role`,
            ],
            crossAccount: true,
        };
    }
    const foreign = aws.filter((p) => {
        const account = principalAccount(p);
        return account === undefined || !config.trustedAccountIds.includes(account);
    });
    if (foreign.length === 0) {
        return { problems: [], crossAccount: false };
    }
    const problems: string[] = [];
    const whom = `${name} trusts ${listing(foreign.map((p) => (principalAccount(p) ? `account ${principalAccount(p)}` : `principal ${JSON.stringify(p)} (account unknown)`)))}`;
    const externalIds = conditionValues(statement, "StringEquals", "sts:ExternalId").filter((v) => typeof v === "string" && v !== "");
    if (externalIds.length === 0) {
        problems.push(`${whom} without a StringEquals sts:ExternalId condition`);
    }
    if (config.requireMfa && !conditionValues(statement, "Bool", "aws:MultiFactorAuthPresent").some((v) => String(v).toLowerCase() === "true")) {
        problems.push(`${whom} without a Bool aws:MultiFactorAuthPresent "true" condition`);
    }
    const actions = asArray(statement.Action).map((a) => (asString(a) ?? String(a)).toLowerCase());
    const extra = asArray(statement.Action)
        .map((a) => asString(a) ?? String(a))
        .filter((a) => !ASSUME_ACTIONS.includes(a.toLowerCase()));
    if (statement.NotAction !== undefined || extra.length > 0 || !actions.includes("sts:assumerole")) {
        const given = statement.NotAction !== undefined ? "NotAction" : extra.length > 0 ? listing(extra.map((a) => `"${a}"`)) : "no sts:AssumeRole";
        problems.push(`${name} allows ${given} for another account instead of exactly sts:AssumeRole (with sts:TagSession / sts:SetSourceIdentity if needed)`);
    }
    return { problems, crossAccount: true };
}

export const iamCrossAccountRoleTrust = resourceRule({
    name: "iam-cross-account-role-trust",
    service: "iam",
    description:
        'IAM roles must not trust Principal "*"; a role another account may assume must require StringEquals sts:ExternalId (and aws:MultiFactorAuthPresent where requireMfa is set), allow only sts:AssumeRole and keep maxSessionDuration within maxSessionSeconds.',
    remediationSteps:
        'Name the partner accounts or roles in Principal.AWS, add Condition { StringEquals: { "sts:ExternalId": <secret> } } (and Bool aws:MultiFactorAuthPresent "true" where required), Action "sts:AssumeRole", and a maxSessionDuration within maxSessionSeconds; list your own accounts in trustedAccountIds.',
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: { checkov: ["CKV_AWS_60", "CKV_AWS_61"] },
    config: crossAccountTrustConfig,
    validateResource: validateResourceOfType(aws.iam.Role, (role, args, report) => {
        const config = crossAccountTrustConfig.read(args);
        const label = describe(args);
        const trust = knownDeep(() => role.assumeRolePolicy as unknown, "assumeRolePolicy");
        if (!trust.known) {
            report(unverifiable(label, trust.path, 'trust no Principal "*" and other accounts only with sts:ExternalId'));
            return;
        }
        const doc = parseJsonDocument(trust.value);
        if (!doc) {
            report(`${label} assumeRolePolicy is not a valid JSON policy document, so who may assume the role cannot be judged. Give it a valid trust policy.`);
            return;
        }
        const results = asArray(doc.Statement)
            .map(asRecord)
            // Every statement but a Deny is judged: IAM refuses one without Effect, and a peer (Checkov) judges it as an Allow.
            .map((s, i) => (s.Effect !== "Deny" ? statementProblems(s, i, config) : { problems: [], crossAccount: false }));
        const problems = results.flatMap((r) => r.problems);
        if (problems.length > 0) {
            report(
                `${label} assumeRolePolicy: ${problems.join("; ")}. Name the accounts in Principal.AWS and require StringEquals sts:ExternalId` +
                    `${config.requireMfa ? " and Bool aws:MultiFactorAuthPresent" : ""} on sts:AssumeRole.`,
            );
        }
        if (!results.some((r) => r.crossAccount)) {
            return;
        }
        const duration = known(() => role.maxSessionDuration, "maxSessionDuration");
        if (!duration.known) {
            report(unverifiable(label, duration.path, `be at most ${config.maxSessionSeconds} seconds`));
            return;
        }
        const seconds = toNumber(duration.value) ?? CROSS_ACCOUNT_ROLE.iamDefaultSessionSeconds;
        if (seconds > config.maxSessionSeconds) {
            report(
                `${label} may be assumed from another account for sessions of ${seconds} s (maxSessionDuration), longer than the allowed ${config.maxSessionSeconds} s. ` +
                    `Set maxSessionDuration to at most ${config.maxSessionSeconds}.`,
            );
        }
    }),
});
