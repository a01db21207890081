import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, bucketPolicy, BucketStatement, PROTECTED, tlsBucket, tlsDeny } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "s3-bucket-tls-only";
const without = (change: Partial<BucketStatement>) => (arn: string) => [{ ...tlsDeny(arn), ...change }];
const DENY = `a statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket ARN, bucket ARN + "/*"], Condition: { Bool: { "aws:SecureTransport": false } } }`;
const document = (...statements: BucketStatement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const readByAccount = (arn: string): BucketStatement => ({
    Effect: "Allow",
    Principal: { AWS: "arn:aws:iam::123456789012:root" },
    Action: "s3:GetObject",
    Resource: `${arn}/*`,
});

describe(RULE, () => {
    it("passes the compliant baseline: a BucketPolicy denying s3:* on the bucket and its objects without TLS", async () => {
        assertNoFindings(await ruleFindings(RULE, () => tlsBucket("data")));
    });

    it('passes a BucketV2, a Deny of "*" actions, a string "false" and Principal { AWS: "*" }', async () => {
        assertNoFindings(
            await ruleFindings(RULE, () =>
                tlsBucket(
                    "data",
                    { kind: "BucketV2" },
                    without({ Action: "*", Principal: { AWS: "*" }, Condition: { Bool: { "aws:SecureTransport": "false" } } }),
                ),
            ),
        );
    });

    it("passes the Deny given inline in the bucket's policy", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                new aws.s3.Bucket("data", {
                    bucket: "data-bucket",
                    policy: JSON.stringify({ Version: "2012-10-17", Statement: [tlsDeny("arn:aws:s3:::data-bucket")] }),
                });
            }),
        );
    });

    it("passes when one statement of one of the bucket's policies is the Deny (the inline policy or a BucketPolicy, among other statements)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const inline = new aws.s3.Bucket("inline", { bucket: "inline-bucket", policy: document(tlsDeny("arn:aws:s3:::inline-bucket")) });
                new aws.s3.BucketPolicy("inline-policy", { bucket: inline.id, policy: document(readByAccount("arn:aws:s3:::inline-bucket")) });
                const companion = new aws.s3.Bucket("companion", {
                    bucket: "companion-bucket",
                    policy: document(readByAccount("arn:aws:s3:::companion-bucket")),
                });
                bucketPolicy("companion", companion, (arn) => [readByAccount(arn), tlsDeny(arn)]);
                new aws.s3.BucketPolicy("external", { bucket: "foo", policy: document(readByAccount("arn:aws:s3:::foo"), tlsDeny("arn:aws:s3:::foo")) });
            }),
        );
    });

    it("rejects every bucket without a bucket policy (Bucket and BucketV2)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                bucket("a", PROTECTED);
                bucket("b", { ...PROTECTED, kind: "BucketV2" });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/Bucket "a" has no bucket policy, so it accepts requests without TLS/, /aws:SecureTransport/] },
                { resource: "b", message: [/BucketV2 "b" has no bucket policy/] },
            ],
        );
    });

    it("rejects a policy without the Deny, naming every policy document of the bucket", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                tlsBucket("data", {}, (arn) => [readByAccount(arn)]);
                const both = new aws.s3.Bucket("both", { bucket: "both-bucket", policy: document(readByAccount("arn:aws:s3:::both-bucket")) });
                bucketPolicy("both", both, (arn) => [readByAccount(arn)]);
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "data",
                    message: [
                        exactly(
                            `Bucket "data" accepts requests without TLS: BucketPolicy "data-policy" policy has no statement that Denies s3:* on the bucket and its objects when aws:SecureTransport is false. Add ${DENY}.`,
                        ),
                    ],
                },
                {
                    resource: "both",
                    message: [
                        exactly(
                            `Bucket "both" accepts requests without TLS: Bucket "both" policy and BucketPolicy "both-policy" policy has no statement that Denies s3:* on the bucket and its objects when aws:SecureTransport is false. Add ${DENY}.`,
                        ),
                    ],
                },
            ],
        );
    });

    for (const [what, change] of [
        ["an Allow instead of a Deny", { Effect: "Allow" }],
        ["only some actions", { Action: "s3:GetObject" }],
        ["only the objects", { Resource: "arn:aws:s3:::REPLACED/*" }],
        ["aws:SecureTransport true", { Condition: { Bool: { "aws:SecureTransport": true } } }],
        ["a named principal", { Principal: { AWS: "arn:aws:iam::123456789012:root" } }],
    ] as const) {
        it(`rejects a Deny with ${what}`, async () => {
            assertFindings(
                await ruleFindings(RULE, () => {
                    const b = bucket("data", PROTECTED);
                    bucketPolicy("data", b, (arn) => without(change.Resource ? { Resource: `${arn}/*` } : change)(arn));
                }),
                RULE,
                "mandatory",
                [{ resource: "data", message: [/accepts requests without TLS/] }],
            );
        });
    }

    it("rejects a Deny naming another bucket", async () => {
        assertFindings(await ruleFindings(RULE, () => tlsBucket("data", {}, () => [tlsDeny("arn:aws:s3:::other")])), RULE, "mandatory", [
            { resource: "data", message: [/accepts requests without TLS/] },
        ]);
    });

    it("judges a BucketPolicy of a bucket the program does not create: the Deny on its ARN (cdk-nag S3BucketSSLRequestsOnly Noncompliance 7, 8)", async () => {
        const external = (name: string, statement: BucketStatement) =>
            new aws.s3.BucketPolicy(name, { bucket: "foo", policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) });
        assertNoFindings(await ruleFindings(RULE, () => external("p", tlsDeny("arn:aws:s3:::foo"))));
        assertFindings(
            await ruleFindings(RULE, () => {
                external("not-s3", { ...tlsDeny("arn:aws:s3:::foo"), Action: "nots3:*" });
                external("other-objects", { ...tlsDeny("arn:aws:s3:::foo"), Resource: ["arn:aws:s3:::foo", "arn:aws:s3:::foobar/*"] });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "not-s3",
                    message: [/BucketPolicy "not-s3" \(of bucket "foo", not created by this program\)/, /arn:aws:s3:::foo\/\*/, /aws:SecureTransport/],
                },
                { resource: "other-objects", message: [/BucketPolicy "other-objects"/, /no statement that Denies s3:\*/] },
            ],
        );
    });
    it("rejects Checkov CKV_AWS_379's failing case: a public-read ACL whose bucket policy has no aws:SecureTransport statement (program and external bucket)", async () => {
        const noTls = JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::foo/*" }],
        });
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = bucket("public", PROTECTED);
                new aws.s3.BucketAclV2("public-acl", { bucket: b.id, acl: "public-read" });
                bucketPolicy("public", b, (arn) => [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arn}/*` }]);
                new aws.s3.BucketAclV2("foo-acl", { bucket: "foo", acl: "public-read" });
                new aws.s3.BucketPolicy("foo-policy", { bucket: "foo", policy: noTls });
            }),
            RULE,
            "mandatory",
            [
                { resource: "public", message: [/accepts requests without TLS/] },
                { resource: "foo-policy", message: [/BucketPolicy "foo-policy" \(of bucket "foo", not created by this program\)/, /aws:SecureTransport/] },
            ],
        );
    });

    it("a bucket policy or bucket name built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const doc = (arn: string) => JSON.stringify({ Version: "2012-10-17", Statement: [tlsDeny(arn)] });
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("policy", PROTECTED);
            new aws.s3.BucketPolicy("policy-policy", { bucket: b.id, policy: afterDeployment(doc("arn:aws:s3:::elsewhere")) });
            new aws.s3.Bucket("inline", { bucket: "inline-bucket", policy: afterDeployment(doc("arn:aws:s3:::elsewhere")) });
            // The bucket's name is unknown, so the known Deny's Resource cannot be matched to it yet.
            const named = new aws.s3.Bucket("named", { bucket: afterDeployment("named-bucket") });
            new aws.s3.BucketPolicy("named-policy", { bucket: named.id, policy: doc("arn:aws:s3:::elsewhere") });
            new aws.s3.BucketPolicy("external", { bucket: "foo", policy: afterDeployment(doc("arn:aws:s3:::elsewhere")) });
            // A known policy on an external bucket whose name is unknown: its Deny cannot be matched to the bucket yet.
            new aws.s3.BucketPolicy("external-bucket", { bucket: afterDeployment("bar"), policy: doc("arn:aws:s3:::elsewhere") });
        });
        const must =
            / is unknown; it must contain a statement \{ Effect: "Deny", Principal: "\*", Action: "s3:\*", Resource: \[bucket ARN, bucket ARN \+ "\/\*"\], Condition: \{ Bool: \{ "aws:SecureTransport": false \} \} \}\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "policy", message: [/^Bucket "policy": cannot be verified at preview: BucketPolicy "policy-policy" policy is unknown;/, must] },
            { resource: "inline", message: [/^Bucket "inline": cannot be verified at preview: Bucket "inline" policy is unknown;/, must] },
            {
                resource: "named",
                message: [
                    /^Bucket "named": cannot be verified at preview: its bucket is unknown, so the policy's Resource cannot be matched; it must contain /,
                ],
            },
            {
                resource: "external",
                message: [
                    /^BucketPolicy "external" \(of bucket "foo", not created by this program\): cannot be verified at preview: policy is unknown; the policy must contain /,
                ],
            },
            {
                resource: "external-bucket",
                message: [
                    exactly(
                        `BucketPolicy "external-bucket" (of bucket unknown at preview, not created by this program): cannot be verified at preview: bucket is unknown; the policy must contain ${DENY}.`,
                    ),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "policy", message: [/^Bucket "policy" accepts requests without TLS: BucketPolicy "policy-policy" policy has no statement/] },
            { resource: "inline", message: [/^Bucket "inline" accepts requests without TLS: Bucket "inline" policy has no statement/] },
            { resource: "named", message: [/^Bucket "named" accepts requests without TLS/] },
            {
                resource: "external",
                message: [/^BucketPolicy "external" \(of bucket "foo", not created by this program\) lets the bucket accept requests without TLS/],
            },
            {
                resource: "external-bucket",
                message: [/^BucketPolicy "external-bucket" \(of bucket "bar", not created by this program\) lets the bucket accept requests without TLS/],
            },
        ]);
    });
});
