/**
 * Who can reach an S3 bucket and how: its purpose (audit log, mTLS
 * truststore), the account- and bucket-level public access blocks, ACLs, and
 * the statements of its bucket policy (inline `policy` or an
 * `aws.s3.BucketPolicy`). Same conventions as `buckets.ts`: links by
 * propertyDependencies first, values through the safe readers.
 */
import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { BucketResource, s3BucketOfUri } from "./buckets";
import { isUnknown, known, Known, knownDeep, snapshot } from "./known";
import { derivedFrom, knownOutput, leftUnset, OutputsOf, refersTo, resourcesOf, sameKnownString, StackResource } from "./resources";
import { asArray, asRecord, parseJsonDocument, Props } from "./values";

/** The bucket's inline settings (both classes have the same ones). */
function typedOf(bucket: BucketResource): StackResource<OutputsOf<aws.s3.Bucket>> {
    return bucket.typed as StackResource<OutputsOf<aws.s3.Bucket>>;
}

/** What a bucket is for; `all` in a config means every bucket. */
export type BucketPurpose = "audit" | "truststore";
export const BUCKET_PURPOSES = ["audit", "truststore", "all"] as const;
export type BucketPurposeSetting = (typeof BUCKET_PURPOSES)[number];

/** The purposes of a bucket: `audit` when a trail writes to it, `truststore` when a domain's mTLS truststore is in it. */
export function purposesOf(resources: readonly PolicyResource[], bucket: BucketResource): BucketPurpose[] {
    const purposes: BucketPurpose[] = [];
    if (resourcesOf(resources, aws.cloudtrail.Trail).some((t) => refersTo(t, "s3BucketName", bucket.common, [(b) => b.bucket, (b) => b.id]))) {
        purposes.push("audit");
    }
    const truststore = [...resourcesOf(resources, aws.apigateway.DomainName), ...resourcesOf(resources, aws.apigatewayv2.DomainName)].some((d) => {
        const uri = known(() => d.props.mutualTlsAuthentication?.truststoreUri);
        return (
            derivedFrom(d, "mutualTlsAuthentication", bucket.common) ||
            (uri.known &&
                sameKnownString(
                    () => s3BucketOfUri(uri.value),
                    () => bucket.common.props.bucket,
                ))
        );
    });
    if (truststore) {
        purposes.push("truststore");
    }
    return purposes;
}

/** True when the config's purposes select the bucket. */
export function selects(setting: readonly BucketPurposeSetting[], purposes: readonly BucketPurpose[]): boolean {
    return setting.includes("all") || purposes.some((p) => setting.includes(p));
}

/** A companion resource whose `bucket` names the bucket (by dependency, or by a known name or id). */
export function companionsOf<P extends { readonly bucket: string }>(companions: readonly StackResource<P>[], bucket: BucketResource): StackResource<P>[] {
    return companions.filter((c) => refersTo(c, "bucket", bucket.common, [(b) => b.bucket, (b) => b.id]));
}

const flags = (p: {
    readonly blockPublicAcls?: boolean;
    readonly blockPublicPolicy?: boolean;
    readonly ignorePublicAcls?: boolean;
    readonly restrictPublicBuckets?: boolean;
}) => [p.blockPublicAcls, p.blockPublicPolicy, p.ignorePublicAcls, p.restrictPublicBuckets];

/** The account's public access block in this program: yes when one has all four settings true. */
export function accountPublicAccessBlocked(resources: readonly PolicyResource[]): boolean {
    return resourcesOf(resources, aws.s3.AccountPublicAccessBlock).some((a) => {
        const v = knownDeep(() => flags(a.props));
        return v.known && v.value.every((f) => f === true);
    });
}

/** Canned ACLs that open a bucket to everyone or to every AWS account. */
export const PUBLIC_CANNED_ACLS: readonly string[] = ["public-read", "public-read-write", "authenticated-read"];
/** Grantee groups that are everyone / every AWS account. */
export const PUBLIC_GROUPS: readonly string[] = [
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];

/** One ACL setting of a bucket: where it is set, and its public parts (or unknown). */
export interface AclFinding {
    readonly where: string;
    readonly value: Known<string[]>;
}

