/** Roles the API acts with (integration credentials, authorizer invoke roles, Lambda execution roles) must not hold broad grants. */
import * as aws from "@pulumi/aws";
import { FORBIDDEN_AWS_MANAGED_POLICIES } from "../../baseline";
import { wildcardGrants } from "../lib/iam-documents";
import { JoinIndex, linkKeys, targetKeys } from "../lib/joins";
import { isUnknown, known, snapshot } from "../lib/known";
import { listing, unverifiable } from "../lib/messages";
import { derivedFrom, knownOutput, OutputsOf, refersTo, resourcesOf, sameKnownString, StackResource } from "../lib/resources";
import { ruleConfig, stackRule } from "../lib/rule";
import { asArray, asRecord, asString } from "../lib/values";

/** Config of `iam-backend-role-least-privilege`. */
export interface BackendRoleConfig {
    /** Policy ARNs (AWS-managed or customer) a role behind the API may hold even though they grant broadly. */
    allowedPolicyArns: string[];
    /** Wildcard actions (`service:*`) a policy may allow, on any resource, e.g. `xray:*`. */
    allowedActions: string[];
}

export const backendRoleConfig = ruleConfig<BackendRoleConfig>({
    allowedPolicyArns: {
        type: "array",
        items: { type: "string", pattern: "^arn:" },
        uniqueItems: true,
        default: [],
        description: "Policy ARNs a role behind the API may hold even though they grant broadly (default none).",
    },
    allowedActions: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        default: [],
        description: "Wildcard actions (e.g. xray:*) a policy of a role behind the API may allow, on any resource (default none).",
    },
});

type PolicyResource = StackResource<OutputsOf<aws.iam.Policy>>;

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** The name of a forbidden AWS-managed policy, or undefined. */
export function forbiddenManagedPolicy(arn: string): string | undefined {
    const name = AWS_MANAGED.exec(arn)?.[1];
    const { names, suffix } = FORBIDDEN_AWS_MANAGED_POLICIES;
    return name && ((names as readonly string[]).includes(name) || name.endsWith(suffix)) ? name : undefined;
}

/** The name in an IAM role or policy ARN a program wrote literally (`arn:aws:iam::123456789012:role/path/name` → `name`). */
export function iamArnName(kind: "role" | "policy", value: unknown): string | undefined {
    return typeof value === "string" ? new RegExp(`^arn:aws[a-z-]*:iam::\\d{12}:${kind}/(?:.*/)?([^/]+)$`).exec(value)?.[1] : undefined;
}

/** The name of a role or policy whose ARN is still unknown (a first preview), when the program gave it one. */
function nameWhileArnUnknown(target: StackResource<{ arn: unknown; name: unknown }>): string | undefined {
    const name = known(() => target.props.name);
    return !known(() => target.props.arn).known && name.known && typeof name.value === "string" ? name.value : undefined;
}

/**
 * A literal ARN naming a role or policy of this stack that has a name: at a first preview its ARN is unknown, so the
 * reference is matched by name (once known the whole ARN is compared), and preview judges what update will.
 */
function namedByArn(kind: "role" | "policy", read: () => unknown, target: StackResource<{ arn: unknown; name: unknown }>): boolean {
    const name = nameWhileArnUnknown(target);
    const literal = known(read);
    return name !== undefined && literal.known && iamArnName(kind, literal.value) === name;
}

/** How an attachment or inline policy names its role: by name or by id. */
const roleNameOrId = [(p: OutputsOf<aws.iam.Role>) => p.name, (p: OutputsOf<aws.iam.Role>) => p.id];

const BROAD = 'no AWS-managed AdministratorAccess, PowerUserAccess or *FullAccess policy and no Allow of "*" or "service:*", on any resource';

