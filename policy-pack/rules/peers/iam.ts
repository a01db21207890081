/**
 * The IAM section of each peer's scope: the checks on the roles an API acts
 * with (integration and authorizer credentials, Lambda execution roles). Scope
 * note: the pack judges IAM only on roles behind the API
 * (`iam-backend-role-least-privilege`) and role trust policies; a claim means
 * the rule rejects every failing case of the peer on such a role. Users,
 * groups, the root account, password policies, access keys and account-wide
 * customer-managed policies are identity governance of the account, outside an
 * API program, and are not listed.
 */
import type { PeerControl } from "./scope";

const ROLES = "(on roles behind the API)";

/** Why a peer IAM check is deliberately not implemented. */
const WHY = {
    awsManaged:
        "deliberate: every AWS-managed policy is flagged, also the narrow service-role ones AWS maintains (AWSLambdaBasicExecutionRole, AWS_ConfigRole); the pack rejects the broad ones (AdministratorAccess, PowerUserAccess, *FullAccess) on roles behind the API (iam-backend-role-least-privilege)",
    anyWildcard:
        'deliberate: every wildcard is flagged, also those AWS only supports (Resource "*" for xray:PutTraceSegments or cloudwatch:PutMetricData, log-stream ARNs ending ":*"); the pack rejects "*" and "service:*" actions on any resource, NotAction, and the broad managed policies on roles behind the API',
    inlinePolicy:
        "deliberate: an inline role policy lives and dies with its role and cannot be attached elsewhere; what a policy grants is judged by its content, inline or managed (iam-backend-role-least-privilege)",
} as const;

export const SECURITY_HUB_IAM: readonly PeerControl[] = [
    { id: "IAM.1", checks: `customer-managed policies allow no full "*" on "*" administrative privileges ${ROLES}` },
    { id: "IAM.21", checks: `customer-managed policies allow no "service:*" wildcard actions, on any resource ${ROLES}` },
];

export const CDK_NAG_IAM: readonly PeerControl[] = [
    { id: "AwsSolutions-IAM4", checks: "roles, users and groups use no AWS-managed policy", excluded: WHY.awsManaged },
    { id: "AwsSolutions-IAM5", checks: "policies contain no wildcard in an action or a resource", excluded: WHY.anyWildcard },
    ...["NIST.800.53.R5", "PCI.DSS.321", "HIPAA.Security"].flatMap((pack): PeerControl[] => [
        { id: `${pack}-IAMPolicyNoStatementsWithAdminAccess`, checks: `policies allow no "*" action on "*" ${ROLES}` },
        { id: `${pack}-IAMPolicyNoStatementsWithFullAccess`, checks: `policies allow no "service:*" action, on any resource ${ROLES}` },
        { id: `${pack}-IAMNoInlinePolicy`, checks: "roles, users and groups have no inline policy", excluded: WHY.inlinePolicy },
    ]),
];

export const CHECKOV_IAM: readonly PeerControl[] = [
    { id: "CKV_AWS_60", checks: "role trust policies do not let every principal (*) assume the role" },
    { id: "CKV_AWS_61", checks: "role trust policies do not let another account's root assume the role unconditionally" },
    { id: "CKV_AWS_62", checks: `policies allow no "*" action on "*" ${ROLES}` },
    { id: "CKV_AWS_63", checks: `policies allow no "*" action, on any resource ${ROLES}` },
    { id: "CKV_AWS_274", checks: `no AWS-managed AdministratorAccess attached or in managed_policy_arns ${ROLES}` },
    { id: "CKV_AWS_286", checks: `policies allow no privilege-escalation actions on "*" (iam:PassRole, iam:Create*, ...) ${ROLES}` },
    { id: "CKV_AWS_287", checks: `policies allow no credentials-exposure actions on "*" (iam:CreateAccessKey, sts:GetFederationToken, ...) ${ROLES}` },
    {
        id: "CKV_AWS_288",
        checks: `policies allow no data-exfiltration actions on "*" (s3:GetObject, ssm:GetParameter, secretsmanager:GetSecretValue, ...) ${ROLES}`,
    },
    { id: "CKV_AWS_289", checks: `policies allow no permissions-management or resource-exposure actions on "*" ${ROLES}` },
    { id: "CKV_AWS_290", checks: `policies allow no write actions on "*" without constraints ${ROLES}` },
    { id: "CKV_AWS_355", checks: `policies allow no "*" resource for actions that support resource-level permissions ${ROLES}` },
];

export const TRIVY_IAM: readonly PeerControl[] = [
    { id: "AWS-0057", checks: `policies use no wildcard action ("s3:*") and no Resource "*" for actions that support resource-level permissions ${ROLES}` },
];
