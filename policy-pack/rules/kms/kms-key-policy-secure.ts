/** KMS key policies must not open the key to every principal, nor skip the lockout safety check. */
import * as aws from "@pulumi/aws";
import { ReportViolation, validateResourceOfType } from "@pulumi/policy";
import { isSet, known } from "../lib/known";
import { openKeyPolicyStatements, KEY_POLICY_SCOPING_KEYS } from "../lib/key-policy";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const SCOPES = listing(KEY_POLICY_SCOPING_KEYS);

interface KeyPolicyProps {
    readonly policy?: string;
    readonly bypassPolicyLockoutSafetyCheck?: boolean;
}

/** Judges the policy and lockout flag of a Key or a KeyPolicy; `policyRequired` is false for a Key (KMS then writes its default policy). */
function judge(props: KeyPolicyProps, label: string, policyRequired: boolean, report: ReportViolation): void {
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
        report(unverifiable(label, policy.path, `allow "*" only under a condition on ${SCOPES}`));
        return;
    }
    if (!isSet(policy) && !policyRequired) {
        return; // KMS's default key policy: the account root only.
    }
    const open = openKeyPolicyStatements(policy.value);
    if (open === undefined) {
        report(`${label} policy is not valid JSON, so KMS rejects it. Set policy to a JSON key policy document.`);
    } else if (open.length > 0) {
        report(
            `${label} policy statement ${open.join(", ")} allows every principal ("*") without a condition that scopes it, so any AWS account can use or manage the key. ` +
                `Name the principals, or add a condition on ${SCOPES}.`,
        );
    }
}

export const kmsKeyPolicySecure = resourceRule({
    name: "kms-key-policy-secure",
    service: "kms",
    description: `KMS key policies (on aws.kms.Key or aws.kms.KeyPolicy) must not allow "*" without a condition on ${SCOPES}, nor set bypassPolicyLockoutSafetyCheck.`,
    remediationSteps: `Name the principals of every Allow statement, or scope a "*" principal with a condition on ${SCOPES}; remove bypassPolicyLockoutSafetyCheck.`,
    severity: "high",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: [
        validateResourceOfType(aws.kms.Key, (key, args, report) => judge(key, describe(args), false, report)),
        validateResourceOfType(aws.kms.KeyPolicy, (keyPolicy, args, report) => judge(keyPolicy, describe(args), true, report)),
    ],
});
