import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, bucket, BucketSpec, CERT_ARN, PROTECTED, s3Uri } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";
import { assertTruststorePreview } from "../truststore-preview";

const RULE = "apigwv2-mtls-truststore-bucket";

type MutualTls = aws.types.input.apigatewayv2.DomainNameMutualTlsAuthentication | undefined;
const v2Domain = (name: string, mutualTlsAuthentication: pulumi.Input<MutualTls>) =>
    new aws.apigatewayv2.DomainName(name, {
        domainName: `${name}.example.com`,
        domainNameConfiguration: { certificateArn: CERT_ARN, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
        mutualTlsAuthentication,
    });

/** A v2 domain whose mTLS truststore lives in a bucket with the given protections. */
const mtlsDomain = (name: string, spec: BucketSpec, pinVersion = true) => {
    const b = bucket(`${name}-truststore`, spec);
    const bundle = new aws.s3.BucketObjectv2(`${name}-bundle`, { bucket: b.id, key: "truststore.pem", content: "pem" });
    v2Domain(name, { truststoreUri: s3Uri(b, "truststore.pem"), truststoreVersion: pinVersion ? bundle.versionId : undefined });
};

describe(RULE, () => {
    it("passes the compliant baseline: a pinned truststore in a versioned, encrypted, blocked bucket", async () => {
        assertNoFindings(await ruleFindings(RULE, () => mtlsDomain("api", PROTECTED)));
    });

    it("does not judge v2 domains without mTLS", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                v2Domain("plain", undefined);
            }),
        );
    });

    it("rejects an unpinned truststore version", async () => {
        assertFindings(await ruleFindings(RULE, () => mtlsDomain("api", PROTECTED, false)), RULE, "mandatory", [
            { resource: "api", message: [/DomainName "api" does not pin mutualTlsAuthentication\.truststoreVersion/] },
        ]);
    });

    it("rejects every unprotected truststore bucket, listing what each lacks", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                mtlsDomain("one", { encryption: true });
                mtlsDomain("two", { kind: "BucketV2", versioning: true, v2Companions: true });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "one-truststore",
                    message: [/mTLS truststore Bucket "one-truststore" \(of DomainName "one"\) lacks a bucket-level BucketPublicAccessBlock .* and versioning/],
                },
                {
                    resource: "two-truststore",
                    message: [/BucketV2 "two-truststore" \(of DomainName "two"\) lacks a bucket-level BucketPublicAccessBlock [^.]*\./],
                },
            ],
        );
    });

    it("finds the bucket by the name in a literal URI", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                new aws.s3.Bucket("named", { bucket: "trust-bucket" });
                v2Domain("api", { truststoreUri: "s3://trust-bucket/ca.pem", truststoreVersion: "v1" });
            }),
            RULE,
            "mandatory",
            [
                {
                    resource: "named",
                    message: [/mTLS truststore Bucket "named" \(of DomainName "api"\) lacks a bucket-level BucketPublicAccessBlock .* and versioning/],
                },
            ],
        );
    });

    it("a truststore URI, mTLS block or bucket setting built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            // A URI from config (not derived from the bucket) names a bucket of the stack only once known.
            new aws.s3.Bucket("named", { bucket: "trust-bucket" });
            v2Domain("uri", { truststoreUri: afterDeployment("s3://trust-bucket/ca.pem"), truststoreVersion: "v1" });
            // A whole mTLS block built from outputs may lack truststoreVersion.
            v2Domain("block", afterDeployment({ truststoreUri: "s3://elsewhere/ca.pem" }));
            // The truststore bucket's versioning status is unknown.
            const b = bucket("status-truststore", { publicAccessBlock: true });
            new aws.s3.BucketVersioning("status-versioning", { bucket: b.id, versioningConfiguration: { status: afterDeployment("Suspended") } });
            v2Domain("status", { truststoreUri: s3Uri(b, "ca.pem"), truststoreVersion: "v1" });
        });
        assertTruststorePreview(RULE, found);
    });
});