const publicParts = (acl: string | undefined, uris: readonly (string | undefined)[]) => [
    ...(acl !== undefined && PUBLIC_CANNED_ACLS.includes(acl) ? [`acl "${acl}"`] : []),
    ...uris.filter((u): u is string => u !== undefined && PUBLIC_GROUPS.includes(u)).map((u) => `a grant to ${u}`),
];

/** The public parts of the bucket's ACLs: inline `acl` / `grants`, and each BucketAclV2 / BucketAcl of it. */
export function publicAclsOf(resources: readonly PolicyResource[], bucket: BucketResource): AclFinding[] {
    const inline = knownOutput(typedOf(bucket), "acl", (b) => b.acl);
    const grants = knownOutput(typedOf(bucket), "grants", (b) => (b.grants ?? []).map((g) => g.uri));
    const out: AclFinding[] = [
        {
            where: `${bucket.common.label} acl/grants`,
            value: !inline.known ? inline : !grants.known ? grants : { known: true, value: publicParts(inline.value, grants.value ?? []) },
        },
    ];
    return [...out, ...companionsOf([...resourcesOf(resources, aws.s3.BucketAclV2), ...resourcesOf(resources, aws.s3.BucketAcl)], bucket).map(aclOf)];
}

/** The public parts of one BucketAclV2 / BucketAcl (its canned acl and its grants). */
export function aclOf(a: StackResource<OutputsOf<aws.s3.BucketAclV2>> | StackResource<OutputsOf<aws.s3.BucketAcl>>): AclFinding {
    const acl = knownDeep(() => a.props.acl, "acl");
    // accessControlPolicy is computed when the program gives a canned acl: unknown at preview, and no grant of the program's.
    const read = knownDeep(() => (a.props.accessControlPolicy?.grants ?? []).map((g) => g.grantee?.uri), "accessControlPolicy.grants");
    const uris: Known<(string | undefined)[]> = read.known || !leftUnset(a, "accessControlPolicy") ? read : { known: true, value: [] };
    return { where: a.label, value: !acl.known ? acl : !uris.known ? uris : { known: true, value: publicParts(acl.value, uris.value) } };
}

/** One bucket policy document of a bucket: where it is set, and its statements (or unknown). */
export interface PolicyDocumentOf {
    readonly where: string;
    /** The statements; [] when the policy is not set; unknown at preview when built from outputs. */
    readonly statements: Known<Props[]>;
}

/** The bucket's policy documents: the inline `policy` (when set) and each BucketPolicy of it. */
export function bucketPoliciesOf(resources: readonly PolicyResource[], bucket: BucketResource): PolicyDocumentOf[] {
    const inline = knownOutput(typedOf(bucket), "policy", (b) => b.policy);
    const out: PolicyDocumentOf[] = [];
    if (!inline.known || (inline.value !== undefined && inline.value !== "")) {
        out.push({ where: `${bucket.common.label} policy`, statements: parse(inline) });
    }
    return [...out, ...companionsOf(resourcesOf(resources, aws.s3.BucketPolicy), bucket).map(policyDocumentOf)];
}

/** The statements of a policy document ([] when unset), or unknown. */
function parse(doc: Known<unknown>): Known<Props[]> {
    return doc.known
        ? { known: true, value: doc.value === undefined || doc.value === "" ? [] : asArray(parseJsonDocument(doc.value)?.Statement).map(asRecord) }
        : doc;
}

/** The document of one BucketPolicy. */
export function policyDocumentOf(p: StackResource<OutputsOf<aws.s3.BucketPolicy>>): PolicyDocumentOf {
    return { where: `${p.label} policy`, statements: parse(knownDeep(() => p.props.policy, "policy")) };
}

/** Condition keys that scope a `*` principal to a network, an organization, an account or a source resource. */
export const SCOPING_CONDITION_KEYS: readonly string[] = ["aws:sourcevpce", "aws:sourcearn", "aws:principalorgid", "aws:sourceaccount", "aws:sourcevpc"];

/** The condition keys of a statement, lower-cased. */
export function conditionKeysOf(statement: Props): string[] {
    return Object.values(asRecord(statement.Condition)).flatMap((operands) => Object.keys(asRecord(operands)).map((k) => k.toLowerCase()));
}