export const iamBackendRoleLeastPrivilege = stackRule({
    name: "iam-backend-role-least-privilege",
    service: "iam",
    description:
        'Roles behind the API (integration credentials, authorizer credentials, Lambda execution roles) must not hold AdministratorAccess, PowerUserAccess or *FullAccess, nor policies allowing "*" or "service:*" actions, on any resource.',
    remediationSteps:
        "Replace broad policies by a policy allowing only the named actions the backend needs on the ARNs it uses; list deliberate exceptions in allowedPolicyArns / allowedActions.",
    severity: "critical",
    enforcementLevel: "mandatory",
    // Scope: roles behind the API only (peers/iam.ts). Checked: checkov IAMAdminPolicyDocument (CKV_AWS_62: Allow "*" on "*") and IAMManagedAdminPolicy (CKV_AWS_274: AdministratorAccess in managed_policy_arns or a policy attachment), cdk-nag IAMPolicyNoStatementsWithAdminAccess, Security Hub IAM.1 page; this spec's RolePolicy/managed/attached cases.
    // Checked: checkov IAMStarActionPolicyDocument (CKV_AWS_63: "*" in Action of a statement whose Effect is Allow or absent, any resource); cdk-nag IAMPolicyNoStatementsWithFullAccess (regex "Action" holding "*" or "\w+:*" with Effect Allow, CfnPolicy/ManagedPolicy/Role policies); Security Hub IAM.21 / Config iam-policy-no-statements-with-full-access (Allow "service:*"); this spec's specific-resource cases.
    controls: {
        securityHub: ["IAM.1", "IAM.21"],
        cdkNag: [
            "NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess",
            "PCI.DSS.321-IAMPolicyNoStatementsWithAdminAccess",
            "HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess",
            "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess",
            "PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess",
            "HIPAA.Security-IAMPolicyNoStatementsWithFullAccess",
        ],
        checkov: ["CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_274"],
    },
    config: backendRoleConfig,
    inspects: [
        aws.iam.Role,
        aws.iam.RolePolicyAttachment,
        aws.iam.RolePolicy,
        aws.iam.Policy,
        aws.apigateway.Integration,
        aws.apigateway.Authorizer,
        aws.lambda.Function,
    ],
    validateStack: (args, report) => {
        const { allowedPolicyArns, allowedActions } = backendRoleConfig.read(args);
        const policies = resourcesOf(args.resources, aws.iam.Policy);
        const attachments = resourcesOf(args.resources, aws.iam.RolePolicyAttachment);
        const rolePolicies = resourcesOf(args.resources, aws.iam.RolePolicy);
        const users = [
            ...resourcesOf(args.resources, aws.apigateway.Integration).map((r) => ({ r, prop: "credentials" as const, what: "credentials" })),
            ...resourcesOf(args.resources, aws.apigateway.Authorizer).map((r) => ({
                r,
                prop: "authorizerCredentials" as const,
                what: "authorizerCredentials",
            })),
            ...resourcesOf(args.resources, aws.lambda.Function).map((r) => ({ r, prop: "role" as const, what: "execution role" })),
        ];
        // Indexed by what their role property refers to: each role is compared with its own users only.
        const roleNameKey = (name: string | undefined) => (name === undefined ? [] : [`role-name:${name}`]);
        const usersOf = new JoinIndex(users, (u) => [
            ...linkKeys(u.r, u.prop),
            ...roleNameKey(
                iamArnName(
                    "role",
                    snapshot(() => (u.r.props as Record<string, unknown>)[u.prop]),
                ),
            ),
        ]);
        const attachmentsOf = new JoinIndex(attachments, (a) => linkKeys(a, "role"));
        const rolePoliciesOf = new JoinIndex(rolePolicies, (p) => linkKeys(p, "role"));
        for (const role of resourcesOf(args.resources, aws.iam.Role)) {
            const usedBy = usersOf
                .candidates([...targetKeys(role, [(p) => p.arn]), ...roleNameKey(nameWhileArnUnknown(role))])
                .filter(
                    (u) =>
                        refersTo(u.r as StackResource<Record<string, unknown>>, u.prop, role, [(p) => p.arn]) ||
                        namedByArn("role", () => (u.r.props as Record<string, unknown>)[u.prop], role),
                );
            if (usedBy.length === 0) {
                continue;
            }
            const subject = `${role.label} (${listing(usedBy.map((u) => `${u.what} of ${u.r.label}`))})`;
            const fix = "Grant only the actions the backend needs on the ARNs it uses, or list a deliberate exception in allowedPolicyArns / allowedActions.";
            /** `exemptArn`: the unknown ARN of a customer policy that allowedPolicyArns may yet list (then its grants are undecided). */
            const document = (source: string, read: () => unknown, path: string, exemptArn?: string) => {
                const doc = snapshot(read);
                if (isUnknown(doc)) {
                    report(unverifiable(`${source}`, path, `grant ${subject} ${BROAD}`), role.urn);
                    return;
                }
                const grants = wildcardGrants(doc, allowedActions);
                if (grants === undefined) {
                    report(
                        `${subject}: ${source} ${path} is not a valid JSON policy document, so what it grants cannot be judged. Give it a valid document.`,
                        role.urn,
                    );
                } else if (grants.length > 0 && exemptArn !== undefined) {
                    report(
                        unverifiable(source, exemptArn, `be listed in allowedPolicyArns, or the policy must not grant ${subject} ${listing(grants)}`),
                        role.urn,
                    );
                } else if (grants.length > 0) {
                    report(`${subject} is allowed ${listing(grants)} by ${source} (${path}), far more than a backend needs. ${fix}`, role.urn);
                }
            };
            const customer = (policy: PolicyResource) => {
                const arn = known(() => policy.props.arn, "arn");
                if (!arn.known || !allowedPolicyArns.includes(String(arn.value))) {
                    // At a first preview a new policy's ARN is unknown: if any ARN is allowed, it may be this one.
                    document(policy.label, () => policy.props.policy, "policy", !arn.known && allowedPolicyArns.length > 0 ? arn.path : undefined);
                }
            };
            const managedArn = (arn: string, where: string) => {
                const name = forbiddenManagedPolicy(arn);
                if (name && !allowedPolicyArns.includes(arn)) {
                    report(`${subject} holds the AWS-managed ${name} (${where} ${arn}), which grants far more than a backend needs. ${fix}`, role.urn);
                }
            };
            // managedPolicyArns: literal ARNs, or ARNs of customer policies of this stack.
            const managed = knownOutput(role, "managedPolicyArns", (p) => p.managedPolicyArns);
            const fromPolicies = policies.filter((p) => derivedFrom(role, "managedPolicyArns", p));
            fromPolicies.forEach(customer);
            // A list with one unknown element (an ARN built from another output) is still judged element by element.
            const list = managed.known ? snapshot(() => managed.value) : snapshot(() => role.props.managedPolicyArns);
            const arns = isUnknown(list) ? [] : asArray(list);
            arns.forEach((arn, i) => {
                if (typeof arn === "string") {
                    managedArn(arn, "managedPolicyArns");
                    policies
                        .filter(
                            (p) =>
                                !fromPolicies.includes(p) &&
                                (sameKnownString(
                                    () => p.props.arn,
                                    () => arn,
                                ) ||
                                    namedByArn("policy", () => arn, p)),
                        )
                        .forEach(customer);
                } else if (!isUnknown(arn)) {
                    report(
                        `${subject}: ${role.label} managedPolicyArns.${i} is ${JSON.stringify(arn)}, not a policy ARN, so what it grants cannot be judged. Give the policy's ARN.`,
                        role.urn,
                    );
                } else if (fromPolicies.length === 0) {
                    // An element built from another output that is not one of this stack's policies.
                    report(unverifiable(role.label, `managedPolicyArns.${i}`, `grant ${subject} ${BROAD}`), role.urn);
                }
            });
            if (isUnknown(list) && fromPolicies.length === 0) {
                report(unverifiable(role.label, "managedPolicyArns", `grant ${subject} ${BROAD}`), role.urn);
            }
            const inline = knownOutput(role, "inlinePolicies", (p) => p.inlinePolicies);
            if (!inline.known) {
                report(unverifiable(role.label, inline.path, `grant ${subject} ${BROAD}`), role.urn);
            } else {
                asArray(snapshot(() => inline.value)).forEach((p, i) =>
                    document(role.label, () => asRecord(p).policy, `inlinePolicies.${asString(asRecord(p).name) ?? i}.policy`),
                );
            }
            const byNameOrId = targetKeys(role, roleNameOrId);
            for (const attachment of attachmentsOf.candidates(byNameOrId).filter((a) => refersTo(a, "role", role, roleNameOrId))) {
                const arn = known(() => attachment.props.policyArn, "policyArn");
                const source = policies.filter(
                    (p) => refersTo(attachment, "policyArn", p, [(q) => q.arn]) || namedByArn("policy", () => attachment.props.policyArn, p),
                );
                if (arn.known && typeof arn.value === "string") {
                    managedArn(arn.value, `${attachment.label} policyArn`);
                }
                source.forEach(customer);
                if (!arn.known && source.length === 0) {
                    report(unverifiable(attachment.label, arn.path, `name a policy that grants ${subject} ${BROAD}`), role.urn);
                }
            }
            for (const rolePolicy of rolePoliciesOf.candidates(byNameOrId).filter((p) => refersTo(p, "role", role, roleNameOrId))) {
                document(rolePolicy.label, () => rolePolicy.props.policy, "policy");
            }
        }
    },
});
