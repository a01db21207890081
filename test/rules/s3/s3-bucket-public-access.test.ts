import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { s3BucketPublicAccess, s3BucketPublicAccessConfig } from "../../../policy-pack/rules/s3/s3-bucket-public-access";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCOUNT, bucket, BucketSpec, domainName, PROTECTED, s3Uri, tlsBucket, tlsDeny, trail } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "s3-bucket-public-access";
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const allowAll =
    (extra: Record<string, unknown> = {}) =>
    (arn: string) => [tlsDeny(arn), { Sid: "Open", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arn}/*`, ...extra }];
const unblocked: BucketSpec = { publicAccessBlock: false };
const FOUR = "blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets";
const SCOPES = "aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID";
const accountBlock = (args: Partial<aws.s3.AccountPublicAccessBlockArgs> = {}) =>
    new aws.s3.AccountPublicAccessBlock("account", {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
        ...args,
    });

describe(RULE, () => {
    it("has no public buckets allowed by default", () => {
        assert.deepStrictEqual(s3BucketPublicAccessConfig.defaults.publicBuckets, {});
        assert.deepStrictEqual(s3BucketPublicAccess.configSchema?.properties.publicBuckets.default, {});
    });

    it("passes the compliant baseline: a Bucket with a full public access block, no ACL, a TLS-only policy", async () => {
        assertNoFindings(await ruleFindings(RULE, () => tlsBucket("data")));
    });

    it("passes a BucketV2 with the V2 companions", async () => {
        assertNoFindings(await ruleFindings(RULE, () => tlsBucket("data", { kind: "BucketV2", v2Companions: true })));
    });

    it("rejects a bucket without a public access block, naming the four settings", async () => {
        assertFindings(await ruleFindings(RULE, () => tlsBucket("data", unblocked)), RULE, "mandatory", [
            {
                resource: "data",
                message: [
                    exactly(
                        `Bucket "data" does not block public access: no BucketPublicAccessBlock for it has ${FOUR} all true (nor does an AccountPublicAccessBlock of the program). ` +
                            `Add a BucketPublicAccessBlock for the bucket with ${FOUR} all true.`,
                    ),
                ],
            },
        ]);
    });

    it("rejects a BucketV2 whose public access block leaves one setting false", async () => {
        assertFindings(
            await ruleFindings(RULE, () => tlsBucket("data", { kind: "BucketV2", blockSettings: { restrictPublicBuckets: false } })),
            RULE,
            "mandatory",
            [{ resource: "data", message: [/BucketV2 "data" does not block public access/] }],
        );
    });

    it("counts an AccountPublicAccessBlock with all four settings true, not one with a setting false", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                accountBlock();
                tlsBucket("data", unblocked);
            }),
        );
        assertFindings(
            await ruleFindings(RULE, () => {
                accountBlock({ blockPublicPolicy: false });
                tlsBucket("data", unblocked);
            }),
            RULE,
            "mandatory",
            [{ resource: "data", message: [/does not block public access/, /AccountPublicAccessBlock/] }],
        );
    });

    it("rejects a public canned ACL on the bucket itself (acl), even behind a public access block", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = new aws.s3.Bucket("data", { acl: "public-read" });
                new aws.s3.BucketPublicAccessBlock("data-pab", {
                    bucket: b.id,
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                });
            }),
            RULE,
            "mandatory",
            [{ resource: "data", message: [/Bucket "data" is public through Bucket "data" acl\/grants: acl "public-read"/, /"private"/] }],
        );
    });

    it("rejects public-read-write and authenticated-read through BucketAclV2, and a grant to AllUsers or AuthenticatedUsers through BucketAcl", async () => {
        const found = await ruleFindings(RULE, () => {
            const a = tlsBucket("a");
            new aws.s3.BucketAclV2("a-acl", { bucket: a.id, acl: "public-read-write" });
            const b = tlsBucket("b");
            new aws.s3.BucketAclV2("b-acl", { bucket: b.id, acl: "authenticated-read" });
            const c = tlsBucket("c");
            new aws.s3.BucketAcl("c-acl", {
                bucket: c.id,
                accessControlPolicy: {
                    owner: { id: "owner" },
                    grants: [
                        { grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" },
                        { grantee: { type: "Group", uri: AUTH_USERS }, permission: "WRITE" },
                    ],
                },
            });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a", message: [/through BucketAclV2 "a-acl": acl "public-read-write"/] },
            { resource: "b", message: [/through BucketAclV2 "b-acl": acl "authenticated-read"/] },
            { resource: "c", message: [/through BucketAcl "c-acl": a grant to .*AllUsers, a grant to .*AuthenticatedUsers/] },
        ]);
    });

    it("passes a private ACL and grants to the owner", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const a = tlsBucket("a");
                new aws.s3.BucketAclV2("a-acl", { bucket: a.id, acl: "private" });
                const c = tlsBucket("c");
                new aws.s3.BucketAcl("c-acl", {
                    bucket: c.id,
                    accessControlPolicy: { owner: { id: "owner" }, grants: [{ grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" }] },
                });
            }),
        );
    });

    it('rejects a BucketPolicy that Allows Principal "*" or { AWS: "*" } without a scoping condition, naming every such statement', async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                tlsBucket("a", {}, (arn) => [...allowAll()(arn), { Effect: "Allow", Principal: "*", Action: "s3:ListBucket", Resource: arn }]);
                tlsBucket("b", {}, allowAll({ Principal: { AWS: ["*"] }, Sid: undefined }));
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "a",
                    message: [
                        exactly(
                            `Bucket "a" is public through BucketPolicy "a-policy" policy: statement "Open", #3 Allows Principal "*" without a condition scoping it. ` +
                                `Add a condition on ${SCOPES} to the statement, or name the principals.`,
                        ),
                    ],
                },
                { resource: "b", message: [/statement #2 Allows Principal/] },
            ],
        );
    });

    it('passes an Allow of "*" scoped by each of aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID', async () => {
        for (const key of ["aws:SourceVpce", "aws:SourceVpc", "aws:SourceArn", "aws:SourceAccount", "aws:PrincipalOrgID"]) {
            assertNoFindings(await ruleFindings(RULE, () => tlsBucket("a", {}, allowAll({ Condition: { StringEquals: { [key]: "x" } } }))));
        }
    });

    it('rejects an Allow of "*" whose only condition does not scope the principal', async () => {
        assertFindings(
            await ruleFindings(RULE, () => tlsBucket("a", {}, allowAll({ Condition: { Bool: { "aws:SecureTransport": true } } }))),
            RULE,
            "mandatory",
            [{ resource: "a", message: [/statement "Open" Allows Principal "\*"/] }],
        );
    });

    it("passes an Allow to a named account principal", async () => {
        assertNoFindings(await ruleFindings(RULE, () => tlsBucket("a", {}, allowAll({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }))));
    });

    it("rejects an open inline bucket policy (Bucket policy)", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                const b = new aws.s3.Bucket("data", {
                    bucket: "data-bucket",
                    policy: JSON.stringify({ Version: "2012-10-17", Statement: allowAll()("arn:aws:s3:::data-bucket") }),
                });
                new aws.s3.BucketPublicAccessBlock("data-pab", {
                    bucket: b.id,
                    blockPublicAcls: true,
                    blockPublicPolicy: true,
                    ignorePublicAcls: true,
                    restrictPublicBuckets: true,
                });
            }),
            RULE,
            "mandatory",
            [{ resource: "data", message: [/through Bucket "data" policy: statement "Open"/] }],
        );
    });

    it("reports a policy built from the bucket ARN as unverifiable at preview (update knows it and passes)", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const b = bucket("data", PROTECTED);
            new aws.s3.BucketPolicy("data-policy", {
                bucket: b.id,
                policy: b.arn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [tlsDeny(arn)] })),
            });
        });
        assertNoFindings(found.update);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "data", message: [/cannot be verified at preview: BucketPolicy "data-policy" policy is unknown; it must not Allow Principal "\*"/] },
        ]);
        assert.deepStrictEqual(
            found.analyzer.preview.map((f) => f.message),
            found.preview.map((f) => f.message),
        );
    });

    it("exempts a bucket listed in publicBuckets with a reason, and only that bucket", async () => {
        const config = { [RULE]: { publicBuckets: { site: "static website, public by design" } } };
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    tlsBucket("site", unblocked, allowAll());
                    tlsBucket("other", unblocked);
                },
                { config },
            ),
            RULE,
            "mandatory",
            [{ resource: "other", message: [/does not block public access/] }],
        );
    });

    it("rejects a publicBuckets entry without a reason", async () => {
        const config = { [RULE]: { publicBuckets: { site: " " } } };
        assertFindings(await ruleFindings(RULE, () => tlsBucket("site", unblocked), { config }), RULE, "mandatory", [
            { resource: "site", message: [/listed in publicBuckets without a reason/] },
        ]);
    });

    it("never exempts an audit or truststore bucket (here one that is both), and judges it as any other", async () => {
        const config = { [RULE]: { publicBuckets: { logs: "oops" } } };
        assertFindings(
            await ruleFindings(
                RULE,
                () => {
                    const logs = tlsBucket("logs", unblocked);
                    trail("t", { s3BucketName: logs.bucket });
                    domainName("api", { mutualTlsAuthentication: { truststoreUri: s3Uri(logs, "ca.pem"), truststoreVersion: "v1" } });
                },
                { config },
            ),
            RULE,
            "mandatory",
            [
                {
                    resource: "logs",
                    message: [
                        exactly(
                            'Bucket "logs" is listed in publicBuckets but holds audit and truststore data, which is never public; remove it from publicBuckets.',
                        ),
                    ],
                },
                { resource: "logs", message: [/does not block public access/] },
            ],
        );
    });

    it("rejects a config whose publicBuckets reason is not a string", async () => {
        for (const reason of [1, true, { why: "website" }]) {
            await assert.rejects(
                ruleFindings(RULE, () => tlsBucket("site", unblocked), { config: { [RULE]: { publicBuckets: { site: reason } } } }),
                /publicBuckets/,
                JSON.stringify(reason),
            );
        }
    });
});
