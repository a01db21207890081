/**
 * The peer rule sets the pack is measured against, as data: every in-scope
 * control of each peer, what it checks, and, where the pack deliberately does
 * not implement it, why. Whether a control is covered is never written here:
 * it is computed from the rules' `controls` (see `coverage.ts`).
 */
import type { PeerControls } from "../lib/rule";

/** One in-scope control of a peer. */
export interface PeerControl {
    /** The id as the peer spells it (and as rules list it in `controls`). */
    readonly id: string;
    /** What the peer checks, in one line. */
    readonly checks: string;
    /** Why the pack deliberately does not implement it; absent when the pack should. */
    readonly excluded?: string;
}

/** A peer rule set and its in-scope controls. */
export interface PeerScope {
    readonly peer: keyof PeerControls;
    readonly label: string;
    /** Where the ids and their semantics come from. */
    readonly source: string;
    readonly controls: readonly PeerControl[];
}

/** Reasons shared by several peers' controls. */
export const EXCLUDED = {
    caching:
        "performance, not security: caching on is not required (a cache keyed without the caller's identity leaks one user's response to another); cache encryption whenever caching is on is a separate control",
    cachingAndEncrypted:
        "also requires caching to be on, a performance setting, not security (a cache keyed without the caller's identity leaks responses); only the encryption half is a security control",
    replication: "availability, not security: cross-Region replication protects against a Region outage, not against access",
    lifecycle: "cost and retention hygiene on data buckets, not an access or integrity control (log buckets: s3-bucket-durability's lifecycle check)",
    notifications: "operational hygiene: event notifications do not protect the bucket or its objects",
    mfaDelete: "MFA delete can only be turned on by the root user with its MFA device through the S3 API, never by a deployment role: not a program setting",
    dataEvents: "account-level trail configuration (a trail logging S3 data events for all buckets), outside an API program; an organization trail owns it",
    accountTrail:
        "account-level control (a trail exists in the account), outside an API program; the platform stack's own trail is checked by cloudtrail-secure-trail",
    accountPublicAccessBlock:
        "account-level setting outside an API program; every bucket the program creates is checked by s3-bucket-public-access, which also accepts an AccountPublicAccessBlock in the program",
    defaultSse:
        "S3 encrypts every new bucket with SSE-S3 since January 2023, so a bucket without an encryption configuration is not unencrypted; the real requirement, SSE-KMS, is a separate control",
    kmsByPurpose:
        "SSE-KMS with a customer-managed key is required by bucket purpose (audit and truststore buckets always, others as configured: s3-bucket-kms-encryption's requireKmsFor); other buckets are encrypted with SSE-S3 by S3",
    privateStageWaf:
        "PRIVATE APIs are reachable only through VPC endpoints and are required to have a VPC-scoped resource policy instead (apigw-private-api-resource-policy); EDGE/REGIONAL stages are covered by apigw-public-stage-waf",
    clientCertificate:
        "a backend client certificate authenticates API Gateway to HTTP backends only; a stage whose integrations are Lambda, AWS service or MOCK has no TLS backend to present it to, so requiring it on every stage checks nothing",
    runtimeState: "runtime state of the deployed resource (read from the AWS API), not in a program's inputs: the offline gate cannot see it",
    keyEnabled: "availability, not security: a disabled key makes data unreadable, it exposes nothing",
    lockout: "availability, not security: a bucket policy that locks out all but root denies access, it exposes nothing",
    alarmDelivery: "operational notification of log-file delivery, not a protection of the trail or its logs",
    retention365:
        "the minimum retention is the organization's choice: log-group-retention requires an explicit retention (never 0 or unset) with a configurable minimum (baseline 90 days, prod 365)",
    cognitoAuthorizerOnly:
        "architecture choice, not a weakness: the pack accepts any real authorizer (Cognito, JWT, Lambda, IAM) and rejects NONE on every non-preflight method (apigw-method-requires-authorization)",
    mockPreflight:
        'deliberate: an anonymous OPTIONS method answered by a MOCK integration (a CORS preflight) reaches no backend, so apigw-method-requires-authorization exempts it on any API; this check fails such preflights (trivy compares the method to "OPTION", so it flags every OPTIONS), and every other anonymous method fails the pack\'s rule too',
    scopedWildcardPrincipal:
        'deliberate (issue 13 item 1): principal "*" is accepted when principalOrgId, sourceAccount or sourceArn scopes it, as Security Hub Lambda.1 and cdk-nag\'s LambdaFunctionPublicAccessProhibited accept it; an unscoped "*" fails lambda-permission-scoped',
    defaultKeyPolicy:
        "KMS gives a key created without a policy its default key policy (the owning account only), which opens nothing; a policy that is set is judged by the KMS key policy rule",
    anonymousIpList:
        "AnonymousIpList also blocks requests from web hosting providers (AWS included), so it would block legitimate server-to-server API clients: it is not a default required group (add it to waf-managed-rules-and-rate-limit's requiredRuleGroups where it fits); KnownBadInputs with Log4JRCE in force is required",
    validatorEverywhere:
        "a request validator checks a method's request model and its required parameters; on a method with neither (a GET without parameters, a MOCK CORS preflight) it validates nothing, so the pack asks for one where there is something to validate (apigw-request-validation: a Method's request models or required parameters, an OpenAPI body operation's request body schema)",
    plusTier: "a pricing tier, not a control: the security it enables, threat protection in ENFORCED mode, is checked by cognito-advanced-security",
} as const;
