/** KMS key policies must not open the key to every principal, nor skip the lockout safety check. */
import * as aws from "@pulumi/aws";
import { ReportViolation, validateResourceOfType } from "@pulumi/policy";
import { KMS_ALLOW_SCOPED_WILDCARD_PRINCIPAL } from "../../baseline";
import { isSet, known } from "../lib/known";
import { openKeyPolicyStatements, KEY_POLICY_SCOPING_KEYS } from "../lib/key-policy";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";

const SCOPES = listing(KEY_POLICY_SCOPING_KEYS);

/** Config of `kms-key-policy-secure`. */
export interface KmsKeyPolicySecureConfig {
    /** Accept an Allow to "*" when a condition scopes it to an account, organization or source (off: every Allow names its principals). */
    allowScopedWildcardPrincipal: boolean;
}

export const kmsKeyPolicySecureConfig = ruleConfig<KmsKeyPolicySecureConfig>({
    allowScopedWildcardPrincipal: {
        type: "boolean",
        default: KMS_ALLOW_SCOPED_WILDCARD_PRINCIPAL,
        description: `Accept an Allow to "*" scoped by a condition on ${SCOPES} (default false: every Allow names its principals).`,
    },
});

interface KeyPolicyProps {
    readonly policy?: string;
    readonly bypassPolicyLockoutSafetyCheck?: boolean;
}

/** Judges the policy and lockout flag of a Key or a KeyPolicy; `policyRequired` is false for a Key (KMS then writes its default policy). */
function judge(props: KeyPolicyProps, label: string, policyRequired: boolean, allowScoped: boolean, report: ReportViolation): void {
    const bypass = known(() => props.bypassPolicyLockoutSafetyCheck, "bypassPolicyLockoutSafetyCheck");
    if (!bypass.known) {
        report(unverifiable(label, bypass.path, "not be true"));
    } else if (bypass.value === true) {
        report(
            `${label} skips KMS's policy lockout safety check (bypassPolicyLockoutSafetyCheck is true), so a policy that locks every administrator out of the key is accepted. ` +
                "Remove bypassPolicyLockoutSafetyCheck (or set it to false).",
        );
    }
    const policy = known(() => props.policy, "policy");
    if (!policy.known) {
        report(unverifiable(label, policy.path, allowScoped ? `allow "*" only under a condition on ${SCOPES}` : 'name the principals of every Allow (no "*")'));
        return;
    }
    if (!isSet(policy) && !policyRequired) {
        return; // KMS's default key policy: the account root only.
    }
    const open = openKeyPolicyStatements(policy.value, allowScoped);
    if (open === undefined) {
        report(`${label} policy is not valid JSON, so KMS rejects it. Set policy to a JSON key policy document.`);
    } else if (open.length > 0) {
        const fix = allowScoped
            ? `Name the principals, or add a condition on ${SCOPES}.`
            : "Name the principals (the account root, the roles and the service principals that use the key).";
        report(
            `${label} policy statement ${open.join(", ")} allows every principal ("*")${allowScoped ? " without a condition that scopes it" : ""}, so any AWS account can use or manage the key. ${fix}`,
        );
    }
}

export const kmsKeyPolicySecure = resourceRule({
    name: "kms-key-policy-secure",
    service: "kms",
    description:
        'KMS key policies (on aws.kms.Key or aws.kms.KeyPolicy) must name the principals of every Allow (no "*" or NotPrincipal; with allowScopedWildcardPrincipal, "*" under a scoping condition) and must not set bypassPolicyLockoutSafetyCheck.',
    remediationSteps: `Name the principals of every Allow statement (with allowScopedWildcardPrincipal: or scope "*" with a condition on ${SCOPES}); remove bypassPolicyLockoutSafetyCheck.`,
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["KMS.5"], checkov: ["CKV_AWS_33"] },
    config: kmsKeyPolicySecureConfig,
    validateResource: [
        validateResourceOfType(aws.kms.Key, (key, args, report) =>
            judge(key, describe(args), false, kmsKeyPolicySecureConfig.read(args).allowScopedWildcardPrincipal, report),
        ),
        validateResourceOfType(aws.kms.KeyPolicy, (keyPolicy, args, report) =>
            judge(keyPolicy, describe(args), true, kmsKeyPolicySecureConfig.read(args).allowScopedWildcardPrincipal, report),
        ),
    ],
});