/** True when a principal is everyone: `"*"` or `{ AWS: "*" }` (also in a list). */
export function isEveryone(principal: unknown): boolean {
    return principal === "*" || asArray(asRecord(principal).AWS).includes("*");
}

/** The Sids (or positions) of statements that Allow `*` without a scoping condition. */
export function publicStatements(statements: readonly Props[]): string[] {
    return statements.flatMap((s, i) =>
        s.Effect === "Allow" && isEveryone(s.Principal) && !conditionKeysOf(s).some((k) => SCOPING_CONDITION_KEYS.includes(k))
            ? [typeof s.Sid === "string" ? `"${s.Sid}"` : `#${i + 1}`]
            : [],
    );
}

/** True when a statement Denies `s3:*` (or `*`) to everyone on `aws:SecureTransport` false, for the bucket and its objects. */
export function isTlsOnlyDeny(s: Props, bucketArns: readonly string[]): boolean {
    const actions = asArray(s.Action);
    const resources = asArray(s.Resource).filter((r): r is string => typeof r === "string");
    const secureTransportFalse = Object.entries(asRecord(s.Condition)).some(
        ([op, operands]) =>
            op === "Bool" &&
            Object.entries(asRecord(operands)).some(
                ([k, v]) => k.toLowerCase() === "aws:securetransport" && asArray(v).some((x) => x === false || x === "false"),
            ),
    );
    const coversBucket = bucketArns.some((arn) => resources.includes(arn) && resources.includes(`${arn}/*`));
    return s.Effect === "Deny" && isEveryone(s.Principal) && (actions.includes("s3:*") || actions.includes("*")) && secureTransportFalse && coversBucket;
}

/** The ARNs a bucket policy may name the bucket by (its known name or ARN), or unknown. */
export function bucketArnsOf(bucket: BucketResource): Known<string[]> {
    const name = knownDeep(() => bucket.common.props.bucket, "bucket");
    const arn = knownDeep(() => typedOf(bucket).props.arn, "arn");
    if (!name.known && !arn.known) {
        return name;
    }
    return { known: true, value: [...(name.known && name.value ? [`arn:aws:s3:::${name.value}`] : []), ...(arn.known && arn.value ? [arn.value] : [])] };
}

/** How a bucket's objects are encrypted by default: with a customer-managed KMS key, or what else (or unknown). */
export type KmsEncryption =
    | { readonly state: "cmk" }
    | { readonly state: "sse-s3" }
    | { readonly state: "aws-managed"; readonly where: string }
    | { readonly state: "unknown"; readonly what: string };

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** A part of a snapshot and its path; a step into an unknown part stays at that part (the path that is unknown). */
type Part = { readonly value: unknown; readonly path: string };
const step = (p: Part, key: string): Part => (isUnknown(p.value) ? p : { value: asRecord(p.value)[key], path: `${p.path}.${key}` });

