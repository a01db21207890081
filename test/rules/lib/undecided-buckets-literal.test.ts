/**
 * lib/undecided-buckets, literally: an unknown trail s3BucketName or domain truststore URI is undecided only
 * when it came from no bucket of the stack (any one of them, and there must be one), and only for the purposes
 * the setting names.
 */
import * as assert from "assert";
import { undecidedReferences } from "../../../policy-pack/rules/lib/undecided-buckets";
import { policyResource, U } from "./preview-values";

const bucket = (name: string) => policyResource("aws:s3/bucket:Bucket", name, { bucket: `${name}-bucket`, id: U });
const a = bucket("a");
const b = bucket("b");
const trail = policyResource("aws:cloudtrail/trail:Trail", "t", { s3BucketName: U }, { s3BucketName: [b] });
const domain = policyResource(
    "aws:apigatewayv2/domainName:DomainName",
    "d",
    { domainName: "api.example.com", mutualTlsAuthentication: { truststoreUri: U } },
    { mutualTlsAuthentication: [b] },
);
const loneTrail = policyResource("aws:cloudtrail/trail:Trail", "lone", { s3BucketName: U }, { s3BucketName: [] });

describe("lib/undecided-buckets (literal)", () => {
    it("a reference built from the second of two buckets is decided", () => {
        assert.deepStrictEqual(undecidedReferences([a, b, trail, domain], ["audit", "truststore"]), []);
    });

    it("a reference built from no bucket is undecided, naming its unknown path", () => {
        assert.deepStrictEqual(undecidedReferences([a, b, loneTrail], ["audit"]), ['Trail "lone".s3BucketName']);
    });

    it("with no bucket in the stack, an unknown reference is undecided", () => {
        assert.deepStrictEqual(undecidedReferences([trail, domain], ["audit", "truststore"]), [
            'Trail "t".s3BucketName',
            'DomainName "d".mutualTlsAuthentication.truststoreUri',
        ]);
    });

    it("only the purposes the setting names are read", () => {
        assert.deepStrictEqual(undecidedReferences([loneTrail], ["truststore"]), []);
    });
});
