/**
 * logging.kmsKeyArn of JwtAuthorizerFunction: a key ARN of any AWS partition,
 * anchored at both ends (no prefix, no trailing text); a missing (undefined or
 * null) value is refused; an Output is taken as it is (known only once it
 * resolves) and reaches the log group's kmsKeyId.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { JwtAuthorizerFunction, JwtAuthorizerFunctionArgs, jwtAuthorizerFunctionSettings } from "../../../components/lambda";
import { runProgram } from "../../harness";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

const args = (kmsKeyArn: pulumi.Input<string>): JwtAuthorizerFunctionArgs => ({
    issuer: "https://issuer.example",
    audience: "orders-api",
    routeScopes: { "GET /orders": ["orders.read"] },
    functionName: "orders-authorizer",
    logging: { retentionInDays: 90, kmsKeyArn },
});

function rejection(kmsKeyArn: unknown): string {
    try {
        jwtAuthorizerFunctionSettings("authorizer", args(kmsKeyArn as pulumi.Input<string>));
    } catch (error) {
        assert.ok(error instanceof Error);
        return error.message;
    }
    assert.fail(`${JSON.stringify(kmsKeyArn)} was accepted`);
}

describe("JwtAuthorizerFunction logging.kmsKeyArn", () => {
    it("accepts a key ARN of the aws, aws-cn and aws-us-gov partitions", () => {
        for (const arn of [
            `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`,
            `arn:aws-cn:kms:cn-north-1:111122223333:key/${KEY_ID}`,
            `arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/${KEY_ID}`,
        ]) {
            assert.strictEqual(jwtAuthorizerFunctionSettings("authorizer", args(arn)).functionName, "orders-authorizer", arn);
        }
    });

    it("rejects a key ARN with text before it", () => {
        assert.strictEqual(
            rejection(`key=arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`),
            `JwtAuthorizerFunction: logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got "key=arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}")`,
        );
    });

    it("rejects a key ARN with text after it (a trailing space, a further path segment)", () => {
        assert.strictEqual(
            rejection(`arn:aws:kms:us-east-1:111122223333:key/${KEY_ID} `),
            `JwtAuthorizerFunction: logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got "arn:aws:kms:us-east-1:111122223333:key/${KEY_ID} ")`,
        );
        assert.strictEqual(
            rejection(`arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}/extra`),
            `JwtAuthorizerFunction: logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got "arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}/extra")`,
        );
    });

    it("rejects a missing key ARN (undefined)", () => {
        assert.strictEqual(
            rejection(undefined),
            "JwtAuthorizerFunction: logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got undefined)",
        );
    });

    it("rejects a null key ARN", () => {
        assert.strictEqual(rejection(null), "JwtAuthorizerFunction: logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got null)");
    });

    it("rejects a value that is neither a string nor an Output or Promise (a number from JavaScript)", () => {
        assert.strictEqual(rejection(42), "JwtAuthorizerFunction: logging.kmsKeyArn must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got 42)");
    });

    it("takes an Output key ARN unchecked and encrypts the log group with what it resolves to", async () => {
        const arn = `arn:aws:kms:eu-west-1:111122223333:key/${KEY_ID}`;
        assert.strictEqual(jwtAuthorizerFunctionSettings("authorizer", args(pulumi.output(arn))).functionName, "orders-authorizer");
        const plan = await runProgram(() => {
            new JwtAuthorizerFunction("authorizer", args(pulumi.output(arn)));
        });
        assert.strictEqual(plan.props("aws:cloudwatch/logGroup:LogGroup").kmsKeyId, arn);
    });
});