/** The bucket's default encryption, from its BucketServerSideEncryptionConfiguration(V2) or inline configuration; none is SSE-S3 (S3's default since January 2023). */
export function kmsEncryptionOf(resources: readonly PolicyResource[], bucket: BucketResource): KmsEncryption {
    // Snapshots: an unknown key ARN (kmsMasterKeyId: key.arn) must not hide the known algorithm.
    const candidates: { where: string; subject: string; defaults: Part[] }[] = companionsOf(
        [
            ...resourcesOf(resources, aws.s3.BucketServerSideEncryptionConfiguration),
            ...resourcesOf(resources, aws.s3.BucketServerSideEncryptionConfigurationV2),
        ],
        bucket,
    ).map((e) => {
        const rules = snapshot(() => e.props.rules);
        const defaults = isUnknown(rules)
            ? [{ value: rules, path: "rules" }]
            : asArray(rules).map((r, i) => step({ value: r, path: `rules.${i}` }, "applyServerSideEncryptionByDefault"));
        return { where: e.label, subject: e.label, defaults };
    });
    const typed = typedOf(bucket);
    if (!leftUnset(typed, "serverSideEncryptionConfiguration")) {
        const inline = { value: snapshot(() => typed.props.serverSideEncryptionConfiguration), path: "serverSideEncryptionConfiguration" };
        candidates.push({
            where: `${bucket.common.label} serverSideEncryptionConfiguration`,
            subject: bucket.common.label,
            defaults: [step(step(inline, "rule"), "applyServerSideEncryptionByDefault")],
        });
    }
    let unknown: KmsEncryption | undefined;
    let awsManaged: KmsEncryption | undefined;
    for (const c of candidates) {
        for (const d of c.defaults) {
            const algorithm = step(d, "sseAlgorithm");
            const key = step(d, "kmsMasterKeyId").value;
            if (isUnknown(algorithm.value)) {
                unknown ??= { state: "unknown", what: `${c.subject}.${algorithm.path}` };
            } else if (typeof algorithm.value === "string" && KMS_ALGORITHMS.includes(algorithm.value)) {
                // A key derived from another resource is a customer-managed key even before its ARN is known. The
                // AWS-managed key is `alias/aws/s3` alone or as an alias ARN's resource (`…:alias/aws/s3`): AWS reserves
                // only aliases starting `alias/aws/`, so `alias/team/aws/s3` is a customer's (KMS CreateAlias).
                if (isUnknown(key) || (typeof key === "string" && key !== "" && !/(^|:)alias\/aws\/s3$/.test(key))) {
                    return { state: "cmk" };
                }
                awsManaged ??= { state: "aws-managed", where: c.where };
            }
        }
    }
    return unknown ?? awsManaged ?? { state: "sse-s3" };
}

/** The Sids (or positions) of statements that Allow `service` without an aws:SourceArn or aws:SourceAccount condition. */
export function unscopedServiceStatements(statements: readonly Props[], service: string): string[] {
    return statements.flatMap((s, i) =>
        s.Effect === "Allow" &&
        asArray(asRecord(s.Principal).Service).includes(service) &&
        !conditionKeysOf(s).some((k) => k === "aws:sourcearn" || k === "aws:sourceaccount")
            ? [typeof s.Sid === "string" ? `"${s.Sid}"` : `#${i + 1}`]
            : [],
    );
}

/** yes / no / unknown, as in `buckets.ts`. */
export type Answer = { readonly state: "yes" | "no" } | { readonly state: "unknown"; readonly what: string };

/** Object ownership BucketOwnerEnforced (ACLs disabled), by a BucketOwnershipControls of the bucket. */
export function ownerEnforcedOf(resources: readonly PolicyResource[], bucket: BucketResource): Answer {
    let answer: Answer = { state: "no" };
    for (const o of companionsOf(resourcesOf(resources, aws.s3.BucketOwnershipControls), bucket)) {
        const v = known(() => o.props.rule?.objectOwnership, "rule.objectOwnership");
        if (v.known && v.value === "BucketOwnerEnforced") {
            return { state: "yes" };
        }
        answer = v.known ? answer : { state: "unknown", what: `${o.label}.${v.path}` };
    }
    return answer;
}

/** An enabled lifecycle rule: a BucketLifecycleConfiguration(V2) of the bucket, or the bucket's inline lifecycleRules. */
export function lifecycleOf(resources: readonly PolicyResource[], bucket: BucketResource): Answer {
    let answer: Answer = { state: "no" };
    for (const l of companionsOf(
        [...resourcesOf(resources, aws.s3.BucketLifecycleConfigurationV2), ...resourcesOf(resources, aws.s3.BucketLifecycleConfiguration)],
        bucket,
    )) {
        const v = knownDeep(() => (l.props.rules ?? []).map((r) => r.status), "rules");
        if (v.known && v.value.includes("Enabled")) {
            return { state: "yes" };
        }
        answer = v.known ? answer : { state: "unknown", what: `${l.label}.${v.path}` };
    }
    const inline = knownOutput(typedOf(bucket), "lifecycleRules", (b) => (b.lifecycleRules ?? []).map((r) => r.enabled));
    if (inline.known && (inline.value ?? []).includes(true)) {
        return { state: "yes" };
    }
    return inline.known ? answer : { state: "unknown", what: `${bucket.common.label}.lifecycleRules` };
}
